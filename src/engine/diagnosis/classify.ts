// What became of a recorded path, from its points and losses alone: it diverged, it left the view
// and stayed out, it oscillates without converging, or it is fine. Pure: no objective, no method.
import type { Domain } from '../objective';

/** The recorded run the classification reads (a RunResult has these fields). */
export interface RecordedPath {
  readonly dimension: number;
  /** Flattened (points × dimension), start first. */
  readonly trajectory: ArrayLike<number>;
  /** f at each point. */
  readonly loss: ArrayLike<number>;
  /** Where the runner stopped the run as divergent, or null. */
  readonly diverged: { readonly step: number } | null;
}

/** The run stopped because a point or f was not finite or |x| passed the divergence bound. */
export interface DivergedVerdict {
  readonly kind: 'diverged';
  /** The trajectory index the unrecordable point would have had. */
  readonly step: number;
}

/** The path left the view and did not settle back inside it. */
export interface LeftViewVerdict {
  readonly kind: 'left-view';
  /** Index of the first point outside the view of the excursion that counts (the last one, when the path ends outside). */
  readonly step: number;
  /** Index of the first point outside the view after the path had been inside it. */
  readonly firstExit: number;
}

/** Over the last window the steps kept their size and f did not go down. */
export interface OscillatingVerdict {
  readonly kind: 'oscillating';
  /** Index of the window's first point. */
  readonly step: number;
  /** Steps in the window. */
  readonly windowSteps: number;
  /** Successive steps whose components along the window's dominant direction have opposite signs. */
  readonly reversals: number;
  /** Pairs of successive steps compared for reversals. */
  readonly pairs: number;
  /** The mean step length over the window's second half. */
  readonly meanStepLength: number;
  /** The mean step length over the window's first half. */
  readonly meanStepLengthEarly: number;
  /** The lowest f in the window's first half, and in its second half. */
  readonly bestLossEarly: number;
  readonly bestLossLate: number;
}

/** What became of a path. */
export type PathVerdict = { readonly kind: 'fine' } | DivergedVerdict | LeftViewVerdict | OscillatingVerdict;

/** What went wrong with a path that is not fine. */
export type DiagnosisKind = Exclude<PathVerdict['kind'], 'fine'>;

/** Fewest steps before a path can be called oscillating: shorter runs have not had time to settle. */
export const MIN_OSCILLATION_STEPS = 20;
/** The oscillation window: a quarter of the run, between these many steps. */
const MIN_WINDOW = 10;
const MAX_WINDOW = 200;
/** Steps shorter than this fraction of the problem's scale are too small to call an oscillation. */
export const MIN_STEP_FRACTION = 1e-3;
/** Progress below this fraction of the window's loss range counts as none. */
const PROGRESS_FRACTION = 0.01;
/** At least this share of successive step pairs must reverse along the dominant direction. */
export const REVERSAL_SHARE = 0.6;
/** With gradient noise, random steps reverse half the time and wander in place: only this share counts. */
const NOISY_REVERSAL_SHARE = 0.8;
/** Or the window's net displacement is at most this fraction of the path length (a cycle). */
const CYCLE_SHARE = 0.5;
/** A path mostly outside the view at the end counts as having left it even if its last point is in. */
const OUTSIDE_SHARE = 0.5;

/** Whether point `index` of the path lies inside the 2-D `view`. */
export function isInView(path: RecordedPath, index: number, view: Domain): boolean {
  const x = path.trajectory[index * path.dimension];
  const y = path.trajectory[index * path.dimension + 1];
  return x >= view[0][0] && x <= view[0][1] && y >= view[1][0] && y <= view[1][1];
}

/** The oscillation window for a run of `steps` steps: a quarter of it, within [MIN_WINDOW, MAX_WINDOW]. */
export function oscillationWindow(steps: number): number {
  return Math.min(MAX_WINDOW, Math.max(MIN_WINDOW, Math.floor(steps / 4)));
}

/**
 * Classifies a recorded path: diverged (the runner stopped it), left the view (2-D with a view: it
 * was inside, then its last point is outside or most of its last window is), oscillating (at least
 * MIN_OSCILLATION_STEPS steps; over the last window f made no progress while the steps kept their
 * size, above MIN_STEP_FRACTION of `scale`, and reversed along their dominant direction or went
 * round in a cycle), or fine. `scale` is the problem's size (the view's diagonal; for a problem
 * without a view, the size of the region the path covers). A `noisy` run (gradient noise) is called
 * oscillating only when nearly all its steps reverse: noise alone makes a path wander in place.
 */
export function classifyPath(path: RecordedPath, view: Domain | undefined, scale: number, noisy = false): PathVerdict {
  if (path.diverged !== null) return { kind: 'diverged', step: path.diverged.step };
  const numPoints = path.loss.length;
  if (view !== undefined && path.dimension === 2) {
    const leftView = leftViewAt(path, view, numPoints);
    if (leftView !== null) return { kind: 'left-view', ...leftView };
  }
  return oscillation(path, numPoints, scale, noisy) ?? { kind: 'fine' };
}

/** The exit that counts and the first one, or null when the path stayed in the view (or was never in it). */
function leftViewAt(path: RecordedPath, view: Domain, numPoints: number): { step: number; firstExit: number } | null {
  let firstInside = -1;
  for (let k = 0; k < numPoints && firstInside < 0; k++) if (isInView(path, k, view)) firstInside = k;
  // a start the user placed outside the view: nothing to leave
  if (firstInside < 0) return null;
  let firstExit = -1;
  for (let k = firstInside; k < numPoints && firstExit < 0; k++) if (!isInView(path, k, view)) firstExit = k;
  if (firstExit < 0) return null;
  const last = numPoints - 1;
  if (!isInView(path, last, view)) {
    let lastInside = last;
    while (!isInView(path, lastInside, view)) lastInside--;
    return { step: lastInside + 1, firstExit };
  }
  // its last point is back inside by chance: count the last window instead
  const from = Math.max(firstInside, numPoints - 1 - oscillationWindow(numPoints - 1));
  let outside = 0;
  for (let k = from; k < numPoints; k++) if (!isInView(path, k, view)) outside++;
  return outside >= OUTSIDE_SHARE * (numPoints - from) ? { step: firstExit, firstExit } : null;
}

/** The oscillation verdict for the path's last window, or null when it is making progress or settling. */
function oscillation(path: RecordedPath, numPoints: number, scale: number, noisy: boolean): OscillatingVerdict | null {
  const steps = numPoints - 1;
  if (steps < MIN_OSCILLATION_STEPS) return null;
  const windowSteps = oscillationWindow(steps);
  const first = steps - windowSteps;
  const middle = first + Math.floor(windowSteps / 2);
  const { loss, dimension, trajectory } = path;

  let bestLossEarly = Infinity;
  let bestLossLate = Infinity;
  let highest = -Infinity;
  let lowest = Infinity;
  for (let k = first; k <= steps; k++) {
    if (k <= middle) bestLossEarly = Math.min(bestLossEarly, loss[k]);
    else bestLossLate = Math.min(bestLossLate, loss[k]);
    highest = Math.max(highest, loss[k]);
    lowest = Math.min(lowest, loss[k]);
  }
  const progress = bestLossEarly - bestLossLate;
  if (progress > PROGRESS_FRACTION * (highest - lowest) + 1e-12 * Math.max(1, Math.abs(lowest))) return null;

  // steps Δ_k = x_{k+1} − x_k of the window, and their lengths in each half
  const deltas = new Float64Array(windowSteps * dimension);
  let lengthEarly = 0;
  let lengthLate = 0;
  for (let s = 0; s < windowSteps; s++) {
    const k = first + s;
    let squared = 0;
    for (let i = 0; i < dimension; i++) {
      const delta = trajectory[(k + 1) * dimension + i] - trajectory[k * dimension + i];
      deltas[s * dimension + i] = delta;
      squared += delta * delta;
    }
    if (k < middle) lengthEarly += Math.sqrt(squared);
    else lengthLate += Math.sqrt(squared);
  }
  const meanEarly = lengthEarly / Math.max(1, middle - first);
  const meanLate = lengthLate / Math.max(1, steps - middle);
  if (!(meanLate >= 0.5 * meanEarly && meanLate >= MIN_STEP_FRACTION * scale)) return null;

  const direction = dominantDirection(deltas, windowSteps, dimension);
  let reversals = 0;
  let pairs = 0;
  let previous = 0;
  for (let s = 0; s < windowSteps; s++) {
    let along = 0;
    for (let i = 0; i < dimension; i++) along += deltas[s * dimension + i] * direction[i];
    if (s > 0 && previous !== 0 && along !== 0) {
      pairs++;
      if (Math.sign(along) !== Math.sign(previous)) reversals++;
    }
    previous = along;
  }
  let netSquared = 0;
  for (let i = 0; i < dimension; i++) netSquared += (trajectory[steps * dimension + i] - trajectory[first * dimension + i]) ** 2;
  const reversing = pairs > 0 && reversals >= (noisy ? NOISY_REVERSAL_SHARE : REVERSAL_SHARE) * pairs;
  const cycling = !noisy && Math.sqrt(netSquared) <= CYCLE_SHARE * (lengthEarly + lengthLate);
  if (!reversing && !cycling) return null;
  return { kind: 'oscillating', step: first, windowSteps, reversals, pairs, meanStepLength: meanLate, meanStepLengthEarly: meanEarly, bestLossEarly, bestLossLate };
}

/**
 * The unit direction u maximising Σ (Δ_s · u)² over the window's steps: the top eigenvector of
 * Σ Δ_s Δ_sᵀ, by power iteration on the steps themselves (no n × n matrix).
 */
function dominantDirection(deltas: Float64Array, count: number, dimension: number): Float64Array {
  let direction = new Float64Array(dimension);
  // start from the longest step: never orthogonal to the direction sought unless all steps are
  let longest = -1;
  for (let s = 0; s < count; s++) {
    let squared = 0;
    for (let i = 0; i < dimension; i++) squared += deltas[s * dimension + i] ** 2;
    if (squared > longest) {
      longest = squared;
      for (let i = 0; i < dimension; i++) direction[i] = deltas[s * dimension + i];
    }
  }
  for (let iteration = 0; iteration < 30; iteration++) {
    const next = new Float64Array(dimension);
    for (let s = 0; s < count; s++) {
      let along = 0;
      for (let i = 0; i < dimension; i++) along += deltas[s * dimension + i] * direction[i];
      for (let i = 0; i < dimension; i++) next[i] += along * deltas[s * dimension + i];
    }
    let length = 0;
    for (let i = 0; i < dimension; i++) length += next[i] * next[i];
    length = Math.sqrt(length);
    if (!(length > 0)) break;
    for (let i = 0; i < dimension; i++) next[i] /= length;
    direction = next;
  }
  return direction;
}
