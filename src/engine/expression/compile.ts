/**
 * Compiles f, its gradient and its Hessian into one flat register program (no JavaScript text is
 * generated: an interpreter loop runs an Int32Array of instructions).
 *
 * Every distinct subexpression of the six expressions gets one register (hash-consing), so a
 * term shared by f and its derivatives, such as y - x^2 in Rosenbrock, is computed once per call.
 * Subexpressions without x or y are evaluated at compile time into constant registers. Three
 * programs are cut from the shared instruction list: f alone, f with its gradient, and the
 * Hessian, each holding just the instructions its outputs need, in dependency order.
 */
import { dependsOnVariables, type Expr } from './ast';
import { evaluate } from './evaluate';
import type { Objective } from '../objective';
import { power } from '../power';
import { LIMITS } from '../limits';
import { FormulaSyntaxError } from './errors';

/** Most instructions a compiled formula may have; beyond that compileFormula reports it as too complex. */
export const MAX_INSTRUCTIONS = LIMITS.formulaInstructions.value;

/** The expressions an objective is compiled from: f, [∂f/∂x, ∂f/∂y], [∂²f/∂x², ∂²f/∂x∂y, ∂²f/∂y²]. */
export interface ObjectiveExpressions {
  readonly value: Expr;
  readonly gradient: readonly [Expr, Expr];
  readonly hessian: readonly [Expr, Expr, Expr];
}

// Opcodes. Each instruction is four int32s: opcode, destination, first operand, second operand.
const ADD = 0;
const SUBTRACT = 1;
const MULTIPLY = 2;
const DIVIDE = 3;
const POWER = 4;
const NEGATE = 5;
const SQUARE = 6;
const CUBE = 7;
const RECIPROCAL = 8;
const SQRT = 9;
const EXP = 10;
const LOG = 11;
const SIN = 12;
const COS = 13;
const TAN = 14;
const ASIN = 15;
const ACOS = 16;
const ATAN = 17;
const SINH = 18;
const COSH = 19;
const TANH = 20;
const ABS = 21;
const SIGN = 22;
const MIN = 23;
const MAX = 24;
/** destination = (a <= b) ? 1 : 0; the SELECT that follows reads it from its own destination. */
const LESS_EQUAL = 25;
const GREATER_EQUAL = 26;
/** destination = destination !== 0 ? a : b. */
const SELECT = 27;

const STRIDE = 4;

const FUNCTION_OPCODES = {
  sin: SIN,
  cos: COS,
  tan: TAN,
  asin: ASIN,
  acos: ACOS,
  atan: ATAN,
  sinh: SINH,
  cosh: COSH,
  tanh: TANH,
  exp: EXP,
  log: LOG,
  sqrt: SQRT,
  abs: ABS,
  min: MIN,
  max: MAX,
} as const;

const OPERATOR_OPCODES = { '+': ADD, '-': SUBTRACT, '*': MULTIPLY, '/': DIVIDE, '^': POWER } as const;

/** The two coordinates live in registers 0 and 1. */
const X_REGISTER = 0;
const Y_REGISTER = 1;

/** Builds the objective (dimension 2) that evaluates the given f, gradient and Hessian expressions. */
export function compileObjective(expressions: ObjectiveExpressions): Objective {
  const builder = new ProgramBuilder();
  const valueRegister = builder.emit(expressions.value);
  const gradientRegisters = expressions.gradient.map((e) => builder.emit(e));
  const hessianRegisters = expressions.hessian.map((e) => builder.emit(e));

  const registers = Float64Array.from(builder.initialValues);
  const valueProgram = builder.programFor([valueRegister]);
  const gradientProgram = builder.programFor([valueRegister, ...gradientRegisters]);
  const hessianProgram = builder.programFor(hessianRegisters);
  const [gradientX, gradientY] = gradientRegisters;
  const [hessianXX, hessianXY, hessianYY] = hessianRegisters;

  return {
    dimension: 2,
    value(point) {
      registers[X_REGISTER] = point[0];
      registers[Y_REGISTER] = point[1];
      execute(valueProgram, registers);
      return registers[valueRegister];
    },
    valueAndGradient(point, gradient) {
      registers[X_REGISTER] = point[0];
      registers[Y_REGISTER] = point[1];
      execute(gradientProgram, registers);
      gradient[0] = registers[gradientX];
      gradient[1] = registers[gradientY];
      return registers[valueRegister];
    },
    hessian(point, hessian) {
      registers[X_REGISTER] = point[0];
      registers[Y_REGISTER] = point[1];
      execute(hessianProgram, registers);
      hessian[0] = registers[hessianXX];
      hessian[1] = registers[hessianXY];
      hessian[2] = registers[hessianXY];
      hessian[3] = registers[hessianYY];
    },
  };
}

/** Runs a program over the register file; IEEE semantics throughout, so it never throws. */
function execute(program: Int32Array, r: Float64Array): void {
  const end = program.length;
  for (let pc = 0; pc < end; pc += STRIDE) {
    const d = program[pc + 1];
    const a = program[pc + 2];
    const b = program[pc + 3];
    switch (program[pc]) {
      case ADD:
        r[d] = r[a] + r[b];
        break;
      case SUBTRACT:
        r[d] = r[a] - r[b];
        break;
      case MULTIPLY:
        r[d] = r[a] * r[b];
        break;
      case DIVIDE:
        r[d] = r[a] / r[b];
        break;
      case POWER:
        r[d] = power(r[a], r[b]);
        break;
      case NEGATE:
        r[d] = -r[a];
        break;
      case SQUARE: {
        const u = r[a];
        r[d] = u * u;
        break;
      }
      case CUBE: {
        const u = r[a];
        r[d] = u * u * u;
        break;
      }
      case RECIPROCAL:
        r[d] = 1 / r[a];
        break;
      case SQRT:
        r[d] = Math.sqrt(r[a]);
        break;
      case EXP:
        r[d] = Math.exp(r[a]);
        break;
      case LOG:
        r[d] = Math.log(r[a]);
        break;
      case SIN:
        r[d] = Math.sin(r[a]);
        break;
      case COS:
        r[d] = Math.cos(r[a]);
        break;
      case TAN:
        r[d] = Math.tan(r[a]);
        break;
      case ASIN:
        r[d] = Math.asin(r[a]);
        break;
      case ACOS:
        r[d] = Math.acos(r[a]);
        break;
      case ATAN:
        r[d] = Math.atan(r[a]);
        break;
      case SINH:
        r[d] = Math.sinh(r[a]);
        break;
      case COSH:
        r[d] = Math.cosh(r[a]);
        break;
      case TANH:
        r[d] = Math.tanh(r[a]);
        break;
      case ABS:
        r[d] = Math.abs(r[a]);
        break;
      case SIGN:
        r[d] = Math.sign(r[a]);
        break;
      case MIN:
        r[d] = Math.min(r[a], r[b]);
        break;
      case MAX:
        r[d] = Math.max(r[a], r[b]);
        break;
      case LESS_EQUAL:
        r[d] = r[a] <= r[b] ? 1 : 0;
        break;
      case GREATER_EQUAL:
        r[d] = r[a] >= r[b] ? 1 : 0;
        break;
      case SELECT:
        r[d] = r[d] !== 0 ? r[a] : r[b];
        break;
    }
  }
}

/** Emits instructions for expressions, one register per distinct subexpression. */
class ProgramBuilder {
  /** Register file at rest: x, y, then constants (instruction outputs start as 0). */
  readonly initialValues: number[] = [0, 0];
  /** Flat instruction list in dependency order, STRIDE ints per instruction. */
  private readonly instructions: number[] = [];
  /** Instructions (by index) that write each register. */
  private readonly writers: number[][] = [[], []];
  private readonly byKey = new Map<string, number>();
  private readonly byNode = new Map<Expr, number>();

  /** The register holding `expr`'s value once its instructions have run. */
  emit(expr: Expr): number {
    const known = this.byNode.get(expr);
    if (known !== undefined) return known;
    const register = this.emitNode(expr);
    this.byNode.set(expr, register);
    return register;
  }

  /** The instructions that compute `outputs`, in order, as a runnable program. */
  programFor(outputs: readonly number[]): Int32Array {
    const needed = new Uint8Array(this.instructions.length / STRIDE);
    const pending = [...outputs];
    const visited = new Set<number>();
    while (pending.length > 0) {
      const register = pending.pop() as number;
      if (visited.has(register)) continue;
      visited.add(register);
      for (const index of this.writers[register]) {
        needed[index] = 1;
        const base = index * STRIDE;
        pending.push(this.instructions[base + 2], this.instructions[base + 3]);
      }
    }
    const program: number[] = [];
    needed.forEach((flag, index) => {
      if (flag) program.push(...this.instructions.slice(index * STRIDE, index * STRIDE + STRIDE));
    });
    return Int32Array.from(program);
  }

  private emitNode(expr: Expr): number {
    if (!dependsOnVariables(expr)) return this.constant(evaluate(expr, NaN, NaN));
    switch (expr.type) {
      case 'variable':
        return expr.name === 'x' ? X_REGISTER : Y_REGISTER;
      case 'negate':
        return this.instruction(NEGATE, this.emit(expr.operand), 0);
      case 'sign':
        return this.instruction(SIGN, this.emit(expr.operand), 0);
      case 'binary':
        if (expr.operator === '^') return this.emitPower(expr.left, expr.right);
        return this.instruction(OPERATOR_OPCODES[expr.operator], this.emit(expr.left), this.emit(expr.right));
      case 'call': {
        const opcode = FUNCTION_OPCODES[expr.name];
        const [first, ...rest] = expr.args.map((argument) => this.emit(argument));
        if (rest.length === 0) return this.instruction(opcode, first, 0);
        // min(a, b, c) = min(min(a, b), c): Math.min is associative, NaN included.
        return rest.reduce((accumulated, argument) => this.instruction(opcode, accumulated, argument), first);
      }
      case 'select': {
        const key = `select${expr.comparison}:${[expr.left, expr.right, expr.whenTrue, expr.whenFalse].map((e) => this.emit(e)).join(':')}`;
        const existing = this.byKey.get(key);
        if (existing !== undefined) return existing;
        const register = this.newRegister(key);
        this.push(expr.comparison === '<=' ? LESS_EQUAL : GREATER_EQUAL, register, this.emit(expr.left), this.emit(expr.right));
        this.push(SELECT, register, this.emit(expr.whenTrue), this.emit(expr.whenFalse));
        return register;
      }
      default:
        // number and constant nodes never depend on the variables.
        return this.constant(evaluate(expr, NaN, NaN));
    }
  }

  /** u^v with the common constant exponents done without a general power, and e^v as exp(v). */
  private emitPower(base: Expr, exponent: Expr): number {
    if (base.type === 'constant' && base.name === 'e') return this.instruction(EXP, this.emit(exponent), 0);
    if (!dependsOnVariables(exponent)) {
      const k = evaluate(exponent, NaN, NaN);
      const u = this.emit(base);
      if (k === 1) return u;
      if (k === 2) return this.instruction(SQUARE, u, 0);
      if (k === 3) return this.instruction(CUBE, u, 0);
      if (k === -1) return this.instruction(RECIPROCAL, u, 0);
      if (k === 0.5) return this.instruction(SQRT, u, 0);
      return this.instruction(POWER, u, this.constant(k));
    }
    return this.instruction(POWER, this.emit(base), this.emit(exponent));
  }

  private constant(value: number): number {
    const key = Object.is(value, -0) ? 'c-0' : `c${value}`;
    const existing = this.byKey.get(key);
    if (existing !== undefined) return existing;
    const register = this.newRegister(key);
    this.initialValues[register] = value;
    return register;
  }

  /** The register for opcode(a, b), reusing an identical earlier instruction. */
  private instruction(opcode: number, a: number, b: number): number {
    const key = `${opcode}:${a}:${b}`;
    const existing = this.byKey.get(key);
    if (existing !== undefined) return existing;
    const register = this.newRegister(key);
    this.push(opcode, register, a, b);
    return register;
  }

  private newRegister(key: string): number {
    const register = this.initialValues.length;
    this.initialValues.push(0);
    this.writers.push([]);
    this.byKey.set(key, register);
    return register;
  }

  private push(opcode: number, destination: number, a: number, b: number): void {
    if (this.instructions.length / STRIDE >= MAX_INSTRUCTIONS) throw new FormulaSyntaxError(LIMITS.formulaInstructions.over(MAX_INSTRUCTIONS, true), 1, 0);
    this.writers[destination].push(this.instructions.length / STRIDE);
    this.instructions.push(opcode, destination, a, b);
  }
}
