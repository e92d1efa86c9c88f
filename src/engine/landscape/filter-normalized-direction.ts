import type { Random } from '../random';
import type { ParameterFilters } from './parameter-filters';

// A random direction for a loss-landscape slice, scaled to the parameters it starts from (Li, Xu,
// Taylor, Studer and Goldstein, "Visualizing the Loss Landscape of Neural Nets", 2018, §4). A
// network's loss is nearly unchanged when a ReLU layer's weights are scaled by c and the next one's
// by 1/c, so a plain Gaussian direction moves small filters much more, relatively, than large ones
// and the pictures of two networks cannot be compared. Normalizing each filter of d to the norm of
// the same filter of θ removes that: d_f ← d_f / ‖d_f‖ · ‖θ_f‖.

/** Euclidean norm of values[start … start + length). */
function rangeNorm(values: ArrayLike<number>, start: number, length: number): number {
  let sum = 0;
  for (let i = start; i < start + length; i++) sum += values[i] * values[i];
  return Math.sqrt(sum);
}

/** A Gaussian vector of `dimension` entries drawn from `random`. */
export function gaussianDirection(dimension: number, random: Random): Float64Array {
  const direction = new Float64Array(dimension);
  for (let i = 0; i < dimension; i++) direction[i] = random.nextGaussian();
  return direction;
}

/**
 * Scales `direction` in place, filter by filter, to the norms of `centre`'s filters, and zeroes its
 * biases (the paper's ignore='biasbn'). A filter of θ that is all zeros gives a zero filter (as the
 * paper's code does); when every filter of θ is zero (a linear model at its zero start) the
 * direction is plain-normalized to unit norm instead, so the slice still has two axes.
 */
export function filterNormalize(direction: Float64Array, centre: ArrayLike<number>, layout: ParameterFilters): Float64Array {
  let scaled = 0;
  for (const { start, length } of layout.filters) {
    const target = rangeNorm(centre, start, length);
    const own = rangeNorm(direction, start, length);
    const factor = own > 0 ? target / own : 0;
    for (let i = start; i < start + length; i++) direction[i] *= factor;
    scaled += target;
  }
  if (scaled === 0) return normalizeTo(direction, 1);
  for (const { start, length } of layout.biases) direction.fill(0, start, start + length);
  return direction;
}

/** Scales `direction` in place to Euclidean norm `norm` (left as is when it is zero). */
export function normalizeTo(direction: Float64Array, norm: number): Float64Array {
  const own = rangeNorm(direction, 0, direction.length);
  if (own > 0) for (let i = 0; i < direction.length; i++) direction[i] *= norm / own;
  return direction;
}

/**
 * The two directions of a random slice through `centre`. With a model's layout: two independent
 * filter-normalized Gaussian directions, not orthogonalised (as in the paper: in thousands of
 * dimensions two Gaussian directions are nearly orthogonal already, and orthogonalising would undo
 * the per-filter scaling; the slice's coordinates come from least squares, so they need not be).
 * Without one (a surface): Gaussian directions scaled to ‖θ‖ (unit norm at θ = 0), the second made
 * orthogonal to the first (Gram-Schmidt), since in ten dimensions two random directions are far from
 * orthogonal and nothing per-filter is lost: α and β are then distances along perpendicular axes.
 */
export function randomSliceDirections(centre: ArrayLike<number>, layout: ParameterFilters | null, random: Random): [Float64Array, Float64Array] {
  const dimension = centre.length;
  const first = gaussianDirection(dimension, random);
  const second = gaussianDirection(dimension, random);
  if (layout) return [filterNormalize(first, centre, layout), filterNormalize(second, centre, layout)];
  const norm = rangeNorm(centre, 0, dimension) || 1;
  normalizeTo(first, 1);
  let along = 0;
  for (let i = 0; i < dimension; i++) along += second[i] * first[i];
  for (let i = 0; i < dimension; i++) second[i] -= along * first[i];
  return [normalizeTo(first, norm), normalizeTo(second, norm)];
}
