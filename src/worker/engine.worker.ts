// The engine worker's entry point: answers the page's requests with the float64 engine.
// Compiled without the DOM library (tsconfig.worker.json): touching the page here is a type error.
import { diagnoseRun } from '../engine/diagnosis/diagnose';
import { inspectStep } from '../engine/inspect-step';
import { lowestMinimumValue } from '../engine/known-minima';
import { lossLandscapeSlice, sliceResolution } from '../engine/landscape/loss-landscape';
import { problemFilters } from '../engine/landscape/parameter-filters';
import { sampleObjective } from '../engine/sample';
import { resolveProblem, runOptionsFor, type ResolvedProblem } from '../experiment/run-experiment';
import type { Experiment } from '../experiment/experiment';
import { PROTOCOL_VERSION, type EngineRequest, type EngineResponse, type RunPayload } from './protocol';
import { timedRun } from './timed-run';
import { answerWatchdog, isWatchdogRequest, workingBeat, type WatchdogRequest } from './watchdog-protocol';

declare const self: DedicatedWorkerGlobalScope;

function reply(response: EngineResponse, transfer: Transferable[] = []): void {
  self.postMessage(response, transfer);
}

// Compiling a formula costs ~0.1 ms; dragging asks for the same problem every frame, so keep the last.
let cachedProblem: { key: string; resolved: ResolvedProblem } | null = null;
function problemFor(problem: Experiment['problem']): ResolvedProblem {
  const key = JSON.stringify(problem);
  if (cachedProblem?.key !== key) cachedProblem = { key, resolved: resolveProblem(problem) };
  return cachedProblem.resolved;
}

/** Now, in milliseconds since the epoch: comparable with the page's clock (see WorkerTiming). */
function epochNow(): number {
  return performance.timeOrigin + performance.now();
}

function handle(request: EngineRequest, receivedAt: number): void {
  switch (request.type) {
    case 'runExperiment': {
      const started = performance.now();
      const { experiment } = request;
      const { objective, plane, minima } = problemFor(experiment.problem);
      const numSteps = Math.min(experiment.steps, request.numSteps ?? experiment.steps);
      const indices = request.runIndices ?? experiment.runs.map((_, index) => index);
      // live runs (a drag, computed every frame) are not diagnosed: the whole run follows when it ends
      const context = request.numSteps === undefined ? { view: plane?.domain, minimumValue: lowestMinimumValue(minima) } : null;
      const working = workingBeat((response) => self.postMessage(response));
      const runs: RunPayload[] = indices.map((index) => {
        const options = { ...runOptionsFor(experiment, index, objective), numSteps };
        const run = timedRun(options, working);
        return context === null ? run : { ...run, diagnosis: diagnoseRun(options, run, context) };
      });
      const elapsedMs = performance.now() - started;
      const transfer = runs.flatMap((run) => [
        run.trajectory.buffer,
        run.loss.buffer,
        run.evaluations.function.buffer,
        run.evaluations.gradient.buffer,
        run.evaluations.hessian.buffer,
        run.bestLoss.buffer,
        run.elapsedMs.buffer,
      ]);
      reply({ type: 'experimentResult', requestId: request.requestId, runs, elapsedMs, timing: { receivedAt, sentAt: epochNow() } }, transfer);
      return;
    }
    case 'sampleSurface': {
      const started = performance.now();
      const problem = problemFor(request.problem);
      if (problem.plane === undefined) throw new Error(`the map draws two-dimensional problems; this one has ${problem.objective.dimension} dimensions`);
      const grid = sampleObjective(problem.objective, request.domain, request.columns, request.rows);
      const elapsedMs = performance.now() - started;
      reply({ type: 'surfaceSample', requestId: request.requestId, ...grid, minima: problem.plane.minima, elapsedMs }, [grid.values.buffer]);
      return;
    }
    case 'sampleSlice': {
      const started = performance.now();
      const problem = problemFor(request.problem);
      const { objective, data } = problem;
      // a data problem's f goes over every training row for each parameter
      const resolution = sliceResolution((data?.train.rows ?? 1) * objective.dimension);
      const slice = lossLandscapeSlice({
        objective,
        layout: problemFilters(problem),
        paths: request.paths,
        runIndex: request.runIndex,
        step: request.step,
        directions: request.directions,
        seed: request.seed,
        columns: resolution,
        rows: resolution,
      });
      const { grid, paths, explainedVarianceRatio } = slice;
      const elapsedMs = performance.now() - started;
      reply({ type: 'sliceSample', requestId: request.requestId, ...grid, paths, explainedVarianceRatio, elapsedMs }, [grid.values.buffer, ...paths.map((path) => path.buffer)]);
      return;
    }
    case 'probe': {
      const { objective } = problemFor(request.problem);
      if (request.point.length !== objective.dimension) throw new Error(`a probe needs ${objective.dimension} coordinates, got ${request.point.length}`);
      const gradient = new Float64Array(objective.dimension);
      const value = objective.valueAndGradient(request.point, gradient);
      let hessian: number[] | undefined;
      if (request.hessian === true) {
        const matrix = new Float64Array(objective.dimension * objective.dimension);
        objective.hessian(request.point, matrix);
        hessian = Array.from(matrix);
      }
      reply({ type: 'probeResult', requestId: request.requestId, value, gradient: Array.from(gradient), ...(hessian && { hessian }) });
      return;
    }
    case 'inspect': {
      const { experiment, step } = request;
      const { objective } = problemFor(experiment.problem);
      const inspections = request.runIndices.map((index) => inspectStep(runOptionsFor(experiment, index, objective), step));
      reply({ type: 'inspection', requestId: request.requestId, step, inspections });
      return;
    }
  }
}

self.onmessage = (event: MessageEvent<EngineRequest | WatchdogRequest>) => {
  const receivedAt = epochNow();
  const request = event.data;
  if (isWatchdogRequest(request)) return answerWatchdog(request, (response) => self.postMessage(response));
  try {
    handle(request, receivedAt);
  } catch (error) {
    reply({ type: 'failed', requestId: request.requestId, message: error instanceof Error ? error.message : String(error) });
  }
};

reply({ type: 'ready', protocolVersion: PROTOCOL_VERSION });
