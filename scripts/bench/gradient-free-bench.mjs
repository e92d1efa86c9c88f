// Workload 7 of `npm run bench`: 65,536-run basin maps of random search (local Gaussian steps),
// simulated annealing and SPSA on Himmelblau, on the TypeScript pool (1 worker, every core) and on
// their fused WebGPU kernels (src/gpu/gradient-free-*.ts), through bench.html's window.playgroundBench.
// Standalone, `node scripts/bench/gradient-free-bench.mjs [--out-dir DIR] [--port N]` serves an
// already built app (`npx vite build --outDir DIR`) and prints only these rows.

const SIZE = 256;
const STEPS = 100;
const CASES = [
  { name: 'random search (local, sigma 0.25)', optimizer: 'random_search', hyper: { mode: 'local', sigma: 0.25 } },
  { name: 'simulated annealing (sigma 0.3, T0 2)', optimizer: 'simulated_annealing', hyper: { sigma: 0.3, initial_temperature: 2, alpha: 0.97 } },
  { name: 'SPSA (a 0.005, c 0.05)', optimizer: 'spsa', hyper: { a: 0.005, c: 0.05 } },
];
const HIMMELBLAU_MINIMA = [[3, 2], [-2.805118, 3.131312], [-3.77931, -3.283186], [3.584428, -1.848126]].map((point) => ({ point, value: 0 }));
const basin = (size) => ({ kind: 'basin', domain: [[-5, 5], [-5, 5]], columns: size, rows: size, minima: HIMMELBLAU_MINIMA, tolerance: 0.01 });
const rate = (runSteps, milliseconds) => `${(runSteps / (milliseconds / 1000) / 1e6).toFixed(1)}M run-steps/s`;

/** Measures workload 7 on bench.html (already open or opened here); returns bench rows and notes. */
export async function runGradientFreeBench(page, base) {
  if (!(await page.evaluate(() => window.playgroundBench !== undefined))) {
    await page.goto(`${base}bench.html`);
    await page.waitForFunction(() => window.playgroundBench !== undefined);
  }
  const adapter = await page.evaluate(() => window.playgroundBench.gpuInfo());
  const gpuName = adapter === null ? 'no adapter' : `${adapter.description || adapter.architecture || adapter.vendor}${adapter.isFallbackAdapter ? ', fallback' : ''}`;
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  const run = (request) => page.evaluate((r) => window.playgroundBench.summaries(r), request);
  const rows = [];
  const notes = [];
  const size = `${SIZE * SIZE} runs x ${STEPS} steps`;
  for (const c of CASES) {
    const workload = `7. basin map ${SIZE}x${SIZE}, ${c.name}, Himmelblau`;
    const experiment = { version: 1, problem: { kind: 'surface', surface: 'himmelblau', params: {} }, steps: STEPS, seed: 0, noise: 0, runs: [{ optimizer: c.optimizer, hyper: c.hyper, start: [0, 0] }] };
    const times = {};
    for (const [key, engine, workers, label] of [
      ['one', 'js', 1, 'TypeScript, 1 worker'],
      ['all', 'js', cores, `TypeScript, ${cores} worker${cores === 1 ? '' : 's'}`],
      ...(adapter === null ? [] : [['gpu', 'webgpu', undefined, `WebGPU fused (${gpuName})`]]),
    ]) {
      const request = { experiment, runIndex: 0, engine, ...(workers !== undefined && { workers }) };
      await run({ ...request, job: basin(32) }); // warm-up: workers started, shader compiled
      // the faster of two: the machine's load moves a single timing by tens of percent
      const first = await run({ ...request, job: basin(SIZE) });
      const second = await run({ ...request, job: basin(SIZE) });
      const { elapsedMs, outcome } = first.elapsedMs <= second.elapsedMs ? first : second;
      times[key] = elapsedMs;
      rows.push({ workload, engine: `${label}${engine === 'webgpu' && outcome?.engine === 'js' ? ' FELL BACK to TypeScript' : ''}`, size, milliseconds: elapsedMs, throughput: rate(SIZE * SIZE * STEPS, elapsedMs) });
    }
    if (times.gpu !== undefined) {
      notes.push(`${workload}: WebGPU/TypeScript speed ratio ${(times.one / times.gpu).toFixed(2)}x against 1 worker, ${(times.all / times.gpu).toFixed(2)}x against ${cores} workers (adapter: ${gpuName}${adapter.isFallbackAdapter ? ', a CPU-emulated fallback adapter, not a GPU' : ''})`);
    }
  }
  return { rows, notes };
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
      const { rows, notes } = await runGradientFreeBench(await browser.newPage(), base);
      for (const row of rows) console.log([row.workload, row.engine, row.size, `${row.milliseconds.toFixed(0)} ms`, row.throughput].join(' | '));
      console.log(notes.join('\n'));
    } finally {
      await browser.close();
    }
  } finally {
    process.kill(-server.pid);
  }
}
