#!/usr/bin/env node
/**
 * Load benchmark of the mock server on loopback (issue "Performance budgets"): autocannon, 64 concurrent
 * connections, bounded in time, against GET /integrations and GET /companies/{id}/connections, with the store
 * holding about 1, 1,000 and 10,000 companies. The server runs in a child process (one core for it, one for the
 * load generator). Companies are created through the public API, like a real client would.
 *
 *   node scripts/bench/load.mjs [--json out.json] [--seconds 5] [--companies 1,1000,10000]
 *
 * Targets: >= 5,000 requests/s and p99 < 25 ms. Reported, not asserted.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { parseArgs } from 'node:util';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const mockServer = path.join(repo, 'apps/mock-server');
const requireFromMock = createRequire(path.join(mockServer, 'package.json'));
const autocannon = requireFromMock('autocannon');

const API_KEY = 'ck_test_local_only';
const CONNECTIONS = 64;
export const TARGET_RPS = 5000;
export const TARGET_P99_MS = 25;

const { values } = parseArgs({
  options: {
    json: { type: 'string' },
    seconds: { type: 'string', default: process.env.BENCH_LOAD_SECONDS ?? '5' },
    companies: { type: 'string', default: '1,1000,10000' },
  },
});
const seconds = Number(values.seconds);
const companyCounts = values.companies.split(',').map(Number).sort((a, b) => a - b);

function startServer() {
  // `node --import tsx` (one process; the tsx CLI would run the server in a grandchild).
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repo, 'scripts/bench/mock-process.ts')], {
    cwd: mockServer,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  return new Promise((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => reject(new Error('mock server did not start within 30 s')), 30_000);
    child.once('exit', (code) => reject(new Error(`mock server exited early (${code})`)));
    child.stdout.on('data', (chunk) => {
      buffer += chunk;
      const line = buffer.split('\n').find((l) => l.startsWith('{'));
      if (!line) return;
      clearTimeout(timer);
      resolve({ url: JSON.parse(line).url, child });
    });
  });
}

const basic = `Basic ${Buffer.from(API_KEY).toString('base64')}`;

async function api(url, method, pathName, body, auth = basic) {
  const response = await fetch(new URL(pathName, url), {
    method,
    headers: { authorization: auth, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) throw new Error(`${method} ${pathName} -> ${response.status} ${await response.text()}`);
  return response.status === 204 ? undefined : response.json();
}

/** Creates companies through the API, 32 requests in flight, until the store holds `target` of ours. */
async function growTo(url, have, target) {
  let next = have;
  const worker = async () => {
    while (next < target) {
      const n = next++;
      await api(url, 'POST', '/companies', { name: `Load test company ${n + 1}` });
    }
  };
  await Promise.all(Array.from({ length: 32 }, worker));
  return target;
}

function run(url, pathName, headers) {
  return new Promise((resolve, reject) => {
    autocannon(
      { url: new URL(pathName, url).href, connections: CONNECTIONS, duration: seconds, headers, timeout: 10 },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}

const rows = [];
const { url, child } = await startServer();
try {
  // The company whose connections are read: three connections (accounting, banking, commerce).
  const probe = await api(url, 'POST', '/companies', { name: 'Load test probe company' });
  const integrations = await api(url, 'GET', '/integrations?pageSize=5000');
  const pick = (sourceType) => integrations.results.find((i) => i.sourceType === sourceType && i.enabled)?.key;
  for (const sourceType of ['Accounting', 'Banking', 'Commerce']) {
    const platformKey = pick(sourceType);
    if (platformKey) await api(url, 'POST', `/companies/${probe.id}/connections`, { platformKey });
  }
  const { accessToken } = await api(url, 'GET', `/companies/${probe.id}/accessToken`);
  const bearer = { authorization: `Bearer ${accessToken}` };
  const existing = (await api(url, 'GET', '/companies?pageSize=1')).totalResults;

  let have = existing;
  for (const target of companyCounts) {
    if (target > have) {
      const started = Date.now();
      have = await growTo(url, have, target);
      process.stderr.write(`[load] ${have} companies (created in ${Date.now() - started} ms)\n`);
    }
    const total = (await api(url, 'GET', '/companies?pageSize=1')).totalResults;
    // A short warm-up so the JIT has compiled the hot paths before we measure.
    for (const warm of ['/integrations', `/companies/${probe.id}/connections`]) {
      await new Promise((resolve) => autocannon({ url: `${url}${warm}`, connections: 8, amount: 3000, headers: bearer }, resolve));
    }
    for (const [label, pathName] of [
      ['GET /integrations', '/integrations'],
      ['GET /companies/{id}/connections', `/companies/${probe.id}/connections`],
    ]) {
      const result = await run(url, pathName, bearer);
      const row = {
        endpoint: label,
        companies: total,
        connections: CONNECTIONS,
        seconds,
        requestsPerSecond: Math.round(result.requests.average),
        p50: result.latency.p50,
        p99: result.latency.p99,
        max: result.latency.max,
        total: result.requests.total,
        non2xx: result.non2xx,
        errors: result.errors,
        timeouts: result.timeouts,
      };
      rows.push(row);
      process.stderr.write(
        `[load] ${label} with ${total} companies: ${row.requestsPerSecond} req/s, p50 ${row.p50} ms, p99 ${row.p99} ms, ` +
          `${row.non2xx} non-2xx, ${row.errors} errors\n`,
      );
    }
  }
} finally {
  child.kill('SIGTERM');
}

const payload = { connections: CONNECTIONS, seconds, targets: { requestsPerSecond: TARGET_RPS, p99Ms: TARGET_P99_MS }, rows };
if (values.json) writeFileSync(values.json, JSON.stringify(payload, null, 2));
else console.log(JSON.stringify(payload, null, 2));
