import { DIVERGENCE_BOUND } from '../../divergence';
import { choiceHyper, numberHyper } from '../first-order/hyper';
import type { MethodDefinition, MethodSpec } from '../method';
import { LEAST_SQUARES_TOLERANCES } from './gauss-newton';
import { HouseholderLeastSquares } from './householder';
import { LEAST_SQUARES_NEEDS, leastSquaresStop, norm, ResidualState } from './residuals';
import { inspectLeastSquares, type LeastSquaresStepRecord } from './least-squares-inspection';

/** The most damped trials in one step (λ grows by damping_increase each: 10^40 covers any scale). */
export const MAX_TRIALS = 40;

/**
 * Levenberg-Marquardt with Marquardt's multiplicative damping rule (Marquardt 1963; Numerical
 * Recipes §15.5): the step solves (JᵀJ + λ D²) p = −Jᵀr, D² = diag(JᵀJ) ("marquardt": invariant to
 * the parameters' scales) or I ("levenberg"), here as the least-squares problem ‖[J; √λ D] p + [r; 0]‖
 * by Householder QR, which never forms JᵀJ. A trial x + p that lowers f is accepted and λ ← λ /
 * damping_decrease (towards Gauss-Newton); one that does not is rejected and λ ← λ · damping_increase
 * (towards a short gradient step), and the step tries again from the same point. One step of the
 * run is one accepted move with the rejected trials before it; when none of MAX_TRIALS is
 * accepted, the point stays and the run ends. (Moré's trust-region form, MINPACK's lmder, behind
 * scipy's method='lm', reaches the same minima; the tests compare with it.)
 *
 * Costs per step: f at each trial, r and J (one f and one ∇f) at the accepted point.
 */
export const levenbergMarquardtSpec: MethodSpec = {
  id: 'levenberg_marquardt',
  name: 'Levenberg-Marquardt',
  family: 'least-squares',
  needs: LEAST_SQUARES_NEEDS,
  updateRule: String.raw`x_{t+1} = x_t - (J_t^\top J_t + \lambda_t D_t^2)^{-1} J_t^\top r_t,\quad \lambda \leftarrow \lambda / \text{decrease} \text{ if } f \text{ drops, else } \lambda \cdot \text{increase and retry}`,
  hyperSpecs: [
    { kind: 'number', name: 'damping', defaultValue: 1e-3, min: 0, max: 1e6, exclusiveMin: true, log: true, description: 'the initial damping λ₀' },
    { kind: 'number', name: 'damping_increase', defaultValue: 10, min: 1.01, max: 1000, log: true, description: 'λ ← λ · damping_increase after a rejected trial' },
    { kind: 'number', name: 'damping_decrease', defaultValue: 10, min: 1, max: 1000, log: true, description: 'λ ← λ / damping_decrease after an accepted one' },
    {
      kind: 'choice',
      name: 'scaling',
      defaultValue: 'marquardt',
      options: ['marquardt', 'levenberg'],
      description: "the damping's metric D²: diag(JᵀJ) (Marquardt's, scale invariant) or the identity (Levenberg's)",
    },
    ...LEAST_SQUARES_TOLERANCES,
  ],
  stochastic: false,
};

/** levenberg_marquardt: its spec and its implementation (what runs in the workers and the CLI). */
export const levenbergMarquardt: MethodDefinition = {
  ...levenbergMarquardtSpec,
  create(hyper, { dimension: n, inspecting }) {
    const initialDamping = numberHyper(hyper, 'damping');
    const increase = numberHyper(hyper, 'damping_increase');
    const decrease = numberHyper(hyper, 'damping_decrease');
    const marquardt = choiceHyper(hyper, 'scaling') === 'marquardt';
    const tolerances = { ftol: numberHyper(hyper, 'ftol'), xtol: numberHyper(hyper, 'xtol'), gtol: numberHyper(hyper, 'gtol') };
    let state: ResidualState | null = null;
    let solver: HouseholderLeastSquares | null = null;
    // [J; √λ D] and [−r; 0], (m + n) × n and m + n
    let augmented = new Float64Array(0);
    let rightHandSide = new Float64Array(0);
    const direction = new Float64Array(n);
    const trial = new Float64Array(n);
    const scale = new Float64Array(n);
    let damping = initialDamping;
    let stop: string | null = null;
    // the step inspector's record of the latest step (inspected runs only)
    let record: LeastSquaresStepRecord | null = null;
    let snapshot: { shift: number; searchDirection: Float64Array; trials: Float64Array } | null = null;

    return {
      start(point, oracle) {
        state = new ResidualState(oracle, 'levenberg_marquardt');
        const m = state.residualCount;
        solver = new HouseholderLeastSquares(m + n, n);
        augmented = new Float64Array((m + n) * n);
        rightHandSide = new Float64Array(m + n);
        damping = initialDamping;
        stop = null;
        snapshot = null;
        return state.evaluate(oracle, point);
      },
      step(point, oracle) {
        if (state === null || solver === null) throw new Error('levenberg_marquardt: step before start');
        const m = state.residualCount;
        const before = state.value;
        const at = inspecting === true ? { from: Float64Array.from(point), residuals: Float64Array.from(state.residuals), jacobian: Float64Array.from(state.jacobian), gradient: Float64Array.from(state.gradient) } : null;
        augmented.set(state.jacobian);
        for (let i = 0; i < m; i++) rightHandSide[i] = -state.residuals[i];
        // D²: the squared column norms of J, diag(JᵀJ), or 1
        for (let j = 0; j < n; j++) {
          let sum = 0;
          if (marquardt) for (let i = 0; i < m; i++) sum += state.jacobian[i * n + j] ** 2;
          scale[j] = marquardt ? sum : 1;
        }
        const trials: number[] = [];
        let accepted = false;
        let stepLength = 0;
        let usedDamping = damping;
        let rejected = 0;
        for (let attempt = 0; attempt < MAX_TRIALS && !accepted; attempt++) {
          usedDamping = damping;
          // rows m … m + n − 1: √λ D (the right-hand side's zeros stay zero)
          augmented.fill(0, m * n);
          const root = Math.sqrt(damping);
          for (let j = 0; j < n; j++) augmented[(m + j) * n + j] = root * Math.sqrt(scale[j]);
          solver.solve(augmented, rightHandSide, direction);
          for (let j = 0; j < n; j++) trial[j] = point[j] + direction[j];
          trials.push(...trial);
          const finite = trial.every((x) => Math.abs(x) <= DIVERGENCE_BOUND);
          const trialValue = finite ? oracle.value(trial) : NaN;
          // NaN is rejected too, so λ grows away from where f overflows
          accepted = trialValue < before;
          if (accepted) {
            point.set(trial);
            stepLength = norm(direction);
            damping /= decrease;
          } else {
            damping *= increase;
            rejected++;
          }
        }
        snapshot = { shift: usedDamping, searchDirection: Float64Array.from(direction), trials: Float64Array.from(trials) };
        const recordStep = (valueAfter: number) => {
          if (at === null) return;
          const dampingRecord = { used: usedDamping, next: damping, rejected: accepted ? rejected : rejected - 1, accepted, scale: Float64Array.from(scale), marquardt, increase, decrease };
          record = { residualCount: m, dimension: n, ...at, value: before, direction: Float64Array.from(direction), to: Float64Array.from(point), valueAfter, damping: dampingRecord };
        };
        if (!accepted) {
          stop = `no decrease in ${MAX_TRIALS} damped trials`;
          recordStep(before);
          return before;
        }
        state.evaluate(oracle, point);
        recordStep(state.value);
        stop = leastSquaresStop(tolerances, before, state.value, stepLength, norm(point), state.largestGradient());
        return state.value;
      },
      stoppingTest: () => stop,
      inspect: () => inspectLeastSquares(record, state, damping),
      snapshot: () => snapshot,
    };
  },
};
