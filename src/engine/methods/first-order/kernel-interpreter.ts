import { power } from '../../power';
import { operands, type KernelAssignment, type KernelExpr, type OptimizerKernel } from './kernel';
import type { OptimizerInstance } from './optimizer';

// Runs an optimizer kernel (kernel.ts) in float64, so that the update rules the GPU kernels are
// generated from are held to torch.optim by the same golden runs as the hand-written optimizers.
// Each name is given a slot in one Float64Array of registers when the instance is created, and each
// expression becomes a closure reading those slots: no JavaScript text is generated.
//
// Scopes, in the order a step sees them: constants; `lr` (this step's scheduled learning rate) and
// `step` (t = 1, 2, …); run state; step temporaries; then per coordinate: coordinate state, `param`,
// `grad` and coordinate temporaries. A state variable read before the statement that assigns it
// holds its previous value; a temporary must be assigned before it is read.

/** Names the interpreter provides: the scheduled learning rate, t, and the coordinate's θᵢ and gᵢ. */
const LEARNING_RATE = 'lr';
const STEP = 'step';
const PARAM = 'param';
const GRAD = 'grad';

type Compiled = (registers: Float64Array) => number;

/** What a name is, which decides where it may be read and which statements may assign it. */
type NameKind = 'constant' | 'learning rate' | 'step' | 'run state' | 'step temporary' | 'coordinate state' | 'coordinate' | 'coordinate temporary';

/**
 * Null if the kernel is well formed, else the first problem: a duplicate or reserved declaration, a
 * name that is unknown or read before it is assigned, an assignment to a name that statement list may
 * not write, or coordinate statements that never assign `param`.
 */
export function checkKernel(kernel: OptimizerKernel): string | null {
  const kinds = new Map<string, NameKind>([[LEARNING_RATE, 'learning rate'], [STEP, 'step'], [PARAM, 'coordinate'], [GRAD, 'coordinate']]);
  const declarations: [string, NameKind][] = [
    ...Object.keys(kernel.constants).map((name): [string, NameKind] => [name, 'constant']),
    ...kernel.runState.map((state): [string, NameKind] => [state.name, 'run state']),
    ...kernel.coordinateState.map((state): [string, NameKind] => [state.name, 'coordinate state']),
  ];
  for (const [name, kind] of declarations) {
    // constants.lr is the base learning rate; a ref to `lr` in a statement reads the scheduled one
    if (kind === 'constant' && name === LEARNING_RATE) continue;
    if (kinds.has(name)) return `${kind} '${name}' is already declared as ${kinds.get(name)}`;
    kinds.set(name, kind);
  }
  const constantNames = new Set(Object.keys(kernel.constants));
  for (const state of [...kernel.runState, ...kernel.coordinateState]) {
    const unknown = firstRef(state.initial, (name) => !constantNames.has(name));
    if (unknown !== undefined) return `initial value of '${state.name}' reads '${unknown}': initial values may read only constants`;
  }

  const stepTemporaries = newNames(kernel.stepStatements, kinds);
  const coordinateTemporaries = newNames(kernel.coordinateStatements, kinds);
  for (const name of coordinateTemporaries) {
    if (stepTemporaries.has(name)) return `'${name}' is assigned by both step and coordinate statements`;
  }
  for (const name of stepTemporaries) kinds.set(name, 'step temporary');
  for (const name of coordinateTemporaries) kinds.set(name, 'coordinate temporary');

  const readable = new Set([...kinds].filter(([, kind]) => STEP_READABLE.includes(kind)).map(([name]) => name));
  const stepProblem = checkStatements(kernel.stepStatements, 'step statement', readable, kinds, 'step temporary', ['run state']);
  if (stepProblem !== null) return stepProblem;
  for (const [name, kind] of kinds) if (kind === 'coordinate state' || kind === 'coordinate') readable.add(name);
  const coordinateProblem = checkStatements(kernel.coordinateStatements, 'coordinate statement', readable, kinds, 'coordinate temporary', ['coordinate state', 'coordinate']);
  if (coordinateProblem !== null) return coordinateProblem;
  if (!kernel.coordinateStatements.some((statement) => statement.name === PARAM)) return "the coordinate statements never assign 'param'";
  return null;
}

/** What step statements may read from the start (their temporaries once assigned). */
const STEP_READABLE: readonly NameKind[] = ['constant', 'learning rate', 'step', 'run state'];

/** The names `statements` assign that are not declared: their temporaries. */
function newNames(statements: readonly KernelAssignment[], kinds: ReadonlyMap<string, NameKind>): Set<string> {
  return new Set(statements.map((statement) => statement.name).filter((name) => !kinds.has(name)));
}

/** Checks one statement list in order; each temporary becomes readable once assigned. */
function checkStatements(
  statements: readonly KernelAssignment[],
  label: string,
  readable: Set<string>,
  kinds: ReadonlyMap<string, NameKind>,
  temporaryKind: NameKind,
  writableKinds: readonly NameKind[],
): string | null {
  for (const [index, statement] of statements.entries()) {
    const where = `${label} ${index + 1} (${statement.name})`;
    const unreadable = firstRef(statement.value, (name) => !readable.has(name));
    if (unreadable !== undefined) {
      const kind = kinds.get(unreadable);
      if (kind === undefined) return `${where}: unknown name '${unreadable}'`;
      if (kind === temporaryKind) return `${where}: '${unreadable}' is used before it is assigned`;
      return `${where}: ${kind} '${unreadable}' cannot be read here`;
    }
    // every assigned name is declared or was registered as a temporary
    const kind = kinds.get(statement.name) ?? temporaryKind;
    if (kind !== temporaryKind && !writableKinds.includes(kind)) return `${where}: ${kind} '${statement.name}' cannot be assigned here`;
    readable.add(statement.name);
  }
  return null;
}

/** The first name referenced in `expression` (depth first, left to right) for which `matches` holds. */
function firstRef(expression: KernelExpr, matches: (name: string) => boolean): string | undefined {
  if (expression.op === 'ref') return matches(expression.name) ? expression.name : undefined;
  return operands(expression)
    .map((part) => firstRef(part, matches))
    .find((name) => name !== undefined);
}

/** An OptimizerInstance that runs `kernel` in float64 on `dimension` coordinates (throws if checkKernel finds a problem). */
export function createKernelInstance(kernel: OptimizerKernel, dimension: number): OptimizerInstance {
  const problem = checkKernel(kernel);
  if (problem !== null) throw new Error(`invalid optimizer kernel: ${problem}`);
  const slots = new Map<string, number>();
  const slotOf = (name: string): number => {
    let slot = slots.get(name);
    if (slot === undefined) {
      slot = slots.size;
      slots.set(name, slot);
    }
    return slot;
  };
  const learningRateSlot = slotOf(LEARNING_RATE);
  const stepSlot = slotOf(STEP);
  const paramSlot = slotOf(PARAM);
  const gradSlot = slotOf(GRAD);
  for (const name of Object.keys(kernel.constants)) slotOf(name);
  const runStateSlots = kernel.runState.map((state) => slotOf(state.name));
  const coordinateStateSlots = kernel.coordinateState.map((state) => slotOf(state.name));
  // a statement list as parallel arrays: register ← value(registers)
  const compileStatements = (statements: readonly KernelAssignment[]) => ({
    slots: statements.map((statement) => slotOf(statement.name)),
    values: statements.map((statement) => compileExpression(statement.value, slotOf)),
  });
  const stepProgram = compileStatements(kernel.stepStatements);
  const coordinateProgram = compileStatements(kernel.coordinateStatements);
  const initialValues = [...kernel.runState, ...kernel.coordinateState].map((state) => compileExpression(state.initial, slotOf));

  const registers = new Float64Array(slots.size);
  for (const [name, value] of Object.entries(kernel.constants)) registers[slotOf(name)] = value;
  // initial values see the constants, constants.lr included (the base learning rate)
  registers[learningRateSlot] = kernel.constants[LEARNING_RATE] ?? NaN;
  runStateSlots.forEach((slot, k) => (registers[slot] = initialValues[k](registers)));
  const coordinateState = kernel.coordinateState.map((_, k) => new Float64Array(dimension).fill(initialValues[runStateSlots.length + k](registers)));
  const numStates = coordinateStateSlots.length;
  let stepCount = 0;

  return {
    step(params, gradient, learningRate) {
      stepCount += 1;
      registers[learningRateSlot] = learningRate;
      registers[stepSlot] = stepCount;
      for (let s = 0; s < stepProgram.slots.length; s++) registers[stepProgram.slots[s]] = stepProgram.values[s](registers);
      for (let i = 0; i < dimension; i++) {
        for (let k = 0; k < numStates; k++) registers[coordinateStateSlots[k]] = coordinateState[k][i];
        registers[paramSlot] = params[i];
        registers[gradSlot] = gradient[i];
        for (let s = 0; s < coordinateProgram.slots.length; s++) registers[coordinateProgram.slots[s]] = coordinateProgram.values[s](registers);
        for (let k = 0; k < numStates; k++) coordinateState[k][i] = registers[coordinateStateSlots[k]];
        params[i] = registers[paramSlot];
        gradient[i] = registers[gradSlot];
      }
    },
  };
}

/** Turns an expression into a closure over the registers; `slotOf` maps each name to its register. */
function compileExpression(expression: KernelExpr, slotOf: (name: string) => number): Compiled {
  const compile = (part: KernelExpr) => compileExpression(part, slotOf);
  switch (expression.op) {
    case 'const': {
      const value = expression.value;
      return () => value;
    }
    case 'ref': {
      const slot = slotOf(expression.name);
      return (registers) => registers[slot];
    }
    case 'select': {
      const [a, b, then, otherwise] = [expression.a, expression.b, expression.then, expression.otherwise].map(compile);
      switch (expression.compare) {
        case '<':
          return (registers) => (a(registers) < b(registers) ? then(registers) : otherwise(registers));
        case '<=':
          return (registers) => (a(registers) <= b(registers) ? then(registers) : otherwise(registers));
        case '>':
          return (registers) => (a(registers) > b(registers) ? then(registers) : otherwise(registers));
        case '>=':
          return (registers) => (a(registers) >= b(registers) ? then(registers) : otherwise(registers));
        case '==':
          return (registers) => (a(registers) === b(registers) ? then(registers) : otherwise(registers));
      }
      break;
    }
    case 'neg':
    case 'sqrt':
    case 'abs':
    case 'sign':
    case 'exp':
    case 'log': {
      const a = compile(expression.a);
      const apply = UNARY[expression.op];
      return (registers) => apply(a(registers));
    }
    default: {
      const a = compile(expression.a);
      const b = compile(expression.b);
      switch (expression.op) {
        case 'add':
          return (registers) => a(registers) + b(registers);
        case 'sub':
          return (registers) => a(registers) - b(registers);
        case 'mul':
          return (registers) => a(registers) * b(registers);
        case 'div':
          return (registers) => a(registers) / b(registers);
        case 'pow':
          return (registers) => power(a(registers), b(registers));
        case 'min':
          return (registers) => Math.min(a(registers), b(registers));
        case 'max':
          return (registers) => Math.max(a(registers), b(registers));
      }
    }
  }
  throw new Error(`unknown kernel operation ${(expression as { op: string }).op}`);
}

/** The one-argument operations, as float64 functions. */
const UNARY: Readonly<Record<'neg' | 'sqrt' | 'abs' | 'sign' | 'exp' | 'log', (a: number) => number>> = {
  neg: (a) => -a,
  sqrt: Math.sqrt,
  abs: Math.abs,
  sign: Math.sign,
  exp: Math.exp,
  log: Math.log,
};
