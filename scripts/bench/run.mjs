#!/usr/bin/env node
/**
 * `pnpm bench`: runs every benchmark of the "Performance budgets" issue and prints one table.
 *
 *   1. Bundle sizes (size-limit, packages/elements/.size-limit.cjs; the same checks `pnpm size` enforces).
 *   2. Runtime in real Chromium (vitest browser mode, packages/elements/bench/*.bench.test.ts): the picker with 2,000
 *      integrations (first render, per keystroke), the connection manager with 200 connections, ck-link mount ->
 *      interactive picker with 50 ms API latency.
 *   3. The mock server under load (scripts/bench/load.mjs: autocannon, 64 connections, loopback).
 *
 *   node scripts/bench/run.mjs [--only size,runtime,load] [--markdown] [--seconds N]
 *
 * Timings are reported, not asserted. The exit status is non-zero only when a benchmark could not run; budgets
 * that are exceeded show as OVER (`pnpm size` is the check that fails on them).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const elements = path.join(repo, 'packages/elements');
const resultsDir = path.join(elements, 'bench/.results');

const { values } = parseArgs({
  options: {
    only: { type: 'string', default: 'size,runtime,load' },
    markdown: { type: 'boolean', default: false },
    seconds: { type: 'string', default: process.env.BENCH_LOAD_SECONDS ?? '5' },
  },
});
const parts = new Set(values.only.split(','));

/** One table row: area, what, result, target, status (ok | OVER | ERROR | -). */
const rows = [];
const problems = [];

function run(command, args, options = {}) {
  process.stderr.write(`\n$ ${command} ${args.join(' ')}\n`);
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  if (result.error) throw result.error;
  return result;
}

const kB = (bytes) => `${(bytes / 1000).toFixed(2)} kB`;
const ms = (n) => `${Number(n).toFixed(1)} ms`;

// ---------------------------------------------------------------------------------------------- 1. bundle sizes
if (parts.has('size')) {
  const result = run('pnpm', ['exec', 'size-limit', '--json'], { cwd: elements });
  let checks;
  try {
    checks = JSON.parse(result.stdout);
  } catch {
    const reason = (result.stderr || result.stdout).trim().split('\n').slice(-3).join(' ');
    problems.push(`bundle sizes: size-limit did not run: ${reason}`);
    rows.push({ area: 'bundle (gzip)', what: 'size-limit', result: 'could not run', target: '', status: 'ERROR' });
  }
  for (const check of checks ?? []) {
    // Checks whose issue target is missed carry it in their name and enforce a regression guard instead; a check
    // whose target is met has the target as its limit ("(target 10 kB)").
    const stated = /\(target ([\d.]+) kB; guard\)/.exec(check.name);
    const target = stated ? Number(stated[1]) * 1000 : check.sizeLimit;
    let status = 'ok';
    if (!check.passed) status = `OVER the ${stated ? 'guard' : 'target'} by ${kB(check.size - check.sizeLimit)}`;
    else if (check.size > target) status = `OVER by ${kB(check.size - target)}`;
    rows.push({
      area: 'bundle (gzip)',
      what: check.name.replace(/ \(target [\d.]+ kB(; guard)?\)/, ''),
      result: kB(check.size),
      target: stated ? `< ${kB(target)} (guard ${kB(check.sizeLimit)})` : `< ${kB(target)}`,
      status,
    });
  }
}

// ---------------------------------------------------------------------------------------- 2. runtime (Chromium)
if (parts.has('runtime')) {
  rmSync(resultsDir, { recursive: true, force: true });
  mkdirSync(resultsDir, { recursive: true });
  const result = run('pnpm', ['exec', 'vitest', 'run', '--config', 'bench/vitest.config.ts', '--reporter=dot'], {
    cwd: elements,
    stdio: ['ignore', 2, 2], // progress to stderr: stdout is only the table
  });
  if (result.status !== 0) problems.push('runtime: some Chromium benchmarks failed (see the vitest output above)');
  const ORDER = ['picker', 'connection-manager', 'connection-manager-connected', 'link'];
  const rank = (f) => (ORDER.indexOf(f.replace(/\.json$/, '')) + ORDER.length + 1) % (ORDER.length + 1);
  const files = existsSync(resultsDir)
    ? readdirSync(resultsDir)
        .filter((f) => f.endsWith('.json') && f !== 'load.json')
        .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    : [];
  for (const expected of ORDER) {
    if (!files.includes(`${expected}.json`)) {
      rows.push({ area: 'runtime (Chromium)', what: `${expected} benchmark`, result: 'did not complete', target: '', status: 'ERROR' });
    }
  }
  for (const file of files) {
    const { rows: benchRows } = JSON.parse(readFileSync(path.join(resultsDir, file), 'utf8'));
    for (const row of benchRows) {
      const s = row.stats;
      const stat = row.targetStat ?? 'p95';
      rows.push({
        area: 'runtime (Chromium)',
        what: row.name,
        result: `p50 ${ms(s.p50)} · p95 ${ms(s.p95)} · max ${ms(s.max)} (n=${s.n})${row.notes ? ` · ${row.notes}` : ''}`,
        target: row.targetMs === undefined ? '' : `${stat} < ${row.targetMs} ms`,
        status: row.targetMs === undefined ? '-' : s[stat] < row.targetMs ? 'ok' : `MISSED by ${ms(s[stat] - row.targetMs)}`,
      });
    }
  }
}

// ----------------------------------------------------------------------------------------- 3. mock server load
if (parts.has('load')) {
  mkdirSync(resultsDir, { recursive: true });
  const out = path.join(resultsDir, 'load.json');
  rmSync(out, { force: true });
  const result = run(process.execPath, [path.join(repo, 'scripts/bench/load.mjs'), '--json', out, '--seconds', values.seconds], {
    cwd: repo,
    stdio: ['ignore', 2, 2], // progress to stderr: stdout is only the table
  });
  if (result.status !== 0 || !existsSync(out)) {
    problems.push('load: the mock-server load benchmark failed (see its output above)');
    rows.push({ area: 'mock server load', what: 'autocannon', result: 'could not run', target: '', status: 'ERROR' });
  } else {
    const load = JSON.parse(readFileSync(out, 'utf8'));
    for (const row of load.rows) {
      const misses = [];
      if (row.requestsPerSecond < load.targets.requestsPerSecond) {
        misses.push(`req/s short by ${load.targets.requestsPerSecond - row.requestsPerSecond}`);
      }
      if (row.p99 >= load.targets.p99Ms) misses.push(`p99 over by ${row.p99 - load.targets.p99Ms} ms`);
      const failures = row.non2xx + row.errors + row.timeouts;
      if (failures > 0) misses.push(`${failures} failed requests`);
      rows.push({
        area: 'mock server load',
        what: `${row.endpoint}, ${row.companies.toLocaleString('en')} companies, ${row.connections} conns, ${row.seconds} s`,
        result: `${row.requestsPerSecond.toLocaleString('en')} req/s · p50 ${row.p50} ms · p99 ${row.p99} ms (${row.total.toLocaleString('en')} requests)`,
        target: `>= ${load.targets.requestsPerSecond.toLocaleString('en')} req/s, p99 < ${load.targets.p99Ms} ms`,
        status: misses.length === 0 ? 'ok' : `MISSED: ${misses.join(', ')}`,
      });
    }
  }
}

// -------------------------------------------------------------------------------------------------- the table
const chromium = (() => {
  try {
    return spawnSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).stdout.trim();
  } catch {
    return 'Chromium (version unknown)';
  }
})();
const machine = `${os.cpus()[0]?.model?.trim() ?? 'cpu'} x${os.cpus().length}, Node ${process.version}, ${chromium || 'Chromium'}`;
const columns = ['area', 'what', 'result', 'target', 'status'];
const headers = { area: 'Area', what: 'Measurement', result: 'Result', target: 'Target', status: 'Status' };

if (values.markdown) {
  console.log(`Measured ${new Date().toISOString().slice(0, 10)} on ${machine}.\n`);
  console.log(`| ${columns.map((c) => headers[c]).join(' | ')} |`);
  console.log(`|${columns.map(() => '---').join('|')}|`);
  for (const row of rows) console.log(`| ${columns.map((c) => row[c] || '').join(' | ')} |`);
} else {
  const widths = Object.fromEntries(columns.map((c) => [c, Math.max(headers[c].length, ...rows.map((r) => (r[c] ?? '').length))]));
  const line = (r) => columns.map((c) => (r[c] ?? '').padEnd(widths[c])).join('  ');
  console.log(`\nconsent-kit benchmarks: ${new Date().toISOString()} on ${machine}\n`);
  console.log(line(headers));
  console.log(columns.map((c) => '-'.repeat(widths[c])).join('  '));
  let area = '';
  for (const row of rows) {
    if (area && row.area !== area) console.log('');
    area = row.area;
    console.log(line(row));
  }
}
if (problems.length > 0) {
  console.error(`\n${problems.length} benchmark(s) could not run:\n  - ${problems.join('\n  - ')}`);
  process.exit(1);
}
