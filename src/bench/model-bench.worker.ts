// The model rows of `npm run bench` in Chromium, in a worker as the playground's engines run: the
// float64 TypeScript loops (model-workloads.ts) beside the tfjs WebGPU tensor programs
// (gpu/model-training) on the same data, rates and batch order. One request, one reply of rows.
import { startGpuBackend } from '../gpu/backend';
import { fullBatch, networkOf, trainModels, trainModelsFused, type BatchPlan } from '../gpu/model-training';
import {
  benchModel,
  DIGITS_MLP,
  digitsShaped,
  epochOrder,
  medianTime,
  SMALL_MLP,
  SMALL_MLP_BATCH,
  SMALL_MLP_LEARNING_RATE,
  SWEEP_EPOCHS,
  SWEEP_LEARNING_RATES,
  trainFullBatchSgd,
  trainMiniBatchSgd,
  twoMoons500,
  typescriptSweep,
} from './model-workloads';
import type { ModelBenchReply, ModelBenchRequest, ModelBenchRow, ModelWorkload } from './model-bench-protocol';

const post = (message: ModelBenchReply) => (self as unknown as { postMessage(message: ModelBenchReply): void }).postMessage(message);

/** Steps of the op-by-op tfjs program that are timed (a step takes seconds on SwiftShader). */
const CHECK_STEPS = 5;

const perSecond = (count: number, ms: number) => (count / ms) * 1000;

async function run(workloads: readonly ModelWorkload[]): Promise<{ rows: ModelBenchRow[]; notes: string[] }> {
  const rows: ModelBenchRow[] = [];
  const notes: string[] = [];
  // each row also goes to the console as it is measured, so a slow machine shows progress
  const record = (row: ModelBenchRow) => {
    rows.push(row);
    console.info(`[model bench] ${row.workload} | ${row.engine} | ${row.milliseconds.toFixed(1)} ms | ${row.throughput}`);
  };
  const started = await startGpuBackend();
  const adapter = started.ok ? started.gpu.adapter : null;
  const gpuName = adapter === null ? 'no WebGPU' : `${adapter.description || adapter.architecture || adapter.vendor}, isFallbackAdapter ${adapter.isFallbackAdapter}`;
  notes.push(`model rows' WebGPU adapter: ${adapter === null ? (started.ok ? '' : started.message) : JSON.stringify(adapter)}`);

  // 8. the small MLP, TypeScript, in this worker
  const moons = twoMoons500();
  if (workloads.includes('small-mlp')) {
    const { model, start } = benchModel(SMALL_MLP, moons);
    const order = epochOrder(moons.rows, 100);
    let updates = 0;
    const ms = medianTime(() => {
      updates = trainMiniBatchSgd(model, moons, Float64Array.from(start), order, SMALL_MLP_BATCH, SMALL_MLP_LEARNING_RATE).updates;
    });
    record({ workload: '8. small MLP 2-8-8-1 tanh, SGD lr 0.03, batch 10, two moons 500', engine: 'TypeScript float64, Chromium worker', size: `${updates} updates (100 epochs)`, milliseconds: ms, throughput: `${(perSecond(updates, ms) / 1e3).toFixed(1)}k updates/s (target >= 100k; TF Playground ~26k, quoted)` });
  }

  // 9. digits-shaped data, full batch: softmax regression and a 64-32-10 MLP
  const digits = digitsShaped();
  for (const [name, spec, steps] of [
    ['softmax regression', { kind: 'softmax' } as const, 40],
    ['MLP 64-32-10 tanh', DIGITS_MLP, 20],
  ] as const) {
    if (!workloads.includes('digits')) break;
    const workload = `9. ${name}, full-batch SGD lr 0.1, ${digits.source}`;
    const { model, start } = benchModel(spec, digits);
    const tsMs = medianTime(() => trainFullBatchSgd(model, digits, Float64Array.from(start), steps, 0.1), 3);
    record({ workload, engine: 'TypeScript float64, Chromium worker', size: `${steps} steps, ${model.parameterCount} parameters`, milliseconds: tsMs, throughput: `${perSecond(steps, tsMs).toFixed(1)} steps/s` });
    if (adapter === null) continue;
    const network = networkOf(model);
    const train = (numSteps: number) => trainModels({ network, ...digits, initialParameters: start, learningRates: [0.1], optimizer: { kind: 'sgd' }, batches: fullBatch(numSteps), recordLosses: false });
    // op by op on a CPU adapter a step takes seconds: CHECK_STEPS are timed (after a warm-up) and checked against TypeScript's loss
    const check = await train(CHECK_STEPS - 1);
    const gpuStarted = performance.now();
    await train(CHECK_STEPS);
    const gpuMs = performance.now() - gpuStarted;
    const typescriptCheck = trainFullBatchSgd(model, digits, Float64Array.from(start), CHECK_STEPS, 0.1);
    record({ workload, engine: `tfjs WebGPU float32 (${gpuName}), ${CHECK_STEPS} steps timed`, size: `${CHECK_STEPS} steps, ${model.parameterCount} parameters`, milliseconds: gpuMs, throughput: `${perSecond(CHECK_STEPS, gpuMs).toFixed(2)} steps/s` });
    notes.push(`${workload}: tfjs WebGPU vs TypeScript steps/s: ${(perSecond(CHECK_STEPS, gpuMs) / perSecond(steps, tsMs)).toFixed(3)}x; loss after ${CHECK_STEPS - 1} steps, float32 tfjs ${check.finalLoss[0].toPrecision(7)} vs float64 TypeScript ${typescriptCheck.toPrecision(7)} (relative difference ${(Math.abs(check.finalLoss[0] - typescriptCheck) / typescriptCheck).toExponential(1)})`);
  }

  // 10. the 256-rate sweep of the small MLP, 20 epochs of mini-batches of 10 in one shared order
  if (workloads.includes('sweep')) {
    const workload = `10. sweep, ${SWEEP_LEARNING_RATES.length} learning rates, small MLP, ${SWEEP_EPOCHS} epochs of batch 10 (two moons 500)`;
    const order = epochOrder(moons.rows, SWEEP_EPOCHS);
    const updates = SWEEP_LEARNING_RATES.length * (moons.rows / SMALL_MLP_BATCH) * SWEEP_EPOCHS;
    const size = `${SWEEP_LEARNING_RATES.length} models x ${updates / SWEEP_LEARNING_RATES.length} updates`;
    const tsStarted = performance.now();
    const typescriptLosses = typescriptSweep(moons, order);
    const tsMs = performance.now() - tsStarted;
    record({ workload, engine: 'TypeScript float64, 1 worker', size, milliseconds: tsMs, throughput: `${(perSecond(updates, tsMs) / 1e3).toFixed(1)}k updates/s` });
    record({ workload, engine: 'TypeScript pool-equivalent, 2 workers (1-worker time / 2, not measured)', size, milliseconds: tsMs / 2, throughput: `${(perSecond(updates, tsMs / 2) / 1e3).toFixed(1)}k updates/s` });
    if (adapter !== null) {
      const { model, start } = benchModel(SMALL_MLP, moons);
      const starts = new Float64Array(SWEEP_LEARNING_RATES.length * model.parameterCount);
      for (let m = 0; m < SWEEP_LEARNING_RATES.length; m++) starts.set(start, m * model.parameterCount);
      const plan = (epochs: number): BatchPlan => ({ kind: 'mini', order: order.subarray(0, moons.rows * epochs), rowsPerEpoch: moons.rows, batchSize: SMALL_MLP_BATCH });
      if (started.ok) {
        const backend = started.gpu.backend;
        const fused = (epochs: number) => trainModelsFused(backend, { network: networkOf(model), ...moons, initialParameters: starts, learningRates: SWEEP_LEARNING_RATES, optimizer: { kind: 'sgd' }, batches: plan(epochs) });
        await fused(1); // warm-up: shader compiled
        const fusedStarted = performance.now();
        const fusedResult = await fused(SWEEP_EPOCHS);
        const fusedMs = performance.now() - fusedStarted;
        record({ workload, engine: `WebGPU fused MLP shader, float32 (${gpuName})`, size, milliseconds: fusedMs, throughput: `${(perSecond(updates, fusedMs) / 1e3).toFixed(1)}k updates/s` });
        notes.push(`${workload}: fused shader vs TypeScript: ${(tsMs / fusedMs).toFixed(2)}x against 1 worker, ${(tsMs / 2 / fusedMs).toFixed(2)}x against the 2-worker pool-equivalent (target >= 1.5x)`);
        notes.push(`${workload}: final full-data loss, float32 fused shader vs float64 TypeScript per learning rate: ${agreement(fusedResult.finalLoss, typescriptLosses)}`);
      }
      // op by op, every step pays tfjs's dispatches (seconds on a CPU adapter): CHECK_STEPS are timed and scaled (it is linear in steps)
      const train = (numSteps: number) => trainModels({ network: networkOf(model), ...moons, initialParameters: starts, learningRates: SWEEP_LEARNING_RATES, optimizer: { kind: 'sgd' }, batches: { kind: 'mini', order: order.subarray(0, numSteps * SMALL_MLP_BATCH), rowsPerEpoch: moons.rows, batchSize: SMALL_MLP_BATCH }, recordLosses: false });
      await train(1); // warm-up: shaders compiled
      const gpuStarted = performance.now();
      const result = await train(CHECK_STEPS);
      const totalSteps = updates / SWEEP_LEARNING_RATES.length;
      const gpuMs = ((performance.now() - gpuStarted) * totalSteps) / CHECK_STEPS;
      record({ workload, engine: `tfjs WebGPU float32, one batched program (${gpuName}), ${CHECK_STEPS} steps timed x${totalSteps / CHECK_STEPS}`, size, milliseconds: gpuMs, throughput: `${(perSecond(updates, gpuMs) / 1e3).toFixed(1)}k updates/s` });
      notes.push(`${workload}: tfjs batched program vs TypeScript: ${(tsMs / gpuMs).toFixed(2)}x against 1 worker, ${(tsMs / 2 / gpuMs).toFixed(2)}x against the 2-worker pool-equivalent`);
      notes.push(`${workload}: after ${CHECK_STEPS} steps, full-data loss of the tfjs program's models at rates 0, 128, 255: ${[0, 128, 255].map((m) => result.finalLoss[m].toPrecision(5)).join(', ')}`);
    }
  }
  return { rows, notes };
}

/** The median and largest relative difference between two engines' losses, over the rates where both are finite. */
function agreement(float32: Float32Array, float64: Float64Array): string {
  const differences: number[] = [];
  for (let i = 0; i < float64.length; i++) {
    if (Number.isFinite(float32[i]) && Number.isFinite(float64[i])) differences.push(Math.abs(float32[i] - float64[i]) / Math.max(Math.abs(float64[i]), 1e-6));
  }
  differences.sort((a, b) => a - b);
  const median = differences[Math.floor(differences.length / 2)] ?? Number.NaN;
  return `median relative difference ${median.toExponential(1)}, largest ${(differences.at(-1) ?? Number.NaN).toExponential(1)} (${differences.length} of ${float64.length} rates finite in both)`;
}

self.onmessage = (event: MessageEvent<ModelBenchRequest>) => {
  run(event.data.workloads).then(
    (result) => post({ type: 'result', ...result }),
    (error: unknown) => post({ type: 'error', message: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error) }),
  );
};

