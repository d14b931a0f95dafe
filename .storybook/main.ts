import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/web-components-vite';
import type { Plugin } from 'vite';
// Shared with the React generator: completes tag names from defineElement() calls and drops the base class noise.
import { publicApiOf, readElementsManifest } from '../packages/react/scripts/manifest.mjs';

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

const MANIFEST_MODULE = 'virtual:consent-kit/custom-elements';

/** `import manifest from 'virtual:consent-kit/custom-elements'`: the completed manifest, for the preview. */
function customElementsManifest(): Plugin {
  return {
    name: 'consent-kit:custom-elements-manifest',
    resolveId: (id) => (id === MANIFEST_MODULE ? `\0${MANIFEST_MODULE}` : undefined),
    async load(id) {
      if (id !== `\0${MANIFEST_MODULE}`) return undefined;
      this.addWatchFile(manifestPath);
      return `export default ${JSON.stringify(publicApiOf(await readElementsManifest(elementsDir)))};`;
    },
  };
}

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
  viteFinal: (viteConfig) => ({
    ...viteConfig,
    plugins: [...(viteConfig.plugins ?? []), customElementsManifest()],
  }),
};

export default config;
