// Small dense-matrix pieces the regression models share: rows of features augmented by a constant 1
// (the bias's input), and the symmetric Gram-type sums their Hessians are made of.

/** Throws unless `value` is a positive integer. */
export function assertCount(value: number, name: string): void {
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got ${value}`);
}

/**
 * Adds weight · a aᵀ, with a = [x_row; 1] (d + 1 long), to the upper triangle of the row-major
 * (d + 1) × (d + 1) matrix `out`; mirrorUpperScaled completes it.
 */
export function addAugmentedOuter(features: Float64Array, row: number, d: number, weight: number, out: Float64Array): void {
  const size = d + 1;
  const offset = row * d;
  for (let i = 0; i < size; i++) {
    const weightedXi = (i < d ? features[offset + i] : 1) * weight;
    for (let j = i; j < size; j++) out[i * size + j] += weightedXi * (j < d ? features[offset + j] : 1);
  }
}

/** Multiplies the upper triangle of a row-major size × size matrix by `scale` and copies it below the diagonal. */
export function mirrorUpperScaled(matrix: Float64Array, size: number, scale: number): void {
  for (let i = 0; i < size; i++) {
    for (let j = i; j < size; j++) {
      const value = matrix[i * size + j] * scale;
      matrix[i * size + j] = value;
      matrix[j * size + i] = value;
    }
  }
}

/** w · x + b for row `row`, with the parameters laid out as the d weights then the bias. */
export function affine(parameters: ArrayLike<number>, features: Float64Array, row: number, d: number): number {
  const offset = row * d;
  let z = parameters[d];
  for (let j = 0; j < d; j++) z += parameters[j] * features[offset + j];
  return z;
}
