import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Express } from 'express';
import { createApp, mockInternals } from './app.js';
import { answerClientErrors } from './client-errors.js';
import type { MockServerOptions } from './options.js';

export { createApp, mockInternals, type MockInternals } from './app.js';
export {
  DEMO_DEFAULTS,
  resolveOptions,
  type FaultRule,
  type MockServerOptions,
  type WebhookTransport,
} from './options.js';
export { SEED_COMPANY_IDS, SEED_SCENARIOS } from './seed/scenarios.js';
export { INTEGRATIONS } from './seed/integrations.js';
export { PRODUCTS } from './seed/products.js';
export { allowedRedirect } from './hosted/redirects.js';
export { openApiDocument } from './openapi.js';
export { answerClientErrors } from './client-errors.js';

export interface RunningMockServer {
  /** Base URL, e.g. `http://localhost:4010`. */
  url: string;
  port: number;
  app: Express;
  server: Server;
  close(): Promise<void>;
}

/**
 * Starts the mock on `options.port` (0 = a free port; default 4010) and resolves once it listens. `publicUrl`
 * defaults to `http://localhost:<port>`. Used by other packages' test setups:
 *
 *   const mock = await startMockServer({ port: 0, syncStepMs: 0, enableTestEndpoints: true });
 *   ...; await mock.close();
 */
export async function startMockServer(
  options: MockServerOptions = {},
  env: NodeJS.ProcessEnv = {},
): Promise<RunningMockServer> {
  const app = createApp(options, env);
  const internals = mockInternals(app);
  const { port: wanted, host } = internals.domain.options;
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(wanted, host, (error?: Error) => (error ? reject(error) : resolve(s)));
    s.once('error', reject);
  });
  server.keepAliveTimeout = 5_000;
  answerClientErrors(server);
  const port = (server.address() as AddressInfo).port;
  if (!internals.domain.options.publicUrl) internals.domain.publicUrl = `http://localhost:${port}`;
  const url = internals.domain.publicUrl;
  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    app,
    server,
    close() {
      closing ??= new Promise<void>((resolve) => {
        internals.close();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
