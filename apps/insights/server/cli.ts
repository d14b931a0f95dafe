/**
 * Runs Insights: `tsx server/cli.ts` serves the Vite build (`pnpm build` first); `--dev` serves the sources through
 * Vite's middleware with hot reload. Environment: PORT (or INSIGHTS_PORT, default 4030), MOCK_URL, CODAT_API_KEY,
 * COPAY_URL (or COPAY_PORT), INSIGHTS_DATA_DIR.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type RequestHandler } from 'express';
import { answerParserRefusals } from '@consent-kit/contract';
import { createApp, errorBody } from './app.js';
import { APP_ROOT, configFromEnv } from './config.js';
import { JsonStore } from './store.js';

const dev = process.argv.includes('--dev');
const port = Number(process.env.PORT ?? process.env.INSIGHTS_PORT ?? 4030);
const config = { ...configFromEnv(), devCsp: dev };
const store = new JsonStore(config.dataDir);

async function frontendHandlers(): Promise<RequestHandler[]> {
  if (dev) {
    const { createServer } = await import('vite');
    const vite = await createServer({ root: APP_ROOT, server: { middlewareMode: true }, appType: 'spa' });
    return [vite.middlewares as unknown as RequestHandler];
  }
  const dist = path.join(APP_ROOT, 'dist');
  const indexHtml = path.join(dist, 'index.html');
  if (!existsSync(indexHtml)) {
    console.error(`insights: ${indexHtml} is missing. Build the frontend first: pnpm --filter @consent-kit/insights build`);
    process.exit(1);
  }
  const router = express.Router();
  // Hashed file names: cache for a year. A missing asset is a 404, never the SPA page.
  router.use('/assets', express.static(path.join(dist, 'assets'), { immutable: true, maxAge: '1y', fallthrough: false }));
  router.use(express.static(dist, { index: false }));
  router.use((req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (!req.accepts('html')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexHtml);
  });
  return [router];
}

const app = createApp({ config, store, frontend: await frontendHandlers() });
const server = app.listen(port, () => {
  console.log(`insights: http://localhost:${port} (${dev ? 'dev' : 'start'} mode; API ${config.apiBaseUrl}; data ${store.file})`);
});
// Oversized or malformed requests refused by Node's parser get a Codat-style error body too.
answerParserRefusals(server, (status, message) => errorBody(status, message));
server.on('error', (error) => {
  console.error(`insights: cannot listen on port ${port}: ${error.message}`);
  process.exit(1);
});

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.close();
    server.closeAllConnections();
    void store.flush().finally(() => process.exit(0));
  });
}
