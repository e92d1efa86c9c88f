// Browser side of `npm run bench`: the built app in headless Chromium (Debian's), measuring what a
// person feels: frames per second while 8 runs play, the longest main-thread task, and the latency
// from a pointer move on a start marker to the frame that shows the recomputed trajectories.
import { spawn, spawnSync } from 'node:child_process';
import { chromium } from '@playwright/test';
import { CHROMIUM_FLAGS, findChromium } from '../chromium.mjs';
import { runBatchBench } from './batch-bench.mjs';

const PORT = Number(process.env.BENCH_PORT ?? 4499);
const OUT_DIR = 'dist-bench';

/** 8 runs x 1,000 steps on Rosenbrock: the playground's heaviest everyday picture. */
const EIGHT_RUNS =
  'v=1&surface=rosenbrock&steps=1000' +
  ['sgd(lr=0.001)', 'sgd(lr=0.001,momentum=0.9)', 'sgd(lr=0.001,momentum=0.9,nesterov=true)', 'adam(lr=0.05)', 'adamw(lr=0.05)', 'rmsprop(lr=0.01)', 'adagrad(lr=0.5)', 'lion(lr=0.01)']
    .map((run, index) => `&run=${run}@${(-1.5 + 0.05 * index).toFixed(2)},2`)
    .join('');

function percentile(sorted, fraction) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))];
}

async function waitForServer(url, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the preview server did not start on ${url}`);
}

/** Builds the app, serves it, and measures it; returns bench rows. */
export async function runBrowserBench() {
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', OUT_DIR, '--emptyOutDir'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('vite build failed');
  const server = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort', '--outDir', OUT_DIR], { stdio: 'ignore', detached: true });
  const base = `http://localhost:${PORT}/`;
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_FLAGS, headless: true });
  try {
    await waitForServer(base);
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${base}#${EIGHT_RUNS}`);
    await page.locator('g.run').nth(7).waitFor({ state: 'attached' });
    await page.waitForTimeout(500);

    // --- frames per second and the longest task while playing ---
    await page.evaluate(() => {
      const probe = { longest: 0, frames: [] };
      window.__bench = probe;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) probe.longest = Math.max(probe.longest, entry.duration);
      }).observe({ type: 'longtask', buffered: false });
    });
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    const playing = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const frames = [];
          const started = performance.now();
          const tick = (now) => {
            frames.push(now);
            if (now - started < 3000) requestAnimationFrame(tick);
            else resolve({ frames, longest: window.__bench.longest });
          };
          requestAnimationFrame(tick);
        }),
    );
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    const intervals = playing.frames.slice(1).map((time, index) => time - playing.frames[index]);
    const fps = (playing.frames.length - 1) / ((playing.frames.at(-1) - playing.frames[0]) / 1000);
    const longestFrame = Math.max(...intervals);

    // --- drag-to-paint latency: pointer event -> first frame after the paths changed ---
    const marker = page.locator('g.run circle.start-marker').first();
    const box = await marker.boundingBox();
    if (!box) throw new Error('no start marker to drag');
    await page.evaluate(() => {
      const samples = [];
      window.__dragSamples = samples;
      let pending = null;
      addEventListener('pointermove', (event) => { if (event.buttons) pending = event.timeStamp; }, { capture: true });
      const runs = document.querySelector('svg g.trajectories') ?? document.querySelector('svg');
      new MutationObserver(() => {
        if (pending === null) return;
        const input = pending;
        pending = null;
        requestAnimationFrame(() => samples.push(performance.now() - input));
      }).observe(runs, { attributes: true, subtree: true, attributeFilter: ['d', 'points'] });
    });
    let x = box.x + box.width / 2;
    let y = box.y + box.height / 2;
    await page.mouse.move(x, y);
    await page.mouse.down();
    for (let i = 0; i < 60; i++) {
      x += i % 20 < 10 ? 3 : -3;
      y += i % 30 < 15 ? 2 : -2;
      await page.mouse.move(x, y);
      await page.waitForTimeout(16);
    }
    await page.mouse.up();
    await page.waitForTimeout(300);
    const latencies = (await page.evaluate(() => window.__dragSamples)).sort((a, b) => a - b);

    const rows = [
      { workload: '5. playing 8 runs x 1,000 steps', engine: 'main thread (Chromium)', size: '3 s of playback', milliseconds: 1000 / fps, throughput: `${fps.toFixed(1)} frames/s; longest frame ${longestFrame.toFixed(1)} ms` },
      { workload: '5. longest main-thread task while playing', engine: 'main thread (Chromium)', size: 'long tasks > 50 ms', milliseconds: playing.longest, throughput: playing.longest === 0 ? 'no task over 50 ms' : `${playing.longest.toFixed(1)} ms` },
      {
        workload: '5. drag-to-paint latency',
        engine: 'worker recompute + paint',
        size: `${latencies.length} moves, 8 runs x 1,000 steps`,
        milliseconds: percentile(latencies, 0.5),
        throughput: `median ${percentile(latencies, 0.5).toFixed(1)} ms, p95 ${percentile(latencies, 0.95).toFixed(1)} ms`,
      },
    ];
    const batch = await runBatchBench(await browser.newPage(), base);
    return { rows: [...rows, ...batch.rows], notes: batch.notes };
  } finally {
    await browser.close();
    try {
      process.kill(-server.pid);
    } catch {
      // already gone
    }
  }
}
