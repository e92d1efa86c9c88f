import { defineConfig } from '@playwright/test';
import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** Launch flags shared with scripts/chromium.mjs (see DEVELOPERS.md). */
const CHROMIUM_FLAGS: string[] = JSON.parse(readFileSync(new URL('./scripts/chromium-flags.json', import.meta.url), 'utf8'));

// scripts/e2e.mjs finds Debian's Chromium and sets CHROME_PATH; no browser is ever downloaded.
// E2E_PORT and E2E_OUT_DIR let several e2e runs share a machine (scripts/e2e.mjs sets both).
const PORT = Number(process.env.E2E_PORT ?? 4391);
const OUT_DIR = process.env.E2E_OUT_DIR ?? 'dist';

// One seed for e2e/gpu-kernels.spec.ts's random inputs per `playwright test`, drawn here in the runner
// so that every worker inherits it: a worker restarted after a failure would otherwise draw (and
// print) a new one, and the seed printed last would not reproduce the failure.
process.env.GPU_KERNELS_SEED ??= String(randomInt(2 ** 31));

export default defineConfig({
  testDir: 'e2e',
  // golden images live beside the specs, one folder per spec, with no platform suffix: CI runs
  // the same Debian Chromium on the same kind of machine
  snapshotPathTemplate: '{testDir}/__screenshots__/{testFileName}/{arg}{ext}',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${PORT}/`,
    headless: true,
    viewport: { width: 1280, height: 800 },
    launchOptions: { executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: CHROMIUM_FLAGS },
    permissions: ['clipboard-read', 'clipboard-write'],
    // the offline service worker would serve later loads from its cache, past page.route and the
    // like: the specs about it (offline, sub-path) allow it, the rest see the page as it is online
    serviceWorkers: 'block',
  },
  webServer: {
    command: `npx vite preview --port ${PORT} --strictPort --outDir ${OUT_DIR}`,
    url: `http://localhost:${PORT}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
