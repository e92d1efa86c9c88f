// Browser side of `npm run bench`: the built app in headless Chromium (Debian's), measuring what a
// person feels: frames per second while 8 runs play, the longest main-thread task, and the latency
// from a pointer move on a start marker to the frame that shows the recomputed trajectories.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { CHROMIUM_FLAGS, findChromium } from '../chromium.mjs';
import { runBatchBench } from './batch-bench.mjs';
import { measureDrag, phaseLines } from './drag-bench.mjs';
import { runModelBench } from './model-bench.mjs';

const PORT = Number(process.env.BENCH_PORT ?? 4499);
const OUT_DIR = 'dist-bench';

/** 8 runs x 1,000 steps on Rosenbrock: the playground's heaviest everyday picture. */
const EIGHT_RUNS =
  'v=1&surface=rosenbrock&steps=1000' +
  ['sgd(lr=0.001)', 'sgd(lr=0.001,momentum=0.9)', 'sgd(lr=0.001,momentum=0.9,nesterov=true)', 'adam(lr=0.05)', 'adamw(lr=0.05)', 'rmsprop(lr=0.01)', 'adagrad(lr=0.5)', 'lion(lr=0.01)']
    .map((run, index) => `&run=${run}@${(-1.5 + 0.05 * index).toFixed(2)},2`)
    .join('');

/** Opens the 8 runs afresh (the last step shown) and drags the first run's start. */
async function dragOnFreshPage(page, base) {
  await page.goto(`${base}#${EIGHT_RUNS}`);
  await page.locator('g.run').nth(7).waitFor({ state: 'attached' });
  await page.waitForTimeout(500);
  return measureDrag(page);
}

/** The 1-minute load average (what else the machine was doing), where the system tells it. */
function loadAverage() {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
  } catch {
    return 'unknown';
  }
}

function dragRow(drag) {
  return {
    workload: '5. drag-to-paint latency',
    engine: 'worker recompute + paint',
    size: `${drag.moves} moves, 8 runs x 1,000 steps`,
    milliseconds: drag.latency.p50,
    throughput: `median ${drag.latency.p50.toFixed(1)} ms, p95 ${drag.latency.p95.toFixed(1)} ms`,
  };
}

function dragNotes(drag) {
  return [
    `Drag-to-paint: ${drag.moves} moves, ${drag.paints} frames with a new path (${drag.ownAnswers} showing a move's own answer), ${drag.neverShown} moves never shown; ` +
      `latest move -> next frame with any new path (the bench's first measure): median ${drag.legacy.p50.toFixed(1)} ms, p95 ${drag.legacy.p95.toFixed(1)} ms. Per phase:`,
    ...phaseLines(drag),
  ];
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

/**
 * Builds the app, serves it, and measures it; returns bench rows. With `dragOnly`, only the drag,
 * `repeat` times, alternating with the same drag on each already-built app folder in `compare`
 * (another commit's `vite build --outDir`), so that before and after meet the same machine load.
 */
export async function runBrowserBench({ dragOnly = false, modelsOnly = false, repeat = 1, compare = [] } = {}) {
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', OUT_DIR, '--emptyOutDir'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('vite build failed');
  const apps = [OUT_DIR, ...(dragOnly ? compare : [])].map((outDir, index) => ({ outDir, port: PORT + index }));
  const servers = apps.map(({ outDir, port }) => spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort', '--outDir', outDir], { stdio: 'ignore', detached: true }));
  const base = `http://localhost:${PORT}/`;
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_FLAGS, headless: true });
  try {
    for (const { port } of apps) await waitForServer(`http://localhost:${port}/`);
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    if (modelsOnly) return await runModelBench(page, base);
    if (dragOnly) {
      const rows = [];
      const notes = [];
      for (let time = 0; time < repeat; time++) {
        for (const { outDir, port } of apps) {
          const load = loadAverage();
          const drag = await dragOnFreshPage(page, `http://localhost:${port}/`);
          rows.push({ ...dragRow(drag), engine: `${outDir === OUT_DIR ? 'this build' : outDir}, load ${load}` });
          notes.push(`[${outDir === OUT_DIR ? 'this build' : outDir}, run ${time + 1}, load average ${load}]`, ...dragNotes(drag));
        }
      }
      return { rows, notes };
    }
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

    // --- drag-to-paint latency, on the page opened afresh at the last step (every recompute runs 1,000 steps) ---
    const dragLoad = loadAverage();
    const drag = await dragOnFreshPage(page, base);

    const rows = [
      { workload: '5. playing 8 runs x 1,000 steps', engine: 'main thread (Chromium)', size: '3 s of playback', milliseconds: 1000 / fps, throughput: `${fps.toFixed(1)} frames/s; longest frame ${longestFrame.toFixed(1)} ms` },
      { workload: '5. longest main-thread task while playing', engine: 'main thread (Chromium)', size: 'long tasks > 50 ms', milliseconds: playing.longest, throughput: playing.longest === 0 ? 'no task over 50 ms' : `${playing.longest.toFixed(1)} ms` },
      dragRow(drag),
    ];
    const batch = await runBatchBench(await browser.newPage(), base);
    const models = await runModelBench(await browser.newPage(), base);
    return { rows: [...rows, ...batch.rows, ...models.rows], notes: [`[drag: load average ${dragLoad}]`, ...dragNotes(drag), ...batch.notes, ...models.notes] };
  } finally {
    await browser.close();
    for (const server of servers) {
      try {
        process.kill(-server.pid);
      } catch {
        // already gone
      }
    }
  }
}
