import request from 'supertest';
import type { Express } from 'express';
import { ErrorBody } from '@consent-kit/contract';
import * as z from 'zod/mini';
import { expect } from 'vitest';
import { createApp, DEMO_DEFAULTS, mockInternals, type MockServerOptions } from '../src/index.js';

export const API_KEY = DEMO_DEFAULTS.apiKey;
export const BASIC = `Basic ${Buffer.from(API_KEY).toString('base64')}`;
export const PUBLIC_URL = 'http://mock.test';

export interface TestMock {
  app: Express;
  domain: ReturnType<typeof mockInternals>['domain'];
  /** supertest with the API key. */
  api: {
    get(path: string): request.Test;
    post(path: string, body?: unknown): request.Test;
    put(path: string, body?: unknown): request.Test;
    patch(path: string, body?: unknown): request.Test;
    delete(path: string): request.Test;
  };
  raw: ReturnType<typeof request>;
  close(): void;
}

export function mock(options: MockServerOptions = {}): TestMock {
  const app = createApp({ syncStepMs: 0, enableTestEndpoints: true, publicUrl: PUBLIC_URL, ...options });
  const raw = request(app);
  const withBody = (test: request.Test, body: unknown) =>
    body === undefined ? test : test.send(body as object);
  return {
    app,
    domain: mockInternals(app).domain,
    raw,
    api: {
      get: (path) => raw.get(path).set('Authorization', BASIC),
      post: (path, body) => withBody(raw.post(path).set('Authorization', BASIC), body),
      put: (path, body) => withBody(raw.put(path).set('Authorization', BASIC), body),
      patch: (path, body) => withBody(raw.patch(path).set('Authorization', BASIC), body),
      delete: (path) => raw.delete(path).set('Authorization', BASIC),
    },
    close: () => mockInternals(app).close(),
  };
}

/** Asserts a Codat error body with this status, and returns it. */
export function expectError(res: request.Response, status: number): ErrorBody {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  const parsed = z.parse(ErrorBody, res.body);
  expect(parsed.statusCode).toBe(status);
  expect(parsed.service).toBe('PublicApi');
  expect(parsed.correlationId).toBe(res.headers['x-correlation-id']);
  expect(JSON.stringify(res.body)).not.toMatch(/\bat .+\.(ts|js):\d+/); // never a stack trace
  return parsed;
}

export async function createCompany(t: TestMock, name = 'Acme Ltd', extra: Record<string, unknown> = {}) {
  const res = await t.api.post('/companies', { name, ...extra }).expect(200);
  return res.body as { id: string; name: string; redirect: string };
}

export async function createConnection(t: TestMock, companyId: string, platformKey: string) {
  const res = await t.api.post(`/companies/${companyId}/connections`, { platformKey }).expect(200);
  return res.body as { id: string; linkUrl: string; status: string; sourceType: string };
}

/** Makes a connection Linked through `PUT .../authorization` (the non-browser path). */
export async function linkConnection(t: TestMock, companyId: string, platformKey: string) {
  const connection = await createConnection(t, companyId, platformKey);
  await t.api
    .put(`/companies/${companyId}/connections/${connection.id}/authorization`, { username: 'demo' })
    .expect(200);
  return connection;
}

export async function token(t: TestMock, companyId: string): Promise<string> {
  const res = await t.api.get(`/companies/${companyId}/accessToken`).expect(200);
  return res.body.accessToken as string;
}
