/**
 * `<ck-link>` for the package entry (src/index.ts), which registers its step elements itself: they are imported
 * statically here. The `@consent-kit/elements/ck-link` entry (index.ts) fetches them with `import()` instead; in a
 * build that has them up front anyway, that `import()` would only move the code they share with the rest of the page
 * into a separately compressed chunk.
 */
import './link-steps.js';
import { defineElement } from '../base/define.js';
import { CkLink } from './ck-link.js';

export * from './api.js';

defineElement('ck-link', CkLink);
