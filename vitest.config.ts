/**
 * Root Vitest config: the Storybook stories as tests (`pnpm test:stories` = `vitest run --project=storybook`).
 * Each story renders in real Chromium (Debian chromium, vitest.shared.ts), its play function runs, and axe runs on
 * it: with `parameters.a11y.test = 'error'` (.storybook/preview.ts) any violation fails the story.
 *
 * Every package has its own vitest.config.ts; this file only defines the Storybook project.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { defineConfig } from 'vitest/config';
import { chromiumBrowser } from './vitest.shared.js';

const dirname = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [storybookTest({ configDir: path.join(dirname, '.storybook') })],
        test: {
          name: 'storybook',
          browser: chromiumBrowser,
          // The real mock API + a demo token endpoint for the connected stories (.storybook/connected.ts).
          globalSetup: ['.storybook/vitest.global-setup.ts'],
          setupFiles: ['.storybook/vitest.setup.ts'],
          testTimeout: 20_000,
        },
      },
    ],
  },
});
