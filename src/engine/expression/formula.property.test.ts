import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { FUNCTION_ARITY, FUNCTION_NAMES, equalExpr, type BinaryOperator, type Expr, type FunctionName } from './ast';
import { differentiate } from './derivative';
import { evaluate } from './evaluate';
import { parseFormula } from './parser';
import { toLatex, toText } from './print';
import { MAX_EXPRESSION_LENGTH } from '../problems/formula-problem';
import { SURFACES } from '../problems/surfaces';
import { PROPERTY_TIMEOUT_MS, hostileText, reportSlowestCase, longText, mutated, nested, numberText, propertyParameters, withinBudget } from '../hostile-input.test-helper';
import golden from './expressions.golden.json';

// Property-based tests of the formula language (issue 12): whatever text a link or a user types,
// the parser gives a tree or one error with its position, never an exception or a hang; every tree
// it gives prints back to text that parses to the same tree, as LaTeX without throwing, and
// differentiates. Oracles: the parser itself (print then parse must be the identity on its trees)
// and the tree walker (a printed derivative must take the same values as the tree it came from).

/** Valid formulas to mutate: PyTorch's golden cases and every built-in surface's formula. */
const CORPUS: readonly string[] = [...golden.cases.map((testCase) => testCase.formula), ...SURFACES.map((surface) => surface.create().expression), 'x', '2x^2 + 3(y - 1)(y + 1)', 'min(x, y, 1) - max(abs(x), -y)'];

/** The pieces formulas are made of, for mutations. */
const TOKENS: readonly string[] = [...FUNCTION_NAMES, 'x', 'y', 'pi', 'e', '(', ')', ',', '+', '-', '*', '/', '^', '**', ' ', '2', '.5', '1e3', '1e', '2e'];

/** Characters the tokenizer treats specially, so random text hits them often. */
const SPECIALS: readonly string[] = ['x', 'y', '(', ')', ',', '+', '-', '*', '/', '^', '.', 'e', 'E', '0', '9', ' ', '\t', '\u00a0', '\u2028'];

/** Sample points for comparing values: ordinary, at kinks and singularities, and far out. */
const POINTS: readonly (readonly [number, number])[] = [
  [0.3, -0.7],
  [-1.25, 2.5],
  [0, 0],
  [1, 1],
  [-0, 3],
  [1e-300, -1e300],
];

/** Any text a person or a link might hand the parser. */
const anyFormulaText: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: hostileText(SPECIALS), weight: 30 },
  { arbitrary: mutated(CORPUS, TOKENS, SPECIALS), weight: 40 },
  { arbitrary: numberText, weight: 8 },
  { arbitrary: fc.constantFrom(...CORPUS), weight: 5 },
  { arbitrary: fc.oneof(nested('(', ')', 'x'), nested('sqrt(', ')', 'x'), nested('-', '', 'x'), nested('x^', '', 'x'), nested('x/', '', 'x'), nested('x+', '', 'x'), nested('min(x,', ')', 'y')), weight: 4 },
  { arbitrary: longText(fc.constantFrom('x+', '9', '(', 'sin(', 'x*y-', ' ', '\u00e9')), weight: 1 },
);

/** A syntax tree of the parser's own shape (no negative number nodes, no sign or select), up to `depth` deep. */
const parserTree: fc.Arbitrary<Expr> = fc.letrec<{ expr: Expr }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.oneof(
      fc.nat({ max: 20 }).map((value): Expr => ({ type: 'number', value })),
      fc.double({ min: 0, noNaN: true, noDefaultInfinity: true }).map((value): Expr => ({ type: 'number', value: value + 0 })),
      fc.constantFrom<Expr>({ type: 'variable', name: 'x' }, { type: 'variable', name: 'y' }, { type: 'constant', name: 'pi' }, { type: 'constant', name: 'e' }),
    ),
    tie('expr').map((operand): Expr => ({ type: 'negate', operand })),
    fc
      .record({ operator: fc.constantFrom<BinaryOperator>('+', '-', '*', '/', '^'), left: tie('expr'), right: tie('expr') })
      .map(({ operator, left, right }): Expr => ({ type: 'binary', operator, left, right })),
    fc
      .record({ name: fc.constantFrom<FunctionName>(...FUNCTION_NAMES), args: fc.array(tie('expr'), { minLength: 1, maxLength: 3 }) })
      .filter(({ name, args }) => args.length >= FUNCTION_ARITY[name].min && args.length <= FUNCTION_ARITY[name].max)
      .map(({ name, args }): Expr => ({ type: 'call', name, args })),
  ),
})).expr;

/** Same number, NaN equal to NaN, and -0 apart from 0. */
function sameValue(a: number, b: number): boolean {
  return Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b));
}

/** Text that parses, printed and parsed again, must be the same tree; its LaTeX and derivatives must not throw. */
function checkParsedTree(tree: Expr, text: string): void {
  const printed = toText(tree);
  const reparsed = parseFormula(printed);
  if (!reparsed.ok) throw new Error(`printed ${JSON.stringify(printed)} of ${JSON.stringify(text)} does not parse: ${reparsed.error.message}`);
  expect(equalExpr(reparsed.ast, tree), `${JSON.stringify(text)} printed as ${JSON.stringify(printed)}`).toBe(true);
  expect(typeof toLatex(tree)).toBe('string');
}

/**
 * Nodes of a tree written out in full: a derivative shares subtrees (the quotient rule reuses its
 * operands), and its text repeats each share, so x/x/.../x with 441 x's, 881 characters, has a
 * derivative of 200 KB as text.
 */
function writtenSize(expr: Expr, sizes = new Map<Expr, number>()): number {
  const known = sizes.get(expr);
  if (known !== undefined) return known;
  let size = 1;
  switch (expr.type) {
    case 'negate':
    case 'sign':
      size += writtenSize(expr.operand, sizes);
      break;
    case 'binary':
      size += writtenSize(expr.left, sizes) + writtenSize(expr.right, sizes);
      break;
    case 'call':
      for (const argument of expr.args) size += writtenSize(argument, sizes);
      break;
    case 'select':
      for (const part of [expr.left, expr.right, expr.whenTrue, expr.whenFalse]) size += writtenSize(part, sizes);
      break;
    default:
      break;
  }
  sizes.set(expr, size);
  return size;
}

/** Derivatives written out beyond this many nodes are differentiated but not printed here (see writtenSize). */
const MAX_PRINTED_DERIVATIVE = 5_000;

/** Derivatives whose printing was skipped for size, for the fuzz figures. */
let largeDerivatives = 0;

/** Both derivatives within the budget; each one's text (when it holds no reading-only node) must take its tree's values. */
function checkDerivative(tree: Expr, text: string): void {
  for (const variable of ['x', 'y'] as const) {
    const derivative = withinBudget(() => differentiate(tree, variable), () => `differentiating ${JSON.stringify(text.slice(0, 80))}`);
    if (writtenSize(derivative) > MAX_PRINTED_DERIVATIVE) {
      largeDerivatives++;
      continue;
    }
    const printed = withinBudget(() => {
      expect(typeof toLatex(derivative)).toBe('string');
      return toText(derivative);
    });
    if (printed.includes('sign(') || printed.includes('?')) continue; // sign and select print for reading only
    const reparsed = parseFormula(printed);
    // a derivative may be longer or deeper than a formula anyone may type (limits.ts): not user input
    if (!reparsed.ok && /is over the limit of/.test(reparsed.error.message)) {
      largeDerivatives++;
      continue;
    }
    if (!reparsed.ok) throw new Error(`∂/∂${variable} printed as ${JSON.stringify(printed.slice(0, 200))} does not parse: ${reparsed.error.message}`);
    for (const [x, y] of POINTS) {
      const expected = evaluate(derivative, x, y);
      const actual = evaluate(reparsed.ast, x, y);
      expect(sameValue(actual, expected), `∂/∂${variable} = ${printed} at (${x}, ${y}): ${actual} vs ${expected}`).toBe(true);
    }
  }
}

describe('the formula language under generated input', () => {
  afterAll(() => reportSlowestCase(`formula (${largeDerivatives} derivatives too large to print)`));

  it('parses any text to a tree or to one error with its position, within the time budget', () => {
    fc.assert(
      fc.property(anyFormulaText, (text) => {
        const parsed = withinBudget(() => parseFormula(text), () => `parsing ${text.length} characters`);
        if (!parsed.ok) {
          const { message, column, length } = parsed.error;
          expect(message.length).toBeGreaterThan(0);
          // a message quotes at most a token, never the whole text (a 150 KB formula gives a short message)
          expect(message.length).toBeLessThan(300);
          expect(Number.isInteger(column) && column >= 1 && column <= text.length + 1).toBe(true);
          expect(Number.isInteger(length) && length >= 0 && column - 1 + length <= text.length).toBe(true);
          return;
        }
        withinBudget(() => checkParsedTree(parsed.ast, text), () => `printing a tree from ${text.length} characters`);
        if (text.length <= MAX_EXPRESSION_LENGTH) checkDerivative(parsed.ast, text);
      }),
      propertyParameters(0x12f0_0001),
    );
  }, PROPERTY_TIMEOUT_MS);

  it('prints every tree of the parser to text that parses back to the same tree, with the same values', () => {
    fc.assert(
      fc.property(parserTree, (generated) => {
        // a generated tree need not be the parser's (min with one argument is filtered out; a - (-0)
        // cannot be typed), so it is first put through the printer and the parser once
        const first = parseFormula(toText(generated));
        if (!first.ok) throw new Error(`${JSON.stringify(toText(generated))} does not parse: ${first.error.message}`);
        for (const [x, y] of POINTS) {
          expect(sameValue(evaluate(first.ast, x, y), evaluate(generated, x, y)), `${toText(generated)} at (${x}, ${y})`).toBe(true);
        }
        withinBudget(() => checkParsedTree(first.ast, toText(generated)));
        checkDerivative(first.ast, toText(generated));
      }),
      propertyParameters(0x12f0_0002),
    );
  }, PROPERTY_TIMEOUT_MS);
});
