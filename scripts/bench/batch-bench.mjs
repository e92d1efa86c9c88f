import { mkdirSync, writeFileSync } from 'node:fs';
import { runGradientFreeBench } from './gradient-free-bench.mjs';

// Batch workloads of `npm run bench` (3: basin map, 4: learning-rate sweep, 6: op-by-op tfjs, 7:
// gradient-free basin maps, gradient-free-bench.mjs), run on
// bench.html's window.playgroundBench in headless Chromium: the same pool, workers and WebGPU
// kernels the playground uses. Every ratio is against the single-worker TypeScript path.

const ROSENBROCK_ADAM = {
  version: 1,
  problem: { kind: 'surface', surface: 'rosenbrock', params: {} },
  steps: 500,
  seed: 0,
  noise: 0,
  runs: [{ optimizer: 'adam', hyper: { lr: 0.01 }, start: [-1.5, 2] }],
};
const basin = (size) => ({ kind: 'basin', domain: [[-2, 2], [-1, 3]], columns: size, rows: size, minima: [{ point: [1, 1], value: 0 }], tolerance: 0.01 });
const SWEEP = { kind: 'sweep', start: [-1.5, 2], learningRates: { min: 1e-5, max: 1, count: 1024 } };

// A 2-D run's summary as src/engine/batch/types.ts lays it out: SUMMARY_OFFSET (the scalars, then
// the final point), summaryStride(2) floats per run.
const MINIMUM_INDEX = 4;
const FINAL_POINT = 5;
const STRIDE = FINAL_POINT + 2;

const rate = (runSteps, milliseconds) => `${(runSteps / (milliseconds / 1000) / 1e6).toFixed(1)}M run-steps/s`;

/** Measures workloads 3, 4 and 6 and the float32-vs-float64 agreement; returns bench rows and notes. */
export async function runBatchBench(page, base) {
  await page.goto(`${base}bench.html`);
  await page.waitForFunction(() => window.playgroundBench !== undefined);
  const adapter = await page.evaluate(() => window.playgroundBench.gpuInfo());
  const gpuName = adapter === null ? 'no adapter' : `${adapter.description || adapter.architecture || adapter.vendor}${adapter.isFallbackAdapter ? ', fallback' : ''}`;
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  const rows = [];
  const run = (request) => page.evaluate((r) => window.playgroundBench.summaries(r), request);

  const measure = async (workload, size, runSteps, request, engineName) => {
    await run(request); // warm-up: workers started, shaders compiled
    const { elapsedMs, outcome } = await run(request);
    rows.push({ workload, engine: engineName(outcome), size, milliseconds: elapsedMs, throughput: rate(runSteps, elapsedMs) });
    return elapsedMs;
  };
  const typescript = (workers) => () => `TypeScript, ${workers} worker${workers === 1 ? '' : 's'}`;
  const webgpu = () => (outcome) => `WebGPU fused (${gpuName})${outcome?.engine === 'js' ? ' FELL BACK to TypeScript' : ''}`;

  for (const size of [256, 512]) {
    const workload = `3. basin map ${size}x${size}, Adam, Rosenbrock`;
    const runSteps = size * size * 500;
    const job = { experiment: ROSENBROCK_ADAM, runIndex: 0, job: basin(size) };
    await measure(workload, `${size * size} runs x 500 steps`, runSteps, { ...job, engine: 'js', workers: 1 }, typescript(1));
    await measure(workload, `${size * size} runs x 500 steps`, runSteps, { ...job, engine: 'js', workers: cores }, typescript(cores));
    if (adapter !== null) await measure(workload, `${size * size} runs x 500 steps`, runSteps, { ...job, engine: 'webgpu' }, webgpu());
    if (adapter !== null && size === 256) {
      // 6: the naive way, one tfjs op per formula node and update line, on the same work; 50 steps
      // of it are timed and scaled to 500 (it is linear in steps), the rest would take minutes
      const naiveSteps = 50;
      const naiveJob = { ...job, experiment: { ...ROSENBROCK_ADAM, steps: naiveSteps }, engine: 'naive' };
      await run({ ...naiveJob, job: basin(32) });
      const { elapsedMs } = await run(naiveJob);
      const scaled = (elapsedMs * 500) / naiveSteps;
      rows.push({ workload, engine: `6. tfjs op by op (naive, ${gpuName})`, size: `${size * size} runs x ${naiveSteps} steps, x10`, milliseconds: scaled, throughput: rate(runSteps, scaled) });
    }
  }

  {
    const workload = '4. learning-rate sweep, 1,024 rates, Adam, Rosenbrock';
    const experiment = { ...ROSENBROCK_ADAM, steps: 1000 };
    const runSteps = 1024 * 1000;
    const job = { experiment, runIndex: 0, job: SWEEP };
    await measure(workload, '1,024 runs x 1,000 steps', runSteps, { ...job, engine: 'js', workers: 1 }, typescript(1));
    await measure(workload, '1,024 runs x 1,000 steps', runSteps, { ...job, engine: 'js', workers: cores }, typescript(cores));
    if (adapter !== null) await measure(workload, '1,024 runs x 1,000 steps', runSteps, { ...job, engine: 'webgpu' }, webgpu());
  }

  const gradientFree = await runGradientFreeBench(page, base);
  rows.push(...gradientFree.rows);

  const notes = [`WebGPU adapter: ${adapter === null ? 'none' : JSON.stringify(adapter)}`, ...gradientFree.notes];
  if (adapter !== null) notes.push(...(await agreement(page, gpuName)));
  return { rows, notes };
}

/** float32 on the GPU against float64 in TypeScript: final points on well-conditioned cases, and basins. */
async function agreement(page, gpuName) {
  const notes = [];
  const cases = [
    { name: 'Booth, Adam lr 0.05, 64x64 starts, 300 steps', surface: 'booth', optimizer: 'adam', hyper: { lr: 0.05 }, steps: 300, domain: [[-10, 10], [-10, 10]] },
    { name: 'quadratic bowl, SGD momentum 0.9, 64x64 starts', surface: 'quadratic', optimizer: 'sgd', hyper: { lr: 0.05, momentum: 0.9 }, steps: 200, domain: [[-4, 4], [-4, 4]] },
    { name: 'Matyas, RMSprop lr 0.01, 64x64 starts', surface: 'matyas', optimizer: 'rmsprop', hyper: { lr: 0.01 }, steps: 300, domain: [[-10, 10], [-10, 10]] },
  ];
  for (const c of cases) {
    const experiment = { version: 1, problem: { kind: 'surface', surface: c.surface, params: {} }, steps: c.steps, seed: 0, noise: 0, runs: [{ optimizer: c.optimizer, hyper: c.hyper, start: [0, 0] }] };
    const job = { kind: 'basin', domain: c.domain, columns: 64, rows: 64, minima: [], tolerance: 0.01 };
    const [cpu, gpu] = await Promise.all(['js', 'webgpu'].map((engine) => page.evaluate((r) => window.playgroundBench.summaries(r), { experiment, runIndex: 0, job, engine, withSummaries: true })));
    let worst = 0;
    for (let i = 0; i < cpu.summaries.length; i += STRIDE) {
      const [x, y] = [cpu.summaries[i + FINAL_POINT], cpu.summaries[i + FINAL_POINT + 1]];
      const difference = Math.hypot(gpu.summaries[i + FINAL_POINT] - x, gpu.summaries[i + FINAL_POINT + 1] - y) / Math.max(Math.hypot(x, y), 1);
      worst = Math.max(worst, difference);
    }
    notes.push(`float32 (${gpuName}) vs float64: ${c.name}: largest relative difference of final points ${worst.toExponential(2)} (target <= 1e-4)`);
  }
  // basins: Himmelblau's four minima, 256 x 256 Adam starts
  const himmelblau = { version: 1, problem: { kind: 'surface', surface: 'himmelblau', params: {} }, steps: 500, seed: 0, noise: 0, runs: [{ optimizer: 'adam', hyper: { lr: 0.05 }, start: [0, 0] }] };
  const minima = [[3, 2], [-2.805118, 3.131312], [-3.77931, -3.283186], [3.584428, -1.848126]].map((point) => ({ point, value: 0 }));
  const job = { kind: 'basin', domain: [[-5, 5], [-5, 5]], columns: 256, rows: 256, minima, tolerance: 0.01 };
  const results = [];
  for (const engine of ['js', 'webgpu']) results.push(await page.evaluate((r) => window.playgroundBench.summaries(r), { experiment: himmelblau, runIndex: 0, job, engine, withSummaries: true }));
  const differing = [];
  for (let cell = 0; cell < 256 * 256; cell++) if (results[0].summaries[cell * STRIDE + MINIMUM_INDEX] !== results[1].summaries[cell * STRIDE + MINIMUM_INDEX]) differing.push(cell);
  const map = differing.length === 0 ? '' : `; cells: ${differing.slice(0, 12).map((cell) => `(row ${Math.floor(cell / 256)}, col ${cell % 256})`).join(' ')}${differing.length > 12 ? ' …' : ''}`;
  // the map of differing cells: each cell in its float64 basin's shade, differing ones in red
  const png = await page.evaluate(
    ({ basins, differing }) => {
      const canvas = document.createElement('canvas');
      canvas.width = canvas.height = 256;
      const context = canvas.getContext('2d');
      const image = context.createImageData(256, 256);
      const shades = [[200, 200, 200], [150, 190, 230], [170, 220, 170], [230, 200, 150], [210, 170, 220]];
      basins.forEach((basin, cell) => image.data.set([...shades[basin + 1], 255], cell * 4));
      for (const cell of differing) image.data.set([220, 30, 30, 255], cell * 4);
      context.putImageData(image, 0, 0);
      return canvas.toDataURL('image/png');
    },
    { basins: Array.from({ length: 256 * 256 }, (_, cell) => results[0].summaries[cell * STRIDE + MINIMUM_INDEX]), differing },
  );
  mkdirSync('dist-bench', { recursive: true });
  writeFileSync('dist-bench/basin-difference.png', Buffer.from(png.split(',')[1], 'base64'));
  notes.push(`basin map, Himmelblau 256x256, Adam lr 0.05, 500 steps: ${differing.length} of 65,536 cells reach a different minimum in float32${map} (map: dist-bench/basin-difference.png, differing cells red)`);
  return notes;
}
