/**
 * Response headers of the mock on every route and every kind of answer (JSON, hosted HTML pages, redirects,
 * errors): `X-Content-Type-Options: nosniff`, a `Referrer-Policy`, framing refused (`frame-ancestors 'none'`), and
 * CORS only for the configured origins: never a wildcard, nothing for other origins, preflights from them refused.
 * Cross-site requests cannot drive the test endpoints (`/_mock/*`) of a running demo either.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_DEFAULTS } from '../../src/index.js';
import { BASIC, createTenant, enumerateRoutes, routeParams, secureMock, Tally, type Method, type SecureMock, type Tenant } from './support.js';

const tally = new Tally('response headers');
afterAll(() => tally.print());

const ALLOWED = DEMO_DEFAULTS.corsOrigins[0]!;
const FOREIGN = ['https://evil.example', 'null', 'http://localhost:4021', `${ALLOWED}.evil.example`, ALLOWED.toUpperCase(), `${ALLOWED}/`];

let t: SecureMock;
let tenant: Tenant;
beforeEach(async () => {
  t = await secureMock();
  tenant = await createTenant(t, 'Headers Ltd');
});
afterEach(() => t.close());

function fill(route: string): string {
  const ids = routeParams(tenant);
  return route.replace(/:(\w+)/g, (_m, name: string) => ids[name] ?? 'x').replace('/data/balanceSheet', '/data/balanceSheet?product=lending');
}

function expectSecurityHeaders(headers: Record<string, string | undefined>, what: string): void {
  expect(headers['x-content-type-options'], `${what}: nosniff`).toBe('nosniff');
  expect(headers['referrer-policy'], `${what}: Referrer-Policy`).toMatch(/^(no-referrer|same-origin|strict-origin|strict-origin-when-cross-origin)$/);
  const csp = headers['content-security-policy'] ?? '';
  const framing = /frame-ancestors 'none'/.test(csp) || /^(DENY|SAMEORIGIN)$/i.test(headers['x-frame-options'] ?? '');
  expect(framing, `${what}: frame-ancestors 'none' or X-Frame-Options (CSP: ${csp})`).toBe(true);
  if (/frame-ancestors/.test(csp)) expect(csp, what).toMatch(/frame-ancestors 'none'/);
  expect(headers['x-powered-by'], `${what}: X-Powered-By`).toBeUndefined();
  tally.add('responses checked');
}

describe('security headers', () => {
  it('are on every route, success or error, JSON or HTML, with and without credentials', async () => {
    const routes = enumerateRoutes(t.app);
    for (const route of routes) {
      const [method, pattern] = route.split(' ') as [Method, string];
      const path = fill(pattern);
      for (const credential of [BASIC, `Bearer ${tenant.token}`, undefined]) {
        const test = t.http[method.toLowerCase() as 'get'](path);
        if (credential) test.set('Authorization', credential);
        const res = await (method === 'GET' || method === 'DELETE' ? test : test.send({}));
        expectSecurityHeaders(res.headers, `${route} (${credential ? credential.split(' ')[0] : 'anonymous'}) -> ${res.status}`);
      }
    }
    // And the answers no route gives: 404, 405-ish, 413, malformed JSON, HEAD, OPTIONS.
    const extras = [
      t.http.get('/nowhere').set('Authorization', BASIC),
      t.http.delete('/integrations').set('Authorization', BASIC),
      t.http.post('/companies').set('Authorization', BASIC).set('Content-Type', 'application/json').send('{"name":'),
      t.http.post('/companies').set('Authorization', BASIC).send({ name: 'x', description: 'a'.repeat(200_000) }),
      t.http.head('/integrations').set('Authorization', BASIC),
      t.http.options('/integrations').set('Origin', ALLOWED).set('Access-Control-Request-Method', 'GET'),
      t.http.get('/integrations').set('Authorization', BASIC).set('X-Mock-Fault', 'status=503'),
    ];
    for (const [i, pending] of extras.entries()) {
      const res = await pending;
      expectSecurityHeaders(res.headers, `extra case ${i} -> ${res.status}`);
    }
  });
});

describe('CORS', () => {
  it('never answers with a wildcard, and only ever echoes a configured origin', async () => {
    for (const route of enumerateRoutes(t.app)) {
      const [method, pattern] = route.split(' ') as [Method, string];
      for (const origin of [ALLOWED, ...FOREIGN]) {
        const test = t.http[method.toLowerCase() as 'get'](fill(pattern)).set('Authorization', BASIC).set('Origin', origin);
        const res = await (method === 'GET' || method === 'DELETE' ? test : test.send({}));
        const allow = res.headers['access-control-allow-origin'];
        expect(allow, `${route} from ${origin}`).not.toBe('*');
        if (origin === ALLOWED) expect(allow, `${route} from the configured origin`).toBe(ALLOWED);
        else expect(allow, `${route} from ${origin}`).toBeUndefined();
        expect(res.headers['access-control-allow-credentials'], route).toBeUndefined();
        if (allow) expect(res.headers.vary ?? '', route).toMatch(/Origin/i);
        tally.add('CORS answers checked');
      }
    }
  });

  it('refuses preflights from other origins and allows only the needed methods and headers', async () => {
    for (const origin of FOREIGN) {
      const res = await t.http.options('/companies').set('Origin', origin).set('Access-Control-Request-Method', 'POST');
      expect(res.status, origin).toBe(403);
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
      expect(res.headers['access-control-allow-methods']).toBeUndefined();
      tally.add('foreign preflights refused');
    }
    const ok = await t.http
      .options(`/companies/${tenant.id}/connections`)
      .set('Origin', ALLOWED)
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'authorization, content-type, idempotency-key');
    expect(ok.status).toBe(204);
    expect(ok.headers['access-control-allow-origin']).toBe(ALLOWED);
    expect(ok.headers['access-control-allow-headers']).not.toMatch(/\*/);
    expect(ok.headers['access-control-allow-methods']).not.toMatch(/\*/);
  });
});

describe('cross-site requests to the test endpoints', () => {
  it('a page on another site cannot reset the mock or move its clock (no-preflight "simple" requests)', async () => {
    const before = (await t.admin('GET', '/companies').expect(200)).body.totalResults as number;
    const clock = (await t.http.get('/_mock/clock').expect(200)).body.offsetMs as number;
    for (const origin of FOREIGN) {
      for (const [path, body] of [
        ['/_mock/reset', ''],
        ['/_mock/reset', '{}'],
        ['/_mock/clock', '{"advanceDays":100}'],
      ] as const) {
        // What a <form> or fetch(..., {mode: 'no-cors'}) on evil.example can send without a preflight.
        for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
          const res = await t.raw('POST', path, body, { Origin: origin, 'Content-Type': type });
          expect(res.status, `${path} from ${origin} as ${type}`).toBeGreaterThanOrEqual(400);
          expect(res.status).toBeLessThan(500);
          tally.add('cross-site test-endpoint requests refused');
        }
      }
    }
    expect((await t.admin('GET', '/companies').expect(200)).body.totalResults).toBe(before);
    expect((await t.http.get('/_mock/clock').expect(200)).body.offsetMs).toBe(clock);
  });
});
