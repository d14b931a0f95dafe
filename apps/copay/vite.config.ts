import { defineConfig } from 'vite';

/** Copay's pages: vanilla TypeScript; the consent-kit elements are compiled from their sources. */
export default defineConfig({
  root: import.meta.dirname,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // Keep every style in files: the page's CSP has `style-src 'self'` (no inline styles).
    cssCodeSplit: true,
    assetsInlineLimit: 0,
  },
});
