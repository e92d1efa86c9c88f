import { checkNumber } from '../checks';
import { fail, joinPath, type Checked, type JsonObject } from '../check-values';
import { DataObjective } from '../data/data-objective';
import { classCount, type Dataset } from '../data/dataset';
import { checkDatasetSpec, loadDataset, type DatasetSpec } from '../data/dataset-spec';
import { splitDataset } from '../data/split';
import { applyStandardization, fitStandardization } from '../data/standardize';
import { createModel, type ModelSpec } from '../models';
import { checkModelSpec, MODEL_TASKS, modelTitle } from '../models/model-spec';
import { findBundledDataset } from '../data/bundled';
import { findGenerator } from '../data/generators';
import type { Domain, KnownMinimum } from '../objective';
import type { ProblemKind, ProblemSpec } from './problem';
import type { ResolvedData } from './resolved-data';

// Fitting a model to data as a problem: the parameters are the point, the mean training loss is f.
// A model with two parameters (a line's slope and intercept) gets the map like any surface.

/** A model fitted to a data set, by full batch or mini-batches. */
export interface DataProblem extends ProblemSpec {
  readonly kind: 'data';
  readonly dataset: DatasetSpec;
  readonly model: ModelSpec;
  /** Rows per mini-batch; full batch when absent. */
  readonly batch_size?: number;
}

/** Most rows one mini-batch may hold. */
export const MAX_BATCH_SIZE = 100_000;

/** Prepared data per problem object: checking, the dimension, the domain and resolving all need it. */
const prepared = new WeakMap<DataProblem, ResolvedData>();

/** The data of a validated data problem: loaded, split by its seeded shuffle and scaled (cached per problem). */
export function resolveData(problem: DataProblem): ResolvedData {
  const cached = prepared.get(problem);
  if (cached) return cached;
  const all = loadDataset(problem.dataset);
  const split = splitDataset(all, problem.dataset.validation ?? 0, problem.dataset.seed ?? 0);
  const standardization = problem.dataset.standardize ? fitStandardization(split.train) : null;
  const scale = (dataset: Dataset) => (standardization === null || dataset.rows === 0 ? dataset : applyStandardization(dataset, standardization));
  const classes = classCount(all);
  const data: ResolvedData = {
    all,
    train: scale(split.train),
    validation: scale(split.validation),
    trainIndices: split.trainIndices,
    validationIndices: split.validationIndices,
    standardization,
    model: problem.model,
    createModel: () => createModel(problem.model, all.columns, Math.max(classes, 2)),
    ...(problem.batch_size !== undefined && { batchSize: problem.batch_size }),
  };
  prepared.set(problem, data);
  return data;
}

/** Data sets with a model: linear, logistic, softmax regression and MLPs (engine/models). */
export const dataProblem: ProblemKind<DataProblem> = {
  kind: 'data',
  title: 'a model fitted to data',
  identifyingKey: { name: 'dataset', phrase: 'a "dataset"', hint: ' (with a "model")' },
  keys: ['dataset', 'model', 'batch_size'],
  check: checkDataProblem,
  dimension: (problem) => resolveData(problem).createModel().parameterCount,
  defaultDomain: (problem) => parameterDomain(resolveData(problem)),
  suggestedStarts: (problem) => [Array.from(resolveData(problem).createModel().initialParameters(modelSeed(problem.model)))],
  resolve(problem) {
    const data = resolveData(problem);
    const objective = new DataObjective({ createModel: data.createModel, train: data.train, ...(data.batchSize !== undefined && { batchSize: data.batchSize }) });
    return { objective, minima: knownMinima(data), data };
  },
};

/** The data set's and the model's names: "Two moons · MLP 8-8 tanh", "houses.csv · Linear regression". */
export function dataProblemTitle(problem: DataProblem): string {
  const { dataset } = problem;
  const name = dataset.csv ?? (dataset.name === undefined ? 'data' : (findGenerator(dataset.name)?.title ?? findBundledDataset(dataset.name)?.title ?? dataset.name));
  return `${name} · ${modelTitle(problem.model)}`;
}

/** What a data problem's objective offers beyond f and ∇f: a Hessian (not an MLP's), residuals (MSE models at full batch). */
export function dataProblemOffers(problem: DataProblem): { readonly hessian: boolean; readonly residuals: boolean } {
  const { model } = problem;
  const leastSquaresModel = model.kind === 'linear' || (model.kind === 'mlp' && model.loss === 'mse');
  const fullBatch = problem.batch_size === undefined || problem.batch_size >= resolveData(problem).train.rows;
  return { hessian: model.kind !== 'mlp', residuals: leastSquaresModel && fullBatch };
}

/** What the map's axes are on a two-parameter model: a line's slope and intercept, one feature's weight and bias. */
export function dataPlaneAxisNames(problem: DataProblem): readonly [string, string] {
  return problem.model.kind === 'linear' ? ['slope w', 'intercept b'] : ['weight w', 'bias b'];
}

/** The seed of a model's default initialization. */
function modelSeed(model: ModelSpec): number {
  return model.kind === 'mlp' ? (model.seed ?? 0) : 0;
}

function checkDataProblem(value: JsonObject, path: string): Checked<DataProblem> {
  const at = (key: string) => joinPath(path, key);
  const dataset = checkDatasetSpec(value.dataset, at('dataset'));
  if (!dataset.ok) return dataset;
  const { task } = dataset.value.dataset;
  if (value.model === undefined) return fail(`${at('model')} is missing (give {"kind": "${task === 'regression' ? 'linear' : 'logistic'}"} or an "mlp")`);
  const model = checkModelSpec(value.model, at('model'), task);
  if (!model.ok) return model;
  const errors: string[] = [];
  const classes = classCount(dataset.value.dataset);
  const kind = model.value.kind;
  if (!MODEL_TASKS[kind].includes(task)) {
    errors.push(`${at('model.kind')}: a ${kind} model fits ${MODEL_TASKS[kind].join(' or ')}, and this data set's target is ${task === 'regression' ? 'a value (regression)' : 'a class'}`);
  } else if (kind === 'logistic' && classes !== 2) {
    errors.push(`${at('model.kind')}: logistic regression fits 2 classes and this data set has ${classes}; choose "softmax"`);
  } else if (kind === 'mlp' && model.value.loss === 'cross_entropy' && task === 'regression') {
    errors.push(`${at('model.loss')}: cross-entropy needs classes and this data set's target is a value; choose "mse"`);
  }
  if (value.batch_size !== undefined) {
    const problem = checkNumber(value.batch_size, { min: 1, max: MAX_BATCH_SIZE, integer: true }, at('batch_size'));
    if (problem !== undefined) errors.push(problem);
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: { kind: 'data', dataset: dataset.value.spec, model: model.value, ...(value.batch_size !== undefined && { batch_size: value.batch_size as number }) },
  };
}

/**
 * Where the map shows a two-parameter model (a line's slope and intercept, or one feature's logistic
 * weight and bias): a box holding the default start (the origin) and the least-squares line, with a
 * margin; [−3, 3]² for the rest.
 */
function parameterDomain(data: ResolvedData): Domain {
  const solution = data.model.kind === 'linear' && data.train.columns === 1 ? lineFit(data.train) : null;
  if (solution === null) return [
    [-3, 3],
    [-3, 3],
  ];
  const axis = (value: number): [number, number] => {
    const margin = Math.max(1, 0.5 * Math.abs(value));
    return [Math.min(0, value) - margin, Math.max(0, value) + margin];
  };
  return [axis(solution.slope), axis(solution.intercept)];
}

/** The least-squares line through one feature: its slope, intercept and mean squared error. */
function lineFit(train: Dataset): { slope: number; intercept: number; loss: number } | null {
  const { rows, features, targets } = train;
  if (rows < 2) return null;
  let meanX = 0;
  let meanY = 0;
  for (let i = 0; i < rows; i++) {
    meanX += features[i] / rows;
    meanY += targets[i] / rows;
  }
  let covariance = 0;
  let variance = 0;
  for (let i = 0; i < rows; i++) {
    covariance += (features[i] - meanX) * (targets[i] - meanY);
    variance += (features[i] - meanX) ** 2;
  }
  if (!(variance > 0)) return null;
  const slope = covariance / variance;
  const intercept = meanY - slope * meanX;
  let loss = 0;
  for (let i = 0; i < rows; i++) loss += (slope * features[i] + intercept - targets[i]) ** 2 / rows;
  return { slope, intercept, loss };
}

/** The known optimum: linear regression's least-squares line on one feature (the map marks it). */
function knownMinima(data: ResolvedData): KnownMinimum[] {
  const solution = data.model.kind === 'linear' && data.train.columns === 1 ? lineFit(data.train) : null;
  return solution === null ? [] : [{ point: [solution.slope, solution.intercept], value: solution.loss }];
}
