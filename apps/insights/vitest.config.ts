import { defineConfig } from 'vitest/config';

// Node tests: the backend (against the real mock server) and the dashboard's figures. The UI is covered end to
// end by the Playwright suite in /e2e (insights-*.spec.ts, lifecycle-{2,4,5}*.spec.ts).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 15_000,
  },
});
