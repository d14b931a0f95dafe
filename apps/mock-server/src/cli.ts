#!/usr/bin/env node
/**
 * consent-kit mock server.
 *
 *   pnpm --filter @consent-kit/mock-server start [-- --port 4010] [--seed demo] [--data-file .data/mock.json]
 *                                                [--sync-step-ms 1500] [--production] [--quiet]
 *
 * Every flag has an environment variable (see README): PORT, HOST, PUBLIC_URL, MOCK_API_KEY, CORS_ORIGINS,
 * SYNC_STEP_MS, MOCK_DATA_FILE, MOCK_SEED, MOCK_TEST_ENDPOINTS, MOCK_FAULTS.
 */
import { parseArgs } from 'node:util';
import { DEMO_DEFAULTS, SEED_SCENARIOS, startMockServer } from './index.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', short: 'p' },
    host: { type: 'string' },
    seed: { type: 'string' },
    'data-file': { type: 'string' },
    'sync-step-ms': { type: 'string' },
    'public-url': { type: 'string' },
    production: { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
  allowPositionals: false,
  // `pnpm start -- --seed demo` forwards the `--` separator too: it is not an argument of ours.
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
});

if (values.help) {
  process.stdout.write(`consent-kit mock server
  --port <n>            port (env PORT, default ${DEMO_DEFAULTS.port}; 0 = any free port)
  --host <h>            bind address (env HOST, default 127.0.0.1)
  --public-url <url>    URL used in links (env PUBLIC_URL, default http://localhost:<port>)
  --seed <scenario>     load a scenario into an empty store (env MOCK_SEED): ${Object.keys(SEED_SCENARIOS).join(', ')}
  --data-file <path>    persist state to a JSON file, written atomically (env MOCK_DATA_FILE)
  --sync-step-ms <n>    delay between sync steps (env SYNC_STEP_MS, default ${DEMO_DEFAULTS.syncStepMs})
  --production          production-like: no /_mock test endpoints, no fault injection
  --quiet               no request log
`);
  process.exit(0);
}

const production = values.production;
const env = process.env;
const server = await startMockServer(
  {
    ...(values.port !== undefined ? { port: Number(values.port) } : {}),
    ...(values.host !== undefined ? { host: values.host } : {}),
    ...(values['public-url'] !== undefined ? { publicUrl: values['public-url'] } : {}),
    ...(values.seed !== undefined ? { seed: values.seed } : {}),
    ...(values['data-file'] !== undefined ? { dataFile: values['data-file'] } : {}),
    ...(values['sync-step-ms'] !== undefined ? { syncStepMs: Number(values['sync-step-ms']) } : {}),
    enableTestEndpoints: production
      ? false
      : env.MOCK_TEST_ENDPOINTS === undefined
        ? true
        : /^(1|true|yes|on)$/i.test(env.MOCK_TEST_ENDPOINTS),
    ...(production ? { faults: { enabled: false } } : {}),
    logRequests: !values.quiet,
  },
  env,
);

process.stdout.write(
  `consent-kit mock server listening on ${server.url} (API key: ${DEMO_DEFAULTS.apiKey === (env.MOCK_API_KEY ?? DEMO_DEFAULTS.apiKey) ? 'the local test key ck_test_local_only' : 'from MOCK_API_KEY'})\n`,
);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void server.close().then(() => process.exit(0));
  });
}
