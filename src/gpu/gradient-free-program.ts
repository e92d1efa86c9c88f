// The fused shader of a gradient-free basin map: one thread per run steps it through a chunk of K
// steps of random search, simulated annealing, the (1+1)-ES, SPSA or a ZO method (the step from
// gradient-free-wgsl.ts), with f from the formula's tree as a value-only function, and writes the
// run's state anew. A WebGPUProgram, so tfjs compiles, caches, binds and dispatches it.
//
// Per step, as engine/run.ts's Runner and engine/batch/summaries.ts do in float64: a next iterate
// that is not finite or has |coordinate| > DIVERGENCE_BOUND, or whose f is not finite, ends the run
// at the last recorded point with divergedStep = the step it would have been; otherwise record it
// (loss, and for a basin map the first step within the radius of a known minimum). bestLoss is the
// lowest finite f of every evaluation (probes and rejected proposals included), as the oracle's.
import type { WebGPUProgram } from '@tensorflow/tfjs-backend-webgpu/dist/webgpu_program';
import { emitWgslExpressions, WGSL_EXPRESSION_PRELUDE, wgslFloat } from '../engine/expression/wgsl';
import type { Expr } from '../engine/expression/ast';
import { DIVERGENCE_BOUND } from '../engine/run';
import { GPU_DIMENSION } from '../analyses/plan';
import { gradientFreeWgsl } from './gradient-free-wgsl';
import type { GradientFreeJob } from './gradient-free-job';
import { WGSL_RANDOM } from './gpu-random';
import { STATE_SCALARS, type StateLayout } from './state-layout';
import { hashText, nearestMinimumFunction } from './fused-program';

/** Threads per workgroup (one run each). */
const WORKGROUP_SIZE = 256;

/** Uniforms the runner sets per dispatch, in this order: runOffset is the block's first run index, seedBits the stream seed's bits. */
export const GRADIENT_FREE_UNIFORMS = 'firstStep : i32, chunkSteps : i32, numSteps : i32, numRuns : i32, runOffset : i32, seedBits : i32,';

/** A gradient-free job's shader source and the layout of the state it reads and writes. */
export interface GradientFreeShader {
  readonly code: string;
  readonly layout: StateLayout;
  /** Inputs, in binding order. */
  readonly variableNames: readonly string[];
  /** A short key for tfjs's pipeline cache, unique to the code. */
  readonly key: string;
}

/** The state layout of a method with these run states: the point, the summary scalars, then the run state (no gradient). */
export function gradientFreeLayout(runState: readonly string[]): StateLayout {
  let offset = 0;
  const point = Array.from({ length: GPU_DIMENSION }, () => offset++);
  const scalars = Object.fromEntries(STATE_SCALARS.map((name) => [name, offset++])) as StateLayout['scalars'];
  return { dimension: GPU_DIMENSION, stride: offset + runState.length, point, gradient: [], scalars, runState: runState.map(() => offset++), coordinateState: [] };
}

/** Generates the fused shader for a gradient-free job. */
export function gradientFreeShader(job: GradientFreeJob): GradientFreeShader {
  const method = gradientFreeWgsl(job.method, job.constants, job.template.clip);
  const layout = gradientFreeLayout(method.runState.map(([name]) => name));
  const field = (offset: number) => `State[base + ${offset}]`;
  const fields: [string, number][] = [
    ['point0', layout.point[0]],
    ['point1', layout.point[1]],
    ...STATE_SCALARS.filter((name) => name !== 'bestLoss').map((name): [string, number] => [name, layout.scalars[name]]),
    ...method.runState.map(([name], k): [string, number] => [name, layout.runState[k]]),
  ];
  const recordConvergence = (stepValue: string) =>
    job.convergence === null
      ? []
      : ['if (convergedStep < 0.0f) {', '  let minimum = nearestMinimum(point0, point1);', '  if (minimum >= 0) {', `    convergedStep = ${stepValue};`, '    minimumIndex = f32(minimum);', '  }', '}'];

  const body = [
    'if (index >= uniforms.numRuns) {',
    '  return;',
    '}',
    `let base = index * ${layout.stride};`,
    'let run = u32(uniforms.runOffset + index);',
    ...fields.map(([name, offset]) => `var ${name} = ${field(offset)};`),
    `bestLoss = ${field(layout.scalars.bestLoss)};`,
    // the first chunk starts the run: f at the start, which may already be out of bounds
    'if (uniforms.firstStep == 0) {',
    '  loss = objectiveValue(point0, point1);',
    '  bestLoss = loss;',
    '  if (!isRecordable(point0, point1) || !isFiniteValue(loss)) {',
    '    divergedStep = 0.0f;',
    '  }',
    ...indent(recordConvergence('0.0f')),
    ...indent(method.runState.map(([name, initial]) => `${name} = ${initial};`)),
    '}',
    'var stepIndex = uniforms.firstStep;',
    'let lastStep = min(uniforms.firstStep + uniforms.chunkSteps, uniforms.numSteps);',
    'loop {',
    '  if (divergedStep >= 0.0f || stepIndex >= lastStep) {',
    '    break;',
    '  }',
    `  let stepRow = (stepIndex - uniforms.firstStep) * ${job.width};`,
    '  let step = u32(stepIndex);',
    '  var param0 = point0;',
    '  var param1 = point1;',
    '  var nextValue = loss;',
    '  var hasNextValue = false;',
    // set by SPSA and ZO where float32 can no longer resolve their two-point difference (gradient-free-wgsl.ts)
    '  var lostResolution = false;',
    // every method reads the table, so that its binding stays in the pipeline's layout
    '  _ = StepTable[stepRow];',
    '  {',
    ...indent(indent(method.stepLines)),
    '  }',
    '  if (lostResolution || !isRecordable(param0, param1)) {',
    '    divergedStep = f32(stepIndex + 1);',
    '    break;',
    '  }',
    '  if (!hasNextValue) {',
    '    nextValue = evaluate(param0, param1);',
    '  }',
    '  if (!isFiniteValue(nextValue)) {',
    '    divergedStep = f32(stepIndex + 1);',
    '    break;',
    '  }',
    '  point0 = param0;',
    '  point1 = param1;',
    '  loss = nextValue;',
    ...indent(recordConvergence('f32(stepIndex + 1)')),
    '  stepIndex = stepIndex + 1;',
    '}',
    ...fields.map(([name, offset]) => `result[base + ${offset}] = ${name};`),
    `result[base + ${layout.scalars.bestLoss}] = bestLoss;`,
  ];

  const code = [
    WGSL_EXPRESSION_PRELUDE,
    WGSL_RANDOM,
    objectiveValueFunction(job.template.expression),
    '',
    '// the lowest finite f of every evaluation (engine/oracle.ts: −∞ is divergence, never the best)',
    'var<private> bestLoss: f32;',
    '',
    'fn evaluate(x: f32, y: f32) -> f32 {',
    '  let value = objectiveValue(x, y);',
    '  if (value < bestLoss && value != -expressionInfinity()) {',
    '    bestLoss = value;',
    '  }',
    '  return value;',
    '}',
    '',
    '// engine/run.ts: a point may be recorded while both coordinates are finite and within the bound',
    'fn isRecordable(x: f32, y: f32) -> bool {',
    `  return isFiniteValue(x) && isFiniteValue(y) && abs(x) <= ${wgslFloat(DIVERGENCE_BOUND)} && abs(y) <= ${wgslFloat(DIVERGENCE_BOUND)};`,
    '}',
    '',
    ...(job.convergence === null ? [] : nearestMinimumFunction(job.convergence.minima.map((minimum) => [minimum.point[0], minimum.point[1]] as const), job.convergence.radiusSquared)),
    'fn main(index: i32) {',
    ...indent(body),
    '}',
    '',
  ].join('\n');
  return { code, layout, variableNames: ['State', 'StepTable'], key: `optimizerPlaygroundGradientFree_${hashText(code)}` };
}

/** `fn objectiveValue(x: f32, y: f32) -> f32`: f alone (a gradient-free kernel never needs ∇f). */
function objectiveValueFunction(ast: Expr): string {
  const code = emitWgslExpressions([ast], { x: 'x', y: 'y', prefix: 'node' });
  return ['fn objectiveValue(x: f32, y: f32) -> f32 {', ...code.lines.map((line) => `  ${line}`), `  return ${code.results[0]};`, '}'].join('\n');
}

function indent(lines: readonly string[]): string[] {
  return lines.map((line) => `  ${line}`);
}

/** One dispatch of a gradient-free shader over `numRuns` runs. Make a new one per dispatch: runWebGPUProgram extends `shaderKey` in place. */
export class GradientFreeProgram implements WebGPUProgram {
  readonly variableNames: string[];
  readonly outputShape: number[];
  shaderKey: string;
  readonly dispatchLayout = { x: [0] };
  dispatch: [number, number, number];
  readonly workgroupSize: [number, number, number] = [WORKGROUP_SIZE, 1, 1];
  readonly uniforms = GRADIENT_FREE_UNIFORMS;

  constructor(
    private readonly shader: GradientFreeShader,
    numRuns: number,
  ) {
    this.variableNames = [...shader.variableNames];
    this.outputShape = [numRuns * shader.layout.stride];
    this.shaderKey = shader.key;
    this.dispatch = [Math.ceil(numRuns / WORKGROUP_SIZE), 1, 1];
  }

  getUserCode(): string {
    return this.shader.code;
  }
}
