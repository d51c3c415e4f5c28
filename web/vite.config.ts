import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The portal and back office; built into web/dist and served by the API server at `/`.
export default defineConfig({
  root: new URL('.', import.meta.url).pathname,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    // A first visit on a cheap phone loads only what its page needs (issue 9 budget: ≤ 150 KB gzip).
    modulePreload: { polyfill: false },
  },
  server: {
    proxy: { '/api': 'http://localhost:3000', '/healthz': 'http://localhost:3000' },
  },
});
