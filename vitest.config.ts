/**
 * Root Vitest config: the Storybook stories as tests.
 *
 *   pnpm test:stories                        # = vitest run --project=storybook (light theme, English)
 *   pnpm exec vitest run --project=storybook-dark   # every story again in the dark theme (axe contrast in dark)
 *
 * Each story renders in real Chromium (Debian chromium, vitest.shared.ts), its play function runs, and axe runs on
 * it: with `parameters.a11y.test = 'error'` (.storybook/preview.ts) any violation fails the story. Stories that pin
 * their own `globals` (a Dark story, a French story, a 320 px story) keep them in both projects.
 *
 * Every package has its own vitest.config.ts; this file only defines the Storybook projects.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import { chromiumBrowser } from './vitest.shared.js';

const dirname = path.dirname(fileURLToPath(import.meta.url));

function storybookProject(
  name: string,
  initialGlobals: Record<string, unknown> = {},
): TestProjectInlineConfiguration {
  return {
    plugins: [storybookTest({ configDir: path.join(dirname, '.storybook'), initialGlobals })],
    test: {
      name,
      // A fresh instance list per project: Vitest names the instance after the project (`<name> (chromium)`).
      browser: { ...chromiumBrowser, instances: [{ browser: 'chromium' as const }] },
      // The real mock API + a demo token endpoint for the connected stories (.storybook/connected.ts).
      globalSetup: ['.storybook/vitest.global-setup.ts'],
      setupFiles: ['.storybook/vitest.setup.ts'],
      testTimeout: 20_000,
    },
  };
}

export default defineConfig({
  test: {
    projects: [storybookProject('storybook'), storybookProject('storybook-dark', { theme: 'dark' })],
  },
});
