/** Helpers shared by the runtime benchmarks: timing statistics and the JSON results scripts/bench/run.mjs reads. */
import { commands } from 'vitest/browser';

export interface Stats {
  n: number;
  min: number;
  p50: number;
  p95: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentile of sorted samples. */
function percentile(sorted: number[], p: number): number {
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export function stats(samples: number[]): Stats {
  if (samples.length === 0) throw new Error('no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    n: sorted.length,
    min: round(sorted[0]!),
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    max: round(sorted.at(-1)!),
    mean: round(sorted.reduce((a, b) => a + b, 0) / sorted.length),
  };
}

export interface BenchRow {
  /** What was measured, e.g. "picker, 2,000 integrations: keystroke -> filtered list rendered". */
  name: string;
  stats: Stats;
  /** Target in ms, when the issue sets one (the table shows whether it was met). */
  targetMs?: number;
  /** Which statistic the target applies to. */
  targetStat?: keyof Stats;
  notes?: string;
}

/** Writes bench/.results/<file>.json (read and printed by `pnpm bench`) and logs the rows. */
export async function writeResults(file: string, rows: BenchRow[]): Promise<void> {
  const payload = { file, userAgent: navigator.userAgent, at: new Date().toISOString(), rows };
  await commands.writeFile(`bench/.results/${file}.json`, JSON.stringify(payload, null, 2));
  for (const row of rows) console.log(`[bench] ${row.name}: p50 ${row.stats.p50} ms, p95 ${row.stats.p95} ms (n=${row.stats.n})`);
}

/** Resolves after the browser has produced the next frame (rAF, then a task after it: the frame was painted). */
export function nextFrame(): Promise<number> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(undefined);
    }),
  );
}

/** Polls (every animation frame) until `check` is truthy; throws after `timeoutMs`. Resolves with the time seen. */
export async function until(check: () => unknown, timeoutMs = 10_000, what = 'condition'): Promise<number> {
  const start = performance.now();
  for (;;) {
    if (check()) return performance.now();
    if (performance.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}
