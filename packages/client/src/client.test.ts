import { q, stringifyQuery, type Company } from '@consent-kit/contract';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as f from '../../contract/test/fixtures.js';
import { ApiError, ConsentKitClient, NetworkError, ResponseValidationError, parseRetryAfter } from './index.js';
import { TestServer, pageOf, type RecordedRequest } from './test-support/server.js';

const server = new TestServer();
beforeAll(() => server.start());
afterAll(() => server.stop());

const API_KEY = 'sartANTjHAkLdbyDfaynoTQb7pkmj6hXHmnQKMrB';

function client(options: Partial<ConstructorParameters<typeof ConsentKitClient>[0]> = {}) {
  return new ConsentKitClient({
    baseUrl: `${server.url}/`,
    auth: { apiKey: API_KEY },
    retry: { retries: 3, baseDelayMs: 5, maxDelayMs: 20 },
    ...options,
  });
}

const companies: Company[] = Array.from({ length: 7 }, (_, i) => ({
  ...(f.company as Company),
  id: `0498e921-9b53-4396-a412-4f2f5983b0a${i}`,
  name: `Company ${i}`,
}));

const conflict = {
  statusCode: 409,
  service: 'PublicApi',
  error: 'A company can have only one accounting connection',
  correlationId: 'bc997528a9d7abb9161ef45f05d38599',
  canBeRetried: 'False',
  detailedErrorCode: 0,
};
const unavailable = { ...conflict, statusCode: 503, error: 'Service unavailable', canBeRetried: 'True' };

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

describe('authentication', () => {
  beforeEach(() => server.replies({ body: f.profile }));

  it('sends Basic base64(apiKey) for an API key, as Codat does', async () => {
    await client().profile.get();
    expect(server.requests[0]!.headers.authorization).toBe(`Basic ${Buffer.from(API_KEY).toString('base64')}`);
  });

  it('sends a bearer token', async () => {
    await client({ auth: { accessToken: 'company-token' } }).profile.get();
    expect(server.requests[0]!.headers.authorization).toBe('Bearer company-token');
  });

  it('asks getAccessToken for a fresh token on every request', async () => {
    let n = 0;
    const c = client({ auth: { getAccessToken: async () => `token-${++n}` } });
    await c.profile.get();
    await c.profile.get();
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(['Bearer token-1', 'Bearer token-2']);
  });
});

describe('endpoints: methods, paths and bodies as in DESIGN.md', () => {
  const companyId = f.companyId;
  const connectionId = f.connectionId;
  const consentId = f.consentId;
  const list = (item: unknown) => pageOf([item], 1, 100, '/x');

  const routes: [string, (c: ConsentKitClient) => Promise<unknown>, string, string, unknown, unknown?][] = [
    ['companies.list', (c) => c.companies.list(), 'GET', '/companies', list(f.company)],
    ['companies.get', (c) => c.companies.get(companyId), 'GET', `/companies/${companyId}`, f.company],
    ['companies.create', (c) => c.companies.create({ name: 'Toft stores' }), 'POST', '/companies', f.company, { name: 'Toft stores' }],
    ['companies.update', (c) => c.companies.update(companyId, { name: 'Toft' }), 'PUT', `/companies/${companyId}`, f.company, { name: 'Toft' }],
    ['companies.patch', (c) => c.companies.patch(companyId, { description: 'd' }), 'PATCH', `/companies/${companyId}`, f.company, { description: 'd' }],
    ['companies.delete', (c) => c.companies.delete(companyId), 'DELETE', `/companies/${companyId}`, undefined],
    ['companies.accessToken', (c) => c.companies.accessToken(companyId), 'GET', `/companies/${companyId}/accessToken`, f.accessToken],
    ['connections.list', (c) => c.connections.list(companyId), 'GET', `/companies/${companyId}/connections`, list(f.connection)],
    ['connections.get', (c) => c.connections.get(companyId, connectionId), 'GET', `/companies/${companyId}/connections/${connectionId}`, f.connection],
    ['connections.create', (c) => c.connections.create(companyId, { platformKey: 'gbol' }), 'POST', `/companies/${companyId}/connections`, f.xeroConnection, { platformKey: 'gbol' }],
    ['connections.unlink', (c) => c.connections.unlink(companyId, connectionId), 'PATCH', `/companies/${companyId}/connections/${connectionId}`, f.connection, { status: 'Unlinked' }],
    ['connections.delete', (c) => c.connections.delete(companyId, connectionId), 'DELETE', `/companies/${companyId}/connections/${connectionId}`, undefined],
    ['connections.updateAuthorization', (c) => c.connections.updateAuthorization(companyId, connectionId, { code: 'x' }), 'PUT', `/companies/${companyId}/connections/${connectionId}/authorization`, f.connection, { code: 'x' }],
    ['integrations.list', (c) => c.integrations.list(), 'GET', '/integrations', list(f.integration)],
    ['integrations.get', (c) => c.integrations.get('gbol'), 'GET', '/integrations/gbol', f.integration],
    ['integrations.branding', (c) => c.integrations.branding('gbol'), 'GET', '/integrations/gbol/branding', f.branding],
    ['data.status', (c) => c.data.status(companyId), 'GET', `/companies/${companyId}/dataStatus`, f.dataStatuses],
    ['data.history', (c) => c.data.history(companyId), 'GET', `/companies/${companyId}/data/history`, list(f.pullOperation)],
    ['data.refreshAll', (c) => c.data.refreshAll(companyId), 'POST', `/companies/${companyId}/data/all`, undefined],
    ['data.refreshDataType', (c) => c.data.refreshDataType(companyId, 'invoices'), 'POST', `/companies/${companyId}/data/queue/invoices`, f.pullOperation],
    ['data.read', (c) => c.data.read(companyId, 'banking-transactions', { product: 'lending' }), 'GET', `/companies/${companyId}/data/banking-transactions`, list({ id: 't1', amount: -12.5 })],
    ['webhooks.list', (c) => c.webhooks.list(), 'GET', '/webhooks', { results: [f.webhookConsumer] }],
    ['webhooks.create', (c) => c.webhooks.create({ url: 'https://lender.example.com/hooks', eventTypes: ['read.completed'] }), 'POST', '/webhooks', { ...f.webhookConsumer, secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' }, { url: 'https://lender.example.com/hooks', eventTypes: ['read.completed'] }],
    ['webhooks.delete', (c) => c.webhooks.delete(f.webhookConsumer.id), 'DELETE', `/webhooks/${f.webhookConsumer.id}`, undefined],
    ['webhooks.deliveries', (c) => c.webhooks.deliveries(f.webhookConsumer.id), 'GET', `/webhooks/${f.webhookConsumer.id}/deliveries`, list(f.webhookDelivery)],
    ['profile.get', (c) => c.profile.get(), 'GET', '/profile', f.profile],
    ['corsSettings.get', (c) => c.corsSettings.get(), 'GET', '/corsSettings', f.corsSettings],
    ['corsSettings.set', (c) => c.corsSettings.set(f.corsSettings), 'POST', '/corsSettings', f.corsSettings, f.corsSettings],
    ['products.list', (c) => c.products.list(), 'GET', '/products', { results: [f.product] }],
    ['products.get', (c) => c.products.get('lending'), 'GET', '/products/lending', f.product],
    ['companyProducts.add', (c) => c.companyProducts.add(companyId, 'lending'), 'PUT', `/companies/${companyId}/products/lending`, undefined],
    ['companyProducts.remove', (c) => c.companyProducts.remove(companyId, 'lending'), 'DELETE', `/companies/${companyId}/products/lending`, undefined],
    ['consents.list', (c) => c.consents.list(companyId), 'GET', `/companies/${companyId}/consents`, list(f.consentRecord)],
    ['consents.get', (c) => c.consents.get(companyId, consentId), 'GET', `/companies/${companyId}/consents/${consentId}`, f.consentRecord],
    ['consents.grant', (c) => c.consents.grant(companyId, { productIdentifier: 'lending', connectionIds: [connectionId] }), 'POST', `/companies/${companyId}/consents`, f.consentRecord, { productIdentifier: 'lending', connectionIds: [connectionId] }],
    ['consents.amend', (c) => c.consents.amend(companyId, consentId, { dataTypes: { Commerce: ['commerce-orders'] } }), 'POST', `/companies/${companyId}/consents/${consentId}/amendments`, f.consentRecord, { dataTypes: { Commerce: ['commerce-orders'] } }],
    ['consents.withdraw', (c) => c.consents.withdraw(companyId, consentId, { reason: 'done' }), 'POST', `/companies/${companyId}/consents/${consentId}/withdrawal`, { ...f.consentRecord, status: 'Withdrawn' }, { reason: 'done' }],
  ];

  it.each(routes)('%s', async (_name, call, method, path, response, requestBody) => {
    server.replies(response === undefined ? { status: 204 } : { body: response });
    const result = await call(client());
    expect(server.requests).toHaveLength(1);
    const request = server.requests[0]!;
    expect(request.method).toBe(method);
    expect(request.path).toBe(path);
    expect(request.headers.accept).toBe('application/json');
    if (requestBody === undefined) {
      expect(request.body).toBe('');
    } else {
      expect(request.headers['content-type']).toBe('application/json');
      expect(JSON.parse(request.body)).toEqual(requestBody);
    }
    if (response === undefined) expect(result).toBeUndefined();
    else expect(result).toMatchObject(response as object);
  });

  it('encodes path segments', async () => {
    server.replies({ body: f.product });
    await client().products.get('a/b?c');
    expect(server.requests[0]!.url).toBe('/products/a%2Fb%3Fc');
  });

  it('sends the product of a data read, paging and a query tree as URL parameters', async () => {
    server.replies({ body: pageOf([], 2, 50, '/x') });
    const query = q.and(q.eq('sourceType', 'Accounting'), q.or(q.contains('name', 'Smith & Sons'), q.gt('amount', 10)));
    await client().data.read(f.companyId, 'invoices', { product: 'lending', page: 2, pageSize: 50, query, orderBy: '-issueDate' });
    const { query: params } = server.requests[0]!;
    expect(params.get('product')).toBe('lending');
    expect(params.get('page')).toBe('2');
    expect(params.get('pageSize')).toBe('50');
    expect(params.get('orderBy')).toBe('-issueDate');
    expect(params.get('query')).toBe(stringifyQuery(query));
  });

  it('passes a query string through unchanged', async () => {
    server.replies({ body: pageOf([f.integration], 1, 100, '/integrations') });
    await client().integrations.list({ query: 'sourceType=Accounting&&enabled=true' });
    expect(server.requests[0]!.query.get('query')).toBe('sourceType=Accounting&&enabled=true');
    expect(server.requests[0]!.url).toContain('query=sourceType%3DAccounting%26%26enabled%3Dtrue');
  });
});

describe('paging', () => {
  const pagedCompanies = (request: RecordedRequest) => {
    const page = Number(request.query.get('page') ?? 1);
    const pageSize = Number(request.query.get('pageSize') ?? 100);
    return { body: pageOf(companies, page, pageSize, '/companies') };
  };

  it('iterates every item across pages (pageNumber/totalResults)', async () => {
    server.handle(pagedCompanies);
    const c = client();
    const names: string[] = [];
    for await (const company of c.paginate((p) => c.companies.list(p), { pageSize: 3, query: q.ne('name', 'x') })) {
      names.push(company.name);
    }
    expect(names).toEqual(companies.map((company) => company.name));
    expect(server.requests.map((r) => r.query.get('page'))).toEqual(['1', '2', '3']);
    expect(server.requests.every((r) => r.query.get('query') === 'name!=x' && r.query.get('pageSize') === '3')).toBe(true);
  });

  it('iteratePages yields whole pages and can start later', async () => {
    server.handle(pagedCompanies);
    const c = client();
    const sizes: number[] = [];
    for await (const page of c.iteratePages((p) => c.companies.list(p), { pageSize: 2, page: 2 })) sizes.push(page.results.length);
    expect(sizes).toEqual([2, 2, 1]);
  });

  it('per-resource iterate follows _links.next when the list has no totals', async () => {
    const records = [f.consentRecord, { ...f.consentRecord, id: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d' }];
    server.handle((request) => {
      const page = Number(request.query.get('page'));
      return {
        body: {
          results: [records[page - 1]],
          _links: {
            self: { href: '/consents' },
            current: { href: `/consents?page=${page}` },
            ...(page < 2 ? { next: { href: `/companies/x/consents?page=${page + 1}` } } : {}),
          },
        },
      };
    });
    const ids: string[] = [];
    for await (const consent of client().consents.iterate(f.companyId)) ids.push(consent.id);
    expect(ids).toEqual(records.map((r) => r.id));
  });

  it('stops on an empty page even if the server claims more', async () => {
    server.replies({ body: { ...pageOf([], 1, 10, '/companies', 50) } });
    const c = client();
    const all = [];
    for await (const company of c.companies.iterate({ pageSize: 10 })) all.push(company);
    expect(all).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });
});

describe('retries', () => {
  it('retries a GET after 503 honouring Retry-After (seconds)', async () => {
    server.replies({ status: 503, headers: { 'Retry-After': '0.2' }, body: unavailable }, { body: f.profile });
    const started = Date.now();
    await expect(client({ retry: { retries: 2, baseDelayMs: 1, maxDelayMs: 1 } }).profile.get()).resolves.toMatchObject({ name: "Bob's Burgers" });
    expect(server.requests).toHaveLength(2);
    const waited = server.requests[1]!.at - server.requests[0]!.at;
    expect(waited).toBeGreaterThanOrEqual(190);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('retries after 429 honouring Retry-After as an HTTP date', async () => {
    // HTTP dates have 1-second resolution: aim 1.5 s ahead, so the wait is between 0.5 and 1.5 s.
    const at = new Date(Math.floor((Date.now() + 1500) / 1000) * 1000).toUTCString();
    server.replies({ status: 429, headers: { 'Retry-After': at }, body: { ...conflict, statusCode: 429, error: 'Too many requests', canBeRetried: 'Unknown' } }, { body: f.profile });
    await client({ retry: { retries: 1, baseDelayMs: 1, maxDelayMs: 1 } }).profile.get();
    expect(server.requests).toHaveLength(2);
    const waited = server.requests[1]!.at - server.requests[0]!.at;
    expect(waited).toBeGreaterThanOrEqual(400);
    expect(waited).toBeLessThan(1700);
  });

  it('backs off on 502/504 and gives up after retries + 1 attempts with the last error', async () => {
    server.replies({ status: 502, body: '<html>Bad gateway</html>', headers: { 'X-Correlation-Id': 'edge-1' } }, { status: 504, body: { ...unavailable, statusCode: 504, error: 'Upstream timed out' } });
    const error = await rejection(client({ retry: { retries: 2, baseDelayMs: 5, maxDelayMs: 10 } }).companies.get(f.companyId));
    expect(server.requests).toHaveLength(3);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(504);
    expect((error as ApiError).message).toBe('504 Gateway Timeout: Upstream timed out (correlationId bc997528a9d7abb9161ef45f05d38599)');
  });

  it('does not retry other errors (409) or with retries: 0', async () => {
    server.replies({ status: 409, body: conflict });
    await expect(client().companies.get(f.companyId)).rejects.toBeInstanceOf(ApiError);
    expect(server.requests).toHaveLength(1);
    server.replies({ status: 503, body: unavailable });
    await expect(client({ retry: { retries: 0 } }).companies.get(f.companyId)).rejects.toMatchObject({ status: 503 });
    expect(server.requests).toHaveLength(1);
  });

  it('never retries a POST without an idempotency key', async () => {
    server.replies({ status: 503, body: unavailable }, { body: f.company });
    const error = await rejection(client().companies.create({ name: 'Toft stores' }));
    expect(error).toMatchObject({ name: 'ApiError', status: 503, canBeRetried: true });
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.headers['idempotency-key']).toBeUndefined();
  });

  it('retries a POST that carries an idempotency key, sending the same key each time', async () => {
    server.replies({ status: 503, body: unavailable }, { status: 429, body: unavailable }, { body: f.xeroConnection });
    const connection = await client().connections.create(f.companyId, { platformKey: 'gbol' }, { idempotencyKey: 'connect-xero-1' });
    expect(connection.platformName).toBe('Xero');
    expect(server.requests).toHaveLength(3);
    expect(server.requests.map((r) => r.headers['idempotency-key'])).toEqual(['connect-xero-1', 'connect-xero-1', 'connect-xero-1']);
    expect(server.requests.every((r) => JSON.parse(r.body).platformKey === 'gbol')).toBe(true);
  });

  it('retries network errors for idempotent calls; throws NetworkError for a POST', async () => {
    server.replies({ destroy: true }, { body: f.profile });
    await expect(client().profile.get()).resolves.toMatchObject({ name: "Bob's Burgers" });
    expect(server.requests).toHaveLength(2);

    server.replies({ destroy: true });
    const error = await rejection(client().data.refreshAll(f.companyId));
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).message).toMatch(new RegExp(`^POST ${server.url}/companies/${f.companyId}/data/all failed: `));
    expect(server.requests).toHaveLength(1);
  });

  it('throws instead of waiting when Retry-After is longer than maxRetryAfterMs', async () => {
    server.replies({ status: 503, headers: { 'Retry-After': '3600' }, body: unavailable });
    const error = await rejection(client().profile.get());
    expect(error).toMatchObject({ status: 503, retryAfterMs: 3_600_000 });
    expect(server.requests).toHaveLength(1);
  });

  it('parseRetryAfter reads seconds and HTTP dates', () => {
    const now = Date.parse('2024-03-01T09:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Fri, 01 Mar 2024 09:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Fri, 01 Mar 2024 08:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe('aborting', () => {
  it('rejects with an AbortError mid-request', async () => {
    server.replies({ delayMs: 1000, body: f.profile });
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 50);
    const error = await rejection(client().profile.get({ signal: controller.signal }));
    expect(error).toBeInstanceOf(DOMException);
    expect((error as DOMException).name).toBe('AbortError');
    expect(Date.now() - started).toBeLessThan(800);
    expect(server.requests).toHaveLength(1);
  });

  it('cancels a backoff wait', async () => {
    server.replies({ status: 503, headers: { 'Retry-After': '5' }, body: unavailable }, { body: f.profile });
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 100);
    const error = await rejection(client().profile.get({ signal: controller.signal }));
    expect((error as DOMException).name).toBe('AbortError');
    expect(Date.now() - started).toBeLessThan(1000);
    // Give a (wrong) retry time to happen: none must.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(server.requests).toHaveLength(1);
  });

  it('honours the client-wide signal and an already-aborted signal', async () => {
    server.replies({ delayMs: 1000, body: f.profile });
    const controller = new AbortController();
    const c = client({ signal: controller.signal });
    setTimeout(() => controller.abort(), 30);
    await expect(c.profile.get()).rejects.toMatchObject({ name: 'AbortError' });
    server.replies({ body: f.profile });
    await expect(client().profile.get({ signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
    expect(server.requests).toHaveLength(0);
  });
});

describe('error mapping', () => {
  it('maps a Codat error body to ApiError', async () => {
    server.replies({ status: 409, body: conflict });
    const error = (await rejection(client().connections.create(f.companyId, { platformKey: 'gbol' }))) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ApiError');
    expect(error.status).toBe(409);
    expect(error.body).toEqual(conflict);
    expect(error.correlationId).toBe('bc997528a9d7abb9161ef45f05d38599');
    expect(error.canBeRetried).toBe(false);
    expect(error.retryAfterMs).toBeUndefined();
    expect(error.message).toBe(
      '409 Conflict: A company can have only one accounting connection (correlationId bc997528a9d7abb9161ef45f05d38599)',
    );
  });

  it('exposes validation errors of a 400', async () => {
    server.replies({ status: 400, body: f.validationErrorBody });
    const error = (await rejection(client().companies.create({ name: '' }))) as ApiError;
    expect(error.validationErrors).toEqual(['name must not be empty']);
    expect(error.message).toBe('400 Bad Request: The request was invalid (correlationId 7c1e1ac5a0d34f1a8a3e1d0b3f4e5a6b)');
  });

  it('falls back to the X-Correlation-Id header and the raw text for a non-Codat error', async () => {
    server.replies({ status: 403, headers: { 'X-Correlation-Id': 'corr-42', 'Content-Type': 'text/plain' }, body: 'Forbidden by proxy' });
    const error = (await rejection(client().companies.get(f.companyId))) as ApiError;
    expect(error.body).toBeUndefined();
    expect(error.correlationId).toBe('corr-42');
    expect(error.rawBody).toBe('Forbidden by proxy');
    expect(error.canBeRetried).toBe(false);
    expect(error.message).toBe('403 Forbidden: Forbidden by proxy (correlationId corr-42)');
  });

  it('carries retryAfterMs and canBeRetried for a 429', async () => {
    server.replies({ status: 429, headers: { 'Retry-After': '7' }, body: { ...conflict, statusCode: 429, error: 'Slow down', canBeRetried: 'Unknown' } });
    const error = (await rejection(client({ retry: { retries: 0 } }).profile.get())) as ApiError;
    expect(error).toMatchObject({ status: 429, retryAfterMs: 7000, canBeRetried: true });
  });
});

describe('response validation', () => {
  it('throws ResponseValidationError with readable problems', async () => {
    const broken = { ...f.company, redirect: 'javascript:alert(1)', dataConnections: [{ ...f.connection, status: 'Connected' }] };
    server.replies({ body: broken });
    const error = (await rejection(client().companies.get(f.companyId))) as ResponseValidationError;
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error.status).toBe(200);
    expect(error.problems).toBe(
      'redirect must be a valid url; dataConnections.0.status must be one of "PendingAuth", "Linked", "Unlinked", "Deauthorized"',
    );
    expect(error.message).toContain(`GET ${server.url}/companies/${f.companyId} returned an unexpected response (200): redirect must be a valid url`);
    expect(error.body).toEqual(broken);
  });

  it('rejects a body that is not JSON', async () => {
    server.replies({ body: '<html>maintenance</html>', headers: { 'Content-Type': 'text/html' } });
    await expect(client().profile.get()).rejects.toMatchObject({ name: 'ResponseValidationError', problems: 'the body is not JSON' });
  });

  it('validateResponses: false passes the body through', async () => {
    server.replies({ body: { ...f.profile, redirectUrl: 42 } });
    await expect(client({ validateResponses: false }).profile.get()).resolves.toMatchObject({ redirectUrl: 42 });
  });

  it('validates list results item by item', async () => {
    server.replies({ body: pageOf([f.integration, { ...f.integration, key: 'XERO' }], 1, 100, '/integrations') });
    await expect(client().integrations.list()).rejects.toMatchObject({ problems: 'results.1.key must be four lowercase letters' });
  });
});
