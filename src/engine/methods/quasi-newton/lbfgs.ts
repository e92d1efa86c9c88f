import { learningRateAt } from '../../schedules';
import { choiceHyper, learningRateSpec, numberHyper } from '../first-order/hyper';
import type { MethodDefinition, MethodSpec } from '../method';
import { inspectLbfgs, type LbfgsStepRecord } from './quasi-newton-inspection';
import { dot, strongWolfe } from './torch-strong-wolfe';

/** torch's threshold on yᵀs below which a curvature pair is not stored. */
const CURVATURE_THRESHOLD = 1e-10;

/** max_eval when the hyperparameter is 0: torch's default, max_iter·5/4 rounded down. */
export function defaultMaxEval(maxIter: number): number {
  return Math.floor((maxIter * 5) / 4);
}

/** Why the latest step's inner loop stopped on one of torch's change tolerances, in words. */
type ChangeExit = 'directional derivative ∇fᵀd > −tolerance_change' | 'max |t·d| ≤ tolerance_change' | '|Δf| < tolerance_change';

/**
 * L-BFGS as torch.optim.LBFGS (torch 1.13), iterate for iterate: one playground step is one
 * optimizer.step(closure), up to max_iter inner iterations, each closure call one evaluation of f
 * and ∇f. Two-loop recursion over the last history_size pairs (s, y) with initial scaling
 * yᵀs / yᵀy; step lr (the very first min(1, 1/‖g‖₁)·lr), or torch's strong-Wolfe line search.
 *
 * Stops where torch's step(closure) would return at once (max |∂f/∂xᵢ| ≤ tolerance_grad), or
 * where a step ended on a tolerance_change exit without moving x at all.
 *
 * Counts: torch's closure calls, one by one: step(closure) begins by evaluating the current point
 * even when the previous step just did (the start's evaluation serves the first step). One
 * addition: a step without line search that ran all max_iter iterations ends at a point torch has
 * not evaluated yet; it is evaluated then (f is recorded for every point) and that evaluation is
 * the next step's first closure call, not made twice.
 */
export const lbfgsSpec: MethodSpec = {
  id: 'lbfgs',
  name: 'L-BFGS',
  family: 'quasi-newton',
  needs: { value: true, gradient: true, hessian: false },
  updateRule: String.raw`x_{k+1} = x_k - t\,H_k \nabla f(x_k),\quad H_k \text{ from the last } m \text{ pairs } (s_i, y_i) \text{ by the two-loop recursion}`,
  hyperSpecs: [
    learningRateSpec(1),
    { kind: 'number', name: 'max_iter', defaultValue: 20, min: 1, max: 1000, integer: true, description: 'most inner iterations per step(closure)' },
    {
      kind: 'number',
      name: 'max_eval',
      defaultValue: 0,
      min: 0,
      max: 10000,
      integer: true,
      description: 'most closure calls per step; 0: max_iter·5/4 rounded down, torch\u2019s default',
    },
    { kind: 'number', name: 'tolerance_grad', defaultValue: 1e-7, min: 0, max: 1, log: true, description: 'stop when max |∂f/∂xᵢ| ≤ tolerance_grad' },
    { kind: 'number', name: 'tolerance_change', defaultValue: 1e-9, min: 0, max: 1, log: true, description: 'stop when f or x changes by less than this' },
    { kind: 'number', name: 'history_size', defaultValue: 100, min: 1, max: 1000, integer: true, description: 'curvature pairs (s, y) kept, m' },
    {
      kind: 'choice',
      name: 'line_search_fn',
      defaultValue: 'none',
      options: ['none', 'strong_wolfe'],
      description: 'none: fixed step lr; strong_wolfe: torch\u2019s cubic-interpolation line search (c1 = 1e-4, c2 = 0.9)',
    },
  ],
};

/** lbfgs: its spec and its implementation (what runs in the workers and the CLI). */
export const lbfgs: MethodDefinition = {
  ...lbfgsSpec,
  create(hyper, { dimension, schedule, inspecting }) {
    const baseLearningRate = numberHyper(hyper, 'lr');
    const maxIter = numberHyper(hyper, 'max_iter');
    const maxEvalSetting = numberHyper(hyper, 'max_eval');
    const maxEval = maxEvalSetting > 0 ? maxEvalSetting : defaultMaxEval(maxIter);
    const toleranceGrad = numberHyper(hyper, 'tolerance_grad');
    const toleranceChange = numberHyper(hyper, 'tolerance_change');
    const historySize = numberHyper(hyper, 'history_size');
    const strongWolfeSearch = choiceHyper(hyper, 'line_search_fn') === 'strong_wolfe';
    const n = dimension;

    // torch's optimizer state, kept across step(closure) calls
    let direction = new Float64Array(n);
    let stepSize = 0;
    const oldDirs: Float64Array[] = []; // y_i = g_{i+1} − g_i
    const oldSteps: Float64Array[] = []; // s_i = t·d
    const rho: number[] = []; // 1 / y_iᵀs_i
    const alpha = new Float64Array(historySize);
    let hessianDiagonal = 1;
    let previousGradient: Float64Array | null = null;
    let totalIterations = 0;

    // f and ∇f at the current point, and whether they are a closure call the next step may use
    let loss = NaN;
    let flatGradient = new Float64Array(n);
    let pendingEvaluation = false;
    let changeExit: ChangeExit | null = null;
    let moved = true;
    let trials: number[] = [];
    // the step inspector's record of the latest step (inspected runs only)
    let record: LbfgsStepRecord | null = null;
    let iterationRecord: Omit<LbfgsStepRecord, 'from' | 'gradient' | 'learningRate' | 'innerIterations'> | null = null;

    return {
      start(point, oracle) {
        loss = oracle.valueAndGradient(point, flatGradient);
        pendingEvaluation = true;
        return loss;
      },
      step(point, oracle, step) {
        const learningRate = schedule === undefined ? baseLearningRate : learningRateAt(schedule, baseLearningRate, step);
        trials = [];
        changeExit = null;
        const before = Float64Array.from(point);
        // orig_loss = closure()
        if (!pendingEvaluation) loss = oracle.valueAndGradient(point, flatGradient);
        pendingEvaluation = false;
        let currentEvaluations = 1;
        if (maxAbs(flatGradient) <= toleranceGrad) return loss;
        iterationRecord = null;
        const stepStart = inspecting === true ? { from: Float64Array.from(point), gradient: Float64Array.from(flatGradient) } : null;
        let pairAdded: LbfgsStepRecord['pairAdded'] = null;

        let evaluatedHere = true;
        let iteration = 0;
        while (iteration < maxIter) {
          iteration++;
          totalIterations++;

          // the descent direction
          if (totalIterations === 1) {
            direction = Float64Array.from(flatGradient, (g) => -g);
            oldDirs.length = 0;
            oldSteps.length = 0;
            rho.length = 0;
            hessianDiagonal = 1;
          } else {
            const prior = previousGradient ?? flatGradient;
            const y = Float64Array.from(flatGradient, (g, i) => g - prior[i]);
            const s = Float64Array.from(direction, (d) => d * stepSize);
            const ys = dot(y, s);
            if (inspecting === true) pairAdded = { s, y, curvature: ys, kept: ys > CURVATURE_THRESHOLD };
            if (ys > CURVATURE_THRESHOLD) {
              if (oldDirs.length === historySize) {
                // limited memory: drop the oldest pair
                oldDirs.shift();
                oldSteps.shift();
                rho.shift();
              }
              oldDirs.push(y);
              oldSteps.push(s);
              rho.push(1 / ys);
              // initial inverse Hessian γI, γ = yᵀs / yᵀy
              hessianDiagonal = ys / dot(y, y);
            }
            // two-loop recursion: d = −H∇f
            const count = oldDirs.length;
            const q = Float64Array.from(flatGradient, (g) => -g);
            for (let i = count - 1; i >= 0; i--) {
              alpha[i] = dot(oldSteps[i], q) * rho[i];
              addScaled(q, oldDirs[i], -alpha[i]);
            }
            const r = Float64Array.from(q, (value) => value * hessianDiagonal);
            for (let i = 0; i < count; i++) {
              const beta = dot(oldDirs[i], r) * rho[i];
              addScaled(r, oldSteps[i], alpha[i] - beta);
            }
            direction = r;
          }
          previousGradient = Float64Array.from(flatGradient);
          const previousLoss = loss;

          // the step length: torch's first ever is min(1, 1/‖g‖₁)·lr
          const inverseGradientSum = 1 / sumAbs(flatGradient);
          // Python's min(1., v): 1 unless v < 1
          stepSize = totalIterations === 1 ? (inverseGradientSum < 1 ? inverseGradientSum : 1) * learningRate : learningRate;
          const directionalDerivative = dot(flatGradient, direction);
          if (directionalDerivative > -toleranceChange) {
            changeExit = 'directional derivative ∇fᵀd > −tolerance_change';
            break;
          }

          let lineSearchEvaluations = 0;
          let gradientIsCurrent = true;
          const iterationFrom = inspecting === true ? Float64Array.from(point) : null;
          const trialsBefore = trials.length;
          if (strongWolfeSearch) {
            const start = Float64Array.from(point);
            const searchDirection = direction;
            const result = strongWolfe(
              (t, gradient) => {
                const trial = Float64Array.from(start, (x, i) => x + t * searchDirection[i]);
                trials.push(...trial);
                return oracle.valueAndGradient(trial, gradient);
              },
              stepSize,
              direction,
              loss,
              flatGradient,
              directionalDerivative,
              toleranceChange,
            );
            loss = result.value;
            flatGradient = Float64Array.from(result.gradient);
            stepSize = result.t;
            lineSearchEvaluations = result.evaluations;
            addScaled(point, direction, stepSize);
          } else {
            addScaled(point, direction, stepSize);
            if (iteration !== maxIter) {
              // torch re-evaluates except after the last iteration (in a stochastic setting that
              // evaluation would be wasted)
              trials.push(...point);
              loss = oracle.valueAndGradient(point, flatGradient);
              lineSearchEvaluations = 1;
            } else {
              gradientIsCurrent = false;
            }
          }
          evaluatedHere = gradientIsCurrent;
          if (iterationFrom !== null) {
            iterationRecord = {
              lastFrom: iterationFrom,
              direction: Float64Array.from(direction),
              stepLength: stepSize,
              lastTo: Float64Array.from(point),
              pairsUsed: oldDirs.length,
              pairAdded,
              hessianDiagonal,
              strongWolfe: strongWolfeSearch,
              trials: (trials.length - trialsBefore) / n,
            };
            pairAdded = null;
          }
          currentEvaluations += lineSearchEvaluations;

          // torch's checks, in its order
          if (iteration === maxIter) break;
          if (currentEvaluations >= maxEval) break;
          if (maxAbs(flatGradient) <= toleranceGrad) break;
          if (maxAbsScaled(direction, stepSize) <= toleranceChange) {
            changeExit = 'max |t·d| ≤ tolerance_change';
            break;
          }
          if (Math.abs(loss - previousLoss) < toleranceChange) {
            changeExit = '|Δf| < tolerance_change';
            break;
          }
        }

        moved = point.some((x, i) => x !== before[i]);
        if (stepStart !== null && iterationRecord !== null) record = { ...stepStart, learningRate, innerIterations: iteration, ...iterationRecord };
        if (!evaluatedHere) {
          // f at the new point, which torch's next step(closure) evaluates first
          loss = oracle.valueAndGradient(point, flatGradient);
          pendingEvaluation = true;
        }
        return loss;
      },
      stoppingTest() {
        // torch's step(closure) returns at once here
        if (maxAbs(flatGradient) <= toleranceGrad) return 'max |∂f/∂xᵢ| ≤ tolerance_grad';
        // a change tolerance ends one step(closure) only; the next step starts afresh and usually
        // moves on, so it ends the run only where the step did not move at all: the next one would
        // find no new curvature pair, the same direction and the same exit
        return moved || changeExit === null ? null : `${changeExit} (x did not move)`;
      },
      inspect: () => inspectLbfgs(record, { steps: oldSteps, gradientChanges: oldDirs }, flatGradient, n),
      snapshot() {
        if (trials.length === 0) return null;
        return { trials: Float64Array.from(trials), searchDirection: Float64Array.from(direction) };
      },
    };
  },
};

/** v ← v + scale·w (torch's add_ with alpha). */
function addScaled(v: Float64Array, w: ArrayLike<number>, scale: number): void {
  for (let i = 0; i < v.length; i++) v[i] += scale * w[i];
}

/** max |vᵢ|, NaN when any is NaN (torch's v.abs().max()). */
function maxAbs(v: ArrayLike<number>): number {
  let largest = 0;
  for (let i = 0; i < v.length; i++) largest = Math.max(largest, Math.abs(v[i]));
  return largest;
}

/** max |scale·vᵢ|. */
function maxAbsScaled(v: ArrayLike<number>, scale: number): number {
  let largest = 0;
  for (let i = 0; i < v.length; i++) largest = Math.max(largest, Math.abs(v[i] * scale));
  return largest;
}

/** Σ |vᵢ|. */
function sumAbs(v: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum += Math.abs(v[i]);
  return sum;
}
