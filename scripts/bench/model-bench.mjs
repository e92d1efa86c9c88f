// Workloads 8-10 of `npm run bench` in headless Chromium: bench.html's window.playgroundBench.models()
// runs them in a worker (src/bench/model-bench.worker.ts): the small MLP's updates/s in TypeScript,
// digits-shaped softmax regression and a 64-32-10 MLP full batch, and a 256-learning-rate sweep of
// the small MLP, TypeScript beside tfjs WebGPU. Standalone, `node scripts/bench/model-bench.mjs
// [--out-dir DIR] [--port N] [--workloads small-mlp,digits,sweep]` serves an already built app (`npx vite build --outDir DIR`) and prints
// only these rows.

/** Measures workloads 8-10 on bench.html (already open or opened here); returns bench rows and notes. */
export async function runModelBench(page, base, workloads = undefined) {
  if (!(await page.evaluate(() => window.playgroundBench !== undefined).catch(() => false))) {
    await page.goto(`${base}bench.html`);
    await page.waitForFunction(() => window.playgroundBench !== undefined);
  }
  return page.evaluate((only) => window.playgroundBench.models(only), workloads);
}

// standalone: serve an already built app and print these rows
if (import.meta.url === `file://${process.argv[1]}`) {
  const { spawn } = await import('node:child_process');
  const { chromium } = await import('@playwright/test');
  const { CHROMIUM_FLAGS, findChromium } = await import('../chromium.mjs');
  const option = (name, fallback) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
  const outDir = option('--out-dir', 'dist-bench');
  const port = Number(option('--port', 4499));
  const server = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort', '--outDir', outDir], { stdio: 'ignore', detached: true });
  const base = `http://localhost:${port}/`;
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        if ((await fetch(base)).ok) break;
      } catch {
        if (attempt > 150) throw new Error(`the preview server did not start on ${base}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
    const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_FLAGS, headless: true });
    try {
      const only = option('--workloads', null);
      const page = await browser.newPage();
      page.on('console', (message) => console.log(`[page] ${message.text()}`));
      const { rows, notes } = await runModelBench(page, base, only === null ? undefined : only.split(','));
      for (const row of rows) console.log([row.workload, row.engine, row.size, `${row.milliseconds.toFixed(1)} ms`, row.throughput].join(' | '));
      console.log(notes.join('\n'));
    } finally {
      await browser.close();
    }
  } finally {
    process.kill(-server.pid);
  }
}
