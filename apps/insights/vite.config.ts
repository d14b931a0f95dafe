import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The React plugin without its optional Babel / React-Compiler peers (they need Node >= 22): Oxc does the JSX.
export default defineConfig({
  plugins: [react()],
  build: { target: 'es2022', sourcemap: true },
});
