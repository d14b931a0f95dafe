/**
 * Redirects: the hosted Link flow only ever sends a browser back to a URL on the client's allowlist, matched
 * exactly. Every entry point that takes a redirect target is attacked with hand-written bypasses (trailing slash,
 * case, extra query, userinfo `@`, other port/scheme, `//evil`, `/\evil`, percent-encoding, `javascript:`...) and
 * with property-based mutations of the allowlisted URLs. The rule checked for every response:
 *
 *   refused (400 page, no Location), or a Location whose base (before the Link result parameters) is, character
 *   for character, an allowlist entry.
 *
 * Spellings that the WHATWG URL parser turns into the very same URL (`HTTP://LOCALHOST:4020/...`, a default port,
 * a tab inside the host) are not bypasses: they may be accepted, but the browser is then sent to the allowlisted
 * string itself, never to the spelling the attacker supplied. They are listed separately below.
 */
import fc from 'fast-check';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type request from 'supertest';
import { DEMO_DEFAULTS } from '../../src/index.js';
import { PUBLIC_URL, secureMock, Tally, type SecureMock } from './support.js';

const ALLOWLIST = [DEMO_DEFAULTS.profile.redirectUrl, ...DEMO_DEFAULTS.profile.whiteListUrls];
const BASE = 'http://localhost:4020/connect/callback';
const RESULT_PARAMS = new Set(['statusCode', 'companyId', 'connectionId', 'platform', 'sourceType', 'error', 'error_description']);

/** Different URLs: every one of them must be refused outright. */
const BYPASSES = [
  // trailing slash, path case, extra path
  `${BASE}/`,
  'http://localhost:4020/Connect/Callback',
  'http://localhost:4020/connect/CALLBACK',
  'http://localhost:4020/connect/callback/evil',
  'http://localhost:4020/connect/callbackx',
  'http://localhost:4020/connect',
  'http://localhost:4020/',
  // extra query or fragment
  `${BASE}?`,
  `${BASE}?x=1`,
  `${BASE}?redirect=https://evil.example`,
  `${BASE}#`,
  `${BASE}#https://evil.example`,
  `${BASE}?statusCode=200&companyId=forged`,
  // userinfo
  'http://evil.example@localhost:4020/connect/callback',
  'http://localhost:4020@evil.example/connect/callback',
  'http://localhost:4020:@evil.example/connect/callback',
  'http://user:pass@localhost:4020/connect/callback',
  'http://localhost@evil.example:4020/connect/callback',
  'http://localhost%40evil.example:4020/connect/callback',
  'http://evil.example%2F@localhost:4020/connect/callback',
  // other host, port, scheme
  'http://localhost:4021/connect/callback',
  'http://localhost/connect/callback',
  'http://localhost:80/connect/callback',
  'http://localhost:443/connect/callback',
  'https://localhost:4020/connect/callback',
  'ftp://localhost:4020/connect/callback',
  'ws://localhost:4020/connect/callback',
  'http://127.0.0.1:4020/connect/callback',
  'http://[::1]:4020/connect/callback',
  'http://0x7f000001:4020/connect/callback',
  'http://localhost.:4020/connect/callback',
  'http://localhost.evil.example:4020/connect/callback',
  'http://evil.example/connect/callback',
  'http://evil.example:4020/connect/callback',
  'https://evil.example/?next=http://localhost:4020/connect/callback',
  // scheme-relative and backslash tricks
  '//evil.example',
  '//evil.example/connect/callback',
  '///evil.example',
  '/\\evil.example',
  '\\\\evil.example',
  '\\/evil.example',
  '/connect/callback',
  'connect/callback',
  'https:evil.example',
  'http:/\\evil.example',
  'http:\\\\evil.example\\connect\\callback',
  'http://evil.example\\@localhost:4020/connect/callback',
  'http://localhost:4020\\@evil.example/connect/callback',
  // percent-encoded variants
  'http://localhost:4020/connect/%63allback',
  'http://localhost:4020/connect%2Fcallback',
  'http://localhost:4020/connect/callback%2F',
  'http://localhost:4020/connect/callback%3Fx=1',
  'http://localhost:4020/connect/callback%23',
  'http://localhost:4020/connect/callback/%2e%2e/%2e%2e/evil',
  'http%3A%2F%2Flocalhost%3A4020%2Fconnect%2Fcallback',
  'http://localhost%3A4020/connect/callback',
  '%2F%2Fevil.example',
  '/%2F%2Fevil.example',
  '/%5Cevil.example',
  // script and data URLs
  'javascript:alert(1)',
  'JaVaScRiPt:alert(document.domain)',
  ' javascript:alert(1)',
  'javascript://localhost:4020/connect/callback%0aalert(1)',
  'java\tscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'about:blank',
  'blob:http://localhost:4020/0c0e6f3a-7ab7-4f1e-9c21-5f0f6c1a0b8e',
  // noise
  'http://',
  'http:',
  '::',
  'null',
  'undefined',
  '\u0000',
  `${BASE}%00`,
  'http://localhost:4020/connect/callback/.',
  'http://localhost:4020/connect/callback/..',
  `${BASE}`.repeat(3),
  `${BASE}?${'a'.repeat(5000)}`,
];

/** Spellings the WHATWG URL parser turns into exactly an allowlisted URL (see the header comment). */
const EQUIVALENT_SPELLINGS = [
  BASE,
  'HTTP://LOCALHOST:4020/connect/callback',
  'http://LocalHost:4020/connect/callback',
  'http://localhost:04020/connect/callback',
  'http://local\thost:4020/connect/callback',
  'http://localhost:4020/connect/./callback',
  'http://localhost:4020/x/../connect/callback',
  '  http://localhost:4020/connect/callback',
  'http:localhost:4020/connect/callback',
  'http:\\\\localhost:4020\\connect\\callback',
  'http://%6c%6f%63%61%6c%68%6f%73%74:4020/connect/callback',
  `${BASE}\u0000`,
  `${BASE} `,
  'http://localhost:4030/connect/callback',
  'http://localhost:6006/iframe.html',
];

const tally = new Tally('redirects');
afterAll(() => tally.print());

let t: SecureMock;
let companyId: string;
let connectionId: string;
beforeEach(async () => {
  t = await secureMock();
  companyId = (await t.admin('POST', '/companies', { name: 'Redirect target Ltd' }).expect(200)).body.id;
  connectionId = (await t.admin('POST', `/companies/${companyId}/connections`, { platformKey: 'gbol' }).expect(200)).body.id;
});
afterEach(() => t.close());

type Outcome = { refused: true } | { refused: false; base: string };

/** The rule every response must follow; returns what happened. */
function judge(res: request.Response, candidate: string, via: string): Outcome {
  const location = res.headers.location as string | undefined;
  const where = `${via} with redirect=${JSON.stringify(candidate)} -> ${res.status} ${location ?? ''}`;
  if (res.status === 400) {
    expect(location, where).toBeUndefined();
    expect(res.text, where).toContain('This redirect address is not allowed');
    return { refused: true };
  }
  expect(res.status, where).toBe(303);
  expect(location, where).toBeDefined();
  const url = new URL(location!);
  for (const name of RESULT_PARAMS) url.searchParams.delete(name);
  const base = url.href.replace(/\?$/, '');
  expect(ALLOWLIST, where).toContain(base);
  // The candidate itself must parse to that same URL: an accepted spelling is never a different place. (No
  // candidate at all, `redirect=`, means the profile's default redirect URL.)
  if (candidate !== '') expect(new URL(candidate).href, where).toBe(base);
  return { refused: false, base };
}

/** The one-request entry point with a final redirect: "My software isn't listed" / "Cancel" on the Link page. */
async function viaExit(candidate: string): Promise<Outcome> {
  const res = await t.http.post(`/link/${companyId}/exit`).type('form').send({ redirect: candidate, reason: 'cancel' });
  return judge(res, candidate, 'POST /link/{id}/exit');
}

describe('hand-written bypasses', () => {
  it('are refused by every entry point that takes a redirect target', async () => {
    for (const candidate of BYPASSES) {
      const page = await t.http.get(`/link/${companyId}`).query({ redirect: candidate });
      expect(page.status, `GET /link/{id}?redirect=${JSON.stringify(candidate)}`).toBe(400);
      expect(page.headers.location).toBeUndefined();
      const start = await t.http.get(`/link/${companyId}/connections/${connectionId}/start`).query({ redirect: candidate });
      expect(start.status, `GET .../start?redirect=${JSON.stringify(candidate)}`).toBe(400);
      expect(start.headers.location).toBeUndefined();
      const pick = await t.http.post(`/link/${companyId}/connections`).type('form').send({ redirect: candidate, platformKey: 'qhyg' });
      expect(pick.status, `POST /link/{id}/connections redirect=${JSON.stringify(candidate)}`).toBe(400);
      expect(pick.headers.location).toBeUndefined();
      expect(await viaExit(candidate)).toEqual({ refused: true });
      tally.add('bypass attempts refused', 4);
    }
  });

  it('equivalent spellings of an allowlisted URL send the browser to the allowlisted string itself', async () => {
    for (const candidate of EQUIVALENT_SPELLINGS) {
      const outcome = await viaExit(candidate);
      expect(outcome.refused, candidate).toBe(false);
      tally.add('equivalent spellings normalised');
    }
  });

  it('a full approved sign-in returns to exactly the allowlisted URL with the result parameters', async () => {
    for (const candidate of [BASE, 'http://localhost:4030/connect/callback', 'HTTP://LOCALHOST:4020/connect/callback']) {
      const start = await t.http.get(`/link/${companyId}/connections/${connectionId}/start`).query({ redirect: candidate });
      expect(start.status).toBe(303);
      const authorize = new URL(start.headers.location as string);
      const params = Object.fromEntries(authorize.searchParams);
      const approved = await t.http
        .post(`${authorize.pathname}`)
        .type('form')
        .send({ ...params, action: 'approve', username: 'demo' });
      expect(approved.status).toBe(303);
      const callback = new URL(approved.headers.location as string);
      expect(callback.origin).toBe(PUBLIC_URL);
      const back = await t.http.get(`${callback.pathname}${callback.search}`);
      const outcome = judge(back, candidate, 'approved sign-in');
      expect(outcome.refused).toBe(false);
      const final = new URL(back.headers.location as string);
      expect(final.searchParams.get('statusCode')).toBe('200');
      expect(final.searchParams.get('connectionId')).toBe(connectionId);
      tally.add('full sign-ins returned to the allowlist');
    }
  });

  it("the provider only returns to the mock's own callback (its redirect_uri is checked exactly too)", async () => {
    const start = await t.http.get(`/link/${companyId}/connections/${connectionId}/start`).query({ redirect: BASE });
    const authorize = new URL(start.headers.location as string);
    const params = Object.fromEntries(authorize.searchParams);
    const callback = params.redirect_uri!;
    const variants = [
      ...BYPASSES,
      `${callback}/`,
      `${callback}?x=1`,
      callback.toUpperCase(),
      callback.replace('mock.test', 'evil.example'),
      callback.replace('http://', 'https://'),
      `http://evil.example@${callback.slice('http://'.length)}`,
    ];
    for (const redirectUri of variants) {
      const get = await t.http.get(authorize.pathname).query({ ...params, redirect_uri: redirectUri });
      expect(get.status, `authorize GET redirect_uri=${redirectUri}`).toBe(400);
      const post = await t.http
        .post(authorize.pathname)
        .type('form')
        .send({ ...params, redirect_uri: redirectUri, action: 'approve' });
      expect(post.status, `authorize POST redirect_uri=${redirectUri}`).toBe(400);
      expect(post.headers.location).toBeUndefined();
      tally.add('provider redirect_uri variants refused', 2);
    }
  });
});

describe('property-based: mutations of the allowlisted URLs', () => {
  const tricky = ['@', '/', '\\', ':', '?', '#', '%', '.', ';', '~', '&', '=', ' ', '\t', '\n', '%2f', '%5c', '%40', '%2e', '..', '//', 'ß', 'ⓛ', '\u200b', 'ﬀ', 'İ', 'evil.example', 'javascript:'];
  const mutation = fc.oneof(
    fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...tricky), fc.string({ maxLength: 3 })) }),
    fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 4 }) }),
    fc.record({ op: fc.constant('upper' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 12 }) }),
    fc.record({ op: fc.constant('prefix' as const), text: fc.constantFrom('//', '/\\', 'https:', 'http://evil.example@', ' ', 'javascript:', '\\\\') }),
    fc.record({ op: fc.constant('suffix' as const), text: fc.oneof(fc.constantFrom('/', '?', '#', '@evil.example', '%2F', '/..', '?a=b'), fc.string({ maxLength: 4 })) }),
  );
  type Edit = { op: string; at?: number; text?: string; length?: number };
  const apply = (source: string, m: Edit) => {
    const at = (m.at ?? 0) % (source.length + 1);
    switch (m.op) {
      case 'insert':
        return source.slice(0, at) + m.text + source.slice(at);
      case 'delete':
        return source.slice(0, at) + source.slice(at + m.length!);
      case 'upper':
        return source.slice(0, at) + source.slice(at, at + m.length!).toUpperCase() + source.slice(at + m.length!);
      case 'prefix':
        return m.text + source;
      default:
        return source + m.text;
    }
  };

  it('never redirects anywhere but an allowlisted URL (mutated allowlist entries, 1-3 edits each)', async () => {
    let refused = 0;
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ALLOWLIST), fc.array(mutation, { minLength: 1, maxLength: 3 }), async (entry, edits) => {
        const candidate = edits.reduce((url, edit) => apply(url, edit), entry);
        const outcome = await viaExit(candidate);
        if (outcome.refused) refused++;
        else accepted++;
      }),
      { numRuns: 600 },
    );
    tally.add('mutated URLs tried', refused + accepted);
    tally.add('mutated URLs accepted as the same URL', accepted);
    expect(refused).toBeGreaterThan(400);
  });

  it('never redirects to arbitrary URLs and strings', async () => {
    let tried = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.string({ maxLength: 80 }), fc.string({ unit: 'binary', maxLength: 40 })), async (candidate) => {
        const outcome = await viaExit(candidate);
        tried++;
        if (!outcome.refused) expect(ALLOWLIST).toContain(outcome.base);
      }),
      { numRuns: 300 },
    );
    tally.add('random URLs and strings tried', tried);
  });
});
