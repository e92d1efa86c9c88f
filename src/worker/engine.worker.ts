// The engine worker's entry point: answers the page's requests with the float64 engine.
// Compiled without the DOM library (tsconfig.worker.json): touching the page here is a type error.
import { sampleObjective } from '../engine/sample';
import { resolveProblem, runExperiment } from '../experiment/run-experiment';
import { PROTOCOL_VERSION, type EngineRequest, type EngineResponse, type RunPayload } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

function reply(response: EngineResponse, transfer: Transferable[] = []): void {
  self.postMessage(response, transfer);
}

function handle(request: EngineRequest): void {
  switch (request.type) {
    case 'runExperiment': {
      const started = performance.now();
      const result = runExperiment(request.experiment);
      const runs: RunPayload[] = result.runs.map((run) => ({ trajectory: run.trajectory, loss: run.loss, diverged: run.diverged }));
      const elapsedMs = performance.now() - started;
      reply({ type: 'experimentResult', requestId: request.requestId, runs, elapsedMs }, runs.flatMap((run) => [run.trajectory.buffer, run.loss.buffer]));
      return;
    }
    case 'sampleSurface': {
      const started = performance.now();
      const problem = resolveProblem(request.problem);
      const grid = sampleObjective(problem.objective, request.domain, request.columns, request.rows);
      const elapsedMs = performance.now() - started;
      reply({ type: 'surfaceSample', requestId: request.requestId, ...grid, minima: problem.minima, elapsedMs }, [grid.values.buffer]);
      return;
    }
  }
}

self.onmessage = (event: MessageEvent<EngineRequest>) => {
  const request = event.data;
  try {
    handle(request);
  } catch (error) {
    reply({ type: 'failed', requestId: request.requestId, message: error instanceof Error ? error.message : String(error) });
  }
};

reply({ type: 'ready', protocolVersion: PROTOCOL_VERSION });
