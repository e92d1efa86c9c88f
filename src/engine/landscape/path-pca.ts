import { symmetricEigen } from '../symmetric-eigen';

// The plane a run's path moves in most: the top two principal components of the path's deviations
// from its final point (Li et al. 2018, §7: rows θ_k − θ_final for every recorded point but the
// last, centred by their mean as scikit-learn's PCA does, which their code uses). n runs to
// thousands of parameters, so the n × n covariance XᵀX is never formed: the k × k Gram matrix XXᵀ
// (k ≤ MAX_PATH_POINTS points) has the same nonzero eigenvalues, and an eigenvector u of it maps to
// the unit principal direction v = Xᵀu / √λ.

/** At most this many path points go into the PCA (evenly spread over the path). */
export const MAX_PATH_POINTS = 200;

/** The two leading principal directions of a path and the share of its variance each explains. */
export interface PathComponents {
  /** Unit vectors, n entries each, the first along the largest variance. */
  readonly components: readonly [Float64Array, Float64Array];
  /** λ_i / Σλ: the share of the path's variance along each component (the paper's axis labels). */
  readonly explainedVarianceRatio: readonly [number, number];
}

/** `count` indices spread evenly over 0 … total − 1, first and last included (all of them when total ≤ count). */
export function evenIndices(total: number, count: number): number[] {
  if (total <= count) return Array.from({ length: total }, (_, i) => i);
  if (count === 1) return [total - 1];
  return Array.from({ length: count }, (_, i) => Math.round((i * (total - 1)) / (count - 1)));
}

/**
 * Principal components of a path (flattened points of `dimension` coordinates each, the final one
 * last). Non-finite points are left out. Fewer than two distinct deviations leave the missing
 * components zero with a ratio of 0.
 */
export function pathPrincipalComponents(path: ArrayLike<number>, dimension: number, maxPoints = MAX_PATH_POINTS): PathComponents {
  const pointCount = Math.floor(path.length / dimension);
  const finite: number[] = [];
  for (let k = 0; k < pointCount; k++) {
    let ok = true;
    for (let i = 0; i < dimension && ok; i++) ok = Number.isFinite(path[k * dimension + i]);
    if (ok) finite.push(k);
  }
  const empty = (): PathComponents => ({ components: [new Float64Array(dimension), new Float64Array(dimension)], explainedVarianceRatio: [0, 0] });
  if (finite.length < 2) return empty();
  const final = finite[finite.length - 1];
  const rows = evenIndices(finite.length - 1, maxPoints).map((position) => finite[position]);
  const k = rows.length;
  // X: rows θ_k − θ_final, then centred by the column means
  const deviations = new Float64Array(k * dimension);
  const mean = new Float64Array(dimension);
  rows.forEach((point, r) => {
    for (let i = 0; i < dimension; i++) {
      const value = path[point * dimension + i] - path[final * dimension + i];
      deviations[r * dimension + i] = value;
      mean[i] += value / k;
    }
  });
  for (let r = 0; r < k; r++) for (let i = 0; i < dimension; i++) deviations[r * dimension + i] -= mean[i];
  const gram = new Float64Array(k * k);
  for (let a = 0; a < k; a++) {
    for (let b = a; b < k; b++) {
      let sum = 0;
      for (let i = 0; i < dimension; i++) sum += deviations[a * dimension + i] * deviations[b * dimension + i];
      gram[a * k + b] = sum;
      gram[b * k + a] = sum;
    }
  }
  const { values, vectors } = symmetricEigen(gram, k);
  const order = Array.from(values.keys()).sort((a, b) => values[b] - values[a]);
  let total = 0;
  for (const value of values) total += Math.max(0, value);
  if (!(total > 0)) return empty();
  const component = (rank: number): [Float64Array, number] => {
    const index = order[rank];
    const lambda = index === undefined ? 0 : values[index];
    const direction = new Float64Array(dimension);
    if (!(lambda > total * 1e-14)) return [direction, 0];
    for (let r = 0; r < k; r++) {
      const weight = vectors[r * k + index];
      for (let i = 0; i < dimension; i++) direction[i] += weight * deviations[r * dimension + i];
    }
    const norm = Math.sqrt(direction.reduce((sum, value) => sum + value * value, 0));
    for (let i = 0; i < dimension; i++) direction[i] /= norm;
    return [direction, lambda / total];
  };
  const [first, firstRatio] = component(0);
  const [second, secondRatio] = component(1);
  return { components: [first, second], explainedVarianceRatio: [firstRatio, secondRatio] };
}
