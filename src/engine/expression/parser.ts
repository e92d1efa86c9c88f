/**
 * Recursive-descent parser for typed formulas. The grammar, loosest binding first:
 *
 *   formula := sum
 *   sum     := product (('+' | '-') product)*                 left-associative
 *   product := signed (('*' | '/') signed | implicit power)*    left-associative
 *   signed  := ('-' | '+') signed | power                       -x^2 is -(x^2)
 *   power   := primary (('^' | '**') signed)?                   right-associative: x^y^z = x^(y^z); 2^-1
 *   primary := number | x | y | pi | e | name '(' sum (',' sum)* ')' | '(' sum ')'
 *
 * Implicit multiplication, only where it cannot be misread: a number directly followed by a
 * variable, constant, function or '(' ("2x", "2pi", "3sin(x)", "3(x+1)", "2x^2" = 2·x²), and
 * ")(" ("(x+1)(x-1)"). Whitespace is ignored, so "2 x" is 2x as well. Not accepted: "xy" (one
 * unknown name), "x(y)" (x is not a function), "2^3x" and "x^2(y)" (2^(3x) or 2^3·x?), "1/2x"
 * and "1/(2)(x)" ((1/2)x or 1/(2x)?) - for these the error asks for '*' or parentheses - and
 * "2e", which is a malformed number: write "2*e" or "2 e".
 *
 * The result is a syntax tree; nothing is ever evaluated as JavaScript text.
 */
import {
  CONSTANT_NAMES,
  FUNCTION_ARITY,
  FUNCTION_NAMES,
  VARIABLE_NAMES,
  isConstantName,
  isFunctionName,
  isVariableName,
  type BinaryOperator,
  type Expr,
} from './ast';
import { FormulaSyntaxError, quoted, type FormulaError } from './errors';
import { closestName } from '../suggest';
import { TokenStream, type Token } from './tokenizer';
import { LIMITS } from '../limits';

/** A parsed formula, or the first error in it. */
export type ParseResult = { readonly ok: true; readonly ast: Expr } | { readonly ok: false; readonly error: FormulaError };

/**
 * Deepest nesting of parentheses, calls and signs we parse, and deepest syntax tree we accept
 * (x+x+…+x nests as deep as it has terms). Every later pass (derivatives, simplification, the
 * compiler, the printers) recurses along the tree, and its derivatives are a few times deeper, so
 * this bound, not the stack of whichever thread runs them, decides what is accepted: the page's
 * worker, the main thread and the CLI give the same verdict (limits.test.ts runs the deepest
 * accepted formulas on a stack a fifth of Node's default).
 */
export const MAX_NESTING = LIMITS.formulaDepth.value;
/** Most nodes (numbers, names, operations) in a formula's syntax tree. */
export const MAX_NODES = LIMITS.formulaNodes.value;

/** Parses a formula in x and y; returns the first error instead of throwing. */
export function parseFormula(text: string): ParseResult {
  if (text.length > LIMITS.formulaLength.value) {
    const limit = LIMITS.formulaLength.value;
    return { ok: false, error: { message: LIMITS.formulaLength.over(text.length), column: limit + 1, length: text.length - limit } };
  }
  try {
    const ast = new Parser(text).parseFormula();
    const { depth, nodes } = treeSize(ast);
    if (depth > MAX_NESTING) return { ok: false, error: { message: LIMITS.formulaDepth.over(depth), column: 1, length: text.length } };
    if (nodes > MAX_NODES) return { ok: false, error: { message: LIMITS.formulaNodes.over(nodes), column: 1, length: text.length } };
    return { ok: true, ast };
  } catch (error) {
    if (error instanceof FormulaSyntaxError) return { ok: false, error: error.error };
    throw error;
  }
}

class Parser {
  /** The tokens read so far: scanning goes no further than parsing (an error ends both). */
  private readonly tokens: Token[] = [];
  private readonly stream: TokenStream;
  private position = 0;
  private depth = 0;

  constructor(text: string) {
    this.stream = new TokenStream(text);
  }

  parseFormula(): Expr {
    if (this.peek().kind === 'end') throw new FormulaSyntaxError('empty formula', 1, 0);
    const expr = this.sum();
    const token = this.peek();
    if (token.kind !== 'end') throw this.unexpected(token);
    return expr;
  }

  private sum(): Expr {
    let left = this.product();
    for (;;) {
      const token = this.peek();
      if (token.kind !== 'operator' || (token.operator !== '+' && token.operator !== '-')) return left;
      this.advance();
      left = binary(token.operator, left, this.product());
    }
  }

  private product(): Expr {
    let left = this.signed();
    // "1/2x": (1/2)x or 1/(2x)? Readers disagree, so an implicit product right after a divisor is refused.
    let afterDivisor = false;
    for (;;) {
      const token = this.peek();
      if (token.kind === 'operator' && (token.operator === '*' || token.operator === '/')) {
        this.advance();
        left = binary(token.operator, left, this.signed());
        afterDivisor = token.operator === '/';
      } else if (this.implicitMultiplicationAhead()) {
        if (afterDivisor) throw this.ambiguousProduct("after '/'");
        left = binary('*', left, this.power());
      } else {
        return left;
      }
    }
  }

  private ambiguousProduct(where: string): FormulaSyntaxError {
    const next = this.peek();
    return new FormulaSyntaxError(
      `implicit multiplication ${where} is ambiguous at column ${next.column}: write '*' or parentheses`,
      next.column,
      next.text.length,
    );
  }

  /**
   * After a factor, "2x" / "2(" (the factor ended with a bare number) and ")(" multiply. A number
   * or ')' that ended an exponent never gets here: power() rejects "2^3x" as ambiguous.
   */
  private implicitMultiplicationAhead(): boolean {
    const previous = this.tokens[this.position - 1];
    const next = this.peek();
    if (previous.kind === 'number') return next.kind === 'identifier' || next.kind === '(';
    if (previous.kind === ')') return next.kind === '(';
    return false;
  }

  private signed(): Expr {
    const token = this.peek();
    if (token.kind === 'operator' && (token.operator === '-' || token.operator === '+')) {
      this.advance();
      this.enter(token);
      const operand = this.signed();
      this.depth--;
      return token.operator === '-' ? { type: 'negate', operand } : operand;
    }
    return this.power();
  }

  private power(): Expr {
    const base = this.primary();
    const token = this.peek();
    if (token.kind !== 'operator' || token.operator !== '^') return base;
    this.advance();
    this.enter(token);
    const exponent = this.signed();
    this.depth--;
    const last = this.tokens[this.position - 1];
    const next = this.peek();
    const wouldMultiply =
      (last.kind === 'number' && (next.kind === 'identifier' || next.kind === '(')) || (last.kind === ')' && next.kind === '(');
    if (wouldMultiply) throw this.ambiguousProduct('after an exponent');
    return binary('^', base, exponent);
  }

  private primary(): Expr {
    const token = this.peek();
    switch (token.kind) {
      case 'number':
        this.advance();
        return { type: 'number', value: token.value };
      case 'identifier':
        this.advance();
        return this.identifier(token);
      case '(': {
        this.advance();
        this.enter(token);
        const inner = this.sum();
        this.expectClosing(token);
        this.depth--;
        return inner;
      }
      case 'end':
        throw this.unexpectedEnd();
      default:
        throw this.unexpected(token);
    }
  }

  private identifier(token: Token & { kind: 'identifier' }): Expr {
    const name = token.name;
    const column = token.column;
    const callFollows = this.peek().kind === '(';
    if (isVariableName(name) || isConstantName(name)) {
      if (callFollows) {
        const what = isVariableName(name) ? 'a variable' : 'a constant';
        throw new FormulaSyntaxError(
          `'${name}' at column ${column} is ${what}, not a function: write ${name}*(...) to multiply`,
          column,
          name.length,
        );
      }
      return isVariableName(name) ? { type: 'variable', name } : { type: 'constant', name };
    }
    if (isFunctionName(name)) {
      if (!callFollows) {
        throw new FormulaSyntaxError(`function '${name}' at column ${column} needs parentheses: ${name}(...)`, column, name.length);
      }
      return this.call(token, name);
    }
    if (callFollows) {
      const suggestion = closestName(name, FUNCTION_NAMES);
      const hint = suggestion === undefined ? '' : ` (did you mean '${suggestion}'?)`;
      throw new FormulaSyntaxError(`unknown function ${quoted(name)} at column ${column}${hint}`, column, name.length);
    }
    throw new FormulaSyntaxError(`unknown variable ${quoted(name)} at column ${column} (${unknownVariableHint(name)})`, column, name.length);
  }

  private call(nameToken: Token & { kind: 'identifier' }, name: keyof typeof FUNCTION_ARITY): Expr {
    const open = this.advance();
    this.enter(open);
    const args: Expr[] = [];
    if (this.peek().kind !== ')') {
      args.push(this.sum());
      while (this.peek().kind === ',') {
        this.advance();
        args.push(this.sum());
      }
    }
    const close = this.expectClosing(open);
    this.depth--;
    const arity = FUNCTION_ARITY[name];
    if (args.length < arity.min || args.length > arity.max) {
      const expected =
        arity.min === arity.max ? `${arity.min} argument${arity.min === 1 ? '' : 's'}` : `at least ${arity.min} arguments`;
      throw new FormulaSyntaxError(
        `${name} takes ${expected}, got ${args.length} at column ${nameToken.column}`,
        nameToken.column,
        close.column + 1 - nameToken.column,
      );
    }
    return { type: 'call', name, args };
  }

  /** Consumes the ')' that closes `open`, or reports why it is not there. */
  private expectClosing(open: Token): Token {
    const token = this.peek();
    if (token.kind === ')') return this.advance();
    if (token.kind === 'end') {
      throw new FormulaSyntaxError(`missing ')' to close '(' at column ${open.column}`, open.column, 1);
    }
    throw this.unexpected(token);
  }

  /** The error for a token where it cannot stand. */
  private unexpected(token: Token): FormulaSyntaxError {
    if (token.kind === 'end') return this.unexpectedEnd();
    if (token.kind === 'number' || token.kind === 'identifier' || token.kind === '(') {
      // An operand right after a complete operand: "x y", "2 3", "x (y)".
      return new FormulaSyntaxError(`missing operator before ${quoted(token.text)} at column ${token.column}`, token.column, token.text.length);
    }
    return new FormulaSyntaxError(`unexpected ${quoted(token.text)} at column ${token.column}`, token.column, token.text.length);
  }

  private unexpectedEnd(): FormulaSyntaxError {
    const last = this.tokens[this.position - 1];
    return new FormulaSyntaxError(`unexpected end of formula after ${quoted(last.text)}`, last.column, last.text.length);
  }

  private enter(token: Token): void {
    if (++this.depth > MAX_NESTING) {
      throw new FormulaSyntaxError(`${LIMITS.formulaDepth.over(this.depth)} at column ${token.column}`, token.column, token.text.length);
    }
  }


  private peek(): Token {
    while (this.tokens.length <= this.position) this.tokens.push(this.stream.next());
    return this.tokens[this.position];
  }

  private advance(): Token {
    const token = this.peek();
    this.position++;
    return token;
  }
}

/** The depth (a leaf is 1) and node count of a syntax tree, walked without recursion so no tree can overflow the stack here. */
export function treeSize(root: Expr): { depth: number; nodes: number } {
  let depth = 0;
  let nodes = 0;
  const pending: [Expr, number][] = [[root, 1]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [expr, level] = next;
    nodes++;
    if (level > depth) depth = level;
    for (const child of children(expr)) pending.push([child, level + 1]);
  }
  return { depth, nodes };
}

function children(expr: Expr): readonly Expr[] {
  switch (expr.type) {
    case 'binary':
      return [expr.left, expr.right];
    case 'negate':
    case 'sign':
      return [expr.operand];
    case 'call':
      return expr.args;
    case 'select':
      return [expr.left, expr.right, expr.whenTrue, expr.whenFalse];
    default:
      return [];
  }
}

function binary(operator: BinaryOperator, left: Expr, right: Expr): Expr {
  return { type: 'binary', operator, left, right };
}

/** What to say about a name that is not x, y, pi or e: a likely fix, else the variables there are. */
function unknownVariableHint(name: string): string {
  // "xy" is one name: the product has to be written out.
  if (/^[xy]+$/.test(name)) return `use x and y; write ${name.length > 20 ? 'x*y' : name.split('').join('*')} to multiply`;
  // "sinx": a function name glued to its argument.
  const glued = FUNCTION_NAMES.find((fn) => name.startsWith(fn) && /^[xy]$/.test(name.slice(fn.length)));
  if (glued !== undefined) return `write ${glued}(${name.slice(glued.length)}) to apply ${glued}`;
  const suggestion = closestName(name, [...VARIABLE_NAMES, ...CONSTANT_NAMES, ...FUNCTION_NAMES]);
  return suggestion === undefined ? 'use x and y' : `did you mean '${suggestion}'?`;
}
