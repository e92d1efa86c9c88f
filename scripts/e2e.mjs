// `npm run test:e2e`: builds the app, then runs the Playwright specs in Debian's Chromium.
import { spawnSync } from 'node:child_process';
import { findChromium } from './chromium.mjs';

const chromePath = findChromium();
const outDir = process.env.E2E_OUT_DIR ?? 'dist';
const env = { ...process.env, CHROME_PATH: chromePath, E2E_OUT_DIR: outDir };

run('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir']);
run('npx', ['playwright', 'test', ...process.argv.slice(2)]);

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
