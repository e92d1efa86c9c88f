import { describe } from '../checks';
import { fail, type Checked, type JsonObject } from '../check-values';
import { compileFormula } from '../expression';
import type { Domain } from '../objective';
import { domainQuarterPoint } from './domain';
import { LIMITS } from '../limits';
import type { ProblemKind, ProblemSpec } from './problem';

/** A loss typed as a formula in x and y, e.g. "(1-x)^2 + 100*(y-x^2)^2". */
export interface FormulaProblem extends ProblemSpec {
  readonly kind: 'formula';
  readonly expression: string;
}

/** Longest typed formula, in UTF-16 code units. */
export const MAX_EXPRESSION_LENGTH = LIMITS.formulaLength.value;

/** Plotting domain of a typed formula that does not give one. */
export const DEFAULT_FORMULA_DOMAIN: Domain = [
  [-3, 3],
  [-3, 3],
];

/** Typed formulas (engine/expression): parsed, differentiated symbolically and compiled, never executed as JavaScript. */
export const formulaProblem: ProblemKind<FormulaProblem> = {
  kind: 'formula',
  title: 'a typed formula',
  identifyingKey: { name: 'expression', phrase: 'an "expression"', hint: ' (a formula in x and y)' },
  keys: ['expression'],
  check: (value: JsonObject, path: string) => checkFormulaText(value.expression, path === '' ? 'expression' : `${path}.expression`),
  // the formula language has the variables x and y
  dimension: () => 2,
  defaultDomain: () => DEFAULT_FORMULA_DOMAIN,
  // nothing is known about a typed formula's landscape: a point away from the centre, where typed
  // minima tend to sit, so the path has somewhere to go
  suggestedStarts: (problem) => [domainQuarterPoint(problem.domain ?? DEFAULT_FORMULA_DOMAIN)],
  resolve(problem) {
    const compiled = compileFormula(problem.expression);
    if (!compiled.ok) throw new Error(`problem.expression: ${compiled.error.message}`);
    return { objective: compiled.objective, minima: [], expression: problem.expression };
  },
};

/** Validates a typed formula: it must compile (the compiler's message keeps its column); `path` names it in messages. */
export function checkFormulaText(expression: unknown, path: string): Checked<FormulaProblem> {
  if (typeof expression !== 'string') return fail(`${path} must be a formula string, got ${describe(expression)}`);
  if (expression.length > MAX_EXPRESSION_LENGTH) return fail(LIMITS.formulaLength.message(expression.length, path));
  const compiled = compileFormula(expression);
  if (!compiled.ok) return fail(`${path}: ${compiled.error.message}`);
  return { ok: true, value: { kind: 'formula', expression } };
}
