/**
 * Starts Copay: `tsx server/cli.ts` serves the Vite build (`dist/`, built first when missing);
 * `tsx server/cli.ts --dev` serves the sources through Vite's middleware (hot reload).
 *
 * Environment: PORT (or COPAY_PORT, default 4020), MOCK_URL (default http://localhost:$MOCK_PORT, 4010),
 * CODAT_API_KEY (default the mock's local test key), COPAY_DATA_FILE (default apps/copay/.data/copay.json).
 * COPAY_PUBLIC_URL (e.g. http://localhost:4020): where the API can reach Copay; when set, Copay registers a webhook
 * consumer for `${COPAY_PUBLIC_URL}/webhooks/codat` (in the background, retried until the API answers).
 * Demo only: COPAY_DEMO_TOKENS=1 serves GET /api/demo/token for Storybook (STORYBOOK_ORIGIN, COPAY_DEMO_COMPANY_ID).
 */
import { existsSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type RequestHandler } from 'express';
import { answerParserRefusals } from '@consent-kit/contract';
import { createApp } from './app.js';
import { clientGateway } from './codat.js';
import { errorBody } from './errors.js';
import { fileStore } from './store.js';
import { startWebhookRegistration } from './webhook-registration.js';

/** The mock server's local test key (`DEMO_DEFAULTS.apiKey`): it unlocks nothing but the local mock. */
const LOCAL_TEST_KEY = 'ck_test_local_only';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dev = process.argv.includes('--dev');
const port = Number(process.env.PORT ?? process.env.COPAY_PORT ?? 4020);
const mockUrl = (process.env.MOCK_URL ?? `http://localhost:${process.env.MOCK_PORT ?? 4010}`).replace(
  /\/+$/,
  '',
);
const apiKey = process.env.CODAT_API_KEY ?? LOCAL_TEST_KEY;
const dataFile = resolve(process.env.COPAY_DATA_FILE ?? resolve(root, '.data/copay.json'));
const publicUrl = process.env.COPAY_PUBLIC_URL?.replace(/\/+$/, '') || undefined;

const httpServer = createHttpServer();

async function frontend(): Promise<RequestHandler[]> {
  if (dev) {
    const { createServer } = await import('vite');
    // HMR over Copay's own HTTP server (no second port that could collide with another app's dev server).
    const vite = await createServer({
      root,
      configFile: resolve(root, 'vite.config.ts'),
      server: { middlewareMode: true, hmr: { server: httpServer } },
      appType: 'custom',
    });
    const page: RequestHandler = async (req, res, next) => {
      if ((req.method !== 'GET' && req.method !== 'HEAD') || !req.accepts('html')) return next();
      try {
        const html = await vite.transformIndexHtml(
          req.originalUrl,
          await readFile(resolve(root, 'index.html'), 'utf8'),
        );
        res.status(200).type('html').send(html);
      } catch (error) {
        next(error);
      }
    };
    return [vite.middlewares, page];
  }
  const dist = resolve(root, 'dist');
  if (!existsSync(resolve(dist, 'index.html'))) {
    console.log('copay: no build found, running vite build…');
    const { build } = await import('vite');
    await build({ root, configFile: resolve(root, 'vite.config.ts'), logLevel: 'warn' });
  }
  const router = express.Router();
  // Hashed file names: cached for a year; a missing asset is a 404, never the page.
  router.use(
    '/assets',
    express.static(resolve(dist, 'assets'), { immutable: true, maxAge: '1y', fallthrough: false }),
  );
  router.use(express.static(dist, { index: false }));
  router.use((req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !req.accepts('html')) return next();
    // Read per request, not once at start: a rebuild while Copay runs (`pnpm build`, the e2e stack) replaces the
    // hashed assets, and a page cached from before would point at scripts that no longer exist.
    readFile(resolve(dist, 'index.html'), 'utf8').then((indexHtml) => {
      res.setHeader('Cache-Control', 'no-cache');
      res.status(200).type('html').send(indexHtml);
    }, next);
  });
  return [router];
}

const gateway = clientGateway({ baseUrl: mockUrl, apiKey });
const store = fileStore(dataFile);
const app = createApp({
  gateway,
  store,
  frontend: await frontend(),
  dev,
  demoTokens:
    process.env.COPAY_DEMO_TOKENS === '1'
      ? {
          storybookOrigin:
            process.env.STORYBOOK_ORIGIN ?? `http://localhost:${process.env.STORYBOOK_PORT ?? 6006}`,
          demoCompanyId: process.env.COPAY_DEMO_COMPANY_ID,
        }
      : undefined,
});

httpServer.on('request', app);
// Oversized or malformed requests refused by Node's parser get a Codat-style error body too.
answerParserRefusals(httpServer, (status, message) => errorBody(status, message));
const server = httpServer.listen(port, () => {
  console.log(
    `copay: http://localhost:${port}  (API ${mockUrl}, records in ${dataFile}${dev ? ', dev mode' : ''})`,
  );
});
if (publicUrl) startWebhookRegistration({ gateway, store, publicUrl });
else console.log('copay: COPAY_PUBLIC_URL is not set, so Copay receives no webhooks');
server.on('error', (error) => {
  console.error(`copay: could not listen on port ${port}: ${error.message}`);
  process.exit(1);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close();
    server.closeAllConnections();
    process.exit(0);
  });
}
