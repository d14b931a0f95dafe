/** Settings shared by the browser-mode Vitest projects (elements, react, Storybook stories). */
import { playwright } from '@vitest/browser-playwright';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/chromium.mjs';

export { CHROMIUM_ARGS, CHROMIUM_PATH };

export const chromiumBrowser = {
  enabled: true,
  headless: true,
  screenshotFailures: false,
  instances: [{ browser: 'chromium' as const }],
  provider: playwright({ launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS } }),
};
