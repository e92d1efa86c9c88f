// What a TypeScript batch worker does with each request, apart from the messaging, so tests can
// serve the pool in-process. Compiled without the DOM library (tsconfig.worker.json).
import { runBatchRange, runSeedRange, seedStatistics } from '../engine/batch';
import { summaryStride, type BatchTemplate } from '../engine/batch/types';
import { resolveProblem } from '../experiment/run-experiment';
import type { BatchRequest, BatchResponse } from './batch-protocol';
import { lastTemplateLookup } from '../analyses/source';
import { seedPointCount, seedPointSteps, thinSeedPath } from '../analyses/seed-points';

/** A response and the buffers to transfer with it. */
export interface HandledRequest {
  readonly response: BatchResponse;
  readonly transfer: Transferable[];
}

/** Serves batch requests with the float64 engine, compiling each job's formula once. */
export class BatchHandler {
  /** The runs' shared objective and optimizer settings, resolved from the experiment (a job arrives as many ranges of one source). */
  private readonly templateFor = lastTemplateLookup(({ problem, settings }): BatchTemplate => ({ ...settings, objective: resolveProblem(problem).objective }));

  /** Computes the answer to one request; errors become a 'failed' response with a message for the user. */
  handle(request: BatchRequest, now: () => number = () => performance.now()): HandledRequest {
    const started = now();
    try {
      switch (request.type) {
        case 'summarize': {
          const { requestId, from, to } = request;
          const template = this.templateFor(request.source);
          const summaries = new Float64Array((to - from) * summaryStride(template.objective.dimension));
          runBatchRange(template, request.job, from, to, summaries, request.source.experiment.seed);
          return { response: { type: 'summaries', requestId, from, to, summaries, elapsedMs: now() - started }, transfer: [summaries.buffer] };
        }
        case 'seeds': {
          const { requestId, from, to, job } = request;
          const template = this.templateFor(request.source);
          const dimension = job.start.length;
          // each path reduced to its points at the kept steps here, before it crosses to the page (bounded memory)
          const steps = seedPointSteps(template.numSteps, seedPointCount(template.numSteps, job.count, dimension));
          const runs = runSeedRange(template, job, from, to).map((run) => ({ ...run, ...thinSeedPath(run, steps) }));
          return {
            response: { type: 'seedRuns', requestId, from, to, runs, elapsedMs: now() - started },
            transfer: runs.flatMap((run) => [run.trajectory.buffer, run.loss.buffer, run.outcome.hitEvaluations.buffer]),
          };
        }
        case 'seedStatistics': {
          // the paths arrive reduced to the kept steps of a job of numPoints − 1 steps (see 'seeds')
          const numSteps = request.numPoints - 1;
          const dimension = request.runs[0]?.dimension ?? 0;
          const steps = seedPointSteps(numSteps, seedPointCount(numSteps, request.runs.length, dimension));
          const statistics = { ...seedStatistics(request.runs, steps.length), steps };
          const transfer = [...statistics.coordinates, statistics.loss].flatMap((series) => [series.lower.buffer, series.median.buffer, series.upper.buffer]);
          transfer.push(steps.buffer);
          return { response: { type: 'seedStatistics', requestId: request.requestId, statistics }, transfer };
        }
        default:
          return { response: { type: 'failed', requestId: request.requestId, message: `a TypeScript batch worker cannot serve '${request.type}'` }, transfer: [] };
      }
    } catch (error) {
      return { response: { type: 'failed', requestId: request.requestId, message: error instanceof Error ? error.message : String(error) }, transfer: [] };
    }
  }
}
