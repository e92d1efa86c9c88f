import type { MethodDefinition, MethodSpec } from '../method';
import { HouseholderLeastSquares } from './householder';
import { LEAST_SQUARES_NEEDS, ResidualState } from './residuals';

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
  create(_hyper, { dimension }) {
    let state: ResidualState | null = null;
    let solver: HouseholderLeastSquares | null = null;
    const step = new Float64Array(dimension);
    const negativeResiduals: number[] = [];
    let solved = false;
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
        negativeResiduals.length = state.residualCount;
        for (let i = 0; i < state.residualCount; i++) negativeResiduals[i] = -state.residuals[i];
        solver.solve(state.jacobian, negativeResiduals, step);
        for (let i = 0; i < dimension; i++) point[i] += step[i];
        snapshot = { modelMinimizer: Float64Array.from(point), searchDirection: Float64Array.from(step) };
        solved = true;
        return state.evaluate(oracle, point);
      },
      stoppingTest: () => (solved ? 'solved: the least-squares solution of the linearised residuals, in one step' : null),
      snapshot: () => snapshot,
    };
  },
};
