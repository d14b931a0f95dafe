/**
 * Story tests only (root vitest.config.ts, project "storybook"): starts the real mock API and a tiny demo token
 * endpoint next to it, so the connected stories run against real data in the tests. The API key stays in this
 * Node process; the browser only receives company-scoped tokens, exactly as from the Copay demo backend.
 *
 *   GET /api/demo/token?company=fresh  -> a new company
 *   GET /api/demo/token?company=demo   -> the company of the mock's `demo` seed (connections + lending consent)
 *   -> { apiBaseUrl, companyId, companyName, accessToken, expiresIn }
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestProject } from 'vitest/node';
import { DEMO_DEFAULTS, SEED_COMPANY_IDS, startMockServer } from '../apps/mock-server/src/index.js';
import { ConsentKitClient } from '../packages/client/src/index.js';

declare module 'vitest' {
  export interface ProvidedContext {
    ckTokenEndpoint: string;
  }
}

const LOOPBACK_ORIGIN = /^http:\/\/(localhost|127\.0\.0\.1):\d+$/;

/**
 * The origins the browser-mode test page can have (the mock's CORS takes exact origins only): Vitest's browser
 * server port (63315 unless configured) and the next ports it falls back to when another run holds it.
 */
function testPageOrigins(project: TestProject): string[] {
  const base = project.config.browser?.api?.port ?? 63315;
  const origins: string[] = [];
  for (let port = base; port < base + 20; port++)
    origins.push(`http://localhost:${port}`, `http://127.0.0.1:${port}`);
  return origins;
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const mock = await startMockServer({
    port: 0,
    syncStepMs: 0,
    seed: 'demo',
    corsOrigins: testPageOrigins(project),
  });
  const admin = new ConsentKitClient({ baseUrl: mock.url, auth: { apiKey: DEMO_DEFAULTS.apiKey } });

  // The `demo` seed: Xero + a sandbox bank linked and synced, lending consent active.
  const demoCompany = () => admin.companies.get(SEED_COMPANY_IDS.demo);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const origin = req.headers.origin;
    if (origin && LOOPBACK_ORIGIN.test(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Vary', 'Origin');
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method !== 'GET' || url.pathname !== '/api/demo/token') {
      res.writeHead(404).end();
      return;
    }
    const company =
      (url.searchParams.get('company') === 'demo' ? await demoCompany() : undefined) ??
      (await admin.companies.create({ name: 'Storybook Bakery Ltd' }));
    const token = await admin.companies.accessToken(company.id);
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(
      JSON.stringify({
        apiBaseUrl: mock.url,
        companyId: company.id,
        companyName: company.name,
        accessToken: token.accessToken,
        expiresIn: token.expiresIn,
      }),
    );
  }

  const tokens = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
    });
  });
  await new Promise<void>((resolve) => tokens.listen(0, '127.0.0.1', resolve));
  const { port } = tokens.address() as AddressInfo;
  project.provide('ckTokenEndpoint', `http://127.0.0.1:${port}/api/demo/token`);

  return async () => {
    await new Promise<void>((resolve) => tokens.close(() => resolve()));
    await mock.close();
  };
}
