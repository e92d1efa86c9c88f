// temporary: alternate drags between built dist folders served side by side: node ab.tmp.mjs ROUNDS DIR...
import { spawn, execSync } from 'node:child_process';
import { chromium } from '@playwright/test';
import { CHROMIUM_FLAGS, findChromium } from '../chromium.mjs';
import { measureDrag, phaseLines } from './drag-bench.mjs';
const EIGHT_RUNS =
  'v=1&surface=rosenbrock&steps=1000' +
  ['sgd(lr=0.001)', 'sgd(lr=0.001,momentum=0.9)', 'sgd(lr=0.001,momentum=0.9,nesterov=true)', 'adam(lr=0.05)', 'adamw(lr=0.05)', 'rmsprop(lr=0.01)', 'adagrad(lr=0.5)', 'lion(lr=0.01)']
    .map((run, index) => `&run=${run}@${(-1.5 + 0.05 * index).toFixed(2)},2`).join('');
const rounds = Number(process.argv[2]);
const dirs = process.argv.slice(3);
const servers = dirs.map((dir, i) => spawn('npx', ['vite', 'preview', '--port', String(4406 + 100 * (i + 1)), '--strictPort', '--outDir', dir], { stdio: 'ignore', detached: true }));
await new Promise((r) => setTimeout(r, 3000));
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_FLAGS, headless: true });
const all = dirs.map(() => []);
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < dirs.length; i++) {
      await page.goto(`http://localhost:${4406 + 100 * (i + 1)}/#${EIGHT_RUNS}`);
      await page.locator('g.run').nth(7).waitFor({ state: 'attached' });
      await page.waitForTimeout(500);
      const load = execSync('cat /proc/loadavg').toString().split(' ')[0];
      const r = await measureDrag(page);
      all[i].push(r);
      console.log(`${dirs[i]} round ${round} load ${load}: move->paint p50 ${r.latency.p50.toFixed(1)} p95 ${r.latency.p95.toFixed(1)}; legacy p50 ${r.legacy.p50.toFixed(1)} p95 ${r.legacy.p95.toFixed(1)}; paints ${r.paints}/${r.moves}`);
      if (process.env.PHASES) console.log(phaseLines(r).join('\n'));
    }
  }
  for (let i = 0; i < dirs.length; i++) {
    const med = (f) => all[i].map(f).sort((a, b) => a - b)[Math.floor(all[i].length / 2)];
    console.log(`${dirs[i]}: median over rounds of p50 ${med((r) => r.latency.p50).toFixed(1)}, of p95 ${med((r) => r.latency.p95).toFixed(1)}`);
  }
} finally {
  await browser.close();
  for (const s of servers) process.kill(-s.pid);
}
