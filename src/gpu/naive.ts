// The naive way, for the benchmark's contrast: the same summaries computed op by op with tfjs,
// each run a lane of [N] tensors, one tfjs op per formula node and per kernel IR node, every step
// a tidy of a few dozen dispatches. It computes what the fused kernel computes (same starts,
// schedule table, clipping, divergence and convergence rules) but pays tfjs's per-op cost on every
// node of every step: DEVELOPERS.md's "op-by-op tfjs" path, never used for real work.
import * as tf from '@tensorflow/tfjs-core';
import { summaryStride, type BasinJob, type SweepJob } from '../engine/batch/types';
import { CLIP_NORM_EPSILON } from '../engine/clipping';
import { dependsOnVariables, type Expr } from '../engine/expression/ast';
import { differentiate } from '../engine/expression/derivative';
import { evaluate } from '../engine/expression/evaluate';
import type { KernelAssignment, KernelExpr } from '../engine/methods/first-order/kernel';
import { DIVERGENCE_BOUND } from '../engine/run';
import { CancelledError } from './fused-runner';
import { FusedJob, type GpuTemplate } from './fused-job';

/** Steps between read-backs (progress, cancel). */
const STEPS_PER_READ = 16;

/** Where a naive job reports to, and how it is stopped. */
export interface NaiveRunCallbacks {
  onProgress(runStepsDone: number, runStepsTotal: number): void;
  isCancelled(): boolean;
  readonly lost?: Promise<never>;
}

/** Everything a run carries from step to step, one [N] tensor per quantity (2-D, as the formulas the GPU runs: x and y). */
interface NaiveState {
  x: tf.Tensor1D;
  y: tf.Tensor1D;
  gradientX: tf.Tensor1D;
  gradientY: tf.Tensor1D;
  loss: tf.Tensor1D;
  bestLoss: tf.Tensor1D;
  convergedStep: tf.Tensor1D;
  divergedStep: tf.Tensor1D;
  minimumIndex: tf.Tensor1D;
  /** Run state by name. */
  run: Record<string, tf.Tensor1D>;
  /** Coordinate state by name, [x, y]. */
  coordinates: Record<string, [tf.Tensor1D, tf.Tensor1D]>;
}

/** Runs [from, to) of the job op by op (2-D: x and y); returns their summaries (SUMMARY_OFFSET order). */
export async function runNaiveJob(template: GpuTemplate, job: BasinJob | SweepJob, from: number, to: number, callbacks: NaiveRunCallbacks): Promise<Float64Array> {
  const fused = new FusedJob(template, job);
  const numRuns = to - from;
  const numSteps = template.numSteps;
  if (numRuns === 0) return new Float64Array(0);
  const expressions = [template.expression, differentiate(template.expression, 'x'), differentiate(template.expression, 'y')];
  const perRunValues = fused.perRunValues(from, to);
  const perRunColumn = (column: number): number[] => Array.from({ length: numRuns }, (_, run) => (perRunValues as Float32Array)[run * fused.perRunStride + column]);
  const rows = perRunValues === null ? null : perRunColumn(0);
  // hyperparameters a sweep varies, as [N] tensors kept for the whole job
  const perRunConstants = new Map(fused.perRunConstants.map((name, k) => [name, tf.tensor1d(perRunColumn(2 + k))]));
  const baseLearningRate = rows === null ? tf.scalar(fused.learningRates[0]) : tf.tensor1d(perRunColumn(1));
  const kernel = fused.kernel;
  // numbers used as operands, uploaded once per job rather than once per use
  const scalars = new Map<number, tf.Scalar>();
  const scalar = (value: number): tf.Scalar => {
    let tensor = scalars.get(value);
    if (tensor === undefined) scalars.set(value, (tensor = tf.keep(tf.scalar(value))));
    return tensor;
  };
  const constant = (name: string): tf.Tensor => perRunConstants.get(name) ?? scalar(kernel.constants[name]);
  const vector = (tensor: tf.Tensor): tf.Tensor1D => (tensor.rank === 0 ? tf.broadcastTo(tensor, [numRuns]) : tensor) as tf.Tensor1D;

  const starts = fused.starts(from, to);
  let state = tidyState(() => start(fused, expressions, starts, constant, baseLearningRate, vector, scalar));
  try {
    for (let step = 0; step < numSteps; step++) {
      const previous = state;
      state = tidyState(() => {
        const column = fused.learningRateTable(step, 1);
        const learningRate = rows === null ? tf.scalar(column[0]) : tf.tensor1d(rows.map((row) => column[row]));
        return advance(previous, step, learningRate, fused, expressions, constant, vector, scalar);
      });
      disposeReplaced(previous, state);
      if ((step + 1) % STEPS_PER_READ === 0 || step + 1 === numSteps) {
        // a read-back paces the queue and lets a cancel in
        const pace = tf.sum(state.loss);
        await (callbacks.lost === undefined ? pace.data() : Promise.race([pace.data(), callbacks.lost]));
        pace.dispose();
        callbacks.onProgress(numRuns * (step + 1), numRuns * numSteps);
        if (callbacks.isCancelled()) throw new CancelledError();
      }
    }
    // one row per run in SUMMARY_OFFSET order: the scalars, then the final point
    const stacked = tf.stack([state.loss, state.bestLoss, state.convergedStep, state.divergedStep, state.minimumIndex, state.x, state.y], 1);
    const values = await stacked.data();
    stacked.dispose();
    const summaries = new Float64Array(numRuns * summaryStride(2));
    summaries.set(values);
    return summaries;
  } finally {
    disposeState(state);
    baseLearningRate.dispose();
    for (const tensor of perRunConstants.values()) tensor.dispose();
    for (const tensor of scalars.values()) tensor.dispose();
  }
}

/** The state at the starts: f and ∇f there, divergence at step 0, convergence at step 0, initial optimizer state. */
function start(
  fused: FusedJob,
  expressions: readonly Expr[],
  starts: Float64Array,
  constant: (name: string) => tf.Tensor,
  baseLearningRate: tf.Tensor,
  vector: (tensor: tf.Tensor) => tf.Tensor1D,
  scalar: (value: number) => tf.Scalar,
): NaiveState {
  const numRuns = starts.length / 2;
  const x = tf.tensor1d(Array.from({ length: numRuns }, (_, run) => starts[2 * run]));
  const y = tf.tensor1d(Array.from({ length: numRuns }, (_, run) => starts[2 * run + 1]));
  const [loss, gradientX, gradientY] = evaluateFormula(expressions, x, y, vector, scalar);
  const problem = tf.logicalNot(tf.logicalAnd(recordable(x, y), tf.isFinite(loss)));
  const minusOne = tf.fill([numRuns], -1) as tf.Tensor1D;
  const divergedStep = tf.where(problem, tf.zerosLike(loss), minusOne) as tf.Tensor1D;
  const [convergedStep, minimumIndex] = convergence(fused, x, y, tf.ones([numRuns], 'bool'), 0, minusOne, minusOne);
  // a copy: the state must not share a tensor with the job's constants
  const initial = (expression: KernelExpr) => tf.clone(vector(kernelExpression(expression, (name) => (name === 'lr' ? baseLearningRate : constant(name)), vector, scalar)));
  const run = Object.fromEntries(fused.kernel.runState.map((s) => [s.name, initial(s.initial)]));
  const coordinates = Object.fromEntries(fused.kernel.coordinateState.map((s) => [s.name, [initial(s.initial), initial(s.initial)] as [tf.Tensor1D, tf.Tensor1D]]));
  return { x, y, gradientX, gradientY, loss, bestLoss: loss.clone(), convergedStep, divergedStep, minimumIndex, run, coordinates };
}

/** One update of every run still going, op by op. */
function advance(
  state: NaiveState,
  step: number,
  learningRate: tf.Tensor,
  fused: FusedJob,
  expressions: readonly Expr[],
  constant: (name: string) => tf.Tensor,
  vector: (tensor: tf.Tensor) => tf.Tensor1D,
  scalar: (value: number) => tf.Scalar,
): NaiveState {
  const kernel = fused.kernel;
  let gradients: tf.Tensor[] = [state.gradientX, state.gradientY];
  const clip = fused.template.clip;
  if (clip?.type === 'value') gradients = gradients.map((g) => tf.clipByValue(g, -clip.clip_value, clip.clip_value));
  else if (clip?.type === 'norm') {
    const norm = tf.sqrt(tf.add(tf.square(gradients[0]), tf.square(gradients[1])));
    const scale = tf.minimum(tf.div(clip.max_norm, tf.add(norm, CLIP_NORM_EPSILON)), 1);
    gradients = gradients.map((g) => tf.mul(g, scale));
  }
  const names = new Map<string, tf.Tensor>([
    ['lr', learningRate],
    ['step', scalar(step + 1)],
    ...Object.entries(state.run),
  ]);
  const read = (scope: Map<string, tf.Tensor>) => (name: string) => scope.get(name) ?? names.get(name) ?? constant(name);
  runStatements(kernel.stepStatements, names, read(names), vector, scalar);
  const params: tf.Tensor[] = [];
  const coordinateStates = kernel.coordinateState.map((): tf.Tensor1D[] => []);
  for (const i of [0, 1]) {
    const scope = new Map<string, tf.Tensor>([
      ['param', i === 0 ? state.x : state.y],
      ['grad', gradients[i]],
      ...Object.entries(state.coordinates).map(([name, values]): [string, tf.Tensor] => [name, values[i]]),
    ]);
    runStatements(kernel.coordinateStatements, scope, read(scope), vector, scalar);
    params.push(vector(scope.get('param') as tf.Tensor));
    kernel.coordinateState.forEach((s, k) => coordinateStates[k].push(vector(scope.get(s.name) as tf.Tensor)));
  }
  const [newX, newY] = params as tf.Tensor1D[];
  const [value, gradientX, gradientY] = evaluateFormula(expressions, newX, newY, vector, scalar);
  const active = tf.less(state.divergedStep, 0);
  const ok = tf.logicalAnd(recordable(newX, newY), tf.isFinite(value));
  const accept = tf.logicalAnd(active, ok);
  const keep = (next: tf.Tensor, previous: tf.Tensor1D): tf.Tensor1D => tf.where(accept, vector(next), previous) as tf.Tensor1D;
  const divergedStep = tf.where(tf.logicalAnd(active, tf.logicalNot(ok)), tf.fill([newX.size], step + 1), state.divergedStep) as tf.Tensor1D;
  const x = keep(newX, state.x);
  const y = keep(newY, state.y);
  const [convergedStep, minimumIndex] = convergence(fused, x, y, accept, step + 1, state.convergedStep, state.minimumIndex);
  return {
    x,
    y,
    gradientX: keep(gradientX, state.gradientX),
    gradientY: keep(gradientY, state.gradientY),
    loss: keep(value, state.loss),
    bestLoss: tf.where(tf.logicalAnd(accept, tf.less(value, state.bestLoss)), value, state.bestLoss) as tf.Tensor1D,
    convergedStep,
    divergedStep,
    minimumIndex,
    run: Object.fromEntries(kernel.runState.map((s) => [s.name, keep(names.get(s.name) as tf.Tensor, state.run[s.name])])),
    coordinates: Object.fromEntries(
      kernel.coordinateState.map((s, k) => [s.name, [keep(coordinateStates[k][0], state.coordinates[s.name][0]), keep(coordinateStates[k][1], state.coordinates[s.name][1])]]),
    ),
  };
}

/** Runs kernel statements, writing each assignment into `scope`. */
function runStatements(
  statements: readonly KernelAssignment[],
  scope: Map<string, tf.Tensor>,
  read: (name: string) => tf.Tensor,
  vector: (tensor: tf.Tensor) => tf.Tensor1D,
  scalar: (value: number) => tf.Scalar,
): void {
  for (const statement of statements) scope.set(statement.name, kernelExpression(statement.value, read, vector, scalar));
}

/** One tfjs op per kernel IR node. */
function kernelExpression(expression: KernelExpr, read: (name: string) => tf.Tensor, vector: (tensor: tf.Tensor) => tf.Tensor1D, scalar: (value: number) => tf.Scalar): tf.Tensor {
  const emit = (part: KernelExpr) => kernelExpression(part, read, vector, scalar);
  switch (expression.op) {
    case 'const':
      return scalar(expression.value);
    case 'ref':
      return read(expression.name);
    case 'add':
      return tf.add(emit(expression.a), emit(expression.b));
    case 'sub':
      return tf.sub(emit(expression.a), emit(expression.b));
    case 'mul':
      return tf.mul(emit(expression.a), emit(expression.b));
    case 'div':
      return tf.div(emit(expression.a), emit(expression.b));
    case 'pow':
      return tf.pow(emit(expression.a), emit(expression.b));
    case 'min':
      return tf.minimum(emit(expression.a), emit(expression.b));
    case 'max':
      return tf.maximum(emit(expression.a), emit(expression.b));
    case 'neg':
      return tf.neg(emit(expression.a));
    case 'sqrt':
      return tf.sqrt(emit(expression.a));
    case 'abs':
      return tf.abs(emit(expression.a));
    case 'sign':
      return tf.sign(emit(expression.a));
    case 'exp':
      return tf.exp(emit(expression.a));
    case 'log':
      return tf.log(emit(expression.a));
    case 'select': {
      const a = emit(expression.a);
      const b = emit(expression.b);
      const condition = { '<': tf.less, '<=': tf.lessEqual, '>': tf.greater, '>=': tf.greaterEqual, '==': tf.equal }[expression.compare](a, b);
      return tf.where(vector(condition), vector(emit(expression.then)), vector(emit(expression.otherwise)));
    }
  }
}

/** f, ∂f/∂x, ∂f/∂y at (x, y): one tfjs op per distinct node of the three trees. */
function evaluateFormula(expressions: readonly Expr[], x: tf.Tensor1D, y: tf.Tensor1D, vector: (tensor: tf.Tensor) => tf.Tensor1D, scalar: (value: number) => tf.Scalar): tf.Tensor1D[] {
  const done = new Map<Expr, tf.Tensor>();
  const node = (expr: Expr): tf.Tensor => {
    let value = done.get(expr);
    if (value === undefined) {
      value = formulaNode(expr, node, x, y, scalar);
      done.set(expr, value);
    }
    return value;
  };
  return expressions.map((expr) => vector(node(expr)));
}

function formulaNode(expr: Expr, node: (expr: Expr) => tf.Tensor, x: tf.Tensor, y: tf.Tensor, scalar: (value: number) => tf.Scalar): tf.Tensor {
  if (!dependsOnVariables(expr)) return scalar(evaluate(expr, NaN, NaN));
  switch (expr.type) {
    case 'variable':
      return expr.name === 'x' ? x : y;
    case 'negate':
      return tf.neg(node(expr.operand));
    case 'sign':
      return tf.sign(node(expr.operand));
    case 'binary': {
      const left = node(expr.left);
      if (expr.operator === '^' && expr.right.type === 'number' && expr.right.value === 2) return tf.square(left);
      const right = node(expr.right);
      return { '+': tf.add, '-': tf.sub, '*': tf.mul, '/': tf.div, '^': tf.pow }[expr.operator](left, right);
    }
    case 'call': {
      const args = expr.args.map(node);
      if (expr.name === 'min' || expr.name === 'max') return args.slice(1).reduce((a, b) => (expr.name === 'min' ? tf.minimum(a, b) : tf.maximum(a, b)), args[0]);
      return tf[expr.name](args[0]);
    }
    case 'select': {
      const left = node(expr.left);
      const right = node(expr.right);
      const condition = expr.comparison === '<=' ? tf.lessEqual(left, right) : tf.greaterEqual(left, right);
      const shape = [Math.max(x.size, 1)];
      return tf.where(tf.broadcastTo(condition, shape), tf.broadcastTo(node(expr.whenTrue), shape), tf.broadcastTo(node(expr.whenFalse), shape));
    }
    default:
      return scalar(evaluate(expr, NaN, NaN));
  }
}

/** engine/run.ts's test: both coordinates finite and within DIVERGENCE_BOUND. */
function recordable(x: tf.Tensor, y: tf.Tensor): tf.Tensor {
  const within = (v: tf.Tensor) => tf.logicalAnd(tf.isFinite(v), tf.lessEqual(tf.abs(v), DIVERGENCE_BOUND));
  return tf.logicalAnd(within(x), within(y));
}

/** Records, where `recorded` and not yet converged, the step and the nearest known minimum within the radius. */
function convergence(fused: FusedJob, x: tf.Tensor1D, y: tf.Tensor1D, recorded: tf.Tensor, step: number, convergedStep: tf.Tensor1D, minimumIndex: tf.Tensor1D): [tf.Tensor1D, tf.Tensor1D] {
  const test = fused.convergence;
  if (test === null) return [convergedStep, minimumIndex];
  let nearest: tf.Tensor = tf.fill([x.size], -1);
  let nearestSquared: tf.Tensor = tf.fill([x.size], test.radiusSquared);
  test.minima.forEach((minimum, m) => {
    const distanceSquared = tf.add(tf.square(tf.sub(x, minimum.point[0])), tf.square(tf.sub(y, minimum.point[1])));
    const closer = tf.lessEqual(distanceSquared, nearestSquared);
    nearest = tf.where(closer, tf.fill([x.size], m), nearest);
    nearestSquared = tf.where(closer, distanceSquared, nearestSquared);
  });
  const newly = tf.logicalAnd(tf.logicalAnd(recorded, tf.less(convergedStep, 0)), tf.greaterEqual(nearest, 0));
  return [tf.where(newly, tf.fill([x.size], step), convergedStep) as tf.Tensor1D, tf.where(newly, nearest, minimumIndex) as tf.Tensor1D];
}

/** tf.tidy for a NaiveState (tidy keeps every tensor reachable from what the function returns). */
function tidyState(make: () => NaiveState): NaiveState {
  return tf.tidy(() => make() as unknown as tf.TensorContainer) as unknown as NaiveState;
}

function stateTensors(state: NaiveState): tf.Tensor[] {
  return [
    ...[state.x, state.y, state.gradientX, state.gradientY, state.loss, state.bestLoss, state.convergedStep, state.divergedStep, state.minimumIndex],
    ...Object.values(state.run),
    ...Object.values(state.coordinates).flat(),
  ];
}

function disposeState(state: NaiveState): void {
  tf.dispose(stateTensors(state));
}

/** Disposes the tensors of `previous` that `next` does not carry over (an unchanged quantity is the same tensor). */
function disposeReplaced(previous: NaiveState, next: NaiveState): void {
  const kept = new Set(stateTensors(next));
  tf.dispose(stateTensors(previous).filter((tensor) => !kept.has(tensor)));
}
