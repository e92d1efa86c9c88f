// Which rows each step of training sees. Full batch: every row, every step. Mini-batches: epoch after
// epoch, the rows in a seeded shuffled order cut into batches of batchSize, the last batch of an
// epoch smaller when batchSize does not divide the rows (torch's DataLoader with shuffle=True,
// drop_last=False). The plan is host data; the tensor program gathers each step's rows from it.
import { shuffledIndices } from '../../engine/data/split';
import { Random } from '../../engine/random';

/** The rows of every step. */
export type BatchPlan =
  | { readonly kind: 'full'; readonly numSteps: number }
  | {
      readonly kind: 'mini';
      /** Row indices, epoch after epoch (epochs × rowsPerEpoch). */
      readonly order: Uint32Array;
      readonly rowsPerEpoch: number;
      readonly batchSize: number;
    };

/** Full-batch gradient descent for numSteps steps. */
export function fullBatch(numSteps: number): BatchPlan {
  if (!Number.isInteger(numSteps) || numSteps < 0) throw new RangeError(`numSteps must be a whole number ≥ 0, got ${numSteps}`);
  return { kind: 'full', numSteps };
}

/** Mini-batches of batchSize over `epochs` epochs of `rows` rows, each epoch a new Fisher-Yates shuffle from one Random(seed). */
export function shuffledMiniBatches(rows: number, batchSize: number, epochs: number, seed: number): BatchPlan {
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batch size must be a whole number ≥ 1, got ${batchSize}`);
  if (!Number.isInteger(epochs) || epochs < 0) throw new RangeError(`epochs must be a whole number ≥ 0, got ${epochs}`);
  const random = new Random(seed);
  const order = new Uint32Array(rows * epochs);
  for (let epoch = 0; epoch < epochs; epoch++) order.set(shuffledIndices(rows, random), epoch * rows);
  return { kind: 'mini', order, rowsPerEpoch: rows, batchSize: Math.min(batchSize, rows) };
}

/** Batches in one epoch of a mini-batch plan. */
export function batchesPerEpoch(plan: BatchPlan & { kind: 'mini' }): number {
  return Math.ceil(plan.rowsPerEpoch / plan.batchSize);
}

/** Updates the plan makes. */
export function stepCount(plan: BatchPlan): number {
  if (plan.kind === 'full') return plan.numSteps;
  return plan.rowsPerEpoch === 0 ? 0 : (plan.order.length / plan.rowsPerEpoch) * batchesPerEpoch(plan);
}

/** Step `step`'s rows as [start, end) into the plan's order (mini-batches only). */
export function batchRange(plan: BatchPlan & { kind: 'mini' }, step: number): readonly [number, number] {
  const perEpoch = batchesPerEpoch(plan);
  const epoch = Math.floor(step / perEpoch);
  const start = epoch * plan.rowsPerEpoch + (step % perEpoch) * plan.batchSize;
  return [start, Math.min(start + plan.batchSize, (epoch + 1) * plan.rowsPerEpoch)];
}
