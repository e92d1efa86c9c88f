/**
 * Algebraic clean-up that keeps derivatives small and printable: constant folding, the 0 and 1
 * identities, signs pulled to the front, numeric coefficients collected at the left of a product
 * (2·u · 3·v → 6·u·v) and u·u → u^2.
 *
 * The smart constructors below (add, multiply, ...) apply these rules as a tree is built, and
 * differentiate builds with them. They assume their operands are already simplified, which
 * `simplify` guarantees by rebuilding bottom-up.
 *
 * Folding happens only where the printed result stays short ("tidy"), so 2*3 becomes 6 but 1/3
 * stays 1/3; since a folded value is exactly what float64 would compute at run time, folding does
 * not change any value. The identities 0·u = 0, u - u = 0 and 0/u = 0 are the usual symbolic ones:
 * they differ from IEEE only where u is NaN or infinite.
 */
import { equalExpr, type Comparison, type Expr, type FunctionName } from './ast';
import { applyFunction, applyOperator } from './evaluate';

/** Rebuilds `expr` with the smart constructors (shared subtrees are simplified once). */
export function simplify(expr: Expr): Expr {
  return simplifyShared(expr, new Map());
}

function simplifyShared(expr: Expr, done: Map<Expr, Expr>): Expr {
  const cached = done.get(expr);
  if (cached !== undefined) return cached;
  const again = (e: Expr): Expr => simplifyShared(e, done);
  let result: Expr;
  switch (expr.type) {
    case 'number':
    case 'variable':
    case 'constant':
      result = expr;
      break;
    case 'negate':
      result = negate(again(expr.operand));
      break;
    case 'binary':
      result = BINARY_BUILDERS[expr.operator](again(expr.left), again(expr.right));
      break;
    case 'call':
      result = call(expr.name, expr.args.map(again));
      break;
    case 'sign':
      result = sign(again(expr.operand));
      break;
    case 'select':
      result = select(expr.comparison, again(expr.left), again(expr.right), again(expr.whenTrue), again(expr.whenFalse));
      break;
  }
  done.set(expr, result);
  return result;
}

/** A number literal; -0 is written as 0. */
export function constant(value: number): Expr {
  return { type: 'number', value: value === 0 ? 0 : value };
}

const ZERO = constant(0);
const ONE = constant(1);

/** -u. */
export function negate(u: Expr): Expr {
  if (u.type === 'number') return constant(-u.value);
  if (u.type === 'negate') return u.operand;
  // -(a - b) = b - a exactly: IEEE subtraction is symmetric under sign.
  if (u.type === 'binary' && u.operator === '-') return raw('-', u.right, u.left);
  const { coefficient, rest } = splitCoefficient(u);
  if (coefficient !== 1 && rest !== null) return withCoefficient(-coefficient, rest);
  return { type: 'negate', operand: u };
}

/**
 * (u ± c1) ± c2 = u ± (c1 ± c2) when the sum is tidy: derivatives of powers write y - 1 - 1.
 * `sign` is +1 for a + b and -1 for a - b; null when the rule does not apply.
 */
function mergeTrailingNumbers(a: Expr, b: Expr, sign: 1 | -1): Expr | null {
  if (b.type !== 'number' || a.type !== 'binary' || (a.operator !== '+' && a.operator !== '-') || a.right.type !== 'number') {
    return null;
  }
  const total = (a.operator === '+' ? a.right.value : -a.right.value) + sign * b.value;
  if (!isTidy(total)) return null;
  return total < 0 ? subtract(a.left, constant(-total)) : add(a.left, constant(total));
}

/** a + b. */
export function add(a: Expr, b: Expr): Expr {
  if (a.type === 'number' && b.type === 'number') return fold('+', a.value, b.value);
  const merged = mergeTrailingNumbers(a, b, 1);
  if (merged !== null) return merged;
  if (isNumber(a, 0)) return b;
  if (isNumber(b, 0)) return a;
  if (b.type === 'negate') return subtract(a, b.operand);
  if (hasNegativeCoefficient(b)) return subtract(a, negate(b));
  if (a.type === 'negate') return subtract(b, a.operand);
  if (equalExpr(a, b)) return multiply(constant(2), a);
  return raw('+', a, b);
}

/** a - b. */
export function subtract(a: Expr, b: Expr): Expr {
  if (a.type === 'number' && b.type === 'number') return fold('-', a.value, b.value);
  const merged = mergeTrailingNumbers(a, b, -1);
  if (merged !== null) return merged;
  if (isNumber(b, 0)) return a;
  if (isNumber(a, 0)) return negate(b);
  if (b.type === 'negate') return add(a, b.operand);
  if (hasNegativeCoefficient(b)) return add(a, negate(b));
  if (equalExpr(a, b)) return ZERO;
  return raw('-', a, b);
}

/** a · b, with numeric coefficients gathered at the front. */
export function multiply(a: Expr, b: Expr): Expr {
  if (a.type === 'number' && b.type === 'number') return fold('*', a.value, b.value);
  if (isNumber(a, 0) || isNumber(b, 0)) return ZERO;
  if (isNumber(a, 1)) return b;
  if (isNumber(b, 1)) return a;
  const left = splitCoefficient(a);
  const right = splitCoefficient(b);
  let coefficient = left.coefficient * right.coefficient;
  if (left.coefficient !== 1 && right.coefficient !== 1 && !isTidy(coefficient)) {
    // 0.1 · 3x: the product 0.30000000000000004 would not print well; leave the factors apart.
    return b.type === 'number' ? raw('*', b, a) : raw('*', a, b);
  }
  if (coefficient === 0) coefficient = 0;
  const core =
    left.rest === null ? right.rest : right.rest === null ? left.rest : multiplyFactors(left.rest, right.rest);
  return core === null ? constant(coefficient) : withCoefficient(coefficient, core);
}

/** a · b for factors without a numeric coefficient: u·u = u^2, u^p·u^q = u^(p+q), also at the end of a chain. */
function multiplyFactors(a: Expr, b: Expr): Expr {
  const merged = mergePowers(a, b);
  if (merged !== null) return merged;
  if (a.type === 'binary' && a.operator === '*') {
    const mergedLast = mergePowers(a.right, b);
    if (mergedLast !== null) return raw('*', a.left, mergedLast);
  }
  return raw('*', a, b);
}

function mergePowers(a: Expr, b: Expr): Expr | null {
  const [baseA, exponentA] = asPower(a);
  const [baseB, exponentB] = asPower(b);
  if (exponentA === null || exponentB === null || !equalExpr(baseA, baseB)) return null;
  const exponent = exponentA + exponentB;
  return isTidy(exponent) ? power(baseA, constant(exponent)) : null;
}

/** u as base^p with a numeric p (u itself is u^1); p is null for other exponents. */
function asPower(u: Expr): [Expr, number | null] {
  if (u.type === 'binary' && u.operator === '^') return [u.left, u.right.type === 'number' ? u.right.value : null];
  return [u, 1];
}

/** a / b. */
export function divide(a: Expr, b: Expr): Expr {
  if (a.type === 'number' && b.type === 'number') return fold('/', a.value, b.value);
  if (isNumber(b, 1)) return a;
  if (isNumber(b, -1)) return negate(a);
  if (isNumber(a, 0)) return ZERO;
  if (a.type === 'negate') return negate(divide(a.operand, b));
  if (b.type === 'negate') return negate(divide(a, b.operand));
  if (hasNegativeCoefficient(a)) return negate(divide(negate(a), b));
  if (hasNegativeCoefficient(b)) return negate(divide(a, negate(b)));
  return raw('/', a, b);
}

/** a ^ b. */
export function power(a: Expr, b: Expr): Expr {
  if (a.type === 'number' && b.type === 'number') return fold('^', a.value, b.value);
  if (isNumber(b, 0)) return ONE;
  if (isNumber(b, 1)) return a;
  if (isNumber(a, 1)) return ONE;
  // (u^p)^q = u^(p·q) for integers p and q (for a fractional one it fails at u < 0).
  if (a.type === 'binary' && a.operator === '^' && isInteger(a.right) && isInteger(b)) {
    const exponent = (a.right as { value: number }).value * (b as { value: number }).value;
    if (isTidy(exponent)) return power(a.left, constant(exponent));
  }
  return raw('^', a, b);
}

function isInteger(u: Expr): boolean {
  return u.type === 'number' && Number.isInteger(u.value);
}

/** name(args), folded when every argument is a number and the value is tidy (exp(0) = 1). */
export function call(name: FunctionName, args: readonly Expr[]): Expr {
  if (args.every((argument) => argument.type === 'number')) {
    const value = applyFunction(
      name,
      args.map((argument) => (argument.type === 'number' ? argument.value : NaN)),
    );
    if (isTidy(value)) return constant(value);
  }
  const u = args[0];
  // |-u| = |u| and ||u|| = |u|.
  if (name === 'abs' && u.type === 'negate') return call('abs', [u.operand]);
  if (name === 'abs' && u.type === 'call' && u.name === 'abs') return u;
  return { type: 'call', name, args };
}

/** sign(u), the derivative of |u|. */
export function sign(u: Expr): Expr {
  if (u.type === 'number') return constant(Math.sign(u.value));
  if (u.type === 'negate') return negate(sign(u.operand));
  return { type: 'sign', operand: u };
}

/** (left comparison right) ? whenTrue : whenFalse. */
export function select(comparison: Comparison, left: Expr, right: Expr, whenTrue: Expr, whenFalse: Expr): Expr {
  if (equalExpr(whenTrue, whenFalse)) return whenTrue;
  if (left.type === 'number' && right.type === 'number') {
    const taken = comparison === '<=' ? left.value <= right.value : left.value >= right.value;
    return taken ? whenTrue : whenFalse;
  }
  return { type: 'select', comparison, left, right, whenTrue, whenFalse };
}

const BINARY_BUILDERS = { '+': add, '-': subtract, '*': multiply, '/': divide, '^': power } as const;

function raw(operator: '+' | '-' | '*' | '/' | '^', left: Expr, right: Expr): Expr {
  return { type: 'binary', operator, left, right };
}

function isNumber(u: Expr, value: number): boolean {
  return u.type === 'number' && u.value === value;
}

/** Short enough to print: 6, 0.25, 1e-7; not 0.30000000000000004 or 1/3. */
function isTidy(value: number): boolean {
  return Number.isFinite(value) && String(value).length <= 12;
}

function fold(operator: '+' | '-' | '*' | '/' | '^', left: number, right: number): Expr {
  const value = applyOperator(operator, left, right);
  return isTidy(value) ? constant(value) : raw(operator, constant(left), constant(right));
}

/**
 * u = coefficient · rest, reading the number off the left end of a product chain (and any sign):
 * 6·a·b gives 6 and a·b, -x gives -1 and x, 3 gives 3 and null.
 */
function splitCoefficient(u: Expr): { coefficient: number; rest: Expr | null } {
  if (u.type === 'number') return { coefficient: u.value, rest: null };
  if (u.type === 'negate') {
    const inner = splitCoefficient(u.operand);
    return { coefficient: -inner.coefficient, rest: inner.rest };
  }
  if (u.type === 'binary' && u.operator === '*') {
    const left = splitCoefficient(u.left);
    if (left.coefficient === 1) return { coefficient: 1, rest: u };
    return { coefficient: left.coefficient, rest: left.rest === null ? u.right : raw('*', left.rest, u.right) };
  }
  return { coefficient: 1, rest: u };
}

function hasNegativeCoefficient(u: Expr): boolean {
  if (u.type === 'number') return u.value < 0;
  return splitCoefficient(u).coefficient < 0;
}

/** coefficient · rest, the number placed at the left end of rest's product chain. */
function withCoefficient(coefficient: number, rest: Expr): Expr {
  if (coefficient === 0) return ZERO;
  if (coefficient === 1) return rest;
  if (coefficient === -1) return negate(rest);
  return prependCoefficient(coefficient, rest);
}

function prependCoefficient(coefficient: number, rest: Expr): Expr {
  if (rest.type === 'binary' && rest.operator === '*') return raw('*', prependCoefficient(coefficient, rest.left), rest.right);
  return raw('*', constant(coefficient), rest);
}
