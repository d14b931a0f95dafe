/**
 * Token and tenancy: a company-scoped bearer token reads and changes its own company only, on every endpoint;
 * API-key-only endpoints refuse tokens; nested ids of another company are not found; expired, revoked and
 * malformed credentials are refused. The route table is checked against the routes Express actually serves, so a
 * new endpoint fails this suite until it is classified (and so attacked).
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BASIC,
  createTenant,
  enumerateRoutes,
  expectErrorBody,
  firstKey,
  secureMock,
  snapshot,
  Tally,
  type Method,
  type SecureMock,
  type Tenant,
} from './support.js';

type Kind =
  | 'public' // hosted pages, documents, assets: no credentials by design
  | 'test-only' // /_mock/*, only mounted with enableTestEndpoints
  | 'catalogue' // read-only, any valid credential (a token too)
  | 'api-key' // server-to-server only
  | 'company' // under /companies/{id}: the API key, or a token of that company
  | 'company-api-key'; // under /companies/{id} but server-to-server only (tokens, products, PUT/PATCH/DELETE company)

interface Ids {
  company: string;
  accounting: string;
  banking: string;
  consent: string;
  dataset: string;
}

interface RouteCase {
  kind: Kind;
  /** The concrete path for a company's ids (company routes) or for anything else. */
  path?: (ids: Ids) => string;
  body?: (ids: Ids, bankKey: string) => unknown;
}

const DATA_TYPE = 'balanceSheet';
const c = (rest = '') => (ids: Ids) => `/companies/${ids.company}${rest}`;

const ROUTES: Record<string, RouteCase> = {
  'GET /health': { kind: 'public' },
  'GET /favicon.ico': { kind: 'public' },
  'GET /openapi.json': { kind: 'public' },
  'GET /docs': { kind: 'public' },
  'GET /docs/reference.css': { kind: 'public' },
  'GET /assets/:folder/:file': { kind: 'public' },
  'GET /link/assets/hosted.css': { kind: 'public' },
  'GET /link/callback': { kind: 'public' },
  'GET /link/provider/:platformKey/authorize': { kind: 'public' },
  'POST /link/provider/:platformKey/authorize': { kind: 'public' },
  'GET /link/:companyId/connections/:connectionId/start': { kind: 'public' },
  'GET /link/:companyId': { kind: 'public' },
  'POST /link/:companyId/connections': { kind: 'public' },
  'POST /link/:companyId/exit': { kind: 'public' },
  'GET /_mock/clock': { kind: 'test-only' },
  'POST /_mock/clock': { kind: 'test-only' },
  'POST /_mock/reset': { kind: 'test-only' },

  'GET /integrations': { kind: 'catalogue', path: () => '/integrations' },
  'GET /integrations/:platformKey': { kind: 'catalogue', path: () => '/integrations/gbol' },
  'GET /integrations/:platformKey/branding': { kind: 'catalogue', path: () => '/integrations/gbol/branding' },
  'GET /products': { kind: 'catalogue', path: () => '/products' },
  'GET /products/:productIdentifier': { kind: 'catalogue', path: () => '/products/lending' },
  'GET /profile': { kind: 'catalogue', path: () => '/profile' },

  'GET /companies': { kind: 'api-key', path: () => '/companies' },
  'POST /companies': { kind: 'api-key', path: () => '/companies', body: () => ({ name: 'Token-made Ltd' }) },
  'GET /webhooks': { kind: 'api-key', path: () => '/webhooks' },
  'POST /webhooks': {
    kind: 'api-key',
    path: () => '/webhooks',
    body: () => ({ url: 'https://receiver.example/hook', eventTypes: ['company.created'] }),
  },
  'GET /webhooks/:webhookId': { kind: 'api-key', path: () => '/webhooks/00000000-0000-4000-8000-000000000001' },
  'DELETE /webhooks/:webhookId': { kind: 'api-key', path: () => '/webhooks/00000000-0000-4000-8000-000000000001' },
  'GET /webhooks/:webhookId/deliveries': { kind: 'api-key', path: () => '/webhooks/00000000-0000-4000-8000-000000000001/deliveries' },
  'PUT /profile': {
    kind: 'api-key',
    path: () => '/profile',
    body: () => ({ name: 'Evil', redirectUrl: 'https://evil.example/cb', whiteListUrls: ['https://evil.example/cb'] }),
  },
  'GET /corsSettings': { kind: 'api-key', path: () => '/corsSettings' },
  'POST /corsSettings': { kind: 'api-key', path: () => '/corsSettings', body: () => ({ allowedOrigins: ['https://evil.example'] }) },
  'GET /connectionManagement/corsSettings': { kind: 'api-key', path: () => '/connectionManagement/corsSettings' },
  'POST /connectionManagement/corsSettings': {
    kind: 'api-key',
    path: () => '/connectionManagement/corsSettings',
    body: () => ({ allowedOrigins: ['https://evil.example'] }),
  },

  'GET /companies/:companyId': { kind: 'company', path: c() },
  'PUT /companies/:companyId': { kind: 'company-api-key', path: c(), body: () => ({ name: 'Renamed by attacker' }) },
  'PATCH /companies/:companyId': { kind: 'company-api-key', path: c(), body: () => ({ name: 'Patched by attacker' }) },
  'DELETE /companies/:companyId': { kind: 'company-api-key', path: c() },
  'PUT /companies/:companyId/products/:productIdentifier': { kind: 'company-api-key', path: c('/products/insights') },
  'DELETE /companies/:companyId/products/:productIdentifier': { kind: 'company-api-key', path: c('/products/lending') },
  'POST /companies/:companyId/products/:productIdentifier/refresh': { kind: 'company-api-key', path: c('/products/lending/refresh') },
  'GET /companies/:companyId/accessToken': { kind: 'company-api-key', path: c('/accessToken') },
  'GET /companies/:companyId/connectionManagement/accessToken': { kind: 'company-api-key', path: c('/connectionManagement/accessToken') },
  'GET /companies/:companyId/connections': { kind: 'company', path: c('/connections') },
  'POST /companies/:companyId/connections': { kind: 'company', path: c('/connections'), body: (_ids, bankKey) => ({ platformKey: bankKey }) },
  'GET /companies/:companyId/connections/:connectionId': { kind: 'company', path: (ids) => `${c('/connections')(ids)}/${ids.accounting}` },
  'PATCH /companies/:companyId/connections/:connectionId': {
    kind: 'company',
    path: (ids) => `${c('/connections')(ids)}/${ids.banking}`,
    body: () => ({ status: 'Unlinked' }),
  },
  'DELETE /companies/:companyId/connections/:connectionId': { kind: 'company', path: (ids) => `${c('/connections')(ids)}/${ids.banking}` },
  'PUT /companies/:companyId/connections/:connectionId/authorization': {
    kind: 'company',
    path: (ids) => `${c('/connections')(ids)}/${ids.accounting}/authorization`,
    body: () => ({ username: 'attacker' }),
  },
  'GET /companies/:companyId/dataStatus': { kind: 'company', path: c('/dataStatus') },
  'GET /companies/:companyId/data/history': { kind: 'company', path: c('/data/history') },
  'GET /companies/:companyId/data/history/:datasetId': { kind: 'company', path: (ids) => `${c('/data/history')(ids)}/${ids.dataset}` },
  'POST /companies/:companyId/data/all': { kind: 'company', path: c('/data/all') },
  'POST /companies/:companyId/data/queue/:dataType': { kind: 'company', path: c(`/data/queue/${DATA_TYPE}`) },
  'GET /companies/:companyId/data/:dataType': { kind: 'company', path: c(`/data/${DATA_TYPE}?product=lending`) },
  'GET /companies/:companyId/consents': { kind: 'company', path: c('/consents') },
  'POST /companies/:companyId/consents': {
    kind: 'company',
    path: c('/consents'),
    body: (ids) => ({ productIdentifier: 'insights', connectionIds: [ids.accounting] }),
  },
  'GET /companies/:companyId/consents/:consentId': { kind: 'company', path: (ids) => `${c('/consents')(ids)}/${ids.consent}` },
  'POST /companies/:companyId/consents/:consentId/amendments': {
    kind: 'company',
    path: (ids) => `${c('/consents')(ids)}/${ids.consent}/amendments`,
    body: (ids) => ({ connectionIds: [ids.accounting, ids.banking], noticeText: 'amended' }),
  },
  'POST /companies/:companyId/consents/:consentId/withdrawal': {
    kind: 'company',
    path: (ids) => `${c('/consents')(ids)}/${ids.consent}/withdrawal`,
    body: () => ({ reason: 'attacker' }),
  },
};

const ids = (t: Tenant): Ids => ({
  company: t.id,
  accounting: t.accountingId,
  banking: t.bankingId,
  consent: t.consentId,
  dataset: t.datasetId,
});

const tally = new Tally('tenancy');
afterAll(() => tally.print());

let t: SecureMock;
let bankKey: string;
beforeEach(async () => {
  t = await secureMock({ tokenTtlSeconds: 3600 });
  bankKey = await firstKey(t, 'Banking');
});
afterEach(() => t.close());

function send(method: Method, path: string, credential: string | undefined, body: unknown) {
  const test = t.http[method.toLowerCase() as 'get'](path);
  if (credential) test.set('Authorization', credential);
  return body === undefined ? test : test.send(body as object);
}

const casesOf = (...kinds: Kind[]) => Object.entries(ROUTES).filter(([, route]) => kinds.includes(route.kind));
const methodOf = (key: string) => key.split(' ')[0] as Method;

describe('the route table', () => {
  it('classifies every route the mock serves (a new endpoint must be added here, and so attacked)', () => {
    const served = enumerateRoutes(t.app).sort();
    expect(served.length).toBeGreaterThan(40);
    const unclassified = served.filter((route) => !(route in ROUTES));
    const gone = Object.keys(ROUTES).filter((route) => !served.includes(route));
    expect({ unclassified, gone }).toEqual({ unclassified: [], gone: [] });
    tally.add('routes classified', served.length);
  });
});

describe('a company token against another company', () => {
  it('is refused on every company endpoint (403) and changes nothing', async () => {
    const a = await createTenant(t, 'Attacker Ltd');
    const b = await createTenant(t, 'Victim Ltd');
    const before = await snapshot(t, b.id);
    for (const [key, route] of casesOf('company', 'company-api-key')) {
      const res = await send(methodOf(key), route.path!(ids(b)), `Bearer ${a.token}`, route.body?.(ids(b), bankKey));
      expectErrorBody(res, 403, `${key} with another company's token`);
      tally.add('cross-company requests refused');
    }
    expect(await snapshot(t, b.id)).toBe(before);
  });

  it("does not find the other company's connections, consents and datasets under its own company (no IDOR)", async () => {
    const a = await createTenant(t, 'Attacker Ltd');
    const b = await createTenant(t, 'Victim Ltd');
    const before = await snapshot(t, b.id);
    // The attacker's own company in the path, the victim's resource ids below it.
    const mixed: Ids = { ...ids(b), company: a.id };
    const nested = casesOf('company').filter(([key]) => /:(connectionId|consentId|datasetId)/.test(key));
    expect(nested.length).toBeGreaterThanOrEqual(8);
    for (const [key, route] of nested) {
      for (const credential of [`Bearer ${a.token}`, BASIC]) {
        const res = await send(methodOf(key), route.path!(mixed), credential, route.body?.(mixed, bankKey));
        expectErrorBody(res, 404, `${key} with a nested id of another company`);
        tally.add('nested foreign ids not found');
      }
    }
    // Consents that name another company's connections are refused too.
    for (const [method, path, body] of [
      ['POST', `/companies/${a.id}/consents`, { productIdentifier: 'insights', connectionIds: [b.accountingId] }],
      ['POST', `/companies/${a.id}/consents/${a.consentId}/amendments`, { connectionIds: [b.bankingId] }],
    ] as const) {
      expectErrorBody(await send(method, path, `Bearer ${a.token}`, body), '4xx', `${path} naming a foreign connection`);
      tally.add('nested foreign ids not found');
    }
    expect(await snapshot(t, b.id)).toBe(before);
  });
});

describe('what a token may use', () => {
  it('refuses every server-to-server endpoint, even for its own company (403)', async () => {
    const a = await createTenant(t, 'Applicant Ltd');
    const before = await snapshot(t, a.id);
    const profile = JSON.stringify((await t.admin('GET', '/profile')).body);
    const cors = JSON.stringify((await t.admin('GET', '/corsSettings')).body);
    const companies = (await t.admin('GET', '/companies')).body.totalResults;
    for (const [key, route] of casesOf('api-key', 'company-api-key')) {
      const res = await send(methodOf(key), route.path!(ids(a)), `Bearer ${a.token}`, route.body?.(ids(a), bankKey));
      expectErrorBody(res, 403, `${key} with a company token`);
      tally.add('server-only requests refused to tokens');
    }
    expect(await snapshot(t, a.id)).toBe(before);
    expect(JSON.stringify((await t.admin('GET', '/profile')).body)).toBe(profile);
    expect(JSON.stringify((await t.admin('GET', '/corsSettings')).body)).toBe(cors);
    expect((await t.admin('GET', '/companies')).body.totalResults).toBe(companies);
  });

  it('works on its own company and the catalogue (the control: the requests above are valid)', async () => {
    for (const [key, route] of casesOf('company', 'catalogue')) {
      const own = await createTenant(t, "Own company"); // a fresh company each time: some requests change it
      const res = await send(methodOf(key), route.path!(ids(own)), `Bearer ${own.token}`, route.body?.(ids(own), bankKey));
      expect(res.status, `${key} with its own token -> ${res.status} ${JSON.stringify(res.body)}`).toBeLessThan(300);
      tally.add('own-company control requests');
    }
    for (const [key, route] of casesOf('api-key', 'company-api-key')) {
      if (key.startsWith('GET /webhooks/') || key.startsWith('DELETE /webhooks/')) continue; // ids of nothing
      const own = await createTenant(t, "Server-side company");
      const res = await send(methodOf(key), route.path!(ids(own)), BASIC, route.body?.(ids(own), bankKey));
      expect(res.status, `${key} with the API key -> ${res.status} ${JSON.stringify(res.body)}`).toBeLessThan(300);
      tally.add('own-company control requests');
    }
  });
});

describe('expired, revoked and malformed credentials', () => {
  it('refuses an expired token everywhere it used to work (401)', async () => {
    const a = await createTenant(t, 'Expiring Ltd');
    await t.bearer(a.token, 'GET', `/companies/${a.id}`).expect(200);
    await t.http.post('/_mock/clock').set('Authorization', BASIC).send({ advanceMs: 3600 * 1000 + 1 }).expect(200);
    for (const [key, route] of casesOf('company', 'catalogue', 'company-api-key', 'api-key')) {
      const res = await send(methodOf(key), route.path!(ids(a)), `Bearer ${a.token}`, route.body?.(ids(a), bankKey));
      const body = expectErrorBody(res, 401, `${key} with an expired token`);
      expect(body.error).toMatch(/expired|not valid/i);
      tally.add('expired-token requests refused');
    }
  });

  it("refuses a deleted company's token (401) and never resurrects the company", async () => {
    const a = await createTenant(t, 'Deleted Ltd');
    await t.admin('DELETE', `/companies/${a.id}`).expect(204);
    for (const [key, route] of casesOf('company', 'catalogue')) {
      const res = await send(methodOf(key), route.path!(ids(a)), `Bearer ${a.token}`, route.body?.(ids(a), bankKey));
      expectErrorBody(res, 401, `${key} with a revoked token`);
      tally.add('revoked-token requests refused');
    }
    expectErrorBody(await t.admin('GET', `/companies/${a.id}`), 404, 'deleted company');
  });

  it('refuses missing and malformed credentials on every authenticated route (401)', async () => {
    const a = await createTenant(t, 'Credential Ltd');
    const wrong = [
      undefined,
      '',
      'Basic',
      'Basic ',
      `Basic ${Buffer.from('ck_test_local_onlx').toString('base64')}`,
      `Basic ${Buffer.from('ck_test_local_only:password').toString('base64')}`,
      `Basic ${Buffer.from(' ck_test_local_only').toString('base64')}`,
      'Basic ck_test_local_only',
      `Bearer ${Buffer.from('ck_test_local_only').toString('base64')}`,
      'Bearer ck_test_local_only',
      `Bearer ${a.token}x`,
      `Bearer ${a.token.slice(0, -1)}`,
      `Bearer ${a.token.toUpperCase()}`,
      `Basic ${Buffer.from(a.token).toString('base64')}`,
      `Token ${a.token}`,
      `Bearer  `,
      'Digest username="admin"',
    ];
    for (const [key, route] of casesOf('company', 'catalogue', 'company-api-key', 'api-key')) {
      for (const credential of wrong) {
        const res = await send(methodOf(key), route.path!(ids(a)), credential, route.body?.(ids(a), bankKey));
        expectErrorBody(res, 401, `${key} with ${JSON.stringify(credential)}`);
        tally.add('bad-credential requests refused');
      }
    }
  });
});
