import { describe, expect, it } from 'vitest';
import { classCount } from '../../engine/data/dataset';
import { DATASET_GENERATORS } from '../../engine/data/generators';
import { createModel } from '../../engine/models';
import { MODEL_TASKS } from '../../engine/models/model-spec';
import { problemDimension, problemSuggestedStarts, resolveData } from '../../engine/problems';
import { DEFAULT_EXPERIMENT } from '../../experiment/experiment';
import { startsForProblem } from '../../experiment/problem-switch';
import { runExperiment } from '../../experiment/run-experiment';
import { createAppStore } from '../../store/store';
import { applyProblem } from './apply-problem';
import { checkDraft, draftForDataset } from './data-draft';
import { DATA_PRESETS, DATA_RUNS, defaultModel, fitModelToData, runsForSwitch } from './data-presets';

function checked(name: string) {
  const result = checkDraft(draftForDataset(name));
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.value;
}

describe('the data sets\' presets', () => {
  it('gives every generator a preset whose model fits its task and passes validation', () => {
    for (const generator of DATASET_GENERATORS) {
      expect(DATA_PRESETS[generator.name], generator.name).toBeDefined();
      const problem = checked(generator.name);
      expect(MODEL_TASKS[problem.model.kind], generator.name).toContain(generator.task);
    }
  });

  it('opens two moons on a 2-8-8-1 tanh MLP with batches of 10, and the line on linear regression (two parameters: the map)', () => {
    const moons = checked('two_moons');
    expect(moons.model).toEqual({ kind: 'mlp', hidden: [8, 8], activation: 'tanh', loss: 'cross_entropy' });
    expect(moons.batch_size).toBe(10);
    // 2·8 + 8, 8·8 + 8, 8·1 + 1
    expect(problemDimension(moons)).toBe(105);
    const line = checked('linear_1d');
    expect(line.model).toEqual({ kind: 'linear' });
    expect(problemDimension(line)).toBe(2);
  });

  it('trains each generator\'s preset with the data runs: both runs lower the training loss in 300 steps', () => {
    for (const generator of DATASET_GENERATORS) {
      const problem = checked(generator.name);
      const start = problemSuggestedStarts(problem)[0];
      const { runs } = runExperiment({ ...DEFAULT_EXPERIMENT, problem, runs: DATA_RUNS.map((run) => ({ ...run, start })) });
      runs.forEach((run, index) => {
        const last = run.loss[run.loss.length - 1];
        const name = `${generator.name} ${DATA_RUNS[index].optimizer}`;
        expect(Number.isFinite(last), name).toBe(true);
        expect(last, name).toBeLessThan(run.loss[0]);
      });
    }
  });

  it('names presets for the bundled sets: softmax for the 3- and 10-class ones, logistic for breast cancer, linear for diabetes, standardized', () => {
    expect(DATA_PRESETS.iris.model.kind).toBe('softmax');
    expect(DATA_PRESETS.wine.model.kind).toBe('softmax');
    expect(DATA_PRESETS.digits.model.kind).toBe('softmax');
    expect(DATA_PRESETS.breast_cancer).toMatchObject({ model: { kind: 'logistic' }, standardize: true });
    expect(DATA_PRESETS.diabetes).toMatchObject({ model: { kind: 'linear' }, standardize: true });
  });
});

describe('fitModelToData', () => {
  it('keeps a model that fits and changes only what the data needs', () => {
    const mlp = { kind: 'mlp', hidden: [4], activation: 'relu', loss: 'cross_entropy' } as const;
    expect(fitModelToData({ kind: 'linear' }, 'regression', 0)).toEqual({ kind: 'linear' });
    expect(fitModelToData({ kind: 'linear' }, 'classification', 2)).toEqual({ kind: 'logistic' });
    expect(fitModelToData({ kind: 'logistic' }, 'classification', 3)).toEqual({ kind: 'softmax' });
    expect(fitModelToData({ kind: 'softmax' }, 'classification', 2)).toEqual({ kind: 'softmax' });
    expect(fitModelToData({ kind: 'softmax' }, 'regression', 0)).toEqual({ kind: 'linear' });
    expect(fitModelToData(mlp, 'classification', 5)).toBe(mlp);
    expect(fitModelToData(mlp, 'regression', 0)).toEqual({ ...mlp, loss: 'mse' });
    expect(defaultModel('classification', 10)).toEqual({ kind: 'softmax' });
  });

  it('turns logistic regression into softmax when the classification generator draws 3 classes, instead of refusing', () => {
    const draft = draftForDataset('classification');
    const result = checkDraft({ ...draft, dataset: { ...draft.dataset, params: { n_classes: 3 } } });
    expect(result.ok && result.value.model).toEqual({ kind: 'softmax' });
  });

  it('names what is wrong, by field, instead of throwing', () => {
    const draft = draftForDataset('regression');
    const result = checkDraft({ ...draft, dataset: { ...draft.dataset, params: { n_informative: 9, n_features: 4 } } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join()).toMatch(/n_informative/);
    const batch = checkDraft({ ...draft, batch_size: 0 });
    expect(!batch.ok && batch.errors).toEqual([expect.stringContaining('batch_size')]);
  });
});

describe('switching between surfaces and data', () => {
  it('replaces the page\'s default runs by GD lr 0.1 and Adam lr 0.01, and gives them back on the way home', () => {
    const moons = checked('two_moons');
    const toData = runsForSwitch(DEFAULT_EXPERIMENT.runs, DEFAULT_EXPERIMENT.problem, moons);
    expect(toData.map((run) => [run.optimizer, run.hyper])).toEqual([
      ['sgd', { lr: 0.1 }],
      ['adam', { lr: 0.01 }],
    ]);
    const back = runsForSwitch(toData, moons, DEFAULT_EXPERIMENT.problem);
    expect(back.map(({ start: _start, ...settings }) => settings)).toEqual(DEFAULT_EXPERIMENT.runs.map(({ start: _start, ...settings }) => settings));
    // runs the user changed stay as they are
    const changed = [{ ...DEFAULT_EXPERIMENT.runs[0], hyper: { lr: 0.02 } }];
    expect(runsForSwitch(changed, DEFAULT_EXPERIMENT.problem, moons)).toBe(changed);
    // data to data keeps the runs
    expect(runsForSwitch(toData, moons, checked('circles'))).toBe(toData);
  });

  it('moves the starts to the model\'s initialization when the dimension changes (2 → 105 → 2 → 3 coordinates)', () => {
    const moons = checked('two_moons');
    const line = checked('linear_1d');
    const blobs = checked('blobs');
    const onMoons = startsForProblem(DEFAULT_EXPERIMENT.runs, DEFAULT_EXPERIMENT.problem, moons);
    const glorot = Array.from(createModel(moons.model, 2).initialParameters(0));
    expect(onMoons.map((run) => run.start)).toEqual([glorot, glorot, glorot]);
    const onLine = startsForProblem(onMoons, moons, line);
    expect(onLine.map((run) => run.start)).toEqual([[0, 0], [0, 0], [0, 0]]);
    // softmax on 2 features and 3 classes: 3·2 weights and 3 biases, zeros
    const onBlobs = startsForProblem(onLine, line, blobs);
    expect(classCount(resolveData(blobs).all)).toBe(3);
    expect(onBlobs[0].start).toEqual(new Array(9).fill(0));
  });

  it('applies a switch as one edit and one update, which Undo takes back whole', () => {
    const app = createAppStore({ experiment: DEFAULT_EXPERIMENT });
    let updates = 0;
    app.subscribe(() => updates++);
    const moons = checked('two_moons');
    applyProblem(app, moons);
    expect(updates).toBe(1);
    const { experiment } = app.getState();
    expect(experiment.problem).toBe(moons);
    expect(experiment.runs.map((run) => [run.optimizer, run.hyper.lr, run.start.length])).toEqual([
      ['sgd', 0.1, 105],
      ['adam', 0.01, 105],
    ]);
    app.getState().undo();
    expect(app.getState().experiment).toEqual(DEFAULT_EXPERIMENT);
  });
});
