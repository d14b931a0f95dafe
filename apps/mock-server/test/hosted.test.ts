import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PROVIDER_ERROR_CODES, PROVIDER_ERRORS, parseLinkResult } from '@consent-kit/contract';
import { allowedRedirect } from '../src/index.js';
import { createCompany, createConnection, mock, type TestMock } from './helpers.js';

let t: TestMock;
beforeEach(() => {
  t = mock();
});
afterEach(() => t.close());

const local = (url: string) => {
  const u = new URL(url);
  return `${u.pathname}${u.search}`;
};

/** Opens a linkUrl and follows the mock's redirects to the provider page; returns the provider's query. */
async function openProvider(linkUrl: string) {
  const start = await t.raw.get(local(linkUrl)).redirects(0);
  expect(start.status).toBe(303);
  const provider = new URL(start.headers.location!);
  const page = await t.raw.get(local(provider.href)).expect(200);
  return { provider, page };
}

async function submit(provider: URL, action: string, override: Record<string, string> = {}) {
  const fields = Object.fromEntries(provider.searchParams);
  const post = await t.raw
    .post(provider.pathname)
    .type('form')
    .send({ ...fields, ...override, action })
    .redirects(0);
  expect(post.status).toBe(303);
  const callback = await t.raw.get(local(post.headers.location!)).redirects(0);
  return { post, callback };
}

describe('hosted Link and simulated provider', () => {
  it('approve: state + PKCE, Linked, sync started, redirect with statusCode=200 parameters', async () => {
    const company = await createCompany(t);
    const connection = await createConnection(t, company.id, 'gbol');
    const { provider, page } = await openProvider(connection.linkUrl);
    expect(provider.pathname).toBe('/link/provider/gbol/authorize');
    expect(provider.searchParams.get('code_challenge_method')).toBe('S256');
    expect(provider.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(provider.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(page.text).toContain('Sign in to Xero — simulated');
    expect(page.text).not.toMatch(/<script/i);
    expect(page.headers['content-security-policy']).toMatch(/default-src 'none'/);
    expect(page.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(page.headers['content-security-policy']).toMatch(/form-action 'self' http:\/\/localhost:4020/);
    const { post, callback } = await submit(provider, 'approve');
    expect(new URL(post.headers.location!).searchParams.get('code')).toBeTruthy();
    expect(callback.status).toBe(303);
    const target = new URL(callback.headers.location!);
    expect(`${target.origin}${target.pathname}`).toBe('http://localhost:4020/connect/callback');
    expect(Object.fromEntries(target.searchParams)).toEqual({
      statusCode: '200',
      companyId: company.id,
      connectionId: connection.id,
      platform: 'gbol',
      sourceType: 'Accounting',
    });
    expect(parseLinkResult(target.searchParams)).toMatchObject({ ok: true });
    const after = (await t.api.get(`/companies/${company.id}/connections/${connection.id}`).expect(200)).body;
    expect(after.status).toBe('Linked');
    expect(Object.keys((await t.api.get(`/companies/${company.id}/dataStatus`)).body).length).toBeGreaterThan(
      0,
    );
    // the state is single use
    const replay = await t.raw.get(local(post.headers.location!)).redirects(0);
    expect(replay.status).toBe(400);
    expect(replay.text).toMatch(/expired/);
  });

  const outcomes: [string, string, number][] = [
    ['deny', 'access_denied', 403],
    ['cancel', 'cancelled_authentication', 403],
    ...PROVIDER_ERROR_CODES.map((code): [string, string, number] => [
      `error:${code}`,
      code,
      PROVIDER_ERRORS[code].statusCode,
    ]),
  ];
  it.each(outcomes)('%s -> redirect with error=%s and statusCode=%i', async (action, code, status) => {
    const company = await createCompany(t);
    const connection = await createConnection(t, company.id, 'bbrc');
    const { provider } = await openProvider(connection.linkUrl);
    const { callback } = await submit(provider, action);
    const target = new URL(callback.headers.location!);
    expect(target.searchParams.get('statusCode')).toBe(String(status));
    expect(target.searchParams.get('error')).toBe(code);
    expect(target.searchParams.get('error_description')).toBe(
      PROVIDER_ERRORS[code as keyof typeof PROVIDER_ERRORS].description,
    );
    expect(target.searchParams.get('companyId')).toBe(company.id);
    const after = (await t.api.get(`/companies/${company.id}/connections/${connection.id}`)).body;
    expect(after.status).toBe('PendingAuth');
    expect(after.dataConnectionErrors.at(-1)).toMatchObject({ statusText: code, statusCode: String(status) });
  });

  it('company page: pick an integration, "not listed" and "cancel" go back with usr_* codes', async () => {
    const company = await createCompany(t);
    const page = await t.raw.get(`/link/${company.id}`).expect(200);
    expect(page.text).toContain('Connect your financial data');
    expect(page.text).toContain('value="gbol"');
    expect(page.text).not.toContain('value="hsdm"'); // disabled integration
    const pick = await t.raw
      .post(`/link/${company.id}/connections`)
      .type('form')
      .send({ platformKey: 'mnzo', redirect: '' })
      .redirects(0);
    expect(pick.status).toBe(303);
    expect(pick.headers.location).toMatch(new RegExp(`/link/${company.id}/connections/[0-9a-f-]{36}/start$`));
    const connections = (await t.api.get(`/companies/${company.id}/connections`)).body.results;
    expect(connections).toHaveLength(1);
    for (const [reason, code] of [
      ['not_listed', 'usr_dh_not_listed'],
      ['cancel', 'usr_opt_out'],
    ]) {
      const res = await t.raw
        .post(`/link/${company.id}/exit`)
        .type('form')
        .send({ reason, redirect: 'http://localhost:4030/connect/callback' })
        .redirects(0);
      const target = new URL(res.headers.location!);
      expect(target.origin).toBe('http://localhost:4030');
      expect(target.searchParams.get('error')).toBe(code);
      expect(target.searchParams.get('statusCode')).toBe('403');
    }
    expect((await t.raw.get('/link/8a210b68-6988-11ed-a1eb-0242ac120002')).status).toBe(404);
  });

  it('re-consent: an Unlinked connection opened again becomes Linked (same connection)', async () => {
    const company = await createCompany(t);
    const connection = await createConnection(t, company.id, 'gbol');
    let { provider } = await openProvider(connection.linkUrl);
    await submit(provider, 'approve');
    await t.api
      .patch(`/companies/${company.id}/connections/${connection.id}`, { status: 'Unlinked' })
      .expect(200);
    ({ provider } = await openProvider(connection.linkUrl));
    const { callback } = await submit(provider, 'approve');
    expect(new URL(callback.headers.location!).searchParams.get('connectionId')).toBe(connection.id);
    expect((await t.api.get(`/companies/${company.id}/connections/${connection.id}`)).body.status).toBe(
      'Linked',
    );
  });

  it('rejects a code whose PKCE challenge does not match the session verifier', async () => {
    const company = await createCompany(t);
    const connection = await createConnection(t, company.id, 'gbol');
    const { provider } = await openProvider(connection.linkUrl);
    const { callback } = await submit(provider, 'approve', { code_challenge: 'A'.repeat(43) });
    const target = new URL(callback.headers.location!);
    expect(target.searchParams.get('error')).toBe('invalid_request');
    expect(target.searchParams.get('error_description')).toMatch(/PKCE/);
    expect((await t.api.get(`/companies/${company.id}/connections/${connection.id}`)).body.status).toBe(
      'PendingAuth',
    );
  });

  it('the provider only returns to the mock callback and requires state + S256', async () => {
    const company = await createCompany(t);
    const connection = await createConnection(t, company.id, 'gbol');
    const { provider } = await openProvider(connection.linkUrl);
    const tweak = (name: string, value: string | null) => {
      const u = new URL(provider.href);
      if (value === null) u.searchParams.delete(name);
      else u.searchParams.set(name, value);
      return local(u.href);
    };
    expect((await t.raw.get(tweak('redirect_uri', 'https://evil.example/cb'))).status).toBe(400);
    expect((await t.raw.get(tweak('state', null))).status).toBe(400);
    expect((await t.raw.get(tweak('code_challenge_method', 'plain'))).status).toBe(400);
    expect((await t.raw.get(tweak('client_id', 'other'))).status).toBe(400);
    const fields = Object.fromEntries(provider.searchParams);
    const evil = await t.raw
      .post(provider.pathname)
      .type('form')
      .send({ ...fields, redirect_uri: 'https://evil.example/cb', action: 'approve' })
      .redirects(0);
    expect(evil.status).toBe(400);
    expect(evil.headers.location).toBeUndefined();
    expect((await t.raw.get('/link/callback?state=unknown&code=x')).status).toBe(400);
  });
});

describe('redirect allowlist (never an open redirect)', () => {
  const cases: [string, string, boolean][] = [
    ['exact', 'http://localhost:4020/connect/callback', true],
    ['another allowlisted URL', 'http://localhost:6006/iframe.html', true],
    ['scheme/host case (WHATWG lower-cases them)', 'HTTP://LOCALHOST:4020/connect/callback', true],
    ['trailing slash', 'http://localhost:4020/connect/callback/', false],
    ['path case', 'http://localhost:4020/Connect/Callback', false],
    ['extra query', 'http://localhost:4020/connect/callback?next=https://evil.example', false],
    ['fragment', 'http://localhost:4020/connect/callback#x', false],
    ['@ host', 'http://localhost:4020@evil.example/connect/callback', false],
    ['userinfo', 'http://user:pass@localhost:4020/connect/callback', false],
    ['other port', 'http://localhost:4021/connect/callback', false],
    ['https instead of http', 'https://localhost:4020/connect/callback', false],
    ['javascript:', 'javascript:alert(document.domain)//http://localhost:4020/connect/callback', false],
    ['data:', 'data:text/html,<script>alert(1)</script>', false],
    ['protocol-relative', '//evil.example/connect/callback', false],
    ['encoded path', 'http://localhost:4020/connect%2Fcallback', false],
    ['dot segments', 'http://localhost:4020/connect/../connect/callback', true],
    ['other host', 'http://evil.example/connect/callback', false],
  ];

  it.each(cases)('%s: %s -> %s', async (_name, redirect, allowed) => {
    const company = await createCompany(t);
    const connection = await createConnection(t, company.id, 'gbol');
    const res = await t.raw
      .get(`${local(connection.linkUrl)}?redirect=${encodeURIComponent(redirect)}`)
      .redirects(0);
    if (allowed) {
      expect(res.status).toBe(303);
      const { provider } = { provider: new URL(res.headers.location!) };
      const page = await t.raw.get(local(provider.href)).expect(200);
      expect(page.text).toContain('simulated');
      const fields = Object.fromEntries(provider.searchParams);
      const post = await t.raw
        .post(provider.pathname)
        .type('form')
        .send({ ...fields, action: 'approve' })
        .redirects(0);
      const callback = await t.raw.get(local(post.headers.location!)).redirects(0);
      const target = new URL(callback.headers.location!);
      expect(`${target.origin}${target.pathname}`).toBe(
        new URL(redirect).origin + new URL(redirect).pathname,
      );
    } else {
      expect(res.status).toBe(400);
      expect(res.headers.location).toBeUndefined();
      expect(res.text).toContain('not allowed');
      expect(res.text).not.toContain('<script>alert'); // reflected safely
    }
    // the company-level page applies the same rule
    expect((await t.raw.get(`/link/${company.id}?redirect=${encodeURIComponent(redirect)}`)).status).toBe(
      allowed ? 200 : 400,
    );
  });

  it('accepts nothing but the allowlisted URLs (property)', () => {
    const allowlist = ['http://localhost:4020/connect/callback', 'http://localhost:6006/iframe.html'];
    fc.assert(
      fc.property(
        fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.string()),
        (candidate) => {
          const result = allowedRedirect(candidate, allowlist);
          if (result) expect(allowlist).toContain(result.href);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
