import { defineConfig } from 'vitest/config';
import { chromiumBrowser } from '../../vitest.shared.js';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // A real mock server (apps/mock-server) on a random port for the connected-mode tests; its URL is
    // available in tests through `inject('mockServerUrl')`.
    globalSetup: ['./test/mock-server.global-setup.ts'],
    browser: chromiumBrowser,
    testTimeout: 15_000,
  },
});
