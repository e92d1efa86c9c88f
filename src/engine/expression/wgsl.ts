/**
 * WGSL code for a formula, in float32, for the fused WebGPU kernels (src/gpu): f and its exact
 * gradient as one function of (x, y). Like compile.ts, every distinct subexpression of f, ∂f/∂x and
 * ∂f/∂y is computed once (here: hoisted to a `let`), subexpressions without x or y are folded in
 * float64 at build time and written as float32 literals, and powers follow compile.ts: u^2 = u·u,
 * u^3 = u·u·u, u^-1 = 1/u, u^0.5 = sqrt(u), other whole exponents up to 64 by the repeated squaring
 * of engine/power.ts, and the rest through `expressionPower`, which keeps power.ts's special cases
 * (a negative base with a whole exponent has a real power; 0^negative is +∞).
 *
 * WGSL does not promise IEEE NaN rules (min, max and sign of NaN are unspecified), so the prelude
 * spells out the ones the TypeScript engine relies on: NaN propagates through min, max, sign and
 * power, and non-finite constants are made at run time (a non-finite constant expression is a
 * shader-creation error in WGSL). Nor does it promise accurate trigonometry: the prelude brings its
 * own sin, cos, tan, tanh, sinh, cosh and acos, good to about 1e-7 relative on every adapter.
 */
import { dependsOnVariables, type Expr, type FunctionName } from './ast';
import { differentiate } from './derivative';
import { evaluate } from './evaluate';

/** Whole exponents up to this magnitude are unrolled into multiplications (engine/power.ts's bound). */
const MAX_SQUARING_EXPONENT = 64;

/**
 * Helper functions the emitted code calls: isNotANumber, isFiniteValue, expressionNan,
 * expressionInfinity, ieeeMinimum, ieeeMaximum, ieeeSign, expressionPower, and accurate
 * expressionSin, expressionCos, expressionTan, expressionTanh, expressionSinh, expressionCosh,
 * expressionAcos.
 * Include it once per shader, before any emitted code.
 */
export const WGSL_EXPRESSION_PRELUDE = `
// Bit patterns read at run time: a NaN or infinite constant expression is a shader-creation error.
var<private> expressionNanBits: u32 = 0x7fc00000u;
var<private> expressionInfinityBits: u32 = 0x7f800000u;

fn expressionNan() -> f32 {
  return bitcast<f32>(expressionNanBits);
}

fn expressionInfinity() -> f32 {
  return bitcast<f32>(expressionInfinityBits);
}

// By the bits, so that no fast-math assumption can fold the test away.
fn isNotANumber(value: f32) -> bool {
  return (bitcast<u32>(value) & 0x7fffffffu) > 0x7f800000u;
}

fn isFiniteValue(value: f32) -> bool {
  return (bitcast<u32>(value) & 0x7f800000u) != 0x7f800000u;
}

// Math.min and Math.max: NaN if either operand is NaN.
fn ieeeMinimum(a: f32, b: f32) -> f32 {
  if (isNotANumber(a) || isNotANumber(b)) {
    return expressionNan();
  }
  return min(a, b);
}

fn ieeeMaximum(a: f32, b: f32) -> f32 {
  if (isNotANumber(a) || isNotANumber(b)) {
    return expressionNan();
  }
  return max(a, b);
}

// Math.sign: NaN stays NaN.
fn ieeeSign(value: f32) -> f32 {
  if (isNotANumber(value)) {
    return value;
  }
  return sign(value);
}

// WGSL promises sin and cos only to 2^-11 absolute (SwiftShader's err by 2e-4), and tanh, sinh
// and acos lose accuracy near 0 or overflow where computed from exp. These keep about 1e-7 relative:
// Cody–Waite reduction by π/2 in three parts (exact products for |x| ≤ 6000), then Cephes' float32
// minimax polynomials (sinf, cosf, tanhf, sinhf) and its acosf identities on top of asin.
fn reducedSineCosine(x: f32) -> vec3<f32> {
  let quadrant = round(x * 0.63661975f);
  let r = ((x - quadrant * 1.5703125f) - quadrant * 0.0004837513f) - quadrant * 7.54979e-8f;
  let z = r * r;
  let sine = r + r * z * (-0.16666654611f + z * (0.0083321608736f + z * -0.00019515295891f));
  let cosine = 1.0f - 0.5f * z + z * z * (0.04166664568298827f + z * (-0.001388731625493765f + z * 0.00002443315711809948f));
  return vec3<f32>(sine, cosine, f32(i32(quadrant) & 3));
}

fn expressionSin(x: f32) -> f32 {
  if (!(abs(x) <= 6000.0f)) {
    return select(expressionNan(), sin(x), isFiniteValue(x));
  }
  let reduced = reducedSineCosine(x);
  let quadrant = i32(reduced.z);
  if (quadrant == 0) {
    return reduced.x;
  }
  if (quadrant == 1) {
    return reduced.y;
  }
  if (quadrant == 2) {
    return -reduced.x;
  }
  return -reduced.y;
}

fn expressionCos(x: f32) -> f32 {
  if (!(abs(x) <= 6000.0f)) {
    return select(expressionNan(), cos(x), isFiniteValue(x));
  }
  let reduced = reducedSineCosine(x);
  let quadrant = i32(reduced.z);
  if (quadrant == 0) {
    return reduced.y;
  }
  if (quadrant == 1) {
    return -reduced.x;
  }
  if (quadrant == 2) {
    return -reduced.y;
  }
  return reduced.x;
}

fn expressionTan(x: f32) -> f32 {
  if (!(abs(x) <= 6000.0f)) {
    return select(expressionNan(), tan(x), isFiniteValue(x));
  }
  let reduced = reducedSineCosine(x);
  if ((i32(reduced.z) & 1) == 0) {
    return reduced.x / reduced.y;
  }
  return -reduced.y / reduced.x;
}

fn expressionTanh(x: f32) -> f32 {
  let magnitude = abs(x);
  if (magnitude > 10.0f) {
    return sign(x);
  }
  if (magnitude >= 0.625f) {
    let t = 1.0f - 2.0f / (exp(2.0f * magnitude) + 1.0f);
    return select(t, -t, x < 0.0f);
  }
  let z = x * x;
  return x + x * z * ((((-0.00570498872745f * z + 0.0206390887954f) * z - 0.0537397155531f) * z + 0.133314422036f) * z - 0.333332819422f);
}

fn expressionSinh(x: f32) -> f32 {
  let magnitude = abs(x);
  if (magnitude > 1.0f) {
    let e = exp(magnitude);
    let h = 0.5f * e - 0.5f / e;
    return select(h, -h, x < 0.0f);
  }
  let z = x * x;
  return x + x * z * ((0.000203721912945f * z + 0.00833028376239f) * z + 0.166667160211f);
}

fn expressionCosh(x: f32) -> f32 {
  let e = exp(abs(x));
  return 0.5f * e + 0.5f / e;
}

fn expressionAcos(x: f32) -> f32 {
  if (x > 0.5f) {
    return 2.0f * asin(sqrt(0.5f - 0.5f * x));
  }
  if (x < -0.5f) {
    return 3.1415927f - 2.0f * asin(sqrt(0.5f + 0.5f * x));
  }
  return 1.5707964f - asin(x);
}

// engine/power.ts in float32: whole exponents up to 64 by repeated squaring (a negative exponent
// squares 1/base), then NaN, 0^e, a negative base (real only for whole e, signed by e's parity),
// and exp(e·ln base) for the rest.
fn expressionPower(base: f32, exponent: f32) -> f32 {
  if (exponent == floor(exponent) && abs(exponent) <= 64.0f) {
    var remaining = u32(abs(exponent));
    var factor = base;
    if (exponent < 0.0f) {
      factor = 1.0f / base;
    }
    var result = 1.0f;
    loop {
      if (remaining == 0u) {
        break;
      }
      if ((remaining & 1u) == 1u) {
        result = result * factor;
      }
      remaining = remaining >> 1u;
      if (remaining > 0u) {
        factor = factor * factor;
      }
    }
    return result;
  }
  if (isNotANumber(base) || isNotANumber(exponent)) {
    return expressionNan();
  }
  if (base == 0.0f) {
    if (exponent > 0.0f) {
      return 0.0f;
    }
    return expressionInfinity();
  }
  if (base < 0.0f) {
    if (exponent != floor(exponent)) {
      return expressionNan();
    }
    let magnitude = exp(exponent * log(-base));
    if (fract(exponent * 0.5f) == 0.0f) {
      return magnitude;
    }
    return -magnitude;
  }
  return exp(exponent * log(base));
}
`;

/** A float64 number as a WGSL f32 literal (the nearest float32, shortest digits); NaN and ±∞ as prelude calls. */
export function wgslFloat(value: number): string {
  const single = Math.fround(value);
  if (Number.isNaN(single)) return 'expressionNan()';
  if (single === Infinity) return 'expressionInfinity()';
  if (single === -Infinity) return '(-expressionInfinity())';
  if (Object.is(single, -0)) return '(-0.0f)';
  const magnitude = Math.abs(single);
  let digits = String(magnitude);
  for (let precision = 1; precision <= 9; precision++) {
    const candidate = Number(magnitude.toPrecision(precision));
    if (Math.fround(candidate) === magnitude) {
      digits = String(candidate);
      break;
    }
  }
  const literal = /[.e]/.test(digits) ? `${digits}f` : `${digits}.0f`;
  return single < 0 ? `(-${literal})` : literal;
}

/** Straight-line WGSL: `let` statements in dependency order, and the WGSL value of each requested expression. */
export interface WgslExpressionCode {
  readonly lines: readonly string[];
  /** One per output: a `let` name, a variable or a literal. */
  readonly results: readonly string[];
}

/** Names the emitted code uses for x and y, and the prefix of its `let`s (which must not clash with anything around it). */
export interface WgslEmitOptions {
  readonly x: string;
  readonly y: string;
  readonly prefix: string;
}

/** Emits the expressions as one block of `let`s, each distinct subexpression once. */
export function emitWgslExpressions(outputs: readonly Expr[], options: WgslEmitOptions): WgslExpressionCode {
  const emitter = new WgslEmitter(options);
  const results = outputs.map((output) => emitter.emit(output));
  return { lines: emitter.lines, results };
}

/**
 * A WGSL function `fn name(x: f32, y: f32) -> vec3<f32>` returning (f, ∂f/∂x, ∂f/∂y) for the formula
 * `ast`, differentiated exactly as compileFormula does (f as typed, the gradient from differentiate).
 */
export function objectiveWgslFunction(name: string, ast: Expr): string {
  const gradient = [differentiate(ast, 'x'), differentiate(ast, 'y')];
  const code = emitWgslExpressions([ast, ...gradient], { x: 'x', y: 'y', prefix: 'node' });
  return [`fn ${name}(x: f32, y: f32) -> vec3<f32> {`, ...code.lines.map((line) => `  ${line}`), `  return vec3<f32>(${code.results.join(', ')});`, '}'].join('\n');
}

/** WGSL for the formula language's one-argument functions: built-ins where they are accurate, else the prelude's. */
const UNARY_FUNCTIONS: Readonly<Record<Exclude<FunctionName, 'min' | 'max'>, string>> = {
  sin: 'expressionSin',
  cos: 'expressionCos',
  tan: 'expressionTan',
  asin: 'asin',
  acos: 'expressionAcos',
  atan: 'atan',
  sinh: 'expressionSinh',
  cosh: 'expressionCosh',
  tanh: 'expressionTanh',
  exp: 'exp',
  log: 'log',
  sqrt: 'sqrt',
  abs: 'abs',
};

/** Emits one `let` per distinct operation (hash-consed on the operation and its operands' names). */
class WgslEmitter {
  readonly lines: string[] = [];
  private readonly byNode = new Map<Expr, string>();
  private readonly byOperation = new Map<string, string>();

  constructor(private readonly options: WgslEmitOptions) {}

  /** A WGSL operand (name or literal) holding `expr`'s value once the lines so far have run. */
  emit(expr: Expr): string {
    const known = this.byNode.get(expr);
    if (known !== undefined) return known;
    const value = this.emitNode(expr);
    this.byNode.set(expr, value);
    return value;
  }

  private emitNode(expr: Expr): string {
    // constant subexpressions are folded in float64, as compile.ts does
    if (!dependsOnVariables(expr)) return wgslFloat(evaluate(expr, NaN, NaN));
    switch (expr.type) {
      case 'variable':
        return expr.name === 'x' ? this.options.x : this.options.y;
      case 'negate':
        return this.operation(`-${this.emit(expr.operand)}`);
      case 'sign':
        return this.operation(`ieeeSign(${this.emit(expr.operand)})`);
      case 'binary':
        if (expr.operator === '^') return this.emitPower(expr.left, expr.right);
        return this.operation(`${this.emit(expr.left)} ${expr.operator} ${this.emit(expr.right)}`);
      case 'call': {
        const args = expr.args.map((argument) => this.emit(argument));
        if (expr.name === 'min' || expr.name === 'max') {
          // min(a, b, c) = min(min(a, b), c), NaN propagating as in Math.min
          const helper = expr.name === 'min' ? 'ieeeMinimum' : 'ieeeMaximum';
          return args.slice(1).reduce((accumulated, argument) => this.operation(`${helper}(${accumulated}, ${argument})`), args[0]);
        }
        return this.operation(`${UNARY_FUNCTIONS[expr.name]}(${args[0]})`);
      }
      case 'select':
        return this.operation(
          `select(${this.emit(expr.whenFalse)}, ${this.emit(expr.whenTrue)}, ${this.emit(expr.left)} ${expr.comparison} ${this.emit(expr.right)})`,
        );
      default:
        // numbers and constants never depend on the variables
        return wgslFloat(evaluate(expr, NaN, NaN));
    }
  }

  /** u^v as compile.ts computes it. */
  private emitPower(base: Expr, exponent: Expr): string {
    if (base.type === 'constant' && base.name === 'e') return this.operation(`exp(${this.emit(exponent)})`);
    if (dependsOnVariables(exponent)) return this.operation(`expressionPower(${this.emit(base)}, ${this.emit(exponent)})`);
    const k = evaluate(exponent, NaN, NaN);
    const u = this.emit(base);
    if (k === 1) return u;
    if (k === 2) return this.operation(`${u} * ${u}`);
    if (k === 3) return this.operation(`${this.operation(`${u} * ${u}`)} * ${u}`);
    if (k === -1) return this.operation(`1.0f / ${u}`);
    if (k === 0.5) return this.operation(`sqrt(${u})`);
    if (Number.isInteger(k) && Math.abs(k) <= MAX_SQUARING_EXPONENT) return this.squaring(u, k);
    return this.operation(`expressionPower(${u}, ${wgslFloat(k)})`);
  }

  /** u^k for a whole k, |k| ≤ 64, multiplication for multiplication as engine/power.ts. */
  private squaring(u: string, k: number): string {
    let remaining = Math.abs(k);
    let factor = k < 0 ? this.operation(`1.0f / ${u}`) : u;
    let result: string | null = null;
    while (remaining > 0) {
      if (remaining % 2 === 1) result = result === null ? factor : this.operation(`${result} * ${factor}`);
      remaining = Math.floor(remaining / 2);
      if (remaining > 0) factor = this.operation(`${factor} * ${factor}`);
    }
    return result ?? wgslFloat(1);
  }

  /** The `let` holding `rightHandSide`, reusing an identical earlier one. */
  private operation(rightHandSide: string): string {
    const existing = this.byOperation.get(rightHandSide);
    if (existing !== undefined) return existing;
    const name = `${this.options.prefix}${this.byOperation.size}`;
    this.byOperation.set(rightHandSide, name);
    this.lines.push(`let ${name} = ${rightHandSide};`);
    return name;
  }
}
