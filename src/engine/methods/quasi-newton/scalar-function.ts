import type { Oracle } from '../../oracle';

/**
 * scipy's ScalarFunction (scipy/optimize/_differentiable_functions.py) over our counting Oracle: f
 * and ∇f cached at the last point asked for, so a point is evaluated when scipy evaluates it and
 * the oracle's counts follow scipy's nfev and njev.
 *
 * scipy counts f and ∇f apart (nfev, njev); the oracle cannot give ∇f without f. So:
 * - `valueAndGradient` is scipy asking for both at once (its start, every wolfe1 trial: dcsrch
 *   wants f and f' together): one oracle.valueAndGradient, as scipy's one nfev and one njev.
 * - `value` alone (a wolfe2 trial): one oracle.value, as scipy's nfev.
 * - `gradient` where f is not cached: one oracle.valueAndGradient (scipy: one njev; we pay an f
 *   too, and keep it, so a later `value` here is free where scipy pays it).
 * - `gradient` where f alone is cached (wolfe2 decided it needs f' at its trial): the oracle pays
 *   one f more than scipy's nfev.
 * Gradient evaluations always equal scipy's njev; function evaluations equal its nfev unless the
 * wolfe2 fallback ran. The golden generator replays scipy's calls under these rules.
 */
export class ScipyScalarFunction {
  private readonly oracle: Oracle;
  private readonly point: Float64Array;
  private readonly cachedGradient: Float64Array;
  private hasPoint = false;
  private hasValue = false;
  private hasGradient = false;
  private cachedValue = NaN;

  constructor(oracle: Oracle) {
    this.oracle = oracle;
    this.point = new Float64Array(oracle.dimension);
    this.cachedGradient = new Float64Array(oracle.dimension);
  }

  /** f(x), evaluated unless cached at x. */
  value(x: Float64Array): number {
    this.moveTo(x);
    if (!this.hasValue) {
      this.cachedValue = this.oracle.value(x);
      this.hasValue = true;
    }
    return this.cachedValue;
  }

  /** ∇f(x), evaluated unless cached at x (the cache's own array: copy what you keep). */
  gradient(x: Float64Array): Float64Array {
    this.moveTo(x);
    if (!this.hasGradient) this.evaluateBoth(x);
    return this.cachedGradient;
  }

  /** f(x) with ∇f(x) left in gradientOf(); what is cached at x is not evaluated again. */
  valueAndGradient(x: Float64Array): number {
    this.moveTo(x);
    if (!this.hasGradient) this.evaluateBoth(x);
    else if (!this.hasValue) this.value(x);
    return this.cachedValue;
  }

  private evaluateBoth(x: Float64Array): void {
    const value = this.oracle.valueAndGradient(x, this.cachedGradient);
    this.hasGradient = true;
    // where f was cached it stays as scipy has it (the same number: f is deterministic)
    if (!this.hasValue) {
      this.cachedValue = value;
      this.hasValue = true;
    }
  }

  /** scipy's `if not np.array_equal(x, self.x): self._update_x_impl(x)`. */
  private moveTo(x: Float64Array): void {
    if (this.hasPoint) {
      let same = true;
      for (let i = 0; i < x.length; i++) {
        if (x[i] !== this.point[i]) {
          same = false;
          break;
        }
      }
      if (same) return;
    }
    this.point.set(x);
    this.hasPoint = true;
    this.hasValue = false;
    this.hasGradient = false;
  }
}
