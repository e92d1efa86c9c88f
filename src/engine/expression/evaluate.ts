import { CONSTANT_VALUES, type BinaryOperator, type Expr, type FunctionName } from './ast';
import { power } from '../power';

/**
 * f(x, y) by walking the tree: the slow, obvious definition of what every node means, used to fold
 * constants. compile.ts runs the same operations from a flat program. Never throws: log of a
 * negative is NaN, 1/0 is Infinity, as in IEEE arithmetic.
 */
export function evaluate(expr: Expr, x: number, y: number): number {
  switch (expr.type) {
    case 'number':
      return expr.value;
    case 'variable':
      return expr.name === 'x' ? x : y;
    case 'constant':
      return CONSTANT_VALUES[expr.name];
    case 'negate':
      return -evaluate(expr.operand, x, y);
    case 'binary':
      return applyOperator(expr.operator, evaluate(expr.left, x, y), evaluate(expr.right, x, y));
    case 'call':
      return applyFunction(
        expr.name,
        expr.args.map((argument) => evaluate(argument, x, y)),
      );
    case 'sign':
      return Math.sign(evaluate(expr.operand, x, y));
    case 'select': {
      const left = evaluate(expr.left, x, y);
      const right = evaluate(expr.right, x, y);
      const taken = expr.comparison === '<=' ? left <= right : left >= right;
      return evaluate(taken ? expr.whenTrue : expr.whenFalse, x, y);
    }
  }
}

/** left operator right in float64. */
export function applyOperator(operator: BinaryOperator, left: number, right: number): number {
  switch (operator) {
    case '+':
      return left + right;
    case '-':
      return left - right;
    case '*':
      return left * right;
    case '/':
      return left / right;
    case '^':
      return power(left, right);
  }
}

/** A function of the formula language applied to numbers. */
export function applyFunction(name: FunctionName, args: readonly number[]): number {
  const u = args[0];
  switch (name) {
    case 'sin':
      return Math.sin(u);
    case 'cos':
      return Math.cos(u);
    case 'tan':
      return Math.tan(u);
    case 'asin':
      return Math.asin(u);
    case 'acos':
      return Math.acos(u);
    case 'atan':
      return Math.atan(u);
    case 'sinh':
      return Math.sinh(u);
    case 'cosh':
      return Math.cosh(u);
    case 'tanh':
      return Math.tanh(u);
    case 'exp':
      return Math.exp(u);
    case 'log':
      return Math.log(u);
    case 'sqrt':
      return Math.sqrt(u);
    case 'abs':
      return Math.abs(u);
    case 'min':
      return Math.min(...args);
    case 'max':
      return Math.max(...args);
  }
}
