import type { MethodSnapshot } from '../snapshot';

// The evolution strategies' search distribution N(m, σ²C) as the map draws it. The covariance is
// n × n, so it is recorded per point only up to a dimension where that stays small beside the
// trajectory (16: 2 KiB a point); above it a run records no distribution (the map shows two
// coordinates, and n-D runs are read through their loss).

/** The largest dimension whose runs record the search distribution at every point. */
export const DISTRIBUTION_SNAPSHOT_MAX_DIMENSION = 16;

/** A copy of N(mean, σ²·covariance) for a snapshot, or undefined above DISTRIBUTION_SNAPSHOT_MAX_DIMENSION. */
export function distributionSnapshot(mean: Float64Array, sigma: number, covariance: Float64Array | null): MethodSnapshot['distribution'] {
  const n = mean.length;
  if (n > DISTRIBUTION_SNAPSHOT_MAX_DIMENSION) return undefined;
  let matrix = covariance === null ? null : Float64Array.from(covariance);
  if (matrix === null) {
    // the isotropic N(m, σ²I) of the (1+1)-ES
    matrix = new Float64Array(n * n);
    for (let i = 0; i < n; i++) matrix[i * n + i] = 1;
  }
  return { mean: Float64Array.from(mean), sigma, covariance: matrix };
}
