/**
 * Printers: toText writes the formula language back with the fewest parentheses the parser needs
 * to rebuild the same tree; toLatex writes KaTeX-ready math for display.
 */
import type { BinaryOperator, Expr, FunctionName } from './ast';

/** Binding strength, loosest first; an operand printed inside a tighter context gets parentheses. */
const SUM = 1;
const PRODUCT = 2;
const SIGNED = 3;
const POWER = 4;
const ATOM = 5;

const OPERATOR_PRECEDENCE: Readonly<Record<BinaryOperator, number>> = { '+': SUM, '-': SUM, '*': PRODUCT, '/': PRODUCT, '^': POWER };

function precedence(expr: Expr): number {
  switch (expr.type) {
    case 'number':
      return expr.value < 0 ? SIGNED : ATOM;
    case 'negate':
      return SIGNED;
    case 'binary':
      return OPERATOR_PRECEDENCE[expr.operator];
    default:
      return ATOM;
  }
}

/**
 * The formula as text, e.g. "(1 - x)^2 + 100*(y - x^2)^2". For any tree the parser made,
 * parseFormula(toText(tree)) gives the same tree back. The internal nodes print as
 * "sign(u)" and "(a <= b ? p : q)", which are for reading only.
 */
export function toText(expr: Expr): string {
  const operand = (e: Expr, minimum: number): string => (precedence(e) < minimum ? `(${toText(e)})` : toText(e));
  switch (expr.type) {
    case 'number':
      return String(expr.value);
    case 'variable':
    case 'constant':
      return expr.name;
    case 'negate':
      return `-${operand(expr.operand, SIGNED)}`;
    case 'binary':
      switch (expr.operator) {
        // Left-associative: a - (b - c) keeps its parentheses, (a - b) - c needs none.
        case '+':
        case '-':
          return `${operand(expr.left, SUM)} ${expr.operator} ${operand(expr.right, PRODUCT)}`;
        case '*':
        case '/':
          return `${operand(expr.left, PRODUCT)}${expr.operator}${operand(expr.right, SIGNED)}`;
        // Right-associative, and the exponent may carry a sign (2^-x); the base must be atomic.
        case '^':
          return `${operand(expr.left, ATOM)}^${operand(expr.right, SIGNED)}`;
      }
      break;
    case 'call':
      return `${expr.name}(${expr.args.map(toText).join(', ')})`;
    case 'sign':
      return `sign(${toText(expr.operand)})`;
    case 'select':
      return `(${toText(expr.left)} ${expr.comparison} ${toText(expr.right)} ? ${toText(expr.whenTrue)} : ${toText(expr.whenFalse)})`;
  }
}

const LATEX_FUNCTIONS: Readonly<Record<Exclude<FunctionName, 'sqrt' | 'abs' | 'exp'>, string>> = {
  sin: '\\sin',
  cos: '\\cos',
  tan: '\\tan',
  asin: '\\arcsin',
  acos: '\\arccos',
  atan: '\\arctan',
  sinh: '\\sinh',
  cosh: '\\cosh',
  tanh: '\\tanh',
  log: '\\ln',
  min: '\\min',
  max: '\\max',
};

/** How tightly a node binds as LaTeX: fractions and e^{u} read as one block except as a power's base. */
function latexPrecedence(expr: Expr): number {
  // 2.5 \cdot 10^{-7} is a product; it needs parentheses as a base or after another factor.
  if (expr.type === 'number' && String(expr.value).includes('e')) return PRODUCT;
  if (expr.type === 'binary' && expr.operator === '/') return POWER;
  if (expr.type === 'call' && expr.name === 'exp') return POWER;
  return precedence(expr);
}

/** The formula as LaTeX for KaTeX, e.g. "\left(1 - x\right)^{2} + 100\left(y - x^{2}\right)^{2}". */
export function toLatex(expr: Expr): string {
  const operand = (e: Expr, minimum: number): string =>
    latexPrecedence(e) < minimum ? `\\left(${toLatex(e)}\\right)` : toLatex(e);
  switch (expr.type) {
    case 'number':
      return latexNumber(expr.value);
    case 'variable':
      return expr.name;
    case 'constant':
      return expr.name === 'pi' ? '\\pi' : 'e';
    case 'negate':
      return `-${operand(expr.operand, SIGNED)}`;
    case 'binary':
      switch (expr.operator) {
        case '+':
        case '-':
          // "a + (-b)" rather than "a + -b": minimal parentheses are for the parser, not for reading.
          return `${operand(expr.left, SUM)} ${expr.operator} ${
            latexPrecedence(expr.right) === SIGNED ? `\\left(${toLatex(expr.right)}\\right)` : operand(expr.right, PRODUCT)
          }`;
        case '*': {
          const left = operand(expr.left, PRODUCT);
          const right = operand(expr.right, POWER);
          // A number before anything that does not start with a digit reads as a product: 2x, 3\sin(x).
          const juxtapose = expr.left.type === 'number' && !/^[\d.]/.test(right);
          return juxtapose ? `${left}${right}` : `${left} \\cdot ${right}`;
        }
        case '/':
          return `\\frac{${toLatex(expr.left)}}{${toLatex(expr.right)}}`;
        case '^':
          return `${operand(expr.left, ATOM)}^{${toLatex(expr.right)}}`;
      }
      break;
    case 'call': {
      const args = expr.args.map(toLatex);
      switch (expr.name) {
        case 'sqrt':
          return `\\sqrt{${args[0]}}`;
        case 'abs':
          return `\\left|${args[0]}\\right|`;
        case 'exp':
          return `e^{${args[0]}}`;
        default:
          return `${LATEX_FUNCTIONS[expr.name]}\\left(${args.join(', ')}\\right)`;
      }
    }
    case 'sign':
      return `\\operatorname{sign}\\left(${toLatex(expr.operand)}\\right)`;
    case 'select': {
      const comparison = expr.comparison === '<=' ? '\\le' : '\\ge';
      return `\\begin{cases} ${toLatex(expr.whenTrue)} & ${toLatex(expr.left)} ${comparison} ${toLatex(expr.right)} \\\\ ${toLatex(expr.whenFalse)} & \\text{otherwise} \\end{cases}`;
    }
  }
}

/** 0.001 as is, 1e-7 as 10^{-7}, 2.5e+21 as 2.5 \cdot 10^{21}. */
function latexNumber(value: number): string {
  const text = String(value);
  const match = /^(-?[\d.]+)e([+-]\d+)$/.exec(text);
  if (match === null) return text;
  const mantissa = match[1];
  const exponent = String(Number(match[2]));
  if (mantissa === '1') return `10^{${exponent}}`;
  if (mantissa === '-1') return `-10^{${exponent}}`;
  return `${mantissa} \\cdot 10^{${exponent}}`;
}
