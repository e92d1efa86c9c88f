import type { DatasetTask } from '../../engine/data/dataset';
import type { ModelSpec } from '../../engine/models';
import { DEFAULT_EXPERIMENT, type ExperimentRun, type Problem } from '../../experiment/experiment';
import { canonical } from '../../experiment/problem-switch';

// What choosing a data set in the problem panel sets up, so each opens on a fit that works with the
// default runs: the curves as a lesson would draw them (TensorFlow Playground's two moons with a
// small tanh MLP and batches of 10), the linear models where they are the point (a line's slope and
// intercept get the map), and standardized features where the raw scales differ by orders of
// magnitude (xor and the spiral reach ±5, blobs ±12, breast cancer's areas are in the thousands).

/** A data set's default model, split, scaling and batch size. */
export interface DataPreset {
  readonly model: ModelSpec;
  readonly standardize?: boolean;
  /** Fraction held out for validation. */
  readonly validation?: number;
  /** Rows per mini-batch; full batch when absent. */
  readonly batchSize?: number;
}

/** The small MLP TensorFlow Playground opens with, on class data. */
const CLASSIFIER_MLP: ModelSpec = { kind: 'mlp', hidden: [8, 8], activation: 'tanh', loss: 'cross_entropy' };

/** Presets by data set name (generators and bundled sets); anything else takes presetForTask. */
export const DATA_PRESETS: Readonly<Record<string, DataPreset>> = {
  linear_1d: { model: { kind: 'linear' } },
  polynomial: { model: { kind: 'mlp', hidden: [16], activation: 'tanh', loss: 'mse' } },
  regression: { model: { kind: 'linear' }, validation: 0.2 },
  two_moons: { model: CLASSIFIER_MLP, validation: 0.2, batchSize: 10 },
  circles: { model: CLASSIFIER_MLP, validation: 0.2, batchSize: 10 },
  spiral: { model: CLASSIFIER_MLP, standardize: true, validation: 0.2, batchSize: 10 },
  xor: { model: CLASSIFIER_MLP, standardize: true, validation: 0.2, batchSize: 10 },
  blobs: { model: { kind: 'softmax' }, standardize: true, validation: 0.2 },
  classification: { model: { kind: 'logistic' }, validation: 0.2 },
  iris: { model: { kind: 'softmax' }, standardize: true, validation: 0.2 },
  wine: { model: { kind: 'softmax' }, standardize: true, validation: 0.2 },
  digits: { model: { kind: 'softmax' }, standardize: true, validation: 0.2, batchSize: 64 },
  breast_cancer: { model: { kind: 'logistic' }, standardize: true, validation: 0.2 },
  diabetes: { model: { kind: 'linear' }, standardize: true, validation: 0.2 },
};

/** The preset for a data set of unknown name (the user's CSV): a linear or logistic/softmax model on standardized features. */
export function presetForTask(task: DatasetTask, classes: number): DataPreset {
  return { model: defaultModel(task, classes), standardize: true };
}

/** The plain model for a task: linear regression for values, logistic regression for 2 classes, softmax for more. */
export function defaultModel(task: DatasetTask, classes: number): ModelSpec {
  if (task === 'regression') return { kind: 'linear' };
  return classes === 2 ? { kind: 'logistic' } : { kind: 'softmax' };
}

/**
 * The model kept when the data changes under it, changed only as far as the new data needs: a
 * linear model on classes, or a logistic one on values, becomes the task's plain model; logistic
 * regression on more than 2 classes becomes softmax; an MLP keeps its layers and takes the task's loss.
 */
export function fitModelToData(model: ModelSpec, task: DatasetTask, classes: number): ModelSpec {
  switch (model.kind) {
    case 'linear':
      return task === 'regression' ? model : defaultModel(task, classes);
    case 'logistic':
      if (task === 'regression') return defaultModel(task, classes);
      return classes === 2 ? model : { kind: 'softmax' };
    case 'softmax':
      return task === 'regression' ? defaultModel(task, classes) : model;
    case 'mlp': {
      if (task === 'regression' && model.loss === 'cross_entropy') return { ...model, loss: 'mse' };
      return model;
    }
  }
}

/**
 * The runs a switch to fitting data starts with: gradient descent and Adam at rates that suit a
 * mean loss over data (the surfaces' lr 0.001 for GD barely moves a model).
 */
export const DATA_RUNS: readonly ExperimentRun[] = [
  { optimizer: 'sgd', hyper: { lr: 0.1 }, start: [0, 0] },
  { optimizer: 'adam', hyper: { lr: 0.01 }, start: [0, 0] },
];

/**
 * The runs after a switch between a surface (or formula) and data. Runs still as the page opened
 * (the surfaces' defaults, tuned for Rosenbrock) become DATA_RUNS on data, and DATA_RUNS become the
 * page's defaults again on the way back; runs the user changed are kept. Starts are left for the
 * store's setProblem to move (a start at the old problem's suggestion moves to the new one's, a
 * start of the wrong dimension too), so each returned run keeps the first run's start.
 */
export function runsForSwitch(runs: readonly ExperimentRun[], previous: Problem, next: Problem): readonly ExperimentRun[] {
  const toData = previous.kind !== 'data' && next.kind === 'data';
  const fromData = previous.kind === 'data' && next.kind !== 'data';
  const start = runs[0]?.start ?? [];
  if (toData && sameRuns(runs, DEFAULT_EXPERIMENT.runs)) return DATA_RUNS.map((run) => ({ ...run, start }));
  if (fromData && sameRuns(runs, DATA_RUNS)) return DEFAULT_EXPERIMENT.runs.map((run) => ({ ...run, start }));
  return runs;
}

/** True when the runs are these template runs in order: the same method and settings, nothing else set. */
function sameRuns(runs: readonly ExperimentRun[], template: readonly ExperimentRun[]): boolean {
  if (runs.length !== template.length) return false;
  return runs.every((run, index) => {
    const { start: _start, ...settings } = run;
    const { start: _templateStart, ...templateSettings } = template[index];
    return canonical(settings) === canonical(templateSettings);
  });
}
