// temporary: trace the drag and summarise main-thread time by event name
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { CHROMIUM_FLAGS, findChromium } from '../chromium.mjs';
import { measureDrag } from './drag-bench.mjs';
const PORT = 4406;
const EIGHT_RUNS =
  'v=1&surface=rosenbrock&steps=1000' +
  ['sgd(lr=0.001)', 'sgd(lr=0.001,momentum=0.9)', 'sgd(lr=0.001,momentum=0.9,nesterov=true)', 'adam(lr=0.05)', 'adamw(lr=0.05)', 'rmsprop(lr=0.01)', 'adagrad(lr=0.5)', 'lion(lr=0.01)']
    .map((run, index) => `&run=${run}@${(-1.5 + 0.05 * index).toFixed(2)},2`).join('');
const server = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort', '--outDir', process.argv[2] ?? 'dist-bench'], { stdio: 'ignore', detached: true });
await new Promise((r) => setTimeout(r, 2500));
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_FLAGS, headless: true });
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(`http://localhost:${PORT}/#${EIGHT_RUNS}`);
  await page.locator('g.run').nth(7).waitFor({ state: 'attached' });
  await page.waitForTimeout(500);
  await browser.startTracing(page, { path: '/tmp/drag/trace.json', categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing'] });
  const result = await measureDrag(page, { moves: 60 });
  await browser.stopTracing();
  console.log(JSON.stringify({ latency: result.latency, handling: result.handling }, null, 0));
} finally {
  await browser.close();
  process.kill(-server.pid);
}
const trace = JSON.parse(readFileSync('/tmp/drag/trace.json', 'utf8'));
const events = trace.traceEvents ?? trace;
// main renderer thread: the one with the most RunTask time in the renderer process
const threadNames = new Map();
for (const e of events) if (e.name === 'thread_name') threadNames.set(`${e.pid}:${e.tid}`, e.args.name);
const byThread = new Map();
for (const e of events) {
  if (e.ph !== 'X' || !e.dur) continue;
  const key = `${e.pid}:${e.tid}`;
  const t = threadNames.get(key) ?? key;
  if (!byThread.has(t)) byThread.set(t, new Map());
  const m = byThread.get(t);
  m.set(e.name, (m.get(e.name) ?? 0) + e.dur / 1000);
}
for (const [t, m] of byThread) {
  if (!/Main|Worker/.test(t)) continue;
  const top = [...m].sort((a, b) => b[1] - a[1]).slice(0, 18);
  console.log(t, top.map(([n, d]) => `${n}=${d.toFixed(0)}`).join(' '));
}
