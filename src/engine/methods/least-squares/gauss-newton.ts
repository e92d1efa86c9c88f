import { ARMIJO_SPECS } from '../second-order/armijo-specs';
import { DIVERGENCE_BOUND } from '../../divergence';
import { choiceHyper, learningRateSpec, numberHyper } from '../first-order/hyper';
import type { HyperSpec } from '../hyperparameters';
import type { MethodDefinition, MethodSpec } from '../method';
import { HouseholderLeastSquares } from './householder';
import { LEAST_SQUARES_NEEDS, leastSquaresStop, norm, ResidualState } from './residuals';
import { inspectLeastSquares, type LeastSquaresStepRecord } from './least-squares-inspection';

/** The most step sizes backtracking tries in one step, as newton's. */
export const MAX_BACKTRACKS = 40;

/** scipy.optimize.least_squares's tolerances (its defaults, 1e-8; 0 turns one off). */
export const LEAST_SQUARES_TOLERANCES: readonly HyperSpec[] = [
  { kind: 'number', name: 'ftol', defaultValue: 1e-8, min: 0, max: 1, description: 'stop when a step changes f by at most ftol · f' },
  { kind: 'number', name: 'xtol', defaultValue: 1e-8, min: 0, max: 1, description: 'stop when a step is at most xtol · (xtol + ‖x‖) long' },
  { kind: 'number', name: 'gtol', defaultValue: 1e-8, min: 0, max: 1, description: 'stop when max |∂f/∂xᵢ| ≤ gtol' },
];

/**
 * Gauss-Newton for f = Σ rᵢ² (Nocedal & Wright, Numerical Optimization, 2nd ed., §10.3): the step p
 * minimises the linearised ‖J p + r‖, i.e. solves JᵀJ p = −Jᵀr (Newton with the Hessian 2JᵀJ, its
 * residual-curvature term dropped), here by Householder QR of J (least-norm p when J is rank
 * deficient). x ← x + α p with α = lr, or with line_search "backtracking" the first of lr, ρ·lr, …
 * that satisfies Armijo's f(x + αp) ≤ f(x) + cα∇fᵀp (∇f = 2Jᵀr), as newton's damped variant.
 *
 * Costs per step: r and J (one f and one ∇f) at the new point; with backtracking, r and J at the
 * first trial, f alone at each further one, and r and J again at an accepted later trial. When no
 * trial is accepted within MAX_BACKTRACKS, the point stays.
 */
export const gaussNewtonSpec: MethodSpec = {
  id: 'gauss_newton',
  name: 'Gauss-Newton',
  family: 'least-squares',
  needs: LEAST_SQUARES_NEEDS,
  updateRule: String.raw`x_{t+1} = x_t + \alpha\,p_t,\quad p_t = \arg\min_p \lVert J_t p + r_t \rVert^2 = -(J_t^\top J_t)^{-1} J_t^\top r_t`,
  hyperSpecs: [
    learningRateSpec(1),
    {
      kind: 'choice',
      name: 'line_search',
      defaultValue: 'none',
      options: ['none', 'backtracking'],
      description: 'none: step α = lr; backtracking: shrink α from lr until Armijo holds (damped Gauss-Newton)',
    },
    ...ARMIJO_SPECS,
    ...LEAST_SQUARES_TOLERANCES,
  ],
  stochastic: false,
};

/** gauss_newton: its spec and its implementation (what runs in the workers and the CLI). */
export const gaussNewton: MethodDefinition = {
  ...gaussNewtonSpec,
  create(hyper, { dimension: n, inspecting }) {
    const learningRate = numberHyper(hyper, 'lr');
    const backtracking = choiceHyper(hyper, 'line_search') === 'backtracking';
    const armijo = numberHyper(hyper, 'c');
    const shrink = numberHyper(hyper, 'shrink');
    const tolerances = { ftol: numberHyper(hyper, 'ftol'), xtol: numberHyper(hyper, 'xtol'), gtol: numberHyper(hyper, 'gtol') };
    let state: ResidualState | null = null;
    let solver: HouseholderLeastSquares | null = null;
    let negativeResiduals = new Float64Array(0);
    const direction = new Float64Array(n);
    const trial = new Float64Array(n);
    let stop: string | null = null;
    // the step inspector's record of the latest step (inspected runs only)
    let record: LeastSquaresStepRecord | null = null;
    let snapshot: { modelMinimizer: Float64Array; searchDirection: Float64Array; trials?: Float64Array } | null = null;

    return {
      start(point, oracle) {
        state = new ResidualState(oracle, 'gauss_newton');
        solver = new HouseholderLeastSquares(state.residualCount, n);
        negativeResiduals = new Float64Array(state.residualCount);
        stop = null;
        snapshot = null;
        return state.evaluate(oracle, point);
      },
      step(point, oracle) {
        if (state === null || solver === null) throw new Error('gauss_newton: step before start');
        const before = state.value;
        const at = inspecting === true ? { from: Float64Array.from(point), residuals: Float64Array.from(state.residuals), jacobian: Float64Array.from(state.jacobian), gradient: Float64Array.from(state.gradient) } : null;
        for (let i = 0; i < state.residualCount; i++) negativeResiduals[i] = -state.residuals[i];
        solver.solve(state.jacobian, negativeResiduals, direction);
        let slope = 0;
        for (let j = 0; j < n; j++) slope += state.gradient[j] * direction[j];
        snapshot = { modelMinimizer: Float64Array.from(point, (x, j) => x + direction[j]), searchDirection: Float64Array.from(direction) };

        let stepSize = learningRate;
        // the α taken (the loop's update shrinks stepSize once more after the accepted trial)
        let takenStep = backtracking ? 0 : learningRate;
        if (!backtracking) {
          for (let j = 0; j < n; j++) point[j] += stepSize * direction[j];
          for (let j = 0; j < n; j++) if (!(Math.abs(point[j]) <= DIVERGENCE_BOUND)) return NaN;
          state.evaluate(oracle, point);
        } else {
          const trials: number[] = [];
          let accepted = false;
          for (let attempt = 0; attempt < MAX_BACKTRACKS && !accepted; attempt++, stepSize *= shrink) {
            for (let j = 0; j < n; j++) trial[j] = point[j] + stepSize * direction[j];
            trials.push(...trial);
            // the first trial, usually accepted, is evaluated with its Jacobian; a rejected one leaves
            // the state at the trial, so the current point is evaluated again below
            const trialValue = attempt === 0 ? state.evaluate(oracle, trial) : oracle.value(trial);
            // NaN fails the test too, so α shrinks away from where f overflows
            accepted = trialValue <= before + armijo * stepSize * slope;
            if (accepted) {
              takenStep = stepSize;
              point.set(trial);
              if (attempt > 0) state.evaluate(oracle, point);
            }
          }
          if (!accepted) {
            stepSize = 0;
            state.evaluate(oracle, point);
          }
          snapshot.trials = Float64Array.from(trials);
        }
        stop = leastSquaresStop(tolerances, before, state.value, Math.abs(stepSize) * norm(direction), norm(point), state.largestGradient());
        if (at !== null) {
          const trials = backtracking ? (snapshot.trials?.length ?? 0) / n : 0;
          record = { residualCount: state.residualCount, dimension: n, ...at, value: before, direction: Float64Array.from(direction), to: Float64Array.from(point), valueAfter: state.value, line: { stepLength: takenStep, learningRate, trials } };
        }
        return state.value;
      },
      stoppingTest: () => stop,
      inspect: () => inspectLeastSquares(record, state, null),
      snapshot() {
        if (snapshot === null) return null;
        const { modelMinimizer, searchDirection, trials } = snapshot;
        return { modelMinimizer, searchDirection, ...(trials && { trials }) };
      },
    };
  },
};
