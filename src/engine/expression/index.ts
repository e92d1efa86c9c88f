/**
 * Typed formulas: "(1 - x)^2 + 100(y - x^2)^2" becomes an Objective with exact symbolic gradient
 * and Hessian. The text is parsed into a syntax tree and never run as JavaScript.
 */
import type { Objective } from '../objective';
import type { Expr } from './ast';
import { compileObjective } from './compile';
import { differentiate } from './derivative';
import { FormulaSyntaxError, type FormulaError } from './errors';
import { parseFormula } from './parser';

export type {
  BinaryNode,
  BinaryOperator,
  CallNode,
  Comparison,
  ConstantName,
  ConstantNode,
  Expr,
  FunctionName,
  NegateNode,
  NumberNode,
  SelectNode,
  SignNode,
  UnaryFunctionName,
  VariableName,
  VariableNode,
  VariadicFunctionName,
} from './ast';
export { CONSTANT_NAMES, FUNCTION_NAMES, equalExpr } from './ast';
export type { FormulaError } from './errors';
export { evaluate } from './evaluate';
export { parseFormula, type ParseResult } from './parser';
export { differentiate } from './derivative';
export { simplify } from './simplify';
export { toLatex, toText } from './print';
export { tokenize, type Token } from './tokenizer';

/** A compiled formula (its objective, syntax tree and symbolic derivatives), or why it is not one. */
export type FormulaResult =
  | {
      readonly ok: true;
      /** f with its exact gradient and Hessian; dimension 2, point = [x, y]. */
      readonly objective: Objective;
      /** The syntax tree as parsed. */
      readonly ast: Expr;
      /** The formula as typed. */
      readonly text: string;
      /** Simplified [∂f/∂x, ∂f/∂y], for display. */
      readonly gradient: readonly [Expr, Expr];
      /** Simplified [∂²f/∂x², ∂²f/∂x∂y, ∂²f/∂y²], for display. */
      readonly hessian: readonly [Expr, Expr, Expr];
    }
  | { readonly ok: false; readonly error: FormulaError };

/** Parses, differentiates and compiles a formula in x and y; errors are returned, never thrown. */
export function compileFormula(text: string): FormulaResult {
  try {
    const parsed = parseFormula(text);
    if (!parsed.ok) return parsed;
    const ast = parsed.ast;
    const gradient = [differentiate(ast, 'x'), differentiate(ast, 'y')] as const;
    const hessian = [differentiate(gradient[0], 'x'), differentiate(gradient[0], 'y'), differentiate(gradient[1], 'y')] as const;
    // f is compiled as typed, so its value is exactly the formula's even where simplification
    // would differ from IEEE (0*log(x) at x < 0 is NaN, not 0).
    const objective = compileObjective({ value: ast, gradient, hessian });
    return { ok: true, objective, ast, text, gradient, hessian };
  } catch (error) {
    // the compiler's instruction limit (LIMITS.formulaInstructions), the same everywhere
    if (error instanceof FormulaSyntaxError) return { ok: false, error: { ...error.error, length: text.length } };
    // Only a pathological formula gets here: recursion past the stack, or more instructions than
    // MAX_INSTRUCTIONS (a tower of powers whose Hessian explodes). Either way it is the caller's
    // input, so it is reported like a syntax error rather than thrown.
    // (Firefox reports runaway recursion as an InternalError rather than a RangeError.)
    const tooComplex = error instanceof RangeError || (error instanceof Error && error.name === 'InternalError');
    const message = tooComplex ? 'formula is too complex to differentiate' : `cannot compile formula: ${String(error)}`;
    return { ok: false, error: { message, column: 1, length: text.length } };
  }
}
