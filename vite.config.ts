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
    rollupOptions: {
      input: { main: 'index.html', bench: 'bench.html' },
      output: {
        codeSplitting: {
          // the page's first paint in one chunk (the pages' own entries and the bench's code apart):
          // left to itself the bundler cut it into some thirty small chunks shared with the lazy
          // panels, each compressed apart, 8-10 KB more gzip (e2e/bundle-budget.spec.ts)
          groups: [{ name: 'first-paint', tags: ['$initial'], test: (id: string) => !/\.html$|[\\/]src[\\/](main\.tsx$|bench[\\/])/.test(id) }],
        },
      },
    },
  },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
  },
});
