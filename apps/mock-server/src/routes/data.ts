import { Router } from 'express';
import {
  DATA_TYPES,
  DATA_TYPES_BY_SOURCE_TYPE,
  type DataStatus,
  type DataType,
  type PullOperation,
} from '@consent-kit/contract';
import * as z from 'zod/mini';
import type { Domain } from '../domain.js';
import { ApiError } from '../errors.js';
import { simulatedRecords } from '../seed/records.js';
import type { PullRow } from '../store.js';
import { pageRequest, param, parseQueryParams, requireUuid, toPage } from '../validate.js';
import { companyIdOf } from './companies.js';

const QueueQuery = z.object({ connectionId: z.optional(z.uuid()) });
const ReadQuery = z.object({
  product: z
    .string()
    .check(
      z.minLength(
        1,
        'is required: the product (use case) whose consent covers this read, e.g. ?product=lending',
      ),
    ),
});

function toPull(row: PullRow): PullOperation {
  const { batchId: _batch, dueAt: _due, ...pull } = row;
  return pull;
}

function dataTypeOf(raw: string): DataType {
  if (!(DATA_TYPES as readonly string[]).includes(raw)) throw new ApiError(404, `Unknown data type ${raw}`);
  return raw as DataType;
}

export function dataRouter(domain: Domain): Router {
  const router = Router();

  router.get('/companies/:companyId/dataStatus', (req, res) => {
    const id = companyIdOf(req);
    domain.company(id);
    const statuses: Record<string, DataStatus> = {};
    for (const pull of domain.store.pulls.values()) {
      if (pull.companyId !== id) continue;
      const previous = statuses[pull.dataType];
      const status: DataStatus = {
        dataType: pull.dataType as DataType,
        currentStatus: pull.status,
        latestSyncId: pull.id,
      };
      if (pull.status === 'Complete') {
        status.lastSuccessfulSync = pull.completed ?? pull.requested;
        status.latestSuccessfulSyncId = pull.id;
      } else if (previous?.latestSuccessfulSyncId) {
        status.lastSuccessfulSync = previous.lastSuccessfulSync ?? null;
        status.latestSuccessfulSyncId = previous.latestSuccessfulSyncId;
      }
      statuses[pull.dataType] = status;
    }
    res.json(statuses);
  });

  router.get('/companies/:companyId/data/history', (req, res) => {
    const id = companyIdOf(req);
    domain.company(id);
    const request = pageRequest(req);
    const pulls: PullOperation[] = [];
    for (const pull of domain.store.pulls.values()) if (pull.companyId === id) pulls.push(toPull(pull));
    pulls.reverse(); // newest first, as Codat
    res.json(toPage(pulls, request, `/companies/${id}/data/history`));
  });

  router.get('/companies/:companyId/data/history/:datasetId', (req, res) => {
    const id = companyIdOf(req);
    domain.company(id);
    const datasetId = requireUuid(param(req, 'datasetId'), 'dataset');
    const pull = domain.store.pulls.get(datasetId);
    if (!pull || pull.companyId !== id) throw new ApiError(404, `No dataset was found with ID ${datasetId}`);
    res.json(toPull(pull));
  });

  router.post('/companies/:companyId/data/all', (req, res) => {
    domain.refreshAll(companyIdOf(req));
    res.status(204).end();
  });

  router.post('/companies/:companyId/data/queue/:dataType', (req, res) => {
    const id = companyIdOf(req);
    domain.company(id);
    const dataType = dataTypeOf(param(req, 'dataType'));
    const { connectionId } = parseQueryParams(QueueQuery, { connectionId: req.query.connectionId });
    const pulls = domain.refreshDataType(id, dataType, connectionId);
    res.json(toPull(pulls[0]!));
  });

  /**
   * consent-kit extension: read synced data for a product. Refused (403) unless the product's consent is Active and
   * covers the data type; 404 until a sync of that data type has completed.
   */
  router.get('/companies/:companyId/data/:dataType', (req, res) => {
    const id = companyIdOf(req);
    domain.company(id);
    const dataType = dataTypeOf(param(req, 'dataType'));
    const { product } = parseQueryParams(ReadQuery, { product: req.query.product ?? '' });
    const request = pageRequest(req);
    const consent = domain.consentFor(id, product, dataType);
    const connections = [...domain.store.connections.values()].filter(
      (c) =>
        c.companyId === id &&
        c.status !== 'PendingAuth' &&
        (DATA_TYPES_BY_SOURCE_TYPE[domain.sourceTypeOf(c)] as readonly string[]).includes(dataType) &&
        (consent.connectionIds.length === 0 || consent.connectionIds.includes(c.id)),
    );
    const synced = connections.filter((c) =>
      [...domain.store.pulls.values()].some(
        (p) => p.connectionId === c.id && p.dataType === dataType && p.status === 'Complete',
      ),
    );
    if (synced.length === 0) {
      throw new ApiError(404, `No ${dataType} data has been synced for company ${id} yet`);
    }
    const records = synced.flatMap((c) =>
      simulatedRecords(id, c.id, dataType, domain.clock.now()).map((record) => ({
        ...record,
        connectionId: c.id,
      })),
    );
    res.json(toPage(records, request, `/companies/${id}/data/${dataType}`, { product }));
  });

  return router;
}
