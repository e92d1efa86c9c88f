import { compareKernelValues, evaluateKernelExpression } from './kernel-evaluate';
import { operands, type KernelAssignment, type KernelExpr, type OptimizerKernel } from './kernel';

// An optimizer kernel (kernel.ts) run one step at a time with its state in the open, so that the
// step inspector can read the state after a step and replay that step statement by statement with
// every value it read and wrote. The arithmetic is kernel-interpreter.ts's, operation for operation
// (float64, power() for pow), which equals the hand-written optimizers bit for bit (its test says
// so): the inspector's replay therefore walks the same path as the run it inspects.

/** The state a kernel keeps between steps. */
export interface KernelState {
  /** t of the latest step (0 before the first). */
  readonly step: number;
  readonly runState: ReadonlyMap<string, number>;
  readonly coordinateState: ReadonlyMap<string, Float64Array>;
}

/** One statement of a traced step: what it assigned, and the value of each name it read then. */
export interface TracedStatement {
  readonly statement: KernelAssignment;
  /** A step statement's numbers, or per coordinate a coordinate statement's. */
  readonly scope: 'step' | 'coordinate';
  /** The expression with every `select` on step-level values resolved to the branch taken. */
  readonly value: KernelExpr;
  /** Each name the (resolved) expression reads, as it was when the statement ran: one number in step scope, one per coordinate otherwise. */
  readonly reads: ReadonlyMap<string, Float64Array>;
  /** The assigned name's value before the statement (absent for a temporary's first assignment). */
  readonly before: Float64Array | undefined;
  /** What the statement assigned. */
  readonly after: Float64Array;
}

/** One step told statement by statement, and every name's value at its end. */
export interface KernelTrace {
  readonly learningRate: number;
  readonly step: number;
  readonly statements: readonly TracedStatement[];
  /** Step-level names (constants, lr, step, run state, step temporaries) after the step. */
  readonly scalars: ReadonlyMap<string, number>;
  /** Coordinate names (state, param, grad, temporaries) after the step, one value per coordinate. */
  readonly coordinates: ReadonlyMap<string, Float64Array>;
}

/** Names every kernel reads that the step provides. */
const LEARNING_RATE = 'lr';
const STEP = 'step';

/** The kernel's state before its first step (its initial values, read with constants.lr the base rate). */
export function initialKernelState(kernel: OptimizerKernel, dimension: number): KernelState {
  const constants = new Map(Object.entries(kernel.constants));
  const read = (name: string) => constants.get(name) ?? NaN;
  return {
    step: 0,
    runState: new Map(kernel.runState.map((state) => [state.name, evaluateKernelExpression(state.initial, read)])),
    coordinateState: new Map(kernel.coordinateState.map((state) => [state.name, new Float64Array(dimension).fill(evaluateKernelExpression(state.initial, read))])),
  };
}

/**
 * One update from `state` (left unchanged): params ← update(params, gradient) in place, at this
 * step's learning rate. Returns the new state, and with `traced` the step statement by statement.
 */
export function kernelStep(
  kernel: OptimizerKernel,
  state: KernelState,
  params: Float64Array,
  gradient: Float64Array,
  learningRate: number,
  traced: boolean,
): { state: KernelState; trace: KernelTrace | null } {
  const dimension = params.length;
  const step = state.step + 1;
  const scalars = new Map<string, number>(Object.entries(kernel.constants));
  scalars.set(LEARNING_RATE, learningRate);
  scalars.set(STEP, step);
  for (const [name, value] of state.runState) scalars.set(name, value);
  const readScalar = (name: string) => scalars.get(name) ?? NaN;

  const statements: TracedStatement[] = [];
  for (const statement of kernel.stepStatements) {
    const value = traced ? resolveSelects(statement.value, readScalar) : statement.value;
    const before = scalars.get(statement.name);
    const after = evaluateKernelExpression(value, readScalar);
    if (traced) {
      const reads = new Map<string, Float64Array>();
      for (const name of referencedNames(value)) reads.set(name, Float64Array.of(readScalar(name)));
      statements.push({ statement, scope: 'step', value, reads, before: before === undefined ? undefined : Float64Array.of(before), after: Float64Array.of(after) });
    }
    scalars.set(statement.name, after);
  }

  // coordinate statements: every coordinate's names, one array per name
  const coordinates = new Map<string, Float64Array>();
  for (const [name, values] of state.coordinateState) coordinates.set(name, Float64Array.from(values));
  coordinates.set('param', params);
  coordinates.set('grad', Float64Array.from(gradient));
  const resolved = kernel.coordinateStatements.map((statement) => (traced ? resolveSelects(statement.value, readScalar) : statement.value));
  const coordinateTraces = traced
    ? kernel.coordinateStatements.map((statement, s) => ({
        statement,
        value: resolved[s],
        names: referencedNames(resolved[s]),
        reads: new Map(referencedNames(resolved[s]).map((name) => [name, new Float64Array(dimension)])),
        before: coordinates.has(statement.name) || kernel.coordinateStatements.slice(0, s).some((earlier) => earlier.name === statement.name) ? new Float64Array(dimension) : undefined,
        after: new Float64Array(dimension),
      }))
    : [];
  const local = new Map<string, number>();
  const read = (name: string) => local.get(name) ?? readScalar(name);
  for (let i = 0; i < dimension; i++) {
    local.clear();
    for (const [name, values] of coordinates) local.set(name, values[i]);
    for (let s = 0; s < kernel.coordinateStatements.length; s++) {
      const { name } = kernel.coordinateStatements[s];
      const trace = coordinateTraces[s];
      if (trace !== undefined) {
        for (const read of trace.names) trace.reads.get(read)![i] = local.get(read) ?? readScalar(read);
        if (trace.before !== undefined) trace.before[i] = local.get(name) ?? NaN;
      }
      const after = evaluateKernelExpression(resolved[s], read);
      local.set(name, after);
      if (trace !== undefined) trace.after[i] = after;
    }
    for (const [name, value] of local) {
      let values = coordinates.get(name);
      if (values === undefined) coordinates.set(name, (values = new Float64Array(dimension).fill(NaN)));
      values[i] = value;
    }
  }
  // params is the `param` array itself: the update lands in place
  const next: KernelState = {
    step,
    runState: new Map(kernel.runState.map((entry) => [entry.name, readScalar(entry.name)])),
    coordinateState: new Map(kernel.coordinateState.map((entry) => [entry.name, coordinates.get(entry.name)!])),
  };
  if (!traced) return { state: next, trace: null };
  for (const { statement, value, reads, before, after } of coordinateTraces) statements.push({ statement, scope: 'coordinate', value, reads, before, after });
  return { state: next, trace: { learningRate, step, statements, scalars, coordinates } };
}



/**
 * The expression with each `select` whose comparison reads only step-level names replaced by the
 * branch it takes this step (torch's `if weight_decay != 0`, SGD's first step): what the step did.
 */
export function resolveSelects(expression: KernelExpr, readScalar: (name: string) => number): KernelExpr {
  const resolve = (part: KernelExpr) => resolveSelects(part, readScalar);
  switch (expression.op) {
    case 'const':
    case 'ref':
      return expression;
    case 'select': {
      const stepLevel = [expression.a, expression.b].every((side) => referencedNames(side).every((name) => !Number.isNaN(readScalar(name))));
      if (stepLevel) {
        const taken = compareKernelValues(expression.compare, evaluateKernelExpression(expression.a, readScalar), evaluateKernelExpression(expression.b, readScalar));
        return resolve(taken ? expression.then : expression.otherwise);
      }
      return { ...expression, then: resolve(expression.then), otherwise: resolve(expression.otherwise) };
    }
    case 'neg':
    case 'sqrt':
    case 'abs':
    case 'sign':
    case 'exp':
    case 'log':
      return { op: expression.op, a: resolve(expression.a) };
    default:
      return { op: expression.op, a: resolve(expression.a), b: resolve(expression.b) };
  }
}

/** The names an expression reads, each once, in order. */
export function referencedNames(expression: KernelExpr): string[] {
  if (expression.op === 'ref') return [expression.name];
  if (expression.op === 'const') return [];
  return [...new Set(operands(expression).flatMap(referencedNames))];
}
