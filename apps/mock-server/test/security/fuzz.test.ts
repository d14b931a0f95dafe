/**
 * Bad input is refused: property-based fuzzing (fast-check) of every route the mock serves — random JSON and form
 * bodies, query strings and path segments, with valid credentials so the requests reach the handlers — must always
 * get an answer below 500 within 5 seconds, and every API error must be a Codat error body. Oversized, compressed,
 * deeply nested, malformed and prototype-polluting bodies are refused with a 4xx too.
 */
import { connect } from 'node:net';
import { gzipSync, deflateSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type request from 'supertest';
import {
  BASIC,
  createTenant,
  enumerateRoutes,
  expectErrorBody,
  routeParams,
  secureMock,
  Tally,
  type SecureMock,
  type Tenant,
} from './support.js';

const tally = new Tally('input fuzzing');
afterAll(() => tally.print());

const DEADLINE_MS = 5000;
const RUNS_PER_ROUTE = Number(process.env.FUZZ_RUNS ?? 25);

let t: SecureMock | undefined;
afterEach(() => {
  t?.close();
  t = undefined;
});

/** Hosted pages answer HTML (their errors are pages, not JSON bodies); everything else is the JSON API. */
const isHosted = (path: string) =>
  path.startsWith('/link') || path.startsWith('/docs') || path.startsWith('/assets') || path === '/health';

/** Checks the rule for one response and counts it. */
function judge(res: request.Response, what: string): void {
  expect(res.status, `${what} -> ${res.status} ${res.text?.slice(0, 300)}`).toBeLessThan(500);
  if (res.status >= 400) {
    tally.add('refused with 4xx');
    if (!isHosted(what.split(' ')[1] ?? '')) expectErrorBody(res, res.status, what);
  } else tally.add('accepted (valid by chance or ignored input)');
  tally.add('requests');
}

// ------------------------------------------------------------------ arbitraries

const nasty = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  '../../etc/passwd',
  '%2e%2e%2f',
  '<script>alert(1)</script>',
  '"; DROP TABLE companies; --',
  '${7*7}',
  '{{7*7}}',
  '__proto__',
  'constructor',
  'prototype',
  'NaN',
  'Infinity',
  '-1',
  '0',
  '1e309',
  '9007199254740993',
  'true',
  'null',
  '[]',
  '{}',
  'é'.repeat(300),
  '😀'.repeat(100),
  '\uD800',
  'a'.repeat(3000),
  'sourceType=Accounting&&',
  'name~',
  '{name=x',
  '-name',
  'gbol',
  'lending',
  '00000000-0000-4000-8000-000000000000',
);
const text = fc.oneof(nasty, fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 }));
const pathSegment = fc.oneof(
  text,
  fc.constantFrom(
    ...['%', '%zz', '%ff%fe', '%c0%ae%c0%ae', '..%2f..%2f', '%2e%2e', '%00', '%E2%80%AE', ';', ',', '*', '~'],
  ),
);
const scalar = fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
const jsonBody = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.dictionary(
    fc.oneof(
      fc.constantFrom(
        'name',
        'description',
        'tags',
        'platformKey',
        'status',
        'productIdentifier',
        'dataTypes',
        'connectionIds',
        'language',
        'collectionMethod',
        'noticeText',
        'reason',
        'url',
        'eventTypes',
        'disabled',
        'companyTags',
        'allowedOrigins',
        'redirectUrl',
        'whiteListUrls',
        'advanceDays',
        'advanceMs',
        'now',
        'seed',
        '__proto__',
        'constructor',
      ),
      text,
    ),
    fc.oneof(scalar, fc.array(scalar, { maxLength: 5 }), fc.dictionary(text, scalar, { maxKeys: 4 })),
    { maxKeys: 6 },
  ),
);
const query = fc.dictionary(
  fc.oneof(
    fc.constantFrom(
      'page',
      'pageSize',
      'query',
      'orderBy',
      'product',
      'connectionId',
      'tags',
      'redirect',
      'state',
      'code',
      'error',
      'response_type',
      'client_id',
      'redirect_uri',
    ),
    text,
  ),
  fc.oneof(text, fc.array(text, { minLength: 2, maxLength: 3 })),
  { maxKeys: 5 },
);

interface Case {
  ids: 'real' | 'random';
  segment: string;
  body: unknown;
  query: Record<string, string | string[]>;
  form: boolean;
  token: boolean;
}

const caseArb = fc.record({
  ids: fc.constantFrom('real' as const, 'real' as const, 'random' as const),
  segment: pathSegment,
  body: jsonBody,
  query,
  form: fc.boolean(),
  token: fc.boolean(),
});

function fill(route: string, tenant: Tenant, c: Case): string {
  const real = routeParams(tenant);
  return route.replace(/:(\w+)/g, (_m, name: string) =>
    segment(c.ids === 'real' ? (real[name] ?? c.segment) : c.segment || 'x'),
  );
}

/** Raw path segments sent as they are: broken percent-escapes, overlong UTF-8, encoded traversal. */
const RAW_SEGMENTS = [
  '%',
  '%zz',
  '%ff%fe',
  '%c0%ae%c0%ae',
  '..%2f..%2f',
  '%2e%2e',
  '%00',
  '%E2%80%AE',
  ';',
  ',',
  '*',
  '~',
];

function segment(value: string): string {
  if (RAW_SEGMENTS.includes(value)) return value;
  // Lone surrogates cannot be percent-encoded: send U+FFFD for them (what a browser does).
  return encodeURIComponent(
    value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'),
  );
}

function send(method: string, path: string, c: Case, tenant: Tenant): request.Test {
  const test = t!.http[method.toLowerCase() as 'get'](path).query(c.query).timeout({ deadline: DEADLINE_MS });
  test.set('Authorization', c.token ? `Bearer ${tenant.token}` : BASIC);
  if (method === 'GET' || method === 'DELETE') return test;
  if (c.form && path.startsWith('/link')) {
    const form =
      typeof c.body === 'object' && c.body !== null && !Array.isArray(c.body)
        ? (c.body as Record<string, unknown>)
        : { value: c.body };
    return test
      .type('form')
      .send(
        Object.fromEntries(
          Object.entries(form).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
        ),
      );
  }
  return test.set('Content-Type', 'application/json').send(JSON.stringify(c.body));
}

describe('every route, random input', () => {
  it('answers below 500, in time, with an error body for every refusal', async () => {
    t = await secureMock();
    const routes = enumerateRoutes(t.app);
    expect(routes.length).toBeGreaterThan(40);
    for (const route of routes) {
      const [method, pattern] = route.split(' ') as [string, string];
      // A fresh store per route: DELETE and PUT cases must not starve the others of a company to aim at.
      t.close();
      t = await secureMock();
      let tenant = await createTenant(t, 'Fuzz target Ltd');
      const destructive = route === 'DELETE /companies/:companyId' || route === 'POST /_mock/reset';
      await fc.assert(
        fc.asyncProperty(caseArb, async (c) => {
          if (destructive && (await t!.admin('GET', `/companies/${tenant.id}`)).status === 404)
            tenant = await createTenant(t!, 'Fuzz target Ltd');
          const path = fill(pattern, tenant, c);
          const res = await send(method, path, c, tenant);
          judge(res, `${method} ${path}`);
        }),
        { numRuns: RUNS_PER_ROUTE },
      );
      tally.add('routes fuzzed');
    }
    // No prototype was polluted by `__proto__` / `constructor` keys along the way.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('name', expect.anything());
  }, 120_000);
});

describe('hostile bodies', () => {
  /** Exact bytes to the API with the API key (supertest would re-serialise a Buffer as JSON). */
  const json = (path: string, body: string | Buffer, headers: Record<string, string> = {}) =>
    t!.raw('POST', path, body, { Authorization: BASIC, 'Content-Type': 'application/json', ...headers });

  it('refuses oversized bodies with 413 (JSON 100 kB, hosted forms 10 kB), compressed or not', async () => {
    t = await secureMock();
    const company = (await t.admin('POST', '/companies', { name: 'Big Ltd' }).expect(200)).body.id as string;
    const big = (bytes: number) => JSON.stringify({ name: 'x', description: 'a'.repeat(bytes) });
    for (const size of [101 * 1024, 1024 * 1024, 8 * 1024 * 1024]) {
      expectErrorBody(await json('/companies', big(size)), 413, `${size} bytes`);
      tally.add('oversized bodies refused');
    }
    // Compressed bodies are inflated (the control), and the limit applies to the inflated size: a bomb of a few kB
    // on the wire, megabytes once inflated, is refused.
    const small = await json('/companies', gzipSync(JSON.stringify({ name: 'Gzipped Ltd' })), {
      'Content-Encoding': 'gzip',
    });
    expect(small.status, small.text).toBe(200);
    const bomb = big(16 * 1024 * 1024);
    for (const [encoding, packed] of [
      ['gzip', gzipSync(bomb)],
      ['deflate', deflateSync(bomb)],
    ] as const) {
      expect(packed.length).toBeLessThan(64 * 1024);
      expectErrorBody(
        await json('/companies', packed, { 'Content-Encoding': encoding }),
        413,
        `${encoding} bomb`,
      );
      tally.add('oversized bodies refused');
    }
    const unsupported = await json('/companies', Buffer.from(bomb.slice(0, 100)), {
      'Content-Encoding': 'compress',
    });
    expectErrorBody(unsupported, '4xx', 'unknown content-encoding');
    tally.add('oversized bodies refused');
    const form = await t.http
      .post(`/link/${company}/exit`)
      .type('form')
      .send({ redirect: 'x'.repeat(20 * 1024), reason: 'cancel' })
      .timeout({ deadline: DEADLINE_MS });
    expect(form.status).toBe(413);
    const manyFields = await t.http
      .post(`/link/${company}/exit`)
      .type('form')
      .send(Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`f${i}`, 'x'])))
      .timeout({ deadline: DEADLINE_MS });
    expect(manyFields.status).toBeGreaterThanOrEqual(400);
    expect(manyFields.status).toBeLessThan(500);
    tally.add('oversized bodies refused', 2);
  });

  it('refuses an oversized URL or headers, and a malformed request line, with a Codat-style error body', async () => {
    t = await secureMock();
    // Node's HTTP parser refuses these before Express runs (16 kB of request line and headers by default).
    const longUrl = await t.raw('GET', `/companies?query=${'%F0%9F%98%80'.repeat(3000)}`, undefined, {
      Authorization: BASIC,
    });
    expectErrorBody(longUrl, 431, 'a 36 kB URL');
    expect(longUrl.headers.get('x-content-type-options')).toBe('nosniff');
    const bigHeader = await t.raw('GET', '/integrations', undefined, {
      Authorization: BASIC,
      'X-Padding': 'a'.repeat(20_000),
    });
    expectErrorBody(bigHeader, 431, 'a 20 kB header');
    const malformed = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(new URL(t!.url).port), '127.0.0.1', () =>
        socket.end('GET /integrations HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n'),
      );
      let answer = '';
      socket.on('data', (chunk) => (answer += chunk));
      socket.on('end', () => resolve(answer));
      socket.on('error', reject);
    });
    expect(malformed).toMatch(/^HTTP\/1\.1 400 /);
    expect(JSON.parse(malformed.slice(malformed.indexOf('\r\n\r\n') + 4))).toMatchObject({
      statusCode: 400,
      error: expect.any(String),
    });
    tally.add('oversized or malformed requests refused', 3);
  });

  it('refuses malformed, mistyped, deeply nested and prototype-polluting JSON with a 4xx error body', async () => {
    t = await secureMock();
    const company = (await t.admin('POST', '/companies', { name: 'Malformed Ltd' }).expect(200)).body
      .id as string;
    const depth = 20_000;
    const cases: Array<[string, string, string | Buffer, Record<string, string>?]> = [
      ['/companies', 'truncated', '{"name": "x"'],
      ['/companies', 'trailing garbage', '{"name": "x"}garbage'],
      ['/companies', 'single quotes', "{'name': 'x'}"],
      ['/companies', 'NaN', '{"name": NaN}'],
      ['/companies', 'a bare string', '"Acme"'],
      ['/companies', 'null', 'null'],
      ['/companies', 'an array', '[{"name":"x"}]'],
      ['/companies', 'a number', '42'],
      ['/companies', 'empty', ''],
      [
        '/companies',
        'invalid UTF-8',
        Buffer.from([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
      ],
      [
        '/companies',
        'UTF-16 charset',
        '{"name":"x"}',
        { 'Content-Type': 'application/json; charset=utf-16' },
      ],
      ['/companies', 'deep arrays', `{"name":"x","tags":${'['.repeat(depth)}${']'.repeat(depth)}}`],
      [
        '/companies',
        'deep objects',
        `{"name":"x","tags":${'{"a":'.repeat(depth / 4)}1${'}'.repeat(depth / 4)}}`,
      ],
      ['/companies', '__proto__', '{"name":"x","__proto__":{"polluted":true}}'],
      ['/companies', 'constructor.prototype', '{"name":"x","constructor":{"prototype":{"polluted":true}}}'],
      ['/companies', 'name as object', '{"name":{"toString":"x"}}'],
      ['/companies', 'name too long', JSON.stringify({ name: 'x'.repeat(100_000) })],
      ['/companies', 'duplicate keys', '{"name":"a","name":{"$gt":""}}'],
      [`/companies/${company}/connections`, 'platformKey array', '{"platformKey":["gbol","gbol"]}'],
      [`/companies/${company}/connections`, 'platformKey path', '{"platformKey":"../gbol"}'],
      [
        `/companies/${company}/consents`,
        'connectionIds objects',
        '{"productIdentifier":"lending","connectionIds":[{"$ne":null}]}',
      ],
      [
        `/companies/${company}/consents`,
        'dataTypes nonsense',
        '{"productIdentifier":"lending","connectionIds":[],"dataTypes":{"Accounting":["__proto__"]}}',
      ],
      ['/webhooks', 'javascript: URL', '{"url":"javascript:alert(1)","eventTypes":["company.created"]}'],
      ['/webhooks', 'file: URL', '{"url":"file:///etc/passwd","eventTypes":["company.created"]}'],
      ['/corsSettings', 'wildcard origin', '{"allowedOrigins":["*"]}'],
      ['/corsSettings', 'null origin', '{"allowedOrigins":["null"]}'],
    ];
    for (const [path, what, body, headers] of cases) {
      const res = await json(path, body, headers);
      expectErrorBody(res, '4xx', `${path}: ${what}`);
      tally.add('hostile bodies refused');
    }
    // A `__proto__` key inside a record is dropped, never merged into a prototype.
    const tags = await json(
      '/companies',
      '{"name":"Proto Ltd","tags":{"__proto__":{"polluted":"yes"},"ok":"1"}}',
    );
    expect(tags.status).toBeLessThan(500);
    if (tags.status === 200)
      expect(JSON.stringify((tags.body as { tags: unknown }).tags)).not.toContain('polluted');
    tally.add('hostile bodies refused');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // Nothing refused above created a company (the one company made in this test + "Proto Ltd" at most).
    const list = (await t.admin('GET', '/companies?pageSize=5000').expect(200)).body;
    expect(list.totalResults).toBeLessThanOrEqual(2);
    // Wrong media types on the API.
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/xml',
    ]) {
      const res = await t.raw('POST', '/companies', 'name=x', { Authorization: BASIC, 'Content-Type': type });
      expectErrorBody(res, '4xx', `Content-Type ${type}`);
      tally.add('hostile bodies refused');
    }
  });

  it('refuses malformed paging and query-language parameters with 400', async () => {
    t = await secureMock();
    const cases = [
      'page=0',
      'page=-1',
      'page=1.5',
      'page=abc',
      'page=1&page=2',
      'pageSize=0',
      'pageSize=5001',
      `query=${encodeURIComponent('name=')}`,
      `query=${encodeURIComponent('{name=x')}`,
      `query=${encodeURIComponent('name=x&&')}`,
      `query=${encodeURIComponent('||')}`,
      `query=${'a'.repeat(2100)}`,
      `query=${encodeURIComponent('a=b'.repeat(800))}`,
      `query=${encodeURIComponent('{'.repeat(500) + 'name=x' + '}'.repeat(500))}`,
      'orderBy=',
      'orderBy=--name',
      'orderBy=name,,',
    ];
    for (const q of cases) {
      const res = await t.admin('GET', `/companies?${q}`).timeout({ deadline: DEADLINE_MS });
      expectErrorBody(res, 400, `GET /companies?${q.slice(0, 60)}`);
      tally.add('bad paging/query parameters refused');
    }
  });
});
