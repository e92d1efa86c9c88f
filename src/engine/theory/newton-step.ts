import type { LocalQuadratic } from './local-quadratic';

// Newton's step −H⁻¹∇f, written in H's eigenbasis: −Σᵢ (vᵢᵀg / λᵢ) vᵢ. Where H is indefinite the
// step is still the model's stationary point, a saddle or a maximum of the model, so it need not
// descend; the caller says so (the map draws it dashed). A zero eigenvalue leaves no step.

/** The Newton step at a point, and whether the model it jumps to is a minimum. */
export interface NewtonStep {
  /** −H⁻¹∇f, `dimension` numbers. */
  readonly step: Float64Array;
  /** True when H is not positive definite: the step goes to the model's saddle or maximum. */
  readonly indefinite: boolean;
  /** gᵀ(−H⁻¹g) < 0: the step goes downhill to first order. */
  readonly descends: boolean;
}

/** Relative size of an eigenvalue below which H counts as singular (no Newton step). */
const SINGULAR_TOLERANCE = 1e-12;

/** −H⁻¹∇f from the model's eigen-decomposition and the gradient; null when H is singular or not finite. */
export function newtonStep(model: LocalQuadratic, gradient: ArrayLike<number>): NewtonStep | null {
  const n = model.dimension;
  const { eigenvalues, eigenvectors } = model;
  const largest = Math.max(...Array.from(eigenvalues, Math.abs));
  if (!Number.isFinite(largest) || largest === 0) return null;
  const step = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const lambda = eigenvalues[k];
    if (Math.abs(lambda) <= SINGULAR_TOLERANCE * largest) return null;
    let projection = 0;
    for (let i = 0; i < n; i++) projection += eigenvectors[k * n + i] * gradient[i];
    for (let i = 0; i < n; i++) step[i] -= (projection / lambda) * eigenvectors[k * n + i];
  }
  let slope = 0;
  for (let i = 0; i < n; i++) slope += gradient[i] * step[i];
  return { step, indefinite: eigenvalues[0] <= 0, descends: slope < 0 };
}
