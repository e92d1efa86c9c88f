/**
 * Random test formulas: smooth, well-conditioned functions of x and y, drawn from a seed, for tests
 * that compare two engines on inputs nobody chose (the WebGPU kernels against the float64 engine).
 *
 * Each formula is a tilted quadratic bowl a(x − c₁)² + b(y − c₂)² + ρ(x − c₁)(y − c₂), whose
 * Hessian [[2a, ρ], [ρ, 2b]] has eigenvalues in [1.6·min(a, b), 2.4·max(a, b)] since |ρ| ≤ 0.4·min(a, b),
 * plus two to four smooth terms (sin, cos, exp, log, sqrt, tanh, atan, cosh, e^u, pi, whole and
 * fractional powers, a quotient) whose amplitudes are scaled so that the sum of their curvature
 * bounds over |x|, |y| ≤ 5 is at most CURVATURE_BUDGET. So f is strongly convex there with a condition
 * number below 10, and gradient methods contract towards one minimum.
 */
import { numberNode, type BinaryOperator, type Expr, type FunctionName, type VariableName } from './ast';
import { toText } from './print';
import { power } from '../power';
import { Random } from '../random';

/** A generated formula: the tree, its text (toText of the tree) and the centre of its bowl. */
export interface RandomFormula {
  readonly ast: Expr;
  readonly text: string;
  /** (c₁, c₂): the minimum of the bowl before the perturbations (the true minimum is near it). */
  readonly centre: readonly [number, number];
}

/** Most curvature (spectral norm of the Hessian) all perturbation terms together may add; the bowl's is ≥ 0.8. */
export const CURVATURE_BUDGET = 0.24;

/** |x|, |y| up to this bound the curvature bounds hold (starts should be drawn well inside it). */
export const BOUNDED_REGION = 5;

/** A smooth, well-conditioned formula in x and y drawn from `seed` (the same seed gives the same formula). */
export function randomFormula(seed: number): RandomFormula {
  const random = new Random(seed);
  const uniform = (low: number, high: number): number => low + (high - low) * random.nextFloat();
  const centre: [number, number] = [round(uniform(-1.5, 1.5), 2), round(uniform(-1.5, 1.5), 2)];
  const a = round(uniform(0.5, 2), 2);
  const b = round(uniform(0.5, 2), 2);
  const rho = round(uniform(-0.4, 0.4) * Math.min(a, b), 2);
  const dx = shifted('x', centre[0]);
  const dy = shifted('y', centre[1]);
  let sum = binary('+', binary('*', num(a), binary('^', dx, num(2))), binary('*', num(b), binary('^', dy, num(2))));
  if (rho !== 0) sum = binary(rho > 0 ? '+' : '-', sum, binary('*', binary('*', num(Math.abs(rho)), dx), dy));

  const numTerms = 2 + Math.floor(random.nextFloat() * 3);
  const pool = [...PERTURBATIONS];
  for (let n = 0; n < numTerms; n++) {
    const [perturbation] = pool.splice(Math.floor(random.nextFloat() * pool.length), 1);
    const term = perturbation({ uniform, budget: CURVATURE_BUDGET / numTerms });
    // the sign of a term does not change its curvature bound
    sum = binary(random.nextFloat() < 0.5 ? '+' : '-', sum, binary('*', num(term.amplitude), term.shape));
  }
  return { ast: sum, text: toText(sum), centre };
}

/** One perturbation: a shape and the largest amplitude that keeps its curvature within `budget`. */
type Perturbation = (draw: { uniform: (low: number, high: number) => number; budget: number }) => { amplitude: number; shape: Expr };

// Each shape's curvature bound over the bounded region is given with it; the amplitude is the budget
// over that bound, rounded down so rounding never exceeds it.
const PERTURBATIONS: readonly Perturbation[] = [
  // s·sin(kx + ly + φ): ‖H‖ ≤ s(k² + l²)
  ({ uniform, budget }) => {
    const [k, l, phase] = [round(uniform(-1.5, 1.5), 2), round(uniform(-1.5, 1.5), 2), round(uniform(0, 3), 2)];
    return { amplitude: amplitudeFor(budget, k * k + l * l), shape: call('sin', linear(k, l, phase)) };
  },
  // s·cos(kx − ly): ‖H‖ ≤ s(k² + l²)
  ({ uniform, budget }) => {
    const [k, l] = [round(uniform(0.1, 1.5), 2), round(uniform(0.1, 1.5), 2)];
    return { amplitude: amplitudeFor(budget, k * k + l * l), shape: call('cos', binary('-', scaled(k, variable('x')), scaled(l, variable('y')))) };
  },
  // s·exp(−((x − p)² + (y − q)²)/w): ‖H‖ ≤ 4/w
  ({ uniform, budget }) => {
    const [p, q, w] = [round(uniform(-2, 2), 2), round(uniform(-2, 2), 2), round(uniform(1, 4), 2)];
    const squaredDistance = binary('+', binary('^', shifted('x', p), num(2)), binary('^', shifted('y', q), num(2)));
    return { amplitude: amplitudeFor(budget, 4 / w), shape: call('exp', { type: 'negate', operand: binary('/', squaredDistance, num(w)) }) };
  },
  // s·log(1 + (x − p)²): second derivative in [−1/4, 2]
  ({ uniform, budget }) => ({ amplitude: amplitudeFor(budget, 2), shape: call('log', binary('+', num(1), binary('^', shifted('x', round(uniform(-2, 2), 2)), num(2)))) }),
  // s·sqrt(1 + (y − q)²): second derivative ≤ 1
  ({ uniform, budget }) => ({ amplitude: amplitudeFor(budget, 1), shape: call('sqrt', binary('+', num(1), binary('^', shifted('y', round(uniform(-2, 2), 2)), num(2)))) }),
  // s·tanh(k(x + y)): |tanh''| ≤ 0.77, along (1, 1): ‖H‖ ≤ 2k²
  ({ uniform, budget }) => {
    const k = round(uniform(0.2, 1.2), 2);
    return { amplitude: amplitudeFor(budget, 2 * k * k), shape: call('tanh', scaled(k, binary('+', variable('x'), variable('y')))) };
  },
  // s·atan(kx − y): |atan''| ≤ 0.65, ‖H‖ ≤ k² + 1
  ({ uniform, budget }) => {
    const k = round(uniform(0.2, 1.5), 2);
    return { amplitude: amplitudeFor(budget, k * k + 1), shape: call('atan', binary('-', scaled(k, variable('x')), variable('y'))) };
  },
  // s·(x − p)^4: 12(x − p)² ≤ 12·(5 + 2)²
  ({ uniform, budget }) => ({ amplitude: amplitudeFor(budget, 12 * 49), shape: binary('^', shifted('x', round(uniform(-2, 2), 2)), num(4)) }),
  // s·(1 + (x − p)² + (y − q)²)^0.75: ‖H‖ ≤ 1.5·(1 + r²)^(−1/4) ≤ 1.5
  ({ uniform, budget }) => {
    const squared = binary('+', binary('^', shifted('x', round(uniform(-2, 2), 2)), num(2)), binary('^', shifted('y', round(uniform(-2, 2), 2)), num(2)));
    return { amplitude: amplitudeFor(budget, 1.5), shape: binary('^', binary('+', num(1), squared), num(0.75)) };
  },
  // s/(1 + (x − p)² + (y − q)²): ‖H‖ ≤ 2
  ({ uniform, budget }) => {
    const squared = binary('+', binary('^', shifted('x', round(uniform(-2, 2), 2)), num(2)), binary('^', shifted('y', round(uniform(-2, 2), 2)), num(2)));
    return { amplitude: amplitudeFor(budget, 2), shape: binary('/', num(1), binary('+', num(1), squared)) };
  },
  // s·cosh(k(x − y)): ‖H‖ ≤ 2k²·cosh(10k) on the region
  ({ uniform, budget }) => {
    const k = round(uniform(0.1, 0.3), 2);
    return { amplitude: amplitudeFor(budget, 2 * k * k * Math.cosh(10 * k)), shape: call('cosh', scaled(k, binary('-', variable('x'), variable('y')))) };
  },
  // s·sin(pi·x/4)·cos(y): ‖H‖ ≤ (π/4)² + 2·π/4 + 1 < 3.2
  () => ({ amplitude: amplitudeFor(CURVATURE_BUDGET / 4, 3.2), shape: binary('*', call('sin', binary('/', binary('*', { type: 'constant', name: 'pi' }, variable('x')), num(4))), call('cos', variable('y'))) }),
  // s·e^(−x²/4): |second derivative| ≤ 1/2
  ({ budget }) => ({
    amplitude: amplitudeFor(budget, 0.5),
    shape: binary('^', { type: 'constant', name: 'e' }, { type: 'negate', operand: binary('/', binary('^', variable('x'), num(2)), num(4)) }),
  }),
];

/** The budget over a curvature bound, rounded down to four significant digits (at least 1e-4). */
function amplitudeFor(budget: number, curvatureBound: number): number {
  const amplitude = budget / curvatureBound;
  const scale = power(10, 3 - Math.floor(Math.log10(amplitude)));
  return Math.max(Math.floor(amplitude * scale) / scale, 1e-4);
}

function round(value: number, decimals: number): number {
  const scale = power(10, decimals);
  return Math.round(value * scale) / scale;
}

function num(value: number): Expr {
  return numberNode(value);
}

function variable(name: VariableName): Expr {
  return { type: 'variable', name };
}

function binary(operator: BinaryOperator, left: Expr, right: Expr): Expr {
  return { type: 'binary', operator, left, right };
}

function call(name: FunctionName, argument: Expr): Expr {
  return { type: 'call', name, args: [argument] };
}

/** v − c, written v + |c| for a negative c and v alone for 0. */
function shifted(name: VariableName, c: number): Expr {
  if (c === 0) return variable(name);
  return binary(c > 0 ? '-' : '+', variable(name), num(Math.abs(c)));
}

/** k·u, written −(|k|·u) for a negative k. */
function scaled(k: number, u: Expr): Expr {
  const product = binary('*', num(Math.abs(k)), u);
  return k < 0 ? { type: 'negate', operand: product } : product;
}

/** kx + ly + c with the signs written as operators: 0.5*x - 1.2*y + 2. */
function linear(k: number, l: number, c: number): Expr {
  let sum = scaled(k, variable('x'));
  if (l !== 0) sum = binary(l > 0 ? '+' : '-', sum, binary('*', num(Math.abs(l)), variable('y')));
  return c === 0 ? sum : binary('+', sum, num(c));
}
