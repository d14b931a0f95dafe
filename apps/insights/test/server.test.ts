/**
 * Insights' backend against the real mock API (apps/mock-server on a random port): demo sign-in by business name,
 * company-scoped tokens, sessions that survive a restart, Codat-style errors and the security headers.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startMockServer } from '../../mock-server/src/index.js';
import { createApp, SESSION_COOKIE } from '../server/app.js';
import { JsonStore } from '../server/store.js';
import type { SessionView } from '../src/shared/api-types.js';

const API_KEY = 'ck_test_local_only';
let mock: Awaited<ReturnType<typeof startMockServer>>;
let dataDir: string;
const servers: Server[] = [];

async function listen(options: { dataDir?: string; apiBaseUrl?: string } = {}): Promise<string> {
  const app = createApp({
    config: {
      apiBaseUrl: options.apiBaseUrl ?? mock.url,
      apiKey: API_KEY,
      copayUrl: 'http://localhost:4020',
      dataDir: options.dataDir ?? dataDir,
    },
    store: new JsonStore(options.dataDir ?? dataDir),
  });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function cookieOf(response: Response): string {
  const header = response.headers.get('set-cookie') ?? '';
  const match = new RegExp(`${SESSION_COOKIE}=([^;]+)`).exec(header);
  if (!match) throw new Error(`no session cookie in ${header}`);
  return `${SESSION_COOKIE}=${match[1]}`;
}

async function signIn(base: string, businessName: unknown): Promise<Response> {
  return fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ businessName }),
  });
}

const basic = { authorization: `Basic ${Buffer.from(API_KEY).toString('base64')}` };
const unique = (name: string) => `${name} ${Math.random().toString(36).slice(2, 8)}`;

beforeAll(async () => {
  mock = await startMockServer({ port: 0, syncStepMs: 0 });
});

afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  await mock.close();
});

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'insights-test-'));
  return () => rm(dataDir, { recursive: true, force: true });
});

describe('sign-in by business name', () => {
  it('creates the company, sets an HttpOnly session cookie and returns a company-scoped token', async () => {
    const base = await listen();
    const name = unique('Acme Trading');
    const response = await signIn(base, `  ${name} `);
    expect(response.status).toBe(201);
    expect(response.headers.get('set-cookie')).toMatch(/HttpOnly/i);
    expect(response.headers.get('set-cookie')).toMatch(/SameSite=Lax/i);
    const session = (await response.json()) as SessionView;
    expect(session).toMatchObject({
      businessName: name,
      companyName: name,
      apiBaseUrl: mock.url,
      product: 'insights',
    });
    expect(JSON.stringify(session)).not.toContain(API_KEY);

    const bearer = { authorization: `Bearer ${session.accessToken}` };
    expect(
      (await fetch(`${mock.url}/companies/${session.companyId}/connections`, { headers: bearer })).status,
    ).toBe(200);
    const other = await (await signIn(base, unique('Other Business'))).json();
    expect(
      (
        await fetch(`${mock.url}/companies/${(other as SessionView).companyId}/connections`, {
          headers: bearer,
        })
      ).status,
    ).toBe(403);
  });

  it('finds the same business again (case and spaces ignored) and one started elsewhere, never a duplicate', async () => {
    const base = await listen();
    const name = unique('Harbour Joinery');
    const first = (await (await signIn(base, name)).json()) as SessionView;
    const again = (await (
      await signIn(base, `${name.toUpperCase()}`.replace(' ', '   '))
    ).json()) as SessionView;
    expect(again.companyId).toBe(first.companyId);

    const elsewhere = unique('Started Elsewhere');
    const created = (await (
      await fetch(`${mock.url}/companies`, {
        method: 'POST',
        headers: { ...basic, 'content-type': 'application/json' },
        body: JSON.stringify({ name: elsewhere }),
      })
    ).json()) as { id: string };
    const found = (await (await signIn(base, elsewhere)).json()) as SessionView;
    expect(found.companyId).toBe(created.id);
  });

  it('finds a business that applied at Copay (company named by merchant id, tagged with the name) and shows its name', async () => {
    const base = await listen();
    const name = unique('Copay Bakery');
    // What Copay's backend creates for an applicant.
    const merchantId = `CPY-${Date.now()}`;
    const created = (await (
      await fetch(`${mock.url}/companies`, {
        method: 'POST',
        headers: { ...basic, 'content-type': 'application/json' },
        body: JSON.stringify({
          name: merchantId,
          tags: { merchantId, app: 'copay', businessName: name.toLowerCase() },
        }),
      })
    ).json()) as { id: string };
    const signedIn = await signIn(base, `  ${name.toUpperCase()} `);
    const session = (await signedIn.json()) as SessionView;
    expect(session).toMatchObject({
      companyId: created.id,
      businessName: name.toUpperCase(),
      companyName: name.toUpperCase(),
    });
    const again = (await (
      await fetch(`${base}/api/session`, { headers: { cookie: cookieOf(signedIn) } })
    ).json()) as SessionView;
    expect(again).toMatchObject({ companyId: created.id, companyName: name.toUpperCase() });
  });

  it('signs in one business once when two tabs sign in at the same moment', async () => {
    const base = await listen();
    const name = unique('Twin Tabs');
    const [a, b] = await Promise.all([signIn(base, name), signIn(base, name)]);
    const [sa, sb] = [(await a.json()) as SessionView, (await b.json()) as SessionView];
    expect(sa.companyId).toBe(sb.companyId);
    const list = (await (
      await fetch(`${mock.url}/companies?query=${encodeURIComponent(`name=${name}`)}`, { headers: basic })
    ).json()) as {
      results: unknown[];
    };
    expect(list.results).toHaveLength(1);
  });

  it.each([
    ['missing', undefined, /Business name/],
    ['empty', '   ', /Business name must not be empty/],
    ['markup', '<img src=x onerror=alert(1)>', /may only contain letters, digits, spaces/],
    ['too long', 'a'.repeat(201), /at most 200 characters/],
  ])('refuses a %s name with a Codat-style 400', async (_label, businessName, message) => {
    const base = await listen();
    const response = await signIn(base, businessName);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body).toMatchObject({
      statusCode: 400,
      service: 'insights',
      error: 'Enter your business name.',
      canBeRetried: 'false',
    });
    expect(body.correlationId).toEqual(expect.any(String));
    expect(body.validation.errors[0]).toMatchObject({ itemId: 'businessName' });
    expect(body.validation.errors[0].message).toMatch(message);
    expect(JSON.stringify(body)).not.toMatch(/at .+\.ts:\d+/);
  });
});

describe('sessions', () => {
  it('is 204 when nobody is signed in, the session with a fresh token when signed in, and ends on sign-out', async () => {
    const base = await listen();
    expect((await fetch(`${base}/api/session`)).status).toBe(204);
    const cookie = cookieOf(await signIn(base, unique('Session Co')));
    const current = await fetch(`${base}/api/session`, { headers: { cookie } });
    expect(current.status).toBe(200);
    expect(current.headers.get('cache-control')).toBe('no-store');
    expect(((await current.json()) as SessionView).accessToken).toMatch(/\S{20,}/);
    expect((await fetch(`${base}/api/session`, { method: 'DELETE', headers: { cookie } })).status).toBe(204);
    expect((await fetch(`${base}/api/session`, { headers: { cookie } })).status).toBe(204);
  });

  it('survives a restart: records are in the JSON file (only a hash of the session id), the cookie still works', async () => {
    const base = await listen();
    const name = unique('Restart Ltd');
    const signedIn = await signIn(base, name);
    const cookie = cookieOf(signedIn);
    const { companyId } = (await signedIn.json()) as SessionView;

    const file = JSON.parse(await readFile(path.join(dataDir, 'insights.json'), 'utf8'));
    expect(file.users).toEqual([expect.objectContaining({ businessName: name, companyId })]);
    expect(file.sessions[0].idHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(file)).not.toContain(cookie.split('=')[1]);

    const restarted = await listen({ dataDir });
    const again = await fetch(`${restarted}/api/session`, { headers: { cookie } });
    expect(again.status).toBe(200);
    expect(((await again.json()) as SessionView).companyId).toBe(companyId);
  });

  it('ends the session when the company is gone, and signing in again makes a new one', async () => {
    const base = await listen();
    const name = unique('Vanished Co');
    const signedIn = await signIn(base, name);
    const cookie = cookieOf(signedIn);
    const { companyId } = (await signedIn.json()) as SessionView;
    expect(
      (await fetch(`${mock.url}/companies/${companyId}`, { method: 'DELETE', headers: basic })).status,
    ).toBe(204);
    const after = await fetch(`${base}/api/session`, { headers: { cookie } });
    expect(after.status).toBe(204);
    expect(after.headers.get('set-cookie')).toMatch(new RegExp(`${SESSION_COOKIE}=;`));
    const fresh = (await (await signIn(base, name)).json()) as SessionView;
    expect(fresh.companyId).not.toBe(companyId);
  });
});

describe('errors and headers', () => {
  it('answers bad requests in Codat shape, never with a stack trace', async () => {
    const base = await listen();
    const form = await fetch(`${base}/api/session`, {
      method: 'POST',
      body: 'businessName=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.status).toBe(415);
    const malformed = await fetch(`${base}/api/session`, {
      method: 'POST',
      body: '{"businessName":',
      headers: { 'content-type': 'application/json' },
    });
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error).toBe('The request body is not valid JSON.');
    const huge = await fetch(`${base}/api/session`, {
      method: 'POST',
      body: JSON.stringify({ businessName: 'x'.repeat(20_000) }),
      headers: { 'content-type': 'application/json' },
    });
    expect(huge.status).toBe(413);
    const unknown = await fetch(`${base}/api/nope`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({
      statusCode: 404,
      service: 'insights',
      error: 'No such endpoint: GET /api/nope',
    });
  });

  it('says the platform is unavailable (502, retryable) when the API cannot be reached', async () => {
    const base = await listen({ apiBaseUrl: 'http://127.0.0.1:9' });
    const response = await signIn(base, unique('Offline Co'));
    expect(response.status).toBe(502);
    expect(await response.json()).toMatchObject({
      statusCode: 502,
      canBeRetried: 'true',
      service: 'insights',
    });
  });

  it('sends the security headers and a strict CSP naming the API origin', async () => {
    const base = await listen();
    const response = await fetch(`${base}/api/config`);
    expect(await response.json()).toEqual({
      apiBaseUrl: mock.url,
      copayUrl: 'http://localhost:4020',
      product: 'insights',
    });
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-powered-by')).toBeNull();
    const csp = response.headers.get('content-security-policy') ?? '';
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      `connect-src 'self' ${mock.url}`,
      `img-src 'self' ${mock.url} data:`,
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
      "require-trusted-types-for 'script'",
    ]) {
      expect(csp).toContain(directive);
    }
  });
});
