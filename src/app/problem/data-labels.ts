import { batchesPerEpoch } from '../../engine/data/data-objective';
import type { DatasetTask } from '../../engine/data/dataset';
import type { ModelSpec } from '../../engine/models';

// The conventions stated under the model and the batch size, in words: what the loss is (so a
// number on the chart can be checked by hand) and what one step of a method sees.

/** The loss a model minimises: "Loss: mean squared error (no ½)", with the weight decay term when there is one. */
export function lossConvention(model: ModelSpec, classes: number): string {
  const base = `Loss: ${lossName(model, classes)}`;
  if (model.kind !== 'mlp' || !model.weight_decay) return base;
  return `${base} + (λ/2)Σw² on weights (λ = ${model.weight_decay}; biases not decayed)`;
}

function lossName(model: ModelSpec, classes: number): string {
  switch (model.kind) {
    case 'linear':
      return 'mean squared error (no ½)';
    case 'logistic':
      return 'mean binary cross-entropy';
    case 'softmax':
      return 'mean cross-entropy';
    case 'mlp':
      if (model.loss === 'mse') return 'mean squared error (no ½)';
      // two classes take one logit and the binary form, as logistic regression does
      return classes === 2 ? 'mean binary cross-entropy' : 'mean cross-entropy';
  }
}

/** What one step sees: "10 rows per step · 16 steps per epoch", or the full batch. */
export function batchText(trainRows: number, batchSize: number | undefined): string {
  const batches = batchesPerEpoch(trainRows, batchSize);
  if (batches === 1) return `Full batch: all ${trainRows} training ${trainRows === 1 ? 'row' : 'rows'} in every step`;
  const size = batchSize ?? trainRows;
  return `${size} ${size === 1 ? 'row' : 'rows'} per step · ${batches} steps per epoch`;
}

/** Batch sizes the picker offers: powers and round numbers below the training rows (and the current one). */
export function batchSizeChoices(trainRows: number, current: number | undefined): number[] {
  const sizes = [1, 2, 5, 10, 16, 20, 32, 50, 64, 100, 128, 256, 512, 1024].filter((size) => size < trainRows);
  if (current !== undefined && !sizes.includes(current)) sizes.push(current);
  return sizes.sort((a, b) => a - b);
}

/** How a task is named beside a data set: "regression" or "3 classes". */
export function taskText(task: DatasetTask, classes: number): string {
  return task === 'regression' ? 'regression' : `${classes} classes`;
}
