import { Random } from '../random';
import type { Dataset } from './dataset';
import { selectRows } from './dataset';

// The seeded train/validation split: one Fisher-Yates shuffle of the row indices, the first rows of
// the permutation for validation and the rest for training. The validation size is ⌈fraction·n⌉ as
// sklearn's train_test_split(test_size=fraction) takes it, and at least one row stays for training.

/** A permutation of 0..count−1 by Fisher-Yates (Durstenfeld): each of the count! orders equally likely. */
export function shuffledIndices(count: number, random: Random): Uint32Array {
  const indices = new Uint32Array(count);
  for (let i = 0; i < count; i++) indices[i] = i;
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(random.nextFloat() * (i + 1)); // uniform on 0..i
    const swap = indices[i];
    indices[i] = indices[j];
    indices[j] = swap;
  }
  return indices;
}

/** Training and validation rows, with the original row index of each. */
export interface DatasetSplit {
  readonly train: Dataset;
  readonly validation: Dataset;
  readonly trainIndices: Uint32Array;
  readonly validationIndices: Uint32Array;
}

/** The number of validation rows for a fraction in [0, 1): ⌈fraction·rows⌉, leaving ≥ 1 training row. */
export function validationCount(rows: number, fraction: number): number {
  if (!(fraction >= 0 && fraction < 1)) throw new RangeError(`validation fraction must be in [0, 1), got ${fraction}`);
  return Math.min(Math.ceil(fraction * rows), Math.max(rows - 1, 0));
}

/**
 * Splits the rows by a seeded shuffle. With fraction 0 every row trains, in the original order (no
 * shuffle), so a data set without validation is the data set as given.
 */
export function splitDataset(dataset: Dataset, fraction: number, seed: number): DatasetSplit {
  const held = validationCount(dataset.rows, fraction);
  if (held === 0) {
    const all = new Uint32Array(dataset.rows).map((_, index) => index);
    return { train: dataset, validation: selectRows(dataset, []), trainIndices: all, validationIndices: new Uint32Array(0) };
  }
  const order = shuffledIndices(dataset.rows, new Random(seed));
  const validationIndices = order.slice(0, held);
  const trainIndices = order.slice(held);
  return { train: selectRows(dataset, trainIndices), validation: selectRows(dataset, validationIndices), trainIndices, validationIndices };
}
