// The whole fused shader of a job: one thread per run steps it through a chunk of K updates with
// f and ∇f from the formula's tree (engine/expression/wgsl.ts) and the update rule from the
// optimizer's kernel IR (kernel-wgsl.ts; the step statements every run shares come from the host's
// step table, step-table.ts), and writes the run's state anew. It is a WebGPUProgram,
// so tfjs-backend-webgpu compiles, caches, binds and dispatches it and owns every buffer.
//
// Per update, as engine/run.ts's Runner and engine/batch/summaries.ts do in float64: clip the
// gradient; take this step's learning rate from the step table; apply the update; a point that
// is not finite or has |coordinate| > DIVERGENCE_BOUND, or whose f is not finite, ends the run at
// the last recorded point with divergedStep = the step it would have been; otherwise record it
// (loss, best loss with <, and for a basin map the first step within the radius of a known minimum).
import type { WebGPUProgram } from '@tensorflow/tfjs-backend-webgpu/dist/webgpu_program';
import { CLIP_NORM_EPSILON, type ClipSpec } from '../engine/clipping';
import { objectiveWgslFunction, WGSL_EXPRESSION_PRELUDE, wgslFloat } from '../engine/expression/wgsl';
import { DIVERGENCE_BOUND } from '../engine/run';
import { GPU_DIMENSION } from '../analyses/plan';
import type { FusedJob } from './fused-job';
import { kernelToWgsl } from './kernel-wgsl';
import { STATE_SCALARS, stateLayout, type StateLayout } from './state-layout';

/** Threads per workgroup (one run each). */
const WORKGROUP_SIZE = 256;

/**
 * The kernels' fast path: every objective here is a formula f(x, y) (n-dimensional problems have
 * none and run on TypeScript), so a run's point is (point0, point1) and objectiveAt returns
 * (f, ∂f/∂x, ∂f/∂y).
 */
const DIMENSION = GPU_DIMENSION;

/** Uniforms the runner sets per dispatch, in this order (tfjs appends them to its own). */
export const FUSED_UNIFORMS = 'firstStep : i32, chunkSteps : i32, numSteps : i32, numRuns : i32,';

/** A job's shader source and the layout of the state it reads and writes. */
export interface FusedShader {
  readonly code: string;
  readonly layout: StateLayout;
  /** Inputs, in binding order: State, StepTable, and RunHypers for a sweep. */
  readonly variableNames: readonly string[];
  /** A short key for tfjs's pipeline cache, unique to the code. */
  readonly key: string;
}

/** Generates the fused shader for a job (throws for an optimizer kernel WGSL cannot express). */
export function fusedShader(job: FusedJob): FusedShader {
  const layout = stateLayout(job.kernel, DIMENSION);
  const perRun = job.perRunStride > 0;
  const perRunConstant = (name: string) => {
    const k = job.perRunConstants.indexOf(name);
    return k < 0 ? undefined : `RunHypers[index * ${job.perRunStride} + ${2 + k}]`;
  };
  const { hoisted, width } = job.stepPlan;
  const kernel = kernelToWgsl(job.kernel, {
    dimension: DIMENSION,
    perRunConstant,
    baseLearningRate: perRun ? `RunHypers[index * ${job.perRunStride} + 1]` : wgslFloat(job.learningRates[0]),
    tableValue: (name) => (hoisted.includes(name) ? `StepTable[stepRow + ${1 + hoisted.indexOf(name)}]` : undefined),
  });
  const field = (offset: number) => `State[base + ${offset}]`;
  const stateVariables: [string, number][] = [
    ...kernel.runStateVariables.map((name, k): [string, number] => [name, layout.runState[k]]),
    ...kernel.coordinateStateVariables.flatMap((names, k) => names.map((name, i): [string, number] => [name, layout.coordinateState[k][i]])),
  ];
  // the run's fixed fields as WGSL variables: point{i}, gradient{i}, then the scalars by name
  const coordinates = layout.point.map((_, i) => i);
  const fields: [string, number][] = [
    ...layout.point.map((offset, i): [string, number] => [`point${i}`, offset]),
    ...layout.gradient.map((offset, i): [string, number] => [`gradient${i}`, offset]),
    ...STATE_SCALARS.map((name): [string, number] => [name, layout.scalars[name]]),
  ];
  const list = (prefix: string) => coordinates.map((i) => `${prefix}${i}`).join(', ');
  // objectiveAt's vec3: f, then ∂f/∂x and ∂f/∂y
  const takeGradient = (value: string) => coordinates.map((i) => `gradient${i} = ${value}.${'yz'[i]};`);
  const convergence = job.convergence;
  const recordConvergence = (step: string) =>
    convergence === null
      ? []
      : [
          'if (convergedStep < 0.0f) {',
          `  let minimum = nearestMinimum(${list('point')});`,
          '  if (minimum >= 0) {',
          `    convergedStep = ${step};`,
          '    minimumIndex = f32(minimum);',
          '  }',
          '}',
        ];

  const body = [
    'if (index >= uniforms.numRuns) {',
    '  return;',
    '}',
    `let base = index * ${layout.stride};`,
    ...fields.map(([name, offset]) => `var ${name} = ${field(offset)};`),
    ...stateVariables.map(([name, offset]) => `var ${name} = ${field(offset)};`),
    perRun ? `let learningRateRow = i32(RunHypers[index * ${job.perRunStride}]);` : 'let learningRateRow = 0;',
    ...kernel.constantLines,
    // the first chunk starts the run: f and ∇f at the start, which may already be out of bounds
    'if (uniforms.firstStep == 0) {',
    `  let startValue = objectiveAt(${list('point')});`,
    '  loss = startValue.x;',
    '  bestLoss = startValue.x;',
    ...indent(takeGradient('startValue')),
    `  if (!isRecordable(${list('point')}) || !isFiniteValue(loss)) {`,
    '    divergedStep = 0.0f;',
    '  }',
    ...indent(recordConvergence('0.0f')),
    ...indent(kernel.initialLines),
    '}',
    'var stepIndex = uniforms.firstStep;',
    'let lastStep = min(uniforms.firstStep + uniforms.chunkSteps, uniforms.numSteps);',
    'loop {',
    '  if (divergedStep >= 0.0f || stepIndex >= lastStep) {',
    '    break;',
    '  }',
    // this step's row of the step table: lr, then the step statements the host computed
    `  let stepRow = (learningRateRow * uniforms.chunkSteps + stepIndex - uniforms.firstStep) * ${width};`,
    '  let k_lr = StepTable[stepRow];',
    '  let k_step = f32(stepIndex + 1);',
    ...coordinates.map((i) => `  var grad${i} = gradient${i};`),
    ...indent(clippingLines(job.template.clip)),
    ...coordinates.map((i) => `  var param${i} = point${i};`),
    ...indent(kernel.stepLines),
    `  if (!isRecordable(${list('param')})) {`,
    '    divergedStep = f32(stepIndex + 1);',
    '    break;',
    '  }',
    `  let nextValue = objectiveAt(${list('param')});`,
    '  if (!isFiniteValue(nextValue.x)) {',
    '    divergedStep = f32(stepIndex + 1);',
    '    break;',
    '  }',
    ...coordinates.map((i) => `  point${i} = param${i};`),
    '  loss = nextValue.x;',
    ...indent(takeGradient('nextValue')),
    '  if (loss < bestLoss) {',
    '    bestLoss = loss;',
    '  }',
    ...indent(recordConvergence('f32(stepIndex + 1)')),
    '  stepIndex = stepIndex + 1;',
    '}',
    ...fields.map(([name, offset]) => `result[base + ${offset}] = ${name};`),
    ...stateVariables.map(([name, offset]) => `result[base + ${offset}] = ${name};`),
  ];

  const code = [
    WGSL_EXPRESSION_PRELUDE,
    objectiveWgslFunction('objectiveAt', job.template.expression),
    '',
    '// engine/run.ts: a point may be recorded while both coordinates are finite and within the bound',
    'fn isRecordable(x: f32, y: f32) -> bool {',
    `  return isFiniteValue(x) && isFiniteValue(y) && abs(x) <= ${wgslFloat(DIVERGENCE_BOUND)} && abs(y) <= ${wgslFloat(DIVERGENCE_BOUND)};`,
    '}',
    '',
    ...(convergence === null ? [] : nearestMinimumFunction(convergence.minima.map((minimum) => [minimum.point[0], minimum.point[1]] as const), convergence.radiusSquared)),
    'fn main(index: i32) {',
    ...indent(body),
    '}',
    '',
  ].join('\n');
  const variableNames = ['State', 'StepTable', ...(perRun ? ['RunHypers'] : [])];
  return { code, layout, variableNames, key: `optimizerPlaygroundFused_${hashText(code)}` };
}

/** engine/clipping.ts in WGSL, on grad0 and grad1 (NaN propagating as Math.min and Math.max do). */
function clippingLines(clip: ClipSpec | undefined): string[] {
  if (clip === undefined) return [];
  if (clip.type === 'value') {
    const limit = wgslFloat(clip.clip_value);
    const negative = wgslFloat(-clip.clip_value);
    return [0, 1].map((i) => `grad${i} = ieeeMinimum(ieeeMaximum(grad${i}, ${negative}), ${limit});`);
  }
  return [
    `let clipScale = ieeeMinimum(${wgslFloat(clip.max_norm)} / (sqrt(grad0 * grad0 + grad1 * grad1) + ${wgslFloat(CLIP_NORM_EPSILON)}), 1.0f);`,
    'grad0 = grad0 * clipScale;',
    'grad1 = grad1 * clipScale;',
  ];
}

/** engine/batch/summaries.ts's nearestWithin: the last minimum at the smallest distance within the radius, or −1. */
export function nearestMinimumFunction(minima: readonly (readonly [number, number])[], radiusSquared: number): string[] {
  return [
    'fn nearestMinimum(x: f32, y: f32) -> i32 {',
    '  var nearest = -1;',
    `  var nearestSquared = ${wgslFloat(radiusSquared)};`,
    ...minima.flatMap(([mx, my], m) => [
      '  {',
      `    let dx = x - ${wgslFloat(mx)};`,
      `    let dy = y - ${wgslFloat(my)};`,
      '    let distanceSquared = dx * dx + dy * dy;',
      '    if (distanceSquared <= nearestSquared) {',
      `      nearest = ${m};`,
      '      nearestSquared = distanceSquared;',
      '    }',
      '  }',
    ]),
    '  return nearest;',
    '}',
    '',
  ];
}

function indent(lines: readonly string[]): string[] {
  return lines.map((line) => `  ${line}`);
}

/** 53-bit string hash (cyrb53) in base 36, for the pipeline cache key. */
export function hashText(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36) + `_${text.length}`;
}

/**
 * One dispatch of a fused shader over `numRuns` runs, as tfjs-backend-webgpu's program interface
 * wants it. Make a new one per dispatch: runWebGPUProgram extends `shaderKey` in place.
 */
export class FusedProgram implements WebGPUProgram {
  readonly variableNames: string[];
  readonly outputShape: number[];
  shaderKey: string;
  readonly dispatchLayout = { x: [0] };
  dispatch: [number, number, number];
  readonly workgroupSize: [number, number, number] = [WORKGROUP_SIZE, 1, 1];
  readonly uniforms = FUSED_UNIFORMS;

  constructor(
    private readonly shader: FusedShader,
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
