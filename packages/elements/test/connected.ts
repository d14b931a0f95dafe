import { inject } from 'vitest';
import { ConsentKitClient } from '@consent-kit/client';

/** The demo API key of the mock (DEMO_DEFAULTS.apiKey): it unlocks nothing but the local mock. */
export const MOCK_API_KEY = 'ck_test_local_only';

/** The mock server's URL; throws (failing the test) with the reason when it did not start. */
export function mockServerUrl(): string {
  const url = inject('mockServerUrl');
  if (!url) throw new Error(`The mock server did not start: ${inject('mockServerError') || 'unknown reason'}`);
  return url;
}

/** A client on the mock server with the test API key. */
export function mockClient(options: { retries?: number } = {}): ConsentKitClient {
  return new ConsentKitClient({
    baseUrl: mockServerUrl(),
    auth: { apiKey: MOCK_API_KEY },
    ...(options.retries === undefined ? {} : { retry: { retries: options.retries } }),
  });
}

/** A fresh company on the mock server (each test its own, so tests do not see each other's data). */
export async function createCompany(client: ConsentKitClient, name = 'Test Bakery Ltd'): Promise<string> {
  const company = await client.companies.create({ name });
  return company.id;
}

/** A company as a browser sees it: its id, its company-scoped token and a client holding only that token. */
export interface TestCompany {
  id: string;
  token: string;
  client: ConsentKitClient;
}

/** A fresh company and a browser client with its bearer token (no API key), as an app's backend would hand out. */
export async function newCompany(name = 'Test Bakery Ltd'): Promise<TestCompany> {
  const admin = mockClient({ retries: 0 });
  const company = await admin.companies.create({ name });
  const { accessToken } = await admin.companies.accessToken(company.id);
  const client = new ConsentKitClient({ baseUrl: mockServerUrl(), auth: { accessToken }, retry: { retries: 0 } });
  return { id: company.id, token: accessToken, client };
}

/** Raw call to a test-only mock endpoint (`/_mock/...`). */
export async function mockControl(path: string, body: unknown): Promise<Response> {
  const response = await fetch(new URL(path, mockServerUrl()), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Basic ${btoa(MOCK_API_KEY)}` },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path} -> ${response.status} ${await response.text()}`);
  return response;
}
