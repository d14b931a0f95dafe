import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/web-components-vite';

const here = path.dirname(fileURLToPath(import.meta.url));
const elementsDir = path.resolve(here, '../packages/elements');
const manifestPath = path.join(elementsDir, 'custom-elements.json');

/** Newest modification time of the element sources the analyzer reads (tests and stories do not count). */
function newestSourceMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSourceMtime(full));
    else if (/\.ts$/.test(entry.name) && !/\.(test|stories)\.ts$/.test(entry.name))
      newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * Controls and docs come from the custom-elements manifest (`cem analyze --litelement`), a generated, git-ignored
 * file. Storybook (dev, build and the story tests) regenerates it here when it is missing or older than the element
 * sources, so `pnpm exec storybook build` works on a fresh clone without a separate step.
 */
function ensureManifest(): void {
  const src = path.join(elementsDir, 'src');
  if (existsSync(manifestPath) && statSync(manifestPath).mtimeMs >= newestSourceMtime(src)) return;
  execFileSync('pnpm', ['run', '--silent', 'analyze'], {
    cwd: elementsDir,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
ensureManifest();

const config: StorybookConfig = {
  stories: [
    './docs/**/*.mdx',
    './stories/**/*.stories.ts',
    '../packages/elements/docs/**/*.mdx',
    '../packages/elements/src/**/*.stories.ts',
  ],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true },
};

export default config;
