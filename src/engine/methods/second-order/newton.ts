import { ARMIJO_SPECS } from './armijo-specs';
import { DIVERGENCE_BOUND } from '../../divergence';
import { learningRateAt } from '../../schedules';
import { choiceHyper, learningRateSpec, numberHyper } from '../first-order/hyper';
import type { MethodDefinition, MethodSpec } from '../method';
import { choleskySolve, shiftedCholesky } from './positive-definite';
import { inspectNewton, type NewtonStepRecord } from './newton-inspection';

/** The most step sizes backtracking tries in one step (shrink^39 · lr is below 1e-11 · lr at shrink 0.5). */
export const MAX_BACKTRACKS = 40;

/**
 * Newton's method x ← x + α p with p = −(H + μI)⁻¹∇f: μ = max(0, δ − λmin(H)) shifts an indefinite
 * or singular Hessian to positive definite (Nocedal & Wright §3.4), α = lr, or with
 * line_search "backtracking" the first of lr, ρ·lr, ρ²·lr, ... that satisfies Armijo's condition
 * f(x + αp) ≤ f(x) + cα∇fᵀp (Boyd & Vandenberghe §9.5's damped Newton; their α, β are c, ρ here).
 *
 * Costs per step: one Hessian; then without a line search f and ∇f at the new point; with
 * backtracking f and ∇f at the first trial, f alone at each further trial, and f and ∇f again at
 * the accepted point when it is not the first (so a full step costs what pure Newton's does).
 * When no trial is accepted within MAX_BACKTRACKS, the point stays where it is.
 */
export const newtonSpec: MethodSpec = {
  id: 'newton',
  name: 'Newton',
  family: 'second-order',
  needs: { value: true, gradient: true, hessian: true },
  updateRule: String.raw`x_{t+1} = x_t - \alpha\,(\nabla^2 f(x_t) + \mu I)^{-1}\nabla f(x_t),\quad \mu = \max(0,\ \delta - \lambda_{\min})`,
  hyperSpecs: [
    learningRateSpec(1),
    {
      kind: 'choice',
      name: 'line_search',
      defaultValue: 'none',
      options: ['none', 'backtracking'],
      description: 'none: step α = lr (pure Newton); backtracking: shrink α from lr until Armijo holds (damped Newton)',
    },
    ...ARMIJO_SPECS,
    {
      kind: 'number',
      name: 'min_eigenvalue',
      defaultValue: 1e-3,
      min: 0,
      max: 100,
      exclusiveMin: true,
      log: true,
      description: 'δ: the Hessian is shifted by μ = max(0, δ − λmin) so that its smallest eigenvalue is at least δ',
    },
    { kind: 'number', name: 'tolerance_grad', defaultValue: 1e-7, min: 0, max: 1, log: true, description: 'stop when max |∂f/∂xᵢ| ≤ tolerance_grad (0: never)' },
  ],
};

/** newton: its spec and its implementation (what runs in the workers and the CLI). */
export const newton: MethodDefinition = {
  ...newtonSpec,
  create(hyper, { dimension, schedule, inspecting }) {
    const baseLearningRate = numberHyper(hyper, 'lr');
    const backtracking = choiceHyper(hyper, 'line_search') === 'backtracking';
    const armijo = numberHyper(hyper, 'c');
    const shrink = numberHyper(hyper, 'shrink');
    const minEigenvalue = numberHyper(hyper, 'min_eigenvalue');
    const toleranceGrad = numberHyper(hyper, 'tolerance_grad');
    const n = dimension;
    const gradient = new Float64Array(n);
    const hessian = new Float64Array(n * n);
    const factor = new Float64Array(n * n);
    const newtonStep = new Float64Array(n);
    const trialGradient = new Float64Array(n);
    let value = NaN;
    // the step inspector's record of the latest step, kept only when the run is inspected
    let record: NewtonStepRecord | null = null;
    let startGradient = new Float64Array(0);
    let snapshot: { modelMinimizer: Float64Array; shift: number; trials?: Float64Array; searchDirection: Float64Array } | null = null;

    return {
      start(point, oracle) {
        value = oracle.valueAndGradient(point, gradient);
        snapshot = null;
        if (inspecting === true) startGradient = Float64Array.from(gradient);
        return value;
      },
      step(point, oracle, step) {
        const from = inspecting === true ? Float64Array.from(point) : null;
        const usedGradient = inspecting === true ? Float64Array.from(gradient) : null;
        oracle.hessian(point, hessian);
        const shift = shiftedCholesky(hessian, n, minEigenvalue, factor);
        if (Number.isNaN(shift)) return NaN;
        // p = −(H + μI)⁻¹∇f
        choleskySolve(factor, n, gradient, newtonStep);
        let slope = 0;
        for (let i = 0; i < n; i++) {
          newtonStep[i] = -newtonStep[i];
          slope += gradient[i] * newtonStep[i];
        }
        const modelMinimizer = Float64Array.from(point, (x, i) => x + newtonStep[i]);
        const learningRate = schedule === undefined ? baseLearningRate : learningRateAt(schedule, baseLearningRate, step);
        snapshot = { modelMinimizer, shift, searchDirection: Float64Array.from(newtonStep) };
        const recordStep =
          inspecting === true
            ? (stepLength: number, trials: number) =>
                (record = {
                  dimension: n,
                  from: Float64Array.from(from ?? []),
                  gradient: Float64Array.from(usedGradient ?? []),
                  hessian: Float64Array.from(hessian),
                  shift,
                  minEigenvalue,
                  newtonStep: Float64Array.from(newtonStep),
                  learningRate,
                  stepLength,
                  trials,
                  to: Float64Array.from(point),
                })
            : null;

        if (!backtracking) {
          for (let i = 0; i < n; i++) point[i] += learningRate * newtonStep[i];
          recordStep?.(learningRate, 0);
          // past the divergence bound the runner ends the run; the point is not evaluated
          for (let i = 0; i < n; i++) if (!(Math.abs(point[i]) <= DIVERGENCE_BOUND)) return NaN;
          value = oracle.valueAndGradient(point, gradient);
          return value;
        }

        const trials: number[] = [];
        const trial = new Float64Array(n);
        let stepSize = learningRate;
        for (let attempt = 0; attempt < MAX_BACKTRACKS; attempt++, stepSize *= shrink) {
          for (let i = 0; i < n; i++) trial[i] = point[i] + stepSize * newtonStep[i];
          trials.push(...trial);
          // the first trial (usually accepted near the minimum) is evaluated with its gradient
          const trialValue = attempt === 0 ? oracle.valueAndGradient(trial, trialGradient) : oracle.value(trial);
          // NaN fails the test too, so α shrinks away from where f overflows
          if (!(trialValue <= value + armijo * stepSize * slope)) continue;
          point.set(trial);
          if (attempt === 0) {
            gradient.set(trialGradient);
            value = trialValue;
          } else {
            value = oracle.valueAndGradient(point, gradient);
          }
          break;
        }
        snapshot.trials = Float64Array.from(trials);
        if (recordStep !== null) {
          const trialCount = trials.length / n;
          // accepted: the point is the last trial; none accepted: it stayed
          const accepted = point.every((x, i) => x === trials[trials.length - n + i]) && trialCount > 0;
          recordStep(accepted ? stepSize : 0, trialCount);
        }
        return value;
      },
      stoppingTest() {
        if (!(toleranceGrad > 0)) return null;
        let largest = 0;
        for (let i = 0; i < n; i++) largest = Math.max(largest, Math.abs(gradient[i]));
        return largest <= toleranceGrad ? 'max |∂f/∂xᵢ| ≤ tolerance_grad' : null;
      },
      inspect: () => inspectNewton(record, startGradient),
      snapshot() {
        if (snapshot === null) return null;
        const { modelMinimizer, shift, trials, searchDirection } = snapshot;
        return { modelMinimizer, shift, searchDirection, ...(trials && { trials }) };
      },
    };
  },
};
