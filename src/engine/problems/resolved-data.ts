import type { Dataset } from '../data/dataset';
import type { Standardization } from '../data/standardize';
import type { Model, ModelSpec } from '../models';

/** The data as a problem resolves it: what the views, the metrics and the validation loss read. */
export interface ResolvedData {
  /** Every row (clicked ones included), as loaded, before the split and the scaling. */
  readonly all: Dataset;
  /** The rows the model trains on and the rows held out, both standardized when asked. */
  readonly train: Dataset;
  readonly validation: Dataset;
  /** Row indices into `all` of each. */
  readonly trainIndices: Uint32Array;
  readonly validationIndices: Uint32Array;
  /** The scaling fitted on the training rows, or null. */
  readonly standardization: Standardization | null;
  readonly model: ModelSpec;
  /** A fresh model instance (each owns its scratch buffers). */
  createModel(): Model;
  /** Rows per mini-batch, or undefined for full batch. */
  readonly batchSize?: number;
}
