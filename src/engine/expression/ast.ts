/**
 * The formula syntax tree: a discriminated union on `type`. The parser produces number, variable,
 * constant, negate, binary and call nodes; `differentiate` may add the internal sign and select
 * nodes (abs' and the branch of min/max), which the formula language itself cannot spell.
 */

/** The two coordinates a typed formula may use. */
export type VariableName = 'x' | 'y';

/** Named constants: pi and Euler's number e. */
export type ConstantName = 'pi' | 'e';

/** Functions of one argument. `log` is the natural logarithm. */
export type UnaryFunctionName =
  | 'sin'
  | 'cos'
  | 'tan'
  | 'asin'
  | 'acos'
  | 'atan'
  | 'sinh'
  | 'cosh'
  | 'tanh'
  | 'exp'
  | 'log'
  | 'sqrt'
  | 'abs';

/** Functions of two or more arguments. */
export type VariadicFunctionName = 'min' | 'max';

/** Every function the formula language knows. */
export type FunctionName = UnaryFunctionName | VariadicFunctionName;

/** Infix operators; `^` is exponentiation (also typed as `**`). */
export type BinaryOperator = '+' | '-' | '*' | '/' | '^';

/** How a select node compares its two operands. */
export type Comparison = '<=' | '>=';

/** A numeric literal (the parser only makes non-negative ones; simplify may fold in a sign). */
export interface NumberNode {
  readonly type: 'number';
  readonly value: number;
}

/** The coordinate x or y. */
export interface VariableNode {
  readonly type: 'variable';
  readonly name: VariableName;
}

/** pi or e, kept symbolic so printers can show them by name. */
export interface ConstantNode {
  readonly type: 'constant';
  readonly name: ConstantName;
}

/** Unary minus: -operand. */
export interface NegateNode {
  readonly type: 'negate';
  readonly operand: Expr;
}

/** left operator right. */
export interface BinaryNode {
  readonly type: 'binary';
  readonly operator: BinaryOperator;
  readonly left: Expr;
  readonly right: Expr;
}

/** A function application such as sin(x) or min(x, y, 1). */
export interface CallNode {
  readonly type: 'call';
  readonly name: FunctionName;
  readonly args: readonly Expr[];
}

/** Internal: sign(operand) in {-1, 0, 1}, the derivative of abs. */
export interface SignNode {
  readonly type: 'sign';
  readonly operand: Expr;
}

/** Internal: (left comparison right) ? whenTrue : whenFalse, the branch min/max take. */
export interface SelectNode {
  readonly type: 'select';
  readonly comparison: Comparison;
  readonly left: Expr;
  readonly right: Expr;
  readonly whenTrue: Expr;
  readonly whenFalse: Expr;
}

/** A formula expression. */
export type Expr = NumberNode | VariableNode | ConstantNode | NegateNode | BinaryNode | CallNode | SignNode | SelectNode;

/** Number of arguments each function takes: exactly 1, or at least 2 for min and max. */
export const FUNCTION_ARITY: Readonly<Record<FunctionName, { readonly min: number; readonly max: number }>> = {
  sin: { min: 1, max: 1 },
  cos: { min: 1, max: 1 },
  tan: { min: 1, max: 1 },
  asin: { min: 1, max: 1 },
  acos: { min: 1, max: 1 },
  atan: { min: 1, max: 1 },
  sinh: { min: 1, max: 1 },
  cosh: { min: 1, max: 1 },
  tanh: { min: 1, max: 1 },
  exp: { min: 1, max: 1 },
  log: { min: 1, max: 1 },
  sqrt: { min: 1, max: 1 },
  abs: { min: 1, max: 1 },
  min: { min: 2, max: Infinity },
  max: { min: 2, max: Infinity },
};

/** The function names, in the order the docs list them. */
export const FUNCTION_NAMES = Object.keys(FUNCTION_ARITY) as readonly FunctionName[];

/** Values of the named constants. */
export const CONSTANT_VALUES: Readonly<Record<ConstantName, number>> = { pi: Math.PI, e: Math.E };

/** The constant names. */
export const CONSTANT_NAMES = Object.keys(CONSTANT_VALUES) as readonly ConstantName[];

/** The variable names. */
export const VARIABLE_NAMES: readonly VariableName[] = ['x', 'y'];

/** True when `name` is a function of the formula language. */
export function isFunctionName(name: string): name is FunctionName {
  return Object.prototype.hasOwnProperty.call(FUNCTION_ARITY, name);
}

/** True when `name` is pi or e. */
export function isConstantName(name: string): name is ConstantName {
  return name === 'pi' || name === 'e';
}

/** True when `name` is x or y. */
export function isVariableName(name: string): name is VariableName {
  return name === 'x' || name === 'y';
}

/** A number literal node. */
export function numberNode(value: number): NumberNode {
  return { type: 'number', value };
}

/** Structural equality of two expressions (same tree, same literals). */
export function equalExpr(a: Expr, b: Expr): boolean {
  if (a === b) return true;
  switch (a.type) {
    case 'number':
      return b.type === 'number' && Object.is(a.value, b.value);
    case 'variable':
    case 'constant':
      return b.type === a.type && b.name === a.name;
    case 'negate':
    case 'sign':
      return b.type === a.type && equalExpr(a.operand, b.operand);
    case 'binary':
      return b.type === 'binary' && b.operator === a.operator && equalExpr(a.left, b.left) && equalExpr(a.right, b.right);
    case 'call':
      return (
        b.type === 'call' &&
        b.name === a.name &&
        b.args.length === a.args.length &&
        a.args.every((argument, i) => equalExpr(argument, b.args[i]))
      );
    case 'select':
      return (
        b.type === 'select' &&
        b.comparison === a.comparison &&
        equalExpr(a.left, b.left) &&
        equalExpr(a.right, b.right) &&
        equalExpr(a.whenTrue, b.whenTrue) &&
        equalExpr(a.whenFalse, b.whenFalse)
      );
  }
}

const variableDependence = new WeakMap<Expr, boolean>();

/** True when the expression depends on x or y (otherwise it is a constant). Cached per node. */
export function dependsOnVariables(expr: Expr): boolean {
  const cached = variableDependence.get(expr);
  if (cached !== undefined) return cached;
  let result: boolean;
  switch (expr.type) {
    case 'number':
    case 'constant':
      result = false;
      break;
    case 'variable':
      result = true;
      break;
    case 'negate':
    case 'sign':
      result = dependsOnVariables(expr.operand);
      break;
    case 'binary':
      result = dependsOnVariables(expr.left) || dependsOnVariables(expr.right);
      break;
    case 'call':
      result = expr.args.some(dependsOnVariables);
      break;
    case 'select':
      result = [expr.left, expr.right, expr.whenTrue, expr.whenFalse].some(dependsOnVariables);
      break;
  }
  variableDependence.set(expr, result);
  return result;
}
