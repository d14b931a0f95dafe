import { Router } from 'express';
import {
  CreateWebhookConsumerRequest,
  type CreatedWebhookConsumer,
  type WebhookConsumer,
  type WebhookDelivery,
} from '@consent-kit/contract';
import type { Domain } from '../domain.js';
import { ApiError } from '../errors.js';
import { newId } from '../ids.js';
import type { WebhookRow } from '../store.js';
import { newWebhookSecret } from '../webhooks/dispatcher.js';
import { pageRequest, param, parseBody, requireUuid, toPage } from '../validate.js';

const toConsumer = (row: WebhookRow): WebhookConsumer => ({
  id: row.id,
  url: row.url,
  disabled: row.disabled,
  eventTypes: [...row.eventTypes],
  companyTags: row.companyTags ? [...row.companyTags] : null,
});

export function webhooksRouter(domain: Domain): Router {
  const router = Router();
  const find = (raw: string) => {
    const id = requireUuid(raw, 'webhook consumer');
    const row = domain.store.webhooks.get(id);
    if (!row) throw new ApiError(404, `No webhook consumer was found with ID ${id}`);
    return row;
  };

  /** Codat's shape: `{results: [...]}` (not paged). */
  router.get('/webhooks', (_req, res) => {
    res.json({ results: [...domain.store.webhooks.values()].map(toConsumer) });
  });

  /** 201 with the consumer and, this once, its signing secret (`whsec_...`). */
  router.post('/webhooks', (req, res) => {
    const body = parseBody(CreateWebhookConsumerRequest, req.body);
    const row: WebhookRow = {
      id: newId(),
      url: body.url,
      disabled: body.disabled ?? false,
      eventTypes: [...new Set(body.eventTypes)],
      companyTags: body.companyTags ?? null,
      secret: newWebhookSecret(),
      created: domain.clock.iso(),
    };
    domain.store.webhooks.set(row.id, row);
    const created: CreatedWebhookConsumer = { ...toConsumer(row), secret: row.secret };
    res.status(201).json(created);
  });

  router.get('/webhooks/:webhookId', (req, res) => {
    res.json(toConsumer(find(param(req, 'webhookId'))));
  });

  router.delete('/webhooks/:webhookId', (req, res) => {
    const row = find(param(req, 'webhookId'));
    domain.store.webhooks.delete(row.id);
    res.status(204).end();
  });

  /** consent-kit extension: the delivery log of one consumer, newest first, paged. */
  router.get('/webhooks/:webhookId/deliveries', (req, res) => {
    const row = find(param(req, 'webhookId'));
    const request = pageRequest(req);
    const deliveries: WebhookDelivery[] = [];
    for (const d of domain.store.deliveries.values()) {
      if (d.webhookId !== row.id) continue;
      const { body: _body, created: _created, ...delivery } = d;
      deliveries.push({ ...delivery, attempts: delivery.attempts.map((a) => ({ ...a })) });
    }
    deliveries.reverse();
    res.json(toPage(deliveries, request, `/webhooks/${row.id}/deliveries`));
  });

  return router;
}
