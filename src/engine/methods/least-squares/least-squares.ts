import type { MethodDefinition, MethodSpec } from '../method';
import { HouseholderLeastSquares } from './householder';
import { LEAST_SQUARES_NEEDS, ResidualState } from './residuals';
import { inspectLeastSquares, type LeastSquaresStepRecord } from './least-squares-inspection';

/**
 * The closed-form least-squares solve, one step: x ← x + p with p the least-norm minimiser of
 * ‖J p + r‖, by Householder QR of the Jacobian. For linear regression r is affine in x, so from any
 * start the one step lands on the solution of the normal equations (numpy.linalg.lstsq's answer);
 * a lesson puts it beside gradient descent's many steps. On a nonlinear model (an MLP on MSE) it is
 * one Gauss-Newton step; gauss_newton and levenberg_marquardt iterate. The run ends after the step.
 *
 * Costs: r and J at the start and at the solution (one f and one ∇f each).
 */
export const leastSquaresSpec: MethodSpec = {
  id: 'least_squares',
  name: 'Least squares (one step)',
  family: 'least-squares',
  needs: LEAST_SQUARES_NEEDS,
  updateRule: String.raw`x_1 = x_0 + \arg\min_p \lVert J(x_0)\,p + r(x_0) \rVert^2 \quad (= (X^\top X)^{-1} X^\top y \text{ for linear regression, by QR})`,
  hyperSpecs: [],
  stochastic: false,
};

/** least_squares: its spec and its implementation (what runs in the workers and the CLI). */
export const leastSquares: MethodDefinition = {
  ...leastSquaresSpec,
  create(_hyper, { dimension, inspecting }) {
    let state: ResidualState | null = null;
    let solver: HouseholderLeastSquares | null = null;
    const step = new Float64Array(dimension);
    const negativeResiduals: number[] = [];
    let solved = false;
    // the step inspector's record of the step (inspected runs only)
    let record: LeastSquaresStepRecord | null = null;
    let snapshot: { modelMinimizer: Float64Array; searchDirection: Float64Array } | null = null;
    return {
      start(point, oracle) {
        state = new ResidualState(oracle, 'least_squares');
        solver = new HouseholderLeastSquares(state.residualCount, dimension);
        solved = false;
        snapshot = null;
        return state.evaluate(oracle, point);
      },
      step(point, oracle) {
        if (state === null || solver === null) throw new Error('least_squares: step before start');
        const at = inspecting === true ? { from: Float64Array.from(point), value: state.value, residuals: Float64Array.from(state.residuals), jacobian: Float64Array.from(state.jacobian), gradient: Float64Array.from(state.gradient) } : null;
        negativeResiduals.length = state.residualCount;
        for (let i = 0; i < state.residualCount; i++) negativeResiduals[i] = -state.residuals[i];
        solver.solve(state.jacobian, negativeResiduals, step);
        for (let i = 0; i < dimension; i++) point[i] += step[i];
        snapshot = { modelMinimizer: Float64Array.from(point), searchDirection: Float64Array.from(step) };
        solved = true;
        const valueAfter = state.evaluate(oracle, point);
        if (at !== null) record = { residualCount: state.residualCount, dimension, ...at, direction: Float64Array.from(step), to: Float64Array.from(point), valueAfter };
        return valueAfter;
      },
      inspect: () => inspectLeastSquares(record, state, null),
      stoppingTest: () => (solved ? 'solved: the least-squares solution of the linearised residuals, in one step' : null),
      snapshot: () => snapshot,
    };
  },
};
