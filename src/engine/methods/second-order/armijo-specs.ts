import type { HyperSpec } from '../hyperparameters';

/** The backtracking line search's constants, as Newton and Gauss-Newton name them: Armijo's c and the shrink factor ρ. */
export const ARMIJO_SPECS: readonly HyperSpec[] = [
  { kind: 'number', name: 'c', defaultValue: 1e-4, min: 0, max: 0.5, exclusiveMin: true, log: true, description: "Armijo's sufficient-decrease constant c: f(x + αp) ≤ f(x) + cα∇fᵀp" },
  { kind: 'number', name: 'shrink', defaultValue: 0.5, min: 0.01, max: 0.99, description: 'backtracking factor ρ: α ← ρα after each rejected trial' },
];
