/**
 * Runs the mock server in its own process for the load benchmark (so the load generator does not share its event
 * loop). Prints one JSON line `{"url": ...}` once listening; closes on SIGTERM/SIGINT. Started by load.mjs as
 * `node --import tsx scripts/bench/mock-process.ts` from apps/mock-server (where tsx is installed).
 */
import { startMockServer } from '../../apps/mock-server/src/index.ts';

const server = await startMockServer({ port: 0, syncStepMs: 0, logRequests: false });
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);

const stop = async () => {
  await server.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
