/**
 * Shared by the security suite (test/security/*.test.ts): an in-process mock, a "world" of companies with real
 * resources to aim at, the route table (enumerated from the Express app itself, so a new endpoint cannot slip past
 * the suite unclassified), error-body checks and the counters each file prints as its summary line.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import request from 'supertest';
import * as z from 'zod/mini';
import { ErrorBody } from '@consent-kit/contract';
import { expect } from 'vitest';
import { answerClientErrors, createApp, DEMO_DEFAULTS, mockInternals, type MockServerOptions } from '../../src/index.js';

export const API_KEY = DEMO_DEFAULTS.apiKey;
export const BASIC = `Basic ${Buffer.from(API_KEY).toString('base64')}`;
export const PUBLIC_URL = 'http://mock.test';

export interface SecureMock {
  app: Express;
  /** Base URL of the listening server (loopback, random port). */
  url: string;
  http: ReturnType<typeof request>;
  domain: ReturnType<typeof mockInternals>['domain'];
  /** A request with the API key (server to server). */
  admin(method: Method, path: string, body?: unknown): request.Test;
  /** A request with a bearer token. */
  bearer(token: string, method: Method, path: string, body?: unknown): request.Test;
  /** Exact bytes on the wire (supertest re-serialises JSON bodies): for compressed, malformed or binary bodies. */
  raw(method: Method, path: string, body: string | Buffer | undefined, headers: Record<string, string>): Promise<RawResponse>;
  close(): void;
}

export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
  body: unknown;
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** The mock app listening on a random loopback port (one server for all of a test's requests). */
export async function secureMock(options: MockServerOptions = {}): Promise<SecureMock> {
  const app = createApp({ syncStepMs: 0, enableTestEndpoints: true, publicUrl: PUBLIC_URL, ...options });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  answerClientErrors(server);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const http = request(server);
  const send = (test: request.Test, body: unknown) => (body === undefined ? test : test.send(body as object));
  const call = (method: Method, path: string) => http[method.toLowerCase() as 'get'](path);
  return {
    app,
    url,
    http,
    domain: mockInternals(app).domain,
    admin: (method, path, body) => send(call(method, path).set('Authorization', BASIC), body),
    bearer: (token, method, path, body) => send(call(method, path).set('Authorization', `Bearer ${token}`), body),
    async raw(method, path, body, headers) {
      const res = await fetch(`${url}${path}`, { method, headers, body: body as BodyInit | undefined, signal: AbortSignal.timeout(5000) });
      const text = await res.text();
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
      return { status: res.status, headers: res.headers, text, body: parsed };
    },
    close: () => {
      mockInternals(app).close();
      server.closeAllConnections();
      server.close();
    },
  };
}

/** Every route the app serves, as `METHOD /path/:param`, read from Express's router (nested routers included). */
export function enumerateRoutes(app: Express): string[] {
  const routes: string[] = [];
  type Layer = { route?: { path: string; methods: Record<string, boolean> }; handle?: { stack?: Layer[] } };
  const walk = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route) for (const method of Object.keys(layer.route.methods)) routes.push(`${method.toUpperCase()} ${layer.route.path}`);
      else if (layer.handle?.stack) walk(layer.handle.stack);
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack);
  return [...new Set(routes)];
}

/** A company with one of everything: linked accounting + banking connections, an active lending consent, syncs. */
export interface Tenant {
  id: string;
  token: string;
  accountingId: string;
  bankingId: string;
  consentId: string;
  datasetId: string;
}

export async function createTenant(t: SecureMock, name: string): Promise<Tenant> {
  const company = (await t.admin('POST', '/companies', { name }).expect(200)).body as { id: string };
  const id = company.id;
  await t.admin('PUT', `/companies/${id}/products/lending`).expect(204);
  const link = async (platformKey: string) => {
    const connection = (await t.admin('POST', `/companies/${id}/connections`, { platformKey }).expect(200)).body as { id: string };
    await t.admin('PUT', `/companies/${id}/connections/${connection.id}/authorization`, { username: 'demo' }).expect(200);
    return connection.id;
  };
  const accountingId = await link('gbol');
  const bankingId = await link(await firstKey(t, 'Banking'));
  const consent = (
    await t
      .admin('POST', `/companies/${id}/consents`, { productIdentifier: 'lending', connectionIds: [accountingId, bankingId] })
      .expect(201)
  ).body as { id: string };
  const history = (await t.admin('GET', `/companies/${id}/data/history`).expect(200)).body as { results: Array<{ id: string }> };
  expect(history.results.length).toBeGreaterThan(0);
  const token = ((await t.admin('GET', `/companies/${id}/accessToken`).expect(200)).body as { accessToken: string }).accessToken;
  return { id, token, accountingId, bankingId, consentId: consent.id, datasetId: history.results[0]!.id };
}

/** Real values for every `:param` of the mock's routes, belonging to the tenant (so a request reaches its handler). */
export function routeParams(tenant: Tenant): Record<string, string> {
  return {
    companyId: tenant.id,
    connectionId: tenant.accountingId,
    consentId: tenant.consentId,
    datasetId: tenant.datasetId,
    platformKey: 'gbol',
    productIdentifier: 'lending',
    dataType: 'balanceSheet',
    webhookId: '00000000-0000-4000-8000-000000000001',
    folder: 'logos',
    file: 'gbol.svg',
  };
}

const keys = new Map<string, string>();
export async function firstKey(t: SecureMock, sourceType: string): Promise<string> {
  const cached = keys.get(sourceType);
  if (cached) return cached;
  const res = await t.admin('GET', `/integrations?query=${encodeURIComponent(`sourceType=${sourceType}&&enabled=true`)}`).expect(200);
  const key = (res.body as { results: Array<{ key: string }> }).results[0]!.key;
  keys.set(sourceType, key);
  return key;
}

/** Everything the API says about a company (API key), to prove an attack changed nothing. */
export async function snapshot(t: SecureMock, companyId: string): Promise<string> {
  const paths = [
    `/companies/${companyId}`,
    `/companies/${companyId}/connections?pageSize=5000`,
    `/companies/${companyId}/consents?pageSize=5000`,
    `/companies/${companyId}/dataStatus`,
    `/companies/${companyId}/data/history?pageSize=5000`,
  ];
  const parts = await Promise.all(paths.map(async (path) => (await t.admin('GET', path)).body));
  return JSON.stringify(parts);
}

/** The response is a Codat error body with this status (or any 4xx when `status` is '4xx'), never a stack trace. */
export function expectErrorBody(res: { status: number; body: unknown }, status: number | '4xx', context = ''): ErrorBody {
  const where = `${context} -> ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`;
  if (status === '4xx') expect(res.status >= 400 && res.status < 500, where).toBe(true);
  else expect(res.status, where).toBe(status);
  const parsed = z.safeParse(ErrorBody, res.body);
  expect(parsed.success, `not an error body: ${where}`).toBe(true);
  expect(parsed.data!.statusCode, where).toBe(res.status);
  expect(JSON.stringify(res.body), where).not.toMatch(/\bat .+\.(ts|js):\d+|node_modules/);
  return parsed.data!;
}

/** Counts what a file tried, printed once as `[security] <area>: ...` (the README's Security section quotes them). */
export class Tally {
  private counts = new Map<string, number>();
  constructor(private readonly area: string) {}
  add(what: string, n = 1): void {
    this.counts.set(what, (this.counts.get(what) ?? 0) + n);
  }
  get(what: string): number {
    return this.counts.get(what) ?? 0;
  }
  print(): void {
    const parts = [...this.counts].map(([what, n]) => `${n.toLocaleString('en')} ${what}`);
    console.log(`[security] ${this.area}: ${parts.join(', ')}`);
  }
}
