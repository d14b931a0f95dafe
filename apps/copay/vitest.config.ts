import { defineConfig } from 'vitest/config';

/** Copay's backend tests (Node). The journey in a browser is covered by the Playwright suite in /e2e. */
export default defineConfig({
  test: {
    name: 'copay',
    include: ['test/**/*.test.ts'],
    environment: 'node',
  },
});
