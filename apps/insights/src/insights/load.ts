import {
  FINISHED_PULL_STATUSES,
  JOURNEY_SOURCE_TYPES,
  type Connection,
  type ConsentRecord,
  type DataRecord,
  type DataStatuses,
  type DataType,
  type Product,
} from '@consent-kit/contract';
import { ApiError } from '@consent-kit/client';
import { sourceTypeOf } from '@consent-kit/elements/data-types';
import type { ApiClient } from '../api-client.js';

/** What the dashboard reads, all within the `insights` product's consent (the product declares more). */
export const DASHBOARD_DATA_TYPES = [
  'profitAndLoss',
  'cashFlowStatement',
  'invoices',
  'banking-accountBalances',
] as const satisfies readonly DataType[];
export type DashboardDataType = (typeof DASHBOARD_DATA_TYPES)[number];

/** The consent that decides what a product may read: the active one, else the most recent. */
export function currentConsent(
  consents: readonly ConsentRecord[],
  product: string,
): ConsentRecord | undefined {
  const mine = consents.filter((c) => c.productIdentifier === product);
  return (
    mine.find((c) => c.status === 'Active') ??
    [...mine].sort((a, b) => lastEventTime(b) - lastEventTime(a))[0]
  );
}

export function lastEventTime(consent: ConsentRecord): number {
  return Math.max(Date.parse(consent.timestamp), ...consent.events.map((e) => Date.parse(e.timestamp)));
}

/** When a consent stopped (withdrawn or expired), from its latest event. */
export function endedAt(consent: ConsentRecord): string | undefined {
  return [...consent.events].reverse().find((e) => e.type === 'withdrawn' || e.type === 'expired')?.timestamp;
}

export function consentCovers(consent: ConsentRecord, dataType: DataType): boolean {
  return JOURNEY_SOURCE_TYPES.some((st) =>
    (consent.dataTypes[st] as readonly string[] | undefined)?.includes(dataType),
  );
}

export type DashboardLoad =
  | { kind: 'no-consent'; product: Product; connections: Connection[] }
  | {
      kind: 'consent-ended';
      product: Product;
      consent: ConsentRecord;
      connections: Connection[];
      /** Other products that keep their own active consent (they are not affected). */
      otherActive: Product[];
    }
  | {
      kind: 'ready';
      product: Product;
      consent: ConsentRecord;
      connections: Connection[];
      statuses: DataStatuses;
      /** Records of each data type that has been fetched. */
      records: Partial<Record<DashboardDataType, DataRecord[]>>;
      /** Being fetched now. */
      pending: DashboardDataType[];
      /** Fetched with an error (the provider failed). */
      failed: DashboardDataType[];
      /** No connected platform provides it (e.g. no bank connected), or the consent does not cover it. */
      unavailable: DashboardDataType[];
    };

/** Thrown when a read is refused because the product's consent is not (or no longer) active. */
export class ConsentRefusedError extends Error {
  override name = 'ConsentRefusedError';
}

const FINISHED: ReadonlySet<string> = new Set(FINISHED_PULL_STATUSES);

/**
 * Everything the dashboard shows, read with the company-scoped token and only for `product`: its consent, the
 * connections, the sync state, and the records of the dashboard's data types. A consented data type that was
 * never fetched (the business connected its software for another product first) is queued once: its data is read
 * from the existing connection, without signing in to the provider again.
 */
export async function loadDashboard(
  client: ApiClient,
  companyId: string,
  productId: string,
  signal: AbortSignal,
): Promise<DashboardLoad> {
  const [products, consents, connections] = await Promise.all([
    client.products.list({ signal }),
    client.consents.list(companyId, { pageSize: 5000 }, { signal }),
    client.connections.list(companyId, { pageSize: 5000 }, { signal }),
  ]);
  const product =
    products.results.find((p) => p.identifier === productId) ??
    (await client.products.get(productId, { signal }));
  const consent = currentConsent(consents.results, productId);
  if (!consent) return { kind: 'no-consent', product, connections: connections.results };
  if (consent.status !== 'Active') {
    const active = new Set(
      consents.results.filter((c) => c.status === 'Active').map((c) => c.productIdentifier),
    );
    const otherActive = products.results.filter(
      (p) => p.identifier !== productId && active.has(p.identifier),
    );
    return { kind: 'consent-ended', product, consent, connections: connections.results, otherActive };
  }

  let statuses = await client.data.status(companyId, { signal });
  const linkedSourceTypes = new Set(
    connections.results
      .filter((c) => c.status === 'Linked' || c.status === 'Deauthorized')
      .map((c) => c.sourceType),
  );

  const toQueue = DASHBOARD_DATA_TYPES.filter((dt) => {
    const sourceType = sourceTypeOf(dt);
    return (
      consentCovers(consent, dt) &&
      !statuses[dt] &&
      sourceType !== undefined &&
      linkedSourceTypes.has(sourceType)
    );
  });
  if (toQueue.length) {
    await Promise.all(
      toQueue.map((dt) =>
        client.data.refreshDataType(companyId, dt, { signal }).catch((error: unknown) => {
          // 409: no Linked connection provides it after all; the dashboard then shows it as unavailable.
          if (!(error instanceof ApiError && error.status === 409)) throw error;
        }),
      ),
    );
    statuses = await client.data.status(companyId, { signal });
  }

  const records: Partial<Record<DashboardDataType, DataRecord[]>> = {};
  const pending: DashboardDataType[] = [];
  const failed: DashboardDataType[] = [];
  const unavailable: DashboardDataType[] = [];
  await Promise.all(
    DASHBOARD_DATA_TYPES.map(async (dt) => {
      const status = statuses[dt];
      if (!consentCovers(consent, dt) || !status) {
        unavailable.push(dt);
        return;
      }
      if (!status.lastSuccessfulSync) {
        if (FINISHED.has(status.currentStatus)) failed.push(dt);
        else pending.push(dt);
        return;
      }
      if (!FINISHED.has(status.currentStatus)) pending.push(dt);
      try {
        const page = await client.data.read(
          companyId,
          dt,
          { product: productId, pageSize: 5000 },
          { signal },
        );
        records[dt] = page.results;
      } catch (error) {
        if (error instanceof ApiError && error.status === 403)
          throw new ConsentRefusedError(error.body?.error ?? error.message);
        throw error;
      }
    }),
  );
  const order = (list: DashboardDataType[]) =>
    list.sort((a, b) => DASHBOARD_DATA_TYPES.indexOf(a) - DASHBOARD_DATA_TYPES.indexOf(b));
  return {
    kind: 'ready',
    product,
    consent,
    connections: connections.results,
    statuses,
    records,
    pending: order(pending),
    failed: order(failed),
    unavailable: order(unavailable),
  };
}
