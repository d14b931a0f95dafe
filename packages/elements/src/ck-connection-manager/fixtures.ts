/**
 * Sample data for the stories and tests of `<ck-connection-manager>` (controlled mode). Shapes come from the
 * contract; values are made up. Not exported from the package entry point.
 */
import type { Connection, ConnectionStatus, ConsentEvent, ConsentRecord, Product } from '@consent-kit/contract';

export const FIXTURE_COMPANY_ID = '5c1e4f6a-2b3d-4e5f-8a9b-0c1d2e3f4a5b';
const BASE = 'https://mock.consent-kit.test';

export const lendingProduct: Product = {
  identifier: 'lending',
  name: 'Copay Lending',
  purpose: 'to assess your loan application and monitor your loan',
  dataTypes: {
    Accounting: ['balanceSheet', 'profitAndLoss', 'invoices', 'bills'],
    Banking: ['banking-accounts', 'banking-transactions'],
  },
  retention: { days: 90, description: 'Copay keeps the data it has read for 90 days, then deletes it.' },
  duration: { days: 365 },
  policyUrl: `${BASE}/privacy`,
  termsUrl: `${BASE}/terms`,
};

export const insightsProduct: Product = {
  identifier: 'insights',
  name: 'Insights Dashboard',
  purpose: 'to show you insights about your business',
  dataTypes: { Accounting: ['profitAndLoss', 'balanceSheet', 'invoices'], Commerce: ['commerce-orders'] },
  retention: { days: 30, description: 'Insights keeps the data it has read for 30 days, then deletes it.' },
  duration: { days: 180 },
  policyUrl: `${BASE}/privacy`,
};

export const fixtureProducts: Product[] = [lendingProduct, insightsProduct];

let seq = 0;
/** A deterministic UUID-shaped id for fixtures. */
export function fixtureId(prefix: number): string {
  seq += 1;
  const hex = (prefix * 65_536 + seq).toString(16).padStart(12, '0').slice(-12);
  return `00000000-0000-4000-8000-${hex}`;
}

export function fixtureConnection(overrides: Partial<Connection> & { platformName: string }): Connection {
  const id = overrides.id ?? fixtureId(1);
  return {
    id,
    integrationId: '11111111-1111-4111-8111-111111111111',
    integrationKey: 'gbol',
    sourceId: '22222222-2222-4222-8222-222222222222',
    sourceType: 'Accounting',
    linkUrl: `${BASE}/link/${id}`,
    status: 'Linked',
    created: '2026-03-02T09:15:00Z',
    lastSync: '2026-11-20T07:45:00Z',
    ...overrides,
  };
}

export const xeroConnection = fixtureConnection({
  id: '0c000000-0000-4000-8000-000000000001',
  platformName: 'Xero',
  integrationKey: 'gbol',
  sourceType: 'Accounting',
});
export const bankConnection = fixtureConnection({
  id: '0c000000-0000-4000-8000-000000000002',
  platformName: 'Monzo Business',
  integrationKey: 'mnzo',
  sourceType: 'Banking',
  created: '2026-05-10T12:00:00Z',
});
export const shopConnection = fixtureConnection({
  id: '0c000000-0000-4000-8000-000000000003',
  platformName: 'Shopify',
  integrationKey: 'shpy',
  sourceType: 'Commerce',
  created: '2026-06-01T08:30:00Z',
});

/** One connection per status, for the status stories and test loops. */
export function connectionWithStatus(status: ConnectionStatus): Connection {
  return { ...bankConnection, id: `0c000000-0000-4000-8000-00000000010${['PendingAuth', 'Linked', 'Unlinked', 'Deauthorized'].indexOf(status)}`, status, lastSync: status === 'PendingAuth' ? null : bankConnection.lastSync };
}

function event(consentId: string, type: ConsentEvent['type'], timestamp: string, record: Pick<ConsentRecord, 'dataTypes' | 'connectionIds'>): ConsentEvent {
  return {
    id: fixtureId(3),
    consentId,
    type,
    timestamp,
    dataTypes: record.dataTypes,
    connectionIds: record.connectionIds,
    noticeText: type === 'given' || type === 'amended' ? 'I agree to share the data listed above.' : null,
    reason: null,
  };
}

export function fixtureConsent(product: Product, options: { id?: string; status?: ConsentRecord['status']; connectionIds?: string[]; given?: string; amended?: string; ended?: string } = {}): ConsentRecord {
  const id = options.id ?? fixtureId(2);
  const given = options.given ?? '2026-03-02T09:20:00Z';
  const connectionIds = options.connectionIds ?? [xeroConnection.id, bankConnection.id];
  const base = { dataTypes: product.dataTypes, connectionIds };
  const events: ConsentEvent[] = [event(id, 'given', given, base)];
  if (options.amended) events.push(event(id, 'amended', options.amended, base));
  const status = options.status ?? 'Active';
  if (status !== 'Active') events.push(event(id, status === 'Withdrawn' ? 'withdrawn' : 'expired', options.ended ?? '2026-10-01T10:00:00Z', base));
  const expiresAt = new Date(Date.parse(given) + product.duration.days * 86_400_000).toISOString();
  return {
    id,
    schema: 'ISO/IEC TS 27560:2023',
    subject: { companyId: FIXTURE_COMPANY_ID },
    controller: { name: 'Copay', policyUrl: product.policyUrl },
    productIdentifier: product.identifier,
    purposes: [{ description: product.purpose, legalBasis: 'consent' }],
    dataTypes: product.dataTypes,
    connectionIds,
    duration: { days: product.duration.days, expiresAt: status === 'Active' ? '2099-01-01T00:00:00Z' : expiresAt },
    retention: product.retention,
    policyUrl: product.policyUrl,
    language: 'en',
    collectionMethod: 'web-form',
    timestamp: given,
    status,
    events,
  };
}

export const lendingConsent = fixtureConsent(lendingProduct, {
  id: '0d000000-0000-4000-8000-000000000001',
  amended: '2026-06-01T08:40:00Z',
});
export const insightsConsent = fixtureConsent(insightsProduct, {
  id: '0d000000-0000-4000-8000-000000000002',
  connectionIds: [xeroConnection.id, shopConnection.id],
  given: '2026-06-01T08:35:00Z',
});

/** `count` connections for the "many connections" story and the 200-rows test. */
export function manyConnections(count: number): Connection[] {
  return Array.from({ length: count }, (_, i) =>
    fixtureConnection({
      id: `0e000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`,
      platformName: `Bank ${i + 1}`,
      integrationKey: 'bnkq',
      sourceType: 'Banking',
      status: (['Linked', 'Linked', 'Unlinked', 'Deauthorized'] as const)[i % 4],
    }),
  );
}
