import { evaluateKernelExpression } from './kernel-evaluate';
import type { NarratedSubstep } from '../inspection';
import { latexNumber, latexVector, narratedNumber, narratedVector } from '../narration-format';
import type { KernelExpr } from './kernel';
import { referencedNames, type KernelTrace, type TracedStatement } from './kernel-trace';
import type { NameWords } from './inspection-names';

// A first-order step told sub-step by sub-step, generated from the optimizer's kernel (its update
// rule as data) and the values one traced step read and wrote: one mechanism for all ten
// optimizers. Each statement becomes a sentence in the shape a teacher would say it ("the velocity
// decays by 0.9 to (…), then adds the gradient (…): (…)") and its rule in LaTeX, first with the
// symbols, then with this step's values substituted, then the result.

/** Narrates a traced step; `words` names each kernel name, `hidden` lists assignments not to tell. */
export function narrateKernelStep(trace: KernelTrace, words: (name: string) => NameWords, hidden: ReadonlySet<string>): NarratedSubstep[] {
  const substeps: NarratedSubstep[] = [];
  const assignedCoordinates = new Set<string>();
  for (const traced of trace.statements) {
    const { statement, value } = traced;
    // x ← x (weight decay off) and x ← x·1 (decoupled decay at λ = 0) did nothing worth a sentence
    const unchanged = traced.before !== undefined && traced.after.every((after, i) => Object.is(after, traced.before![i]));
    const told = !hidden.has(statement.name) && !(value.op === 'ref' && value.name === statement.name) && !(unchanged && value.op === 'mul');
    if (told) {
      const teller = new StatementTeller(traced, words, traced.scope === 'coordinate' ? assignedCoordinates : new Set(), trace);
      substeps.push({ sentence: capitalize(teller.sentence()), rule: teller.rule() });
    }
    if (traced.scope === 'coordinate') assignedCoordinates.add(statement.name);
  }
  return substeps;
}

/** Tells one traced statement. */
class StatementTeller {
  constructor(
    private readonly traced: TracedStatement,
    private readonly words: (name: string) => NameWords,
    /** Coordinate names assigned earlier in this step: a read of one gets the new value's symbol. */
    private readonly assignedBefore: ReadonlySet<string>,
    private readonly trace: KernelTrace,
  ) {}

  /** Whether `name` has one value for the whole step (constants, lr, t, run state, step temporaries). */
  private isScalar(name: string): boolean {
    return this.traced.scope === 'step' || !this.trace.coordinates.has(name);
  }

  private isScalarExpression(expression: KernelExpr): boolean {
    return referencedNames(expression).every((name) => this.isScalar(name));
  }

  /** The expression's value per coordinate (one number in step scope), from the values the statement read. */
  private values(expression: KernelExpr): Float64Array {
    const { reads, after } = this.traced;
    return after.map((_, i) => evaluateKernelExpression(expression, (name) => reads.get(name)?.[i] ?? NaN));
  }

  /** Values in a sentence: one number, or a vector. */
  private shown(values: Float64Array, scalar = this.traced.scope === 'step'): string {
    return scalar ? narratedNumber(values[0]) : narratedVector(values);
  }

  sentence(): string {
    const { statement, value, before, after } = this.traced;
    const target = statement.name;
    const label = this.words(target).label;
    const result = this.shown(after);
    const isTarget = (expression: KernelExpr) => expression.op === 'ref' && expression.name === target;
    if (target === 'param') {
      const from = before === undefined ? '' : `: from ${this.shown(before)} to ${result}`;
      if (value.op === 'mul' && isTarget(value.a) && this.isScalarExpression(value.b)) {
        return `weight decay shrinks the point by the factor ${this.inline(value.b)}${from}`;
      }
      if ((value.op === 'add' || value.op === 'sub') && isTarget(value.a)) {
        const against = value.op === 'sub' ? 'steps against' : 'moves by';
        return `the point ${against} ${this.describe(value.b)} ${this.shown(this.values(value.b), this.isScalarExpression(value.b))}${from}`;
      }
    }
    if (value.op === 'add' && value.a.op === 'mul' && isTarget(value.a.a) && this.isScalarExpression(value.a.b)) {
      const decayed = this.shown(this.values(value.a));
      return `${label} decays by ${this.inline(value.a.b)} to ${decayed}, then adds ${this.describe(value.b)} ${this.shown(this.values(value.b))}: ${result}`;
    }
    if (value.op === 'add' && isTarget(value.a)) {
      return `${label} adds ${this.describe(value.b)} ${this.shown(this.values(value.b))}: ${result}`;
    }
    if (value.op === 'mul' && isTarget(value.a) && this.isScalarExpression(value.b)) {
      return `${label} is multiplied by ${this.inline(value.b)}: ${result}`;
    }
    // a state set to a name (SGD's first buffer) starts there; a temporary simply is it
    if (value.op === 'ref') return `${label} ${before === undefined ? 'is' : 'starts as'} ${this.words(value.name).label}: ${result}`;
    if (value.op === 'max' || value.op === 'min') {
      const which = value.op === 'max' ? 'larger' : 'smaller';
      const [a, b] = [value.a, value.b].map((side) => `${this.describe(side)} ${this.shown(this.values(side), this.isScalarExpression(side))}`);
      return `${label} is the ${which} of ${a} and ${b}: ${result}`;
    }
    return `${label} is ${this.describe(value)}: ${result}`;
  }

  /** The statement as LaTeX: symbols, then this step's values, then the result. */
  rule(): string {
    const { statement, value, after } = this.traced;
    const symbol = this.words(statement.name).symbol;
    const result = this.traced.scope === 'step' ? latexNumber(after[0]) : latexVector(after);
    return `${symbol} = ${this.latex(value, false)} = ${this.latex(value, true)} = ${result}`;
  }

  /** In words: names by their labels, numbers and scalar formulas by their values. */
  private describe(expression: KernelExpr): string {
    if (this.isScalarExpression(expression) && this.traced.scope === 'coordinate') return this.inline(expression);
    switch (expression.op) {
      case 'const':
        return narratedNumber(expression.value);
      case 'ref':
        return this.words(expression.name).label;
      case 'mul': {
        const factors = flattenProduct(expression);
        const scalars = factors.filter((factor) => this.isScalarExpression(factor));
        const vectors = factors.filter((factor) => !this.isScalarExpression(factor));
        const coefficient = scalars.reduce((product, factor) => product * this.values(factor)[0], 1);
        const squared = vectors.length === 2 && vectors.every((factor) => factor.op === 'ref' && vectors[0].op === 'ref' && factor.name === vectors[0].name);
        const vectorWords = squared ? `the square of ${this.describe(vectors[0])}` : vectors.map((factor) => this.describe(factor)).join(' × ');
        if (vectors.length === 0) return this.inline(expression);
        return coefficient === 1 ? vectorWords : `${narratedNumber(coefficient)} × ${vectorWords}`;
      }
      case 'add':
        return `${this.describe(expression.a)} plus ${this.describe(expression.b)}`;
      case 'sub':
        return `${this.describe(expression.a)} minus ${this.describe(expression.b)}`;
      case 'div':
        return `${this.describe(expression.a)} divided by ${this.describe(expression.b)}`;
      case 'neg':
        return `minus ${this.describe(expression.a)}`;
      case 'sqrt':
        return `the square root of ${this.describe(expression.a)}`;
      case 'abs':
        return `the size of ${this.describe(expression.a)}`;
      case 'sign':
        return `the sign of ${this.describe(expression.a)}`;
      case 'exp':
        return `e to the ${this.describe(expression.a)}`;
      case 'log':
        return `the logarithm of ${this.describe(expression.a)}`;
      case 'pow':
        return `${this.describe(expression.a)} to the power ${this.describe(expression.b)}`;
      case 'max':
      case 'min':
        return `the ${expression.op === 'max' ? 'larger' : 'smaller'} of ${this.describe(expression.a)} and ${this.describe(expression.b)}`;
      case 'select':
        return `${this.describe(expression.then)} where ${this.describe(expression.a)} ${expression.compare} ${this.describe(expression.b)}, else ${this.describe(expression.otherwise)}`;
    }
  }

  /** A scalar formula in plain text with its numbers, and its value where it is a formula: "(1 − 0.9^10 = 0.6513)". */
  private inline(expression: KernelExpr): string {
    const value = narratedNumber(this.values(expression)[0]);
    if (expression.op === 'const' || expression.op === 'ref') return value;
    return `(${this.plain(expression)} = ${value})`;
  }

  /** A scalar formula in plain text with the values substituted. */
  private plain(expression: KernelExpr): string {
    const operand = (part: KernelExpr) => (part.op === 'const' || part.op === 'ref' ? this.plain(part) : `(${this.plain(part)})`);
    switch (expression.op) {
      case 'const':
        return narratedNumber(expression.value);
      case 'ref':
        return narratedNumber(this.values(expression)[0]);
      case 'add':
        return `${this.plain(expression.a)} + ${this.plain(expression.b)}`;
      case 'sub':
        return `${this.plain(expression.a)} − ${operand(expression.b)}`;
      case 'mul':
        return `${operand(expression.a)} × ${operand(expression.b)}`;
      case 'div':
        return `${operand(expression.a)} / ${operand(expression.b)}`;
      case 'pow':
        return `${operand(expression.a)}^${operand(expression.b)}`;
      case 'neg':
        return `−${operand(expression.a)}`;
      case 'sqrt':
        return `√${operand(expression.a)}`;
      case 'max':
      case 'min':
        return `${expression.op}(${this.plain(expression.a)}, ${this.plain(expression.b)})`;
      default:
        return `${expression.op}(${operands(expression).map((part) => this.plain(part)).join(', ')})`;
    }
  }

  /** The expression as LaTeX, with symbols or (`substituted`) this step's values. */
  private latex(expression: KernelExpr, substituted: boolean): string {
    const latex = (part: KernelExpr) => this.latex(part, substituted);
    const grouped = (part: KernelExpr) => (part.op === 'add' || part.op === 'sub' || part.op === 'neg' ? `\\left(${latex(part)}\\right)` : latex(part));
    switch (expression.op) {
      case 'const':
        return latexNumber(expression.value);
      case 'ref': {
        if (substituted) {
          const values = this.traced.reads.get(expression.name) ?? Float64Array.of(NaN);
          return this.isScalar(expression.name) ? latexNumber(values[0]) : latexVector(values);
        }
        const symbol = this.words(expression.name).symbol;
        // a state read before this step assigned it holds its previous value
        const { name } = expression;
        const previous = !this.isScalar(name) && name !== 'param' && name !== 'grad' && !this.assignedBefore.has(name);
        return previous && symbol.endsWith('_t') ? `${symbol.slice(0, -2)}_{t-1}` : symbol;
      }
      case 'add':
        return `${latex(expression.a)} + ${latex(expression.b)}`;
      case 'sub':
        return `${latex(expression.a)} - ${grouped(expression.b)}`;
      case 'mul': {
        const vectorProduct = !this.isScalarExpression(expression.a) && !this.isScalarExpression(expression.b);
        return `${grouped(expression.a)} ${vectorProduct ? '\\odot' : '\\cdot'} ${grouped(expression.b)}`;
      }
      case 'div':
        return `\\frac{${latex(expression.a)}}{${latex(expression.b)}}`;
      case 'pow':
        return `{${grouped(expression.a)}}^{${latex(expression.b)}}`;
      case 'neg':
        return `-${grouped(expression.a)}`;
      case 'sqrt':
        return `\\sqrt{${latex(expression.a)}}`;
      case 'abs':
        return `\\left\\lvert ${latex(expression.a)} \\right\\rvert`;
      case 'sign':
        return `\\operatorname{sign}\\left(${latex(expression.a)}\\right)`;
      case 'exp':
        return `e^{${latex(expression.a)}}`;
      case 'log':
        return `\\ln\\left(${latex(expression.a)}\\right)`;
      case 'max':
      case 'min':
        return `\\${expression.op}\\left(${latex(expression.a)},\\ ${latex(expression.b)}\\right)`;
      case 'select':
        return `\\begin{cases} ${latex(expression.then)} & ${latex(expression.a)} ${expression.compare} ${latex(expression.b)} \\\\ ${latex(expression.otherwise)} & \\text{otherwise} \\end{cases}`;
    }
  }
}

/** The factors of a product, left to right. */
function flattenProduct(expression: KernelExpr): KernelExpr[] {
  return expression.op === 'mul' ? [...flattenProduct(expression.a), ...flattenProduct(expression.b)] : [expression];
}

function operands(expression: KernelExpr): KernelExpr[] {
  if (expression.op === 'const' || expression.op === 'ref') return [];
  if (expression.op === 'select') return [expression.a, expression.b, expression.then, expression.otherwise];
  if ('b' in expression) return [expression.a, expression.b];
  return [expression.a];
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
