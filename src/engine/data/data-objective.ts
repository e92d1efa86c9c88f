import type { Model, ModelResiduals } from '../models/model';
import type { LeastSquares, MiniBatches, Objective } from '../objective';
import { Random } from '../random';
import type { Dataset } from './dataset';
import { shuffledIndices } from './split';

// A model's mean loss over training rows as an Objective: what every method minimises on a data
// problem. Full batch, f and ∇f are over every training row. With mini-batches (batch size B < rows),
// step k sees the rows of its batch only, as torch's DataLoader(shuffle=True, drop_last=False) feeds
// them: each epoch is a fresh seeded permutation of the rows cut into ⌈rows / B⌉ batches (the last one
// smaller), and one step is one batch. The runner selects step k's batch before step k, so all of a
// step's evaluations (a ZO method's two probes, a line search's trials) see the same rows, and it
// records the loss over all training rows, which no method is charged for.
// A model whose loss is a sum of squares (linear regression, an MLP on 'mse') makes a full-batch
// objective a least-squares one (leastSquares: residuals and Jacobian over every training row);
// on mini-batches it is not one (the residuals would change with each batch).

/** A permutation of 0..rows−1 per epoch: the order in which that epoch visits the rows. */
export type BatchOrder = (epoch: number) => ArrayLike<number>;

/** How to build a data objective. */
export interface DataObjectiveOptions {
  /** A fresh model instance per objective (a model owns its scratch buffers). */
  readonly createModel: () => Model;
  readonly train: Dataset;
  /** Rows per mini-batch; absent or ≥ the training rows: full batch. */
  readonly batchSize?: number;
  /**
   * The order of each epoch's rows (tests pass the reference's own order); by default a Fisher-Yates
   * shuffle per epoch from one stream seeded by forRun's seed.
   */
  readonly batchOrder?: BatchOrder;
}

/** Mini-batches per epoch for `rows` training rows (1 for full batch). */
export function batchesPerEpoch(rows: number, batchSize: number | undefined): number {
  return batchSize === undefined || batchSize >= rows ? 1 : Math.ceil(rows / batchSize);
}

/** The seeded default order: a new Fisher-Yates permutation for each epoch, drawn in sequence. */
export function shuffledBatchOrder(rows: number, seed: number): BatchOrder {
  const random = new Random(seed);
  let drawnEpoch = -1;
  let order: ArrayLike<number> = new Uint32Array(0);
  return (epoch) => {
    if (epoch < drawnEpoch) throw new RangeError(`epochs are drawn in order: epoch ${epoch} after ${drawnEpoch}`);
    while (drawnEpoch < epoch) {
      order = shuffledIndices(rows, random);
      drawnEpoch++;
    }
    return order;
  };
}

/** A model's mean training loss, full batch or by mini-batches (see the file's comment). */
export class DataObjective implements Objective {
  readonly dimension: number;
  readonly model: Model;
  readonly miniBatches?: MiniBatches;
  readonly leastSquares?: LeastSquares;
  private readonly options: DataObjectiveOptions;
  private readonly train: Dataset;
  // the rows f and ∇f see now: all of train, or the gathered batch
  private features: Float64Array;
  private targets: Float64Array;
  private rows: number;

  constructor(options: DataObjectiveOptions, seed = 0) {
    this.options = options;
    this.train = options.train;
    this.model = options.createModel();
    this.dimension = this.model.parameterCount;
    this.features = this.train.features;
    this.targets = this.train.targets;
    this.rows = this.train.rows;
    const perEpoch = batchesPerEpoch(this.train.rows, options.batchSize);
    if (perEpoch > 1 && options.batchSize !== undefined) this.miniBatches = this.batchesOf(options.batchSize, perEpoch, seed);
    else if (this.model.leastSquares !== undefined) this.leastSquares = this.residualsOf(this.model.leastSquares);
  }

  /** An objective of its own for one run: its own model scratch and, with mini-batches, its own shuffle stream from `seed`. */
  forRun(seed: number): DataObjective {
    return new DataObjective(this.options, seed);
  }

  value(point: ArrayLike<number>): number {
    return this.model.loss(point, this.features, this.targets, this.rows);
  }

  valueAndGradient(point: ArrayLike<number>, gradient: Float64Array): number {
    return this.model.lossAndGradient(point, this.features, this.targets, this.rows, gradient);
  }

  hessian(point: ArrayLike<number>, hessian: Float64Array): void {
    if (this.model.hessian === undefined) throw new Error(`the ${this.model.kind} model has no Hessian here; choose a method that needs none`);
    this.model.hessian(point, this.features, this.targets, this.rows, hessian);
  }

  /** The mean loss over every training row, whichever batch is selected. */
  trainingLoss(point: ArrayLike<number>): number {
    return this.model.loss(point, this.train.features, this.train.targets, this.train.rows);
  }

  private residualsOf(residuals: ModelResiduals): LeastSquares {
    const { features, targets, rows } = this.train;
    return {
      residualCount: residuals.residualCount(rows),
      residualsAndJacobian: (point, out, jacobian) => residuals.residualsAndJacobian(point, features, targets, rows, out, jacobian),
    };
  }

  private batchesOf(batchSize: number, perEpoch: number, seed: number): MiniBatches {
    const { train } = this;
    const { columns } = train;
    const order = this.options.batchOrder ?? shuffledBatchOrder(train.rows, seed);
    const batchFeatures = new Float64Array(batchSize * columns);
    const batchTargets = new Float64Array(batchSize);
    return {
      batchSize,
      batchesPerEpoch: perEpoch,
      selectBatch: (step) => {
        const epoch = Math.floor(step / perEpoch);
        const first = (step % perEpoch) * batchSize;
        const rows = Math.min(batchSize, train.rows - first);
        const permutation = order(epoch);
        for (let i = 0; i < rows; i++) {
          const row = permutation[first + i];
          for (let j = 0; j < columns; j++) batchFeatures[i * columns + j] = train.features[row * columns + j];
          batchTargets[i] = train.targets[row];
        }
        this.features = batchFeatures;
        this.targets = batchTargets;
        this.rows = rows;
      },
      fullValue: (point) => this.trainingLoss(point),
    };
  }
}
