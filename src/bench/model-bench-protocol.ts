// The model bench worker's reply (model-bench.worker.ts): data only.

/** One row of the bench table, as scripts/bench.mjs prints it. */
export interface ModelBenchRow {
  readonly workload: string;
  readonly engine: string;
  readonly size: string;
  readonly milliseconds: number;
  readonly throughput: string;
}

/** The worker's one answer. */
export type ModelBenchReply = { readonly type: 'result'; readonly rows: ModelBenchRow[]; readonly notes: string[] } | { readonly type: 'error'; readonly message: string };

/** The model workloads: 8 (the small MLP's updates/s), 9 (digits, full batch), 10 (the 256-rate sweep). */
export type ModelWorkload = 'small-mlp' | 'digits' | 'sweep';

/** Every model workload, in the table's order. */
export const MODEL_WORKLOADS: readonly ModelWorkload[] = ['small-mlp', 'digits', 'sweep'];

/** What the page asks the worker to measure. */
export interface ModelBenchRequest {
  readonly type: 'run';
  readonly workloads: readonly ModelWorkload[];
}
