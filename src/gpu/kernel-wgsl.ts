// An optimizer's update rule (its kernel IR, engine/optimizers/kernel.ts) as WGSL statements in
// float32, for the fused shader (fused-program.ts). Nothing here knows any optimizer: Adam, SGD,
// RMSprop… all come out of the same walk over the statements, so the GPU runs the rule the float64
// interpreter and the golden tests check.
//
// WGSL names: constant c → k_c (a `let`, a literal or a per-run read); `lr` → k_lr (this step's
// scheduled rate) and, in initial values, baseLearningRate; `step` → k_step; run state s → run_s;
// coordinate state s of coordinate i → coordinate{i}_s; param and grad of coordinate i → param{i},
// grad{i}; temporaries t → k_t, declared by their first assignment (step temporaries for the step,
// coordinate temporaries inside each coordinate's block).
import { wgslFloat } from '../engine/expression/wgsl';
import type { KernelAssignment, KernelExpr, OptimizerKernel } from '../engine/methods/first-order/kernel';
import { checkKernel } from '../engine/methods/first-order/kernel-interpreter';
import { compareKernelValues, evaluateKernelExpression, isKnownExpression } from '../engine/methods/first-order/kernel-evaluate';

/** How the shader gets each constant's value for the run at hand. */
export interface KernelWgslOptions {
  /** Coordinates per run (2 for the plane). */
  readonly dimension: number;
  /** WGSL for constant `name` (a per-run read for the ones a sweep varies); absent: its value as a literal. */
  readonly perRunConstant?: (name: string) => string | undefined;
  /** WGSL for the run's base learning rate (constants.lr), which initial values may read. */
  readonly baseLearningRate: string;
  /** WGSL reading a step statement's value from the step table (step-table.ts), for the names it serves. */
  readonly tableValue?: (name: string) => string | undefined;
}

/** The statements of one kernel as WGSL; the shader around them loads and stores the state. */
export interface KernelWgsl {
  /** `let k_c = …;` for every constant, once per run. */
  readonly constantLines: readonly string[];
  /** WGSL variable of each run state, in kernel.runState order. */
  readonly runStateVariables: readonly string[];
  /** WGSL variables of each coordinate state, [state][coordinate], in kernel.coordinateState order. */
  readonly coordinateStateVariables: readonly (readonly string[])[];
  /** Assign every state variable its initial value (reading constants and baseLearningRate). */
  readonly initialLines: readonly string[];
  /** One update: reads k_lr, k_step, param{i} and grad{i} (and the step table); updates the state variables and param{i}. */
  readonly stepLines: readonly string[];
}

const LEARNING_RATE = 'lr';
const STEP = 'step';
const PARAM = 'param';
const GRAD = 'grad';

/** Builds the WGSL of `kernel` (throws if it is malformed or uses a name WGSL cannot spell). */
export function kernelToWgsl(kernel: OptimizerKernel, options: KernelWgslOptions): KernelWgsl {
  const problem = checkKernel(kernel);
  if (problem !== null) throw new Error(`invalid optimizer kernel: ${problem}`);
  const names = [...Object.keys(kernel.constants), ...kernel.runState.map((s) => s.name), ...kernel.coordinateState.map((s) => s.name)];
  for (const statement of [...kernel.stepStatements, ...kernel.coordinateStatements]) names.push(statement.name);
  for (const name of names) {
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name)) throw new Error(`optimizer kernel name '${name}' cannot be a WGSL identifier`);
  }

  const constantNames = new Set(Object.keys(kernel.constants));
  const runState = new Set(kernel.runState.map((s) => s.name));
  const coordinateState = new Set(kernel.coordinateState.map((s) => s.name));
  const coordinates = Array.from({ length: options.dimension }, (_, i) => i);

  // constants no run varies are known on the host: expressions of them alone are folded in float64
  const known = (name: string): number | undefined =>
    name !== LEARNING_RATE && constantNames.has(name) && options.perRunConstant?.(name) === undefined ? kernel.constants[name] : undefined;
  const constantLines = Object.entries(kernel.constants)
    .filter(([name]) => name !== LEARNING_RATE)
    .map(([name, value]) => `let k_${name} = ${options.perRunConstant?.(name) ?? wgslFloat(value)};`);

  /** The WGSL of a name as coordinate `coordinate` (−1: outside the coordinates) reads or writes it. */
  const variable = (name: string, coordinate: number, initial: boolean): string => {
    if (name === LEARNING_RATE) return initial ? options.baseLearningRate : 'k_lr';
    if (name === STEP) return 'k_step';
    if (runState.has(name)) return `run_${name}`;
    if (coordinateState.has(name)) return `coordinate${coordinate}_${name}`;
    if (name === PARAM) return `param${coordinate}`;
    if (name === GRAD) return `grad${coordinate}`;
    // constants and temporaries
    return `k_${name}`;
  };

  const runStateVariables = kernel.runState.map((s) => variable(s.name, -1, true));
  const coordinateStateVariables = kernel.coordinateState.map((s) => coordinates.map((i) => variable(s.name, i, true)));
  const initialLines = [
    ...kernel.runState.map((s, k) => `${runStateVariables[k]} = ${kernelExpressionWgsl(s.initial, (name) => variable(name, -1, true), known)};`),
    ...kernel.coordinateState.flatMap((s, k) => {
      const value = kernelExpressionWgsl(s.initial, (name) => variable(name, -1, true), known);
      return coordinates.map((i) => `${coordinateStateVariables[k][i]} = ${value};`);
    }),
  ];

  const isTemporary = (name: string) => !constantNames.has(name) && !runState.has(name) && !coordinateState.has(name) && name !== PARAM && name !== GRAD;
  const stepLines = statementLines(kernel.stepStatements, (name) => variable(name, -1, false), isTemporary, known, options.tableValue);
  for (const i of coordinates) {
    stepLines.push('{', ...statementLines(kernel.coordinateStatements, (name) => variable(name, i, false), isTemporary, known).map((line) => `  ${line}`), '}');
  }
  return { constantLines, runStateVariables, coordinateStateVariables, initialLines, stepLines };
}

/** Assignments in order; a temporary's first assignment declares it; `tableValue` replaces the values it serves. */
function statementLines(
  statements: readonly KernelAssignment[],
  variable: (name: string) => string,
  isTemporary: (name: string) => boolean,
  known: (name: string) => number | undefined,
  tableValue?: (name: string) => string | undefined,
): string[] {
  const declared = new Set<string>();
  return statements.map((statement) => {
    const target = variable(statement.name);
    const value = tableValue?.(statement.name) ?? kernelExpressionWgsl(statement.value, variable, known);
    if (!isTemporary(statement.name) || declared.has(statement.name)) return `${target} = ${value};`;
    declared.add(statement.name);
    return `var ${target} = ${value};`;
  });
}

const ARITHMETIC = { add: '+', sub: '-', mul: '*', div: '/' } as const;

/**
 * One kernel expression as a parenthesised WGSL f32 expression; `variable` names each ref. Parts that
 * read only names `known` gives values for are folded in float64 into one float32 literal (1 − β₂
 * would lose 1e-5 of its value in float32), and a select comparing such parts keeps only its branch.
 */
export function kernelExpressionWgsl(expression: KernelExpr, variable: (name: string) => string, known: (name: string) => number | undefined = () => undefined): string {
  const emit = (part: KernelExpr) => kernelExpressionWgsl(part, variable, known);
  const isKnown = (part: KernelExpr) => isKnownExpression(part, known);
  if (expression.op !== 'const' && expression.op !== 'ref' && isKnown(expression)) return wgslFloat(evaluateKernelExpression(expression, (name) => known(name) ?? NaN));
  switch (expression.op) {
    case 'const':
      return wgslFloat(expression.value);
    case 'ref':
      return variable(expression.name);
    case 'add':
    case 'sub':
    case 'mul':
    case 'div':
      return `(${emit(expression.a)} ${ARITHMETIC[expression.op]} ${emit(expression.b)})`;
    case 'pow':
      // engine/power.ts's semantics (beta^step by repeated squaring up to step 64, as in float64)
      return `expressionPower(${emit(expression.a)}, ${emit(expression.b)})`;
    case 'min':
      return `ieeeMinimum(${emit(expression.a)}, ${emit(expression.b)})`;
    case 'max':
      return `ieeeMaximum(${emit(expression.a)}, ${emit(expression.b)})`;
    case 'neg':
      return `(-${emit(expression.a)})`;
    case 'sign':
      return `ieeeSign(${emit(expression.a)})`;
    case 'sqrt':
    case 'abs':
    case 'exp':
    case 'log':
      return `${expression.op}(${emit(expression.a)})`;
    case 'select':
      if (isKnown(expression.a) && isKnown(expression.b)) {
        const [a, b] = [expression.a, expression.b].map((part) => evaluateKernelExpression(part, (name) => known(name) ?? NaN));
        return emit(compareKernelValues(expression.compare, a, b) ? expression.then : expression.otherwise);
      }
      return `select(${emit(expression.otherwise)}, ${emit(expression.then)}, ${emit(expression.a)} ${expression.compare} ${emit(expression.b)})`;
  }
}
