import { defineConfig } from 'vitest/config';
import { chromiumBrowser } from '../../vitest.shared.js';

// Real Chromium (TOOLCHAIN pitfall 3: under happy-dom/jsdom @lit/react resolves its SSR build and sets no
// properties). The wrappers are tested the way an app uses them: react-dom/client rendering into the page.
export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}'],
    browser: chromiumBrowser,
    testTimeout: 15_000,
  },
});
