import { defineConfig } from 'vitest/config';
import { chromiumBrowser } from '../../vitest.shared.js';

// Real Chromium (TOOLCHAIN pitfall 3: under happy-dom/jsdom @lit/react resolves its SSR build and sets no
// properties). The wrappers are tested the way an app uses them: react-dom/client rendering into the page.
export default defineConfig({
  optimizeDeps: {
    // React is CommonJS: pre-bundle it up front (no mid-run reload). Lit and its packages are ESM: served as they
    // are, so one copy of Lit is shared by the elements, the virtualizer and @lit/react.
    include: ['react', 'react/jsx-dev-runtime', 'react-dom/client'],
    exclude: ['lit', '@lit-labs/virtualizer', '@lit/react', '@lit/localize', '@lit/task', '@lit/context'],
  },
  test: {
    include: ['src/**/*.test.{ts,tsx}'],
    browser: chromiumBrowser,
    testTimeout: 15_000,
  },
});
