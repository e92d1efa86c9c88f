// The per-step values every run of a learning-rate row shares, computed once on the host in float64
// and read by the shader from a table: the scheduled learning rate (by engine/schedules.ts, the
// TypeScript engine's own code), and every step statement of the optimizer's kernel that depends
// only on the step, the learning rate and constants no run varies (Adam's bias corrections
// lr / (1 − β₁ᵗ) and √(1 − β₂ᵗ), NAdam's μ product). Computing those per thread in float32 would
// cost a general power per step and lose accuracy in 1 − βᵗ for small t.
//
// Table layout: rows (learning-rate rows) × chunk steps × width floats; column 0 is lr, then one
// column per hoisted name, in statement order.
import type { KernelExpr, OptimizerKernel } from '../engine/methods/first-order/kernel';
import { evaluateKernelExpression, isKnownExpression } from '../engine/methods/first-order/kernel-evaluate';
import { learningRateAt, type ScheduleSpec } from '../engine/schedules';

/** Which step statements the table serves. */
export interface StepTablePlan {
  /** Names (step temporaries and run state) assigned once by a step statement that reads only shared values, in statement order. */
  readonly hoisted: readonly string[];
  /** Floats per row and step: lr, then the hoisted names. */
  readonly width: number;
}

const LEARNING_RATE = 'lr';
const STEP = 'step';

/**
 * The step statements whose values are the same for every run of a row: those assigning a name
 * exactly once from lr, step, constants not in `perRunConstants`, and names hoisted themselves (a
 * run state only if its initial value is shared too). Found as a fixed point: start from every
 * candidate and drop those that read a dropped one.
 */
export function planStepTable(kernel: OptimizerKernel, perRunConstants: readonly string[]): StepTablePlan {
  const shared = new Set([LEARNING_RATE, STEP, ...Object.keys(kernel.constants).filter((name) => !perRunConstants.includes(name))]);
  const assignments = new Map<string, number>();
  for (const statement of kernel.stepStatements) assignments.set(statement.name, (assignments.get(statement.name) ?? 0) + 1);
  const runState = new Map(kernel.runState.map((state) => [state.name, state.initial]));
  const coordinateNames = new Set(kernel.coordinateState.map((state) => state.name));
  let hoisted = new Set(
    kernel.stepStatements
      .map((statement) => statement.name)
      .filter((name) => assignments.get(name) === 1 && !coordinateNames.has(name) && !shared.has(name))
      .filter((name) => !runState.has(name) || readsOnly(runState.get(name) as KernelExpr, shared)),
  );
  for (;;) {
    const readable = new Set([...shared, ...hoisted]);
    const next = new Set(kernel.stepStatements.filter((statement) => hoisted.has(statement.name) && readsOnly(statement.value, readable)).map((statement) => statement.name));
    if (next.size === hoisted.size) break;
    hoisted = next;
  }
  const ordered = kernel.stepStatements.map((statement) => statement.name).filter((name) => hoisted.has(name));
  return { hoisted: ordered, width: 1 + ordered.length };
}

/** True when every name `expression` reads is in `names`. */
function readsOnly(expression: KernelExpr, names: ReadonlySet<string>): boolean {
  return isKnownExpression(expression, (name) => (names.has(name) ? 0 : undefined));
}

/**
 * Writes the step table chunk by chunk for one block of runs: call table() with consecutive chunks
 * from step 0 (hoisted run state carries over from one step to the next).
 */
export class StepTableWriter {
  private readonly registers: Map<string, number>[];
  private nextStep = 0;

  constructor(
    private readonly kernel: OptimizerKernel,
    private readonly plan: StepTablePlan,
    /** Base learning rate of each row. */
    private readonly learningRates: readonly number[],
    private readonly schedule: ScheduleSpec | undefined,
  ) {
    const hoistedState = kernel.runState.filter((state) => plan.hoisted.includes(state.name));
    this.registers = learningRates.map((base) => {
      const registers = new Map(Object.entries(kernel.constants));
      // initial values read constants.lr, the row's base learning rate
      registers.set(LEARNING_RATE, base);
      for (const state of hoistedState) registers.set(state.name, evaluateKernelExpression(state.initial, (name) => registers.get(name) ?? NaN));
      return registers;
    });
  }

  /** The table of steps [firstStep, firstStep + chunkSteps): rows × chunkSteps × width floats. */
  table(firstStep: number, chunkSteps: number): Float32Array {
    if (firstStep !== this.nextStep) throw new RangeError(`the step table is at step ${this.nextStep}, not ${firstStep}`);
    const { width, hoisted } = this.plan;
    const statements = this.kernel.stepStatements.filter((statement) => hoisted.includes(statement.name));
    const table = new Float32Array(this.learningRates.length * chunkSteps * width);
    this.learningRates.forEach((base, row) => {
      const registers = this.registers[row];
      const read = (name: string) => registers.get(name) ?? NaN;
      for (let column = 0; column < chunkSteps; column++) {
        const step = firstStep + column;
        const offset = (row * chunkSteps + column) * width;
        const learningRate = this.schedule === undefined ? base : learningRateAt(this.schedule, base, step);
        registers.set(LEARNING_RATE, learningRate);
        registers.set(STEP, step + 1);
        table[offset] = learningRate;
        statements.forEach((statement, k) => {
          const value = evaluateKernelExpression(statement.value, read);
          registers.set(statement.name, value);
          table[offset + 1 + k] = value;
        });
      }
    });
    this.nextStep = firstStep + chunkSteps;
    return table;
  }
}
