import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUNDLED_DATASETS, bundledDataset, findBundledDataset } from './bundled';
import type { Dataset } from './dataset';

/*
 * The oracle is sklearn 1.2.1 itself (scripts/references/sklearn_bundled.py): for each bundled CSV it
 * records the shape, feature names, class names and counts, the first and last rows and the exactly
 * rounded (math.fsum) sum of every column, computed from sklearn's arrays, not from the CSV. The CSV
 * holds each value's shortest round-trip text, so every value must read back bit for bit: the first
 * and last rows and the exactly rounded column sums are compared with ===.
 */
interface GoldenSet {
  file: string;
  bytes: number;
  task: 'regression' | 'classification';
  rows: number;
  columns: number;
  feature_names: string[];
  feature_sum: number;
  column_sums: number[];
  target_sum: number;
  first_row: number[];
  first_target: number;
  last_row: number[];
  last_target: number;
  class_names?: string[];
  class_counts?: number[];
}

const golden = JSON.parse(readFileSync(new URL('./bundled.golden.json', import.meta.url), 'utf8')) as { sets: Record<string, GoldenSet> };

function csvText(fileName: string): string {
  return readFileSync(new URL(`../../../public/datasets/${fileName}`, import.meta.url), 'utf8');
}

// Shewchuk's exactly rounded sum (Python's math.fsum): partials of non-overlapping floats.
function exactSum(values: ArrayLike<number>): number {
  const partials: number[] = [];
  for (let k = 0; k < values.length; k++) {
    let x = values[k];
    let used = 0;
    for (const partial of partials) {
      let y = partial;
      if (Math.abs(x) < Math.abs(y)) [x, y] = [y, x];
      const high = x + y;
      const low = y - (high - x);
      if (low !== 0) partials[used++] = low;
      x = high;
    }
    partials.length = used;
    partials.push(x);
  }
  // round the partials to one float as fsum does, including its half-way correction
  let n = partials.length;
  if (n === 0) return 0;
  let high = partials[--n];
  let low = 0;
  while (n > 0) {
    const x = high;
    const y = partials[--n];
    high = x + y;
    low = y - (high - x);
    if (low !== 0) break;
  }
  if (n > 0 && ((low < 0 && partials[n - 1] < 0) || (low > 0 && partials[n - 1] > 0))) {
    const y = low * 2;
    const x = high + y;
    if (y === x - high) high = x;
  }
  return high;
}

function column(dataset: Dataset, j: number): Float64Array {
  return Float64Array.from({ length: dataset.rows }, (_, i) => dataset.features[i * dataset.columns + j]);
}

describe('bundled data sets read back as sklearn has them', () => {
  it('registers the five sets with their files', () => {
    expect(BUNDLED_DATASETS.map((info) => info.name)).toEqual(['iris', 'wine', 'breast_cancer', 'diabetes', 'digits']);
    expect(Object.keys(golden.sets).sort()).toEqual(BUNDLED_DATASETS.map((info) => info.name).sort());
  });

  it.each(BUNDLED_DATASETS.map((info) => [info.name, info] as const))('%s', (name, info) => {
    const reference = golden.sets[name];
    expect({ rows: info.rows, columns: info.columns, task: info.task, file: info.fileName }).toEqual({
      rows: reference.rows,
      columns: reference.columns,
      task: reference.task,
      file: reference.file,
    });
    expect(info.classNames).toEqual(reference.class_names);
    const text = csvText(info.fileName);
    expect(text.length).toBe(reference.bytes); // ASCII: characters are bytes
    const read = bundledDataset(name, text);
    if (!read.ok) throw new Error(read.errors.join('; '));
    const dataset = read.value;
    expect([dataset.rows, dataset.columns, dataset.task]).toEqual([reference.rows, reference.columns, reference.task]);
    expect(dataset.featureNames).toEqual(reference.feature_names);
    expect(dataset.targetName).toBe('target');
    expect(Array.from(dataset.features.subarray(0, dataset.columns))).toEqual(reference.first_row);
    expect(Array.from(dataset.features.subarray((dataset.rows - 1) * dataset.columns))).toEqual(reference.last_row);
    expect([dataset.targets[0], dataset.targets[dataset.rows - 1]]).toEqual([reference.first_target, reference.last_target]);
    for (let j = 0; j < dataset.columns; j++) expect(exactSum(column(dataset, j)), `column ${j} sum`).toBe(reference.column_sums[j]);
    expect(exactSum(dataset.features)).toBe(reference.feature_sum);
    expect(exactSum(dataset.targets)).toBe(reference.target_sum);
    if (reference.class_counts) {
      expect(dataset.classNames).toEqual(reference.class_names);
      const counts = new Array<number>(reference.class_counts.length).fill(0);
      for (const target of dataset.targets) counts[target]++;
      expect(counts).toEqual(reference.class_counts);
    }
  });

  it('digits are 8×8 images of integers 0..16', () => {
    const info = findBundledDataset('digits');
    expect(info?.image).toEqual({ width: 8, height: 8, maxValue: 16 });
    const read = bundledDataset('digits', csvText('digits.csv'));
    if (!read.ok) throw new Error(read.errors.join('; '));
    expect(read.value.columns).toBe(8 * 8);
    expect(read.value.features.every((pixel) => Number.isInteger(pixel) && pixel >= 0 && pixel <= 16)).toBe(true);
  });

  it('the files stay small: under 600 kB together', () => {
    const total = BUNDLED_DATASETS.reduce((sum, info) => sum + csvText(info.fileName).length, 0);
    expect(total).toBeLessThan(600_000);
  });

  it('refuses an unknown name and a text that is not the expected file', () => {
    expect(bundledDataset('mnist', '')).toEqual({ ok: false, errors: ['unknown bundled data set "mnist" (known: iris, wine, breast_cancer, diabetes, digits)'] });
    expect(bundledDataset('iris', 'a,target\n1,0\n2,1\n')).toEqual({ ok: false, errors: ['iris.csv: expected 150 rows × 4 features, found 2 × 1'] });
    expect(bundledDataset('iris', '')).toEqual({ ok: false, errors: ['iris.csv: the file is empty'] });
    const shifted = csvText('iris.csv').replace(/,0\n/g, ',3\n');
    expect(bundledDataset('iris', shifted)).toEqual({ ok: false, errors: ['iris.csv: expected the class indices 0..2 in the target column, found 1, 2, 3'] });
  });
});
