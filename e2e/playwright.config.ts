/**
 * End-to-end tests of the demo apps and the six lifecycle scenarios, in Debian Chromium (never a downloaded
 * browser). Playwright starts its own stack on ports of its own — mock API 4110, Copay 4120, Insights 4130 — so
 * it never collides with a running demo (4010 / 4020 / 4030). Override with E2E_MOCK_PORT / E2E_COPAY_PORT /
 * E2E_INSIGHTS_PORT.
 *
 * One worker: the scenarios share one mock server, and scenario 6 moves its clock forward (`POST /_mock/clock`),
 * which would expire the open-banking connections of tests running next to it.
 */
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import {
  API_KEY,
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  COPAY_DATA_FILE,
  COPAY_PORT,
  COPAY_URL,
  E2E_DATA_DIR,
  INSIGHTS_PORT,
  INSIGHTS_URL,
  MOCK_PORT,
  MOCK_URL,
} from './fixtures.js';

const CI = Boolean(process.env.CI);

// The apps' own records for this run live in a temporary folder, emptied when each server starts (never the
// demo's .data/).
const dataDir = E2E_DATA_DIR;

const callbacks = [COPAY_URL, INSIGHTS_URL].map((origin) => `${origin}/connect/callback`);

/** The mock server, configured for this stack: its redirect allowlist and CORS name the e2e ports. */
const mockScript = [
  "import('./src/index.ts').then(({ startMockServer, DEMO_DEFAULTS }) => startMockServer({",
  `  port: ${MOCK_PORT},`,
  '  syncStepMs: 100,',
  '  enableTestEndpoints: true,',
  `  corsOrigins: ${JSON.stringify([COPAY_URL, INSIGHTS_URL])},`,
  `  profile: { ...DEMO_DEFAULTS.profile, redirectUrl: ${JSON.stringify(callbacks[0])}, whiteListUrls: ${JSON.stringify(callbacks)} },`,
  "})).then(({ url }) => console.log('mock server (e2e): ' + url));",
].join(' ');

export default defineConfig({
  testDir: './tests',
  outputDir: './test-results',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: CI ? 1 : 0,
  forbidOnly: CI,
  reporter: CI ? [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]] : [['list']],
  use: {
    baseURL: COPAY_URL,
    browserName: 'chromium',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    locale: 'en-GB',
    timezoneId: 'Europe/London',
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: [
    {
      name: 'mock',
      command: `pnpm --filter @consent-kit/mock-server exec tsx --eval "${mockScript.replace(/"/g, '\\"')}"`,
      url: `${MOCK_URL}/products`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      name: 'copay',
      command: `rm -rf ${join(dataDir, 'copay')} && pnpm --filter @consent-kit/copay build && pnpm --filter @consent-kit/copay start`,
      url: COPAY_URL,
      reuseExistingServer: false,
      timeout: 180_000,
      env: {
        PORT: String(COPAY_PORT),
        MOCK_URL,
        CODAT_API_KEY: API_KEY,
        COPAY_DATA_FILE,
        INSIGHTS_URL,
        // Copay registers its webhook consumer (POST /webhooks/codat) with the mock at this URL.
        COPAY_PUBLIC_URL: COPAY_URL,
      },
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      name: 'insights',
      command: `rm -rf ${join(dataDir, 'insights')} && pnpm --filter @consent-kit/insights build && pnpm --filter @consent-kit/insights start`,
      url: INSIGHTS_URL,
      reuseExistingServer: false,
      timeout: 180_000,
      env: {
        PORT: String(INSIGHTS_PORT),
        MOCK_URL,
        CODAT_API_KEY: API_KEY,
        COPAY_URL,
        INSIGHTS_DATA_DIR: join(dataDir, 'insights'),
      },
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
