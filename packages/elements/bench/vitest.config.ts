/**
 * Runtime benchmarks of the elements in real Chromium (vitest browser mode). Not part of `pnpm test`: run by
 * `pnpm bench` (scripts/bench.sh), or alone with `pnpm exec vitest run --config bench/vitest.config.ts`.
 * Each bench file writes its numbers to bench/.results/<name>.json; scripts/bench/run.mjs prints them as a table.
 * Timings are reported, never asserted (the tests only check that what was timed really happened).
 */
import { defineConfig } from 'vitest/config';
import { chromiumBrowser } from '../../../vitest.shared.js';

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['bench/**/*.bench.test.ts'],
    globalSetup: ['./bench/mock-servers.global-setup.ts'],
    browser: chromiumBrowser,
    // One file at a time, so benchmarks do not compete for the 2 cores.
    fileParallelism: false,
    testTimeout: 120_000,
  },
});
