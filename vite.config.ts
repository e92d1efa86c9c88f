import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { serviceWorkerPlugin } from './scripts/vite-service-worker.ts';
import { contentSecurityPolicy } from './scripts/csp.mjs';

export default defineConfig({
  // the offline service worker (sw.js beside index.html, with this build's precache list) and the
  // Content-Security-Policy (response headers of the preview server, a meta tag in the built pages)
  plugins: [react(), serviceWorkerPlugin(), contentSecurityPolicy()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: true,
    // bench.html: the batch engine harness that `npm run bench` and the browser tests drive
    rollupOptions: { input: { main: 'index.html', bench: 'bench.html' } },
  },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
  },
});
