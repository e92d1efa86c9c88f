/**
 * Exact symbolic differentiation of a formula with respect to x or y. The rules are the textbook
 * ones, built with simplify's smart constructors so the result stays small; where a rule needs
 * f itself (exp, tan, tanh, sqrt, powers) it reuses f's node so the compiler computes it once.
 */
import { dependsOnVariables, type Expr, type VariableName } from './ast';
import { add, call, constant, divide, multiply, negate, power, select, sign, simplify, subtract } from './simplify';

const ZERO = constant(0);
const ONE = constant(1);
const TWO = constant(2);

/** ∂expr/∂variable, simplified. Kinks take one side: abs' = sign (0 at 0), min/max follow the argument they pick. */
export function differentiate(expr: Expr, variable: VariableName): Expr {
  return derive(simplify(expr), variable, new Map());
}

function derive(expr: Expr, variable: VariableName, done: Map<Expr, Expr>): Expr {
  const cached = done.get(expr);
  if (cached !== undefined) return cached;
  const result = deriveNode(expr, variable, (e) => derive(e, variable, done));
  done.set(expr, result);
  return result;
}

function deriveNode(expr: Expr, variable: VariableName, d: (e: Expr) => Expr): Expr {
  switch (expr.type) {
    case 'number':
    case 'constant':
    case 'sign': // piecewise constant: 0 away from the kink
      return ZERO;
    case 'variable':
      return expr.name === variable ? ONE : ZERO;
    case 'negate':
      return negate(d(expr.operand));
    case 'select':
      return select(expr.comparison, expr.left, expr.right, d(expr.whenTrue), d(expr.whenFalse));
    case 'binary':
      return deriveBinary(expr, d);
    case 'call':
      return deriveCall(expr, d);
  }
}

function deriveBinary(expr: Expr & { type: 'binary' }, d: (e: Expr) => Expr): Expr {
  const u = expr.left;
  const v = expr.right;
  switch (expr.operator) {
    case '+':
      return add(d(u), d(v));
    case '-':
      return subtract(d(u), d(v));
    case '*':
      return add(multiply(d(u), v), multiply(u, d(v)));
    case '/':
      // (u/v)' = u'/v - u·v'/v^2
      return subtract(divide(d(u), v), divide(multiply(u, d(v)), power(v, TWO)));
    case '^': {
      // (u^v)' = v·u^(v-1)·u' + u^v·ln(u)·v'; each term vanishes when its factor is constant,
      // which leaves the power rule for x^c and c^x·ln(c) for c^x (just e^x for c = e).
      const baseTerm = dependsOnVariables(u) ? multiply(multiply(v, power(u, subtract(v, ONE))), d(u)) : ZERO;
      if (!dependsOnVariables(v)) return baseTerm;
      const logBase = u.type === 'constant' && u.name === 'e' ? ONE : call('log', [u]);
      return add(baseTerm, multiply(multiply(expr, logBase), d(v)));
    }
  }
}

function deriveCall(expr: Expr & { type: 'call' }, d: (e: Expr) => Expr): Expr {
  const u = expr.args[0];
  if (expr.name === 'min' || expr.name === 'max') {
    // min(a, b, c) = min(a, min(b, c)): take a's derivative where a is the smallest, ties to a.
    const rest = expr.args.length > 2 ? call(expr.name, expr.args.slice(1)) : expr.args[1];
    return select(expr.name === 'min' ? '<=' : '>=', u, rest, d(u), d(rest));
  }
  const du = d(u);
  if (du.type === 'number' && du.value === 0) return ZERO;
  switch (expr.name) {
    case 'sin':
      return multiply(call('cos', [u]), du);
    case 'cos':
      return negate(multiply(call('sin', [u]), du));
    case 'tan':
      return multiply(add(ONE, power(expr, TWO)), du); // sec^2 = 1 + tan^2
    case 'asin':
      return divide(du, call('sqrt', [subtract(ONE, power(u, TWO))]));
    case 'acos':
      return negate(divide(du, call('sqrt', [subtract(ONE, power(u, TWO))])));
    case 'atan':
      return divide(du, add(ONE, power(u, TWO)));
    case 'sinh':
      return multiply(call('cosh', [u]), du);
    case 'cosh':
      return multiply(call('sinh', [u]), du);
    case 'tanh':
      return multiply(subtract(ONE, power(expr, TWO)), du); // sech^2 = 1 - tanh^2
    case 'exp':
      return multiply(expr, du);
    case 'log':
      return divide(du, u);
    case 'sqrt':
      return divide(du, multiply(TWO, expr));
    case 'abs':
      return multiply(sign(u), du);
  }
}
