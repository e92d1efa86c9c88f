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
