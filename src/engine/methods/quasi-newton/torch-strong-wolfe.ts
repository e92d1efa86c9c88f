// torch.optim.LBFGS's line search, ported statement by statement from torch 1.13's
// torch/optim/lbfgs.py (`_cubic_interpolate`, `_strong_wolfe`, themselves ports of torch7's
// polyinterp.lua and lswolfe.lua), so that L-BFGS with line_search_fn "strong_wolfe" visits the
// points torch visits. Not scipy's line search (bfgs and cg use that one).

/** Evaluates f and ∇f at x + t·d (one closure call): f returned, ∇f written into `gradient`. */
export type DirectionalEvaluate = (t: number, gradient: Float64Array) => number;

/** What the line search found: the step t, f and ∇f there, and how many evaluations it made. */
export interface StrongWolfeResult {
  readonly t: number;
  readonly value: number;
  readonly gradient: Float64Array;
  readonly evaluations: number;
}

/**
 * Minimiser of the cubic through (x1, f1, g1) and (x2, f2, g2), clamped to `bounds` (default: the
 * interval between x1 and x2); the bounds' midpoint when the cubic has no real minimiser.
 */
export function cubicInterpolate(x1: number, f1: number, g1: number, x2: number, f2: number, g2: number, bounds?: readonly [number, number]): number {
  const [xMinBound, xMaxBound] = bounds ?? (x1 <= x2 ? [x1, x2] : [x2, x1]);
  // d1 = g1 + g2 − 3(f1 − f2)/(x1 − x2), d2 = √(d1² − g1g2)
  const d1 = g1 + g2 - (3 * (f1 - f2)) / (x1 - x2);
  const d2Square = d1 ** 2 - g1 * g2;
  if (d2Square >= 0) {
    const d2 = Math.sqrt(d2Square);
    const minPosition = x1 <= x2 ? x2 - (x2 - x1) * ((g2 + d2 - d1) / (g2 - g1 + 2 * d2)) : x1 - (x1 - x2) * ((g1 + d2 - d1) / (g1 - g2 + 2 * d2));
    // Python's min(max(p, lo), hi): a NaN p compares false and max returns lo
    return pyMin(pyMax(minPosition, xMinBound), xMaxBound);
  }
  return (xMinBound + xMaxBound) / 2;
}

/**
 * A step t along d satisfying the strong Wolfe conditions f(x + td) ≤ f + c1·t·gᵀd and
 * |∇f(x + td)ᵀd| ≤ −c2·gᵀd: bracketing by cubic extrapolation, then zooming by cubic interpolation,
 * at most `maxLineSearch` evaluations after the first (`evaluate` sees each t tried).
 */
export function strongWolfe(
  evaluate: DirectionalEvaluate,
  initialStep: number,
  direction: Float64Array,
  value: number,
  gradient: Float64Array,
  directionalDerivative: number,
  toleranceChange = 1e-9,
  c1 = 1e-4,
  c2 = 0.9,
  maxLineSearch = 25,
): StrongWolfeResult {
  const n = direction.length;
  let t = initialStep;
  let directionNorm = 0;
  // torch's d.abs().max(): NaN propagates
  for (let i = 0; i < n; i++) directionNorm = Math.max(directionNorm, Math.abs(direction[i]));
  const startGradient = Float64Array.from(gradient);
  let newGradient = new Float64Array(n);
  let newValue = evaluate(t, newGradient);
  let evaluations = 1;
  let newDerivative = dot(newGradient, direction);

  // bracket an interval containing a point satisfying the Wolfe criteria
  let [previousT, previousValue, previousGradient, previousDerivative] = [0, value, startGradient, directionalDerivative];
  let done = false;
  let iteration = 0;
  let bracket: number[] = [];
  let bracketValue: number[] = [];
  let bracketGradient: Float64Array[] = [];
  let bracketDerivative: number[] = [];
  while (iteration < maxLineSearch) {
    if (newValue > value + c1 * t * directionalDerivative || (iteration > 1 && newValue >= previousValue)) {
      bracket = [previousT, t];
      bracketValue = [previousValue, newValue];
      bracketGradient = [previousGradient, Float64Array.from(newGradient)];
      bracketDerivative = [previousDerivative, newDerivative];
      break;
    }
    if (Math.abs(newDerivative) <= -c2 * directionalDerivative) {
      bracket = [t];
      bracketValue = [newValue];
      bracketGradient = [newGradient];
      done = true;
      break;
    }
    if (newDerivative >= 0) {
      bracket = [previousT, t];
      bracketValue = [previousValue, newValue];
      bracketGradient = [previousGradient, Float64Array.from(newGradient)];
      bracketDerivative = [previousDerivative, newDerivative];
      break;
    }
    // extrapolate: the cubic's minimiser within [t + 0.01(t − t_prev), 10t]
    const minStep = t + 0.01 * (t - previousT);
    const maxStep = t * 10;
    const current = t;
    t = cubicInterpolate(previousT, previousValue, previousDerivative, t, newValue, newDerivative, [minStep, maxStep]);
    previousT = current;
    previousValue = newValue;
    previousGradient = Float64Array.from(newGradient);
    previousDerivative = newDerivative;
    newGradient = new Float64Array(n);
    newValue = evaluate(t, newGradient);
    evaluations++;
    newDerivative = dot(newGradient, direction);
    iteration++;
  }
  if (iteration === maxLineSearch) {
    bracket = [0, t];
    bracketValue = [value, newValue];
    bracketGradient = [startGradient, newGradient];
  }

  // zoom: shrink the bracket until a point satisfies the criteria
  let insufficientProgress = false;
  let [lowIndex, highIndex] = bracketValue[0] <= bracketValue[bracketValue.length - 1] ? [0, 1] : [1, 0];
  while (!done && iteration < maxLineSearch) {
    // the bracket is too small to go on
    if (Math.abs(bracket[1] - bracket[0]) * directionNorm < toleranceChange) break;
    t = cubicInterpolate(bracket[0], bracketValue[0], bracketDerivative[0], bracket[1], bracketValue[1], bracketDerivative[1]);

    // a t too close to an end of the bracket (twice running, or at or beyond it) is moved to 10%
    // of the bracket's length inside it
    const bracketMax = pyMax(bracket[0], bracket[1]);
    const bracketMin = pyMin(bracket[0], bracket[1]);
    const eps = 0.1 * (bracketMax - bracketMin);
    if (pyMin(bracketMax - t, t - bracketMin) < eps) {
      if (insufficientProgress || t >= bracketMax || t <= bracketMin) {
        t = Math.abs(t - bracketMax) < Math.abs(t - bracketMin) ? bracketMax - eps : bracketMin + eps;
        insufficientProgress = false;
      } else {
        insufficientProgress = true;
      }
    } else {
      insufficientProgress = false;
    }

    newGradient = new Float64Array(n);
    newValue = evaluate(t, newGradient);
    evaluations++;
    newDerivative = dot(newGradient, direction);
    iteration++;

    if (newValue > value + c1 * t * directionalDerivative || newValue >= bracketValue[lowIndex]) {
      // Armijo fails or no lower than the lowest point: t becomes the high end
      bracket[highIndex] = t;
      bracketValue[highIndex] = newValue;
      bracketGradient[highIndex] = Float64Array.from(newGradient);
      bracketDerivative[highIndex] = newDerivative;
      [lowIndex, highIndex] = bracketValue[0] <= bracketValue[1] ? [0, 1] : [1, 0];
    } else {
      if (Math.abs(newDerivative) <= -c2 * directionalDerivative) {
        done = true;
      } else if (newDerivative * (bracket[highIndex] - bracket[lowIndex]) >= 0) {
        // the old high end becomes the low end
        bracket[highIndex] = bracket[lowIndex];
        bracketValue[highIndex] = bracketValue[lowIndex];
        bracketGradient[highIndex] = bracketGradient[lowIndex];
        bracketDerivative[highIndex] = bracketDerivative[lowIndex];
      }
      // the new point becomes the low end
      bracket[lowIndex] = t;
      bracketValue[lowIndex] = newValue;
      bracketGradient[lowIndex] = Float64Array.from(newGradient);
      bracketDerivative[lowIndex] = newDerivative;
    }
  }
  return { t: bracket[lowIndex], value: bracketValue[lowIndex], gradient: bracketGradient[lowIndex], evaluations };
}

/** aᵀb. */
export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}

/** Python's max(a, b): a unless b > a (so NaN in b loses, NaN in a stays), unlike Math.max. */
function pyMax(a: number, b: number): number {
  return b > a ? b : a;
}

/** Python's min(a, b): a unless b < a. */
function pyMin(a: number, b: number): number {
  return b < a ? b : a;
}
