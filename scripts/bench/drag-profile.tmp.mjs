// temporary: CPU-profile the main thread during the drag; self time by function
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';
import { CHROMIUM_FLAGS, findChromium } from '../chromium.mjs';
import { measureDrag } from './drag-bench.mjs';
const PORT = 4406;
const EIGHT_RUNS =
  'v=1&surface=rosenbrock&steps=1000' +
  ['sgd(lr=0.001)', 'sgd(lr=0.001,momentum=0.9)', 'sgd(lr=0.001,momentum=0.9,nesterov=true)', 'adam(lr=0.05)', 'adamw(lr=0.05)', 'rmsprop(lr=0.01)', 'adagrad(lr=0.5)', 'lion(lr=0.01)']
    .map((run, index) => `&run=${run}@${(-1.5 + 0.05 * index).toFixed(2)},2`).join('');
const dir = process.argv[2] ?? 'dist-prof';
const server = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort', '--outDir', dir], { stdio: 'ignore', detached: true });
await new Promise((r) => setTimeout(r, 2500));
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_FLAGS, headless: true });
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(`http://localhost:${PORT}/#${EIGHT_RUNS}`);
  await page.locator('g.run').nth(7).waitFor({ state: 'attached' });
  await page.waitForTimeout(500);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const result = await measureDrag(page, { moves: 60 });
  const { profile } = await cdp.send('Profiler.stop');
  console.log(JSON.stringify({ latency: result.latency, handling: result.handling }));
  const self = new Map();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const counts = new Map();
  for (const s of profile.samples) counts.set(s, (counts.get(s) ?? 0) + 1);
  const dt = (profile.endTime - profile.startTime) / profile.samples.length / 1000;
  let total = 0;
  for (const [id, c] of counts) {
    const n = byId.get(id);
    const f = n.callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + c * dt);
    if (f.functionName !== '(idle)' && f.functionName !== '(program)') total += c * dt;
  }
  console.log('busy ms', total.toFixed(0), 'wall ms', ((profile.endTime - profile.startTime) / 1000).toFixed(0));
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(v.toFixed(0).padStart(6), k);
  // inclusive time of selected functions
} finally {
  await browser.close();
  process.kill(-server.pid);
}
