import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The product identifier Insights asks consent for in the consent ledger. */
export const INSIGHTS_PRODUCT = 'insights';

/**
 * The mock API's local test key (`DEMO_DEFAULTS.apiKey` of @consent-kit/mock-server). It is only a default for the
 * local demo: a real deployment sets CODAT_API_KEY. The key never leaves this backend.
 */
export const LOCAL_TEST_API_KEY = 'ck_test_local_only';

export interface InsightsConfig {
  /** Base URL of the Codat-style API (the mock server locally), as both this backend and browsers reach it. */
  apiBaseUrl: string;
  /** Server-to-server API key; never sent to browsers. */
  apiKey: string;
  /** Where the Copay demo runs (for the "Apply for Copay financing" hand-off). */
  copayUrl: string;
  /** Folder of the app's own records (`insights.json`). */
  dataDir: string;
  /** Sign-in sessions last this long. */
  sessionTtlMs: number;
  /** Use `Secure` cookies (behind https). */
  secureCookies: boolean;
  /** Extra CSP sources for the Vite dev server (HMR websocket); empty in start mode. */
  devCsp: boolean;
}

const appRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

/** Reads the configuration from the environment (see README): MOCK_URL, CODAT_API_KEY, COPAY_URL, ... */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): InsightsConfig {
  const mockPort = env.MOCK_PORT ?? '4010';
  const copayPort = env.COPAY_PORT ?? '4020';
  return {
    apiBaseUrl: trimSlash(env.MOCK_URL ?? `http://localhost:${mockPort}`),
    apiKey: env.CODAT_API_KEY ?? LOCAL_TEST_API_KEY,
    copayUrl: trimSlash(env.COPAY_URL ?? `http://localhost:${copayPort}`),
    dataDir: env.INSIGHTS_DATA_DIR ? path.resolve(env.INSIGHTS_DATA_DIR) : path.join(appRoot, '.data'),
    sessionTtlMs: 7 * 24 * 60 * 60 * 1000,
    secureCookies: env.INSIGHTS_SECURE_COOKIES === '1',
    devCsp: false,
  };
}

export const APP_ROOT = appRoot;
