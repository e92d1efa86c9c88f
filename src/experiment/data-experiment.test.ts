import { describe, expect, it } from 'vitest';
import { generateDataset } from '../engine/data/generators';
import { createModel } from '../engine/models';
import { problemDomain, resolveData, resolveProblem } from '../engine/problems';
import { toOutput } from './output';
import { runExperiment } from './run-experiment';
import { parseExperiment } from './validate';

// Data problems through the experiment format: validation with messages that name the field, the
// default start (the model's initialization), mini-batches, and the CLI's output series. The models'
// numbers are checked against torch in engine/models; here the wiring is.

const problemMinima = (problem: Parameters<typeof resolveProblem>[0]) => resolveProblem(problem).minima;

function parse(json: unknown) {
  const parsed = parseExperiment(json);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.experiment;
}

const MOONS = { name: 'two_moons', samples: 100, noise: 0.1, seed: 3, validation: 0.2 };

describe('data problems in the experiment format', () => {
  it('reads the issue\'s two-moons example: flat generator parameters, an MLP, mini-batches', () => {
    const experiment = parse({
      version: 1,
      problem: { dataset: MOONS, model: { kind: 'mlp', hidden: [8, 8], activation: 'tanh' }, batch_size: 10 },
      steps: 200,
      runs: [{ optimizer: 'sgd', hyper: { lr: 0.3 } }],
    });
    expect(experiment.problem).toEqual({
      kind: 'data',
      dataset: { name: 'two_moons', params: { samples: 100, noise: 0.1 }, seed: 3, validation: 0.2 },
      model: { kind: 'mlp', hidden: [8, 8], activation: 'tanh', loss: 'cross_entropy' },
      batch_size: 10,
    });
    // the start left out is the model's Glorot initialization: 2-8-8-1 has 24 + 72 + 9 parameters
    const model = createModel({ kind: 'mlp', hidden: [8, 8], activation: 'tanh', loss: 'cross_entropy' }, 2);
    expect(experiment.runs[0].start).toEqual(Array.from(model.initialParameters(0)));
    const [run] = runExperiment(experiment).runs;
    expect(run.dimension).toBe(105);
    expect(run.loss.length).toBe(201);
    // the recorded loss is over all 80 training rows: the model's own loss at each recorded point
    const data = resolveData(experiment.problem as Extract<typeof experiment.problem, { kind: 'data' }>);
    expect(data.train.rows).toBe(80);
    expect(run.loss[150]).toBe(model.loss(run.trajectory.subarray(150 * 105, 151 * 105), data.train.features, data.train.targets, 80));
    expect(run.loss[200]).toBeLessThan(run.loss[0] * 0.8);
    // one gradient evaluation per step on mini-batches, none at the start
    expect(run.evaluations.gradient[0]).toBe(0);
    expect(run.evaluations.gradient[200]).toBe(200);
    const output = toOutput(experiment, { runs: [run] }).runs[0];
    expect(output.validation_loss).toHaveLength(201);
    expect(output.accuracy?.[200]).toBeGreaterThan(0.8);
    expect(output.validation_accuracy).toHaveLength(201);
  });

  it('draws a different batch order per run seed, the same for the same seed', () => {
    const base = { version: 1, problem: { dataset: MOONS, model: { kind: 'logistic' }, batch_size: 8 }, steps: 30 };
    const twice = runExperiment(parse({ ...base, runs: [{ optimizer: 'sgd' }, { optimizer: 'sgd' }] })).runs;
    // runs 0 and 1 have different seeds, so different batches
    expect(twice[0].trajectory).not.toEqual(twice[1].trajectory);
    const again = runExperiment(parse({ ...base, runs: [{ optimizer: 'sgd' }] })).runs;
    expect(again[0].trajectory).toEqual(twice[0].trajectory);
    const fullBatch = runExperiment(parse({ ...base, problem: { ...base.problem, batch_size: undefined }, runs: [{ optimizer: 'sgd' }, { optimizer: 'sgd' }] })).runs;
    expect(fullBatch[0].trajectory).toEqual(fullBatch[1].trajectory);
  });

  it('puts a line fit on the map: slope and intercept, the least-squares line marked, the origin in view', () => {
    const experiment = parse({ version: 1, problem: { dataset: { name: 'linear_1d' }, model: { kind: 'linear' } }, steps: 500, runs: [{ optimizer: 'sgd', hyper: { lr: 0.3 } }] });
    const [run] = runExperiment(experiment).runs;
    expect(run.dimension).toBe(2);
    expect(Array.from(run.trajectory.subarray(0, 2))).toEqual([0, 0]);
    const dataset = generateDataset('linear_1d', {}, 0);
    // the line was drawn with slope 2 and intercept 1 plus noise: gradient descent lands near it
    expect(run.trajectory[1000]).toBeCloseTo(2, 0);
    expect(run.trajectory[1001]).toBeCloseTo(1, 0);
    expect(dataset.rows).toBe(100);
    const [[slopeLow, slopeHigh], [interceptLow, interceptHigh]] = problemDomain(experiment.problem);
    expect(slopeLow).toBeLessThan(0);
    expect(slopeHigh).toBeGreaterThan(2);
    expect(interceptLow).toBeLessThan(0);
    expect(interceptHigh).toBeGreaterThan(1);
  });

  it('names what is wrong, field by field', () => {
    const errors = (problem: unknown) => {
      const parsed = parseExperiment({ version: 1, problem, runs: [{ optimizer: 'adam' }] });
      return parsed.ok ? [] : parsed.errors;
    };
    expect(errors({ dataset: { name: 'two_mons' }, model: { kind: 'mlp' } })[0]).toMatch(/^problem\.dataset\.name must be one of "linear_1d"/);
    expect(errors({ dataset: { name: 'two_moons', samples: -3 }, model: { kind: 'mlp' } })[0]).toMatch(/problem\.dataset\.samples must be/);
    expect(errors({ dataset: { name: 'two_moons' }, model: { kind: 'linear' } })).toEqual([
      'problem.model.kind: a linear model fits regression, and this data set\'s target is a class',
    ]);
    expect(errors({ dataset: { name: 'blobs' }, model: { kind: 'logistic' } })[0]).toMatch(/logistic regression fits 2 classes and this data set has 3; choose "softmax"/);
    expect(errors({ dataset: { name: 'two_moons' } })[0]).toMatch(/problem\.model is missing/);
    expect(errors({ dataset: { name: 'two_moons' }, model: { kind: 'mlp', hidden: [0] } })[0]).toMatch(/problem\.model\.hidden\[0\] must be/);
    expect(errors({ dataset: { name: 'two_moons' }, model: { kind: 'mlp' }, batch_size: 0 })[0]).toMatch(/problem\.batch_size must be/);
    expect(errors({ dataset: { csv: 'houses.csv' }, model: { kind: 'linear' } })[0]).toMatch(/houses\.csv" is not loaded/);
    expect(errors({ dataset: { name: 'two_moons', added: [[0, 0, 5]] }, model: { kind: 'mlp' } })[0]).toMatch(/added\[0\]: the class must be 0 to 1, got 5/);
  });

  it('refuses, before running, a method the problem cannot serve', () => {
    const errors = (problem: unknown, optimizer: string) => {
      const parsed = parseExperiment({ version: 1, problem, runs: [{ optimizer: 'adam' }, { optimizer }] });
      return parsed.ok ? [] : parsed.errors;
    };
    const mlp = { dataset: { name: 'linear_1d' }, model: { kind: 'mlp', loss: 'mse' } };
    expect(errors(mlp, 'newton')).toEqual([
      'runs[1].optimizer: Newton needs the Hessian ∇²f, which an MLP does not have here: choose a first-order, quasi-Newton or gradient-free method',
    ]);
    expect(errors(mlp, 'gauss_newton')).toEqual([]);
    expect(errors({ ...mlp, batch_size: 10 }, 'least_squares')[0]).toMatch(/^runs\[1\]\.optimizer: Least squares.* needs a least-squares problem/);
    expect(errors({ dataset: { name: 'two_moons' }, model: { kind: 'logistic' } }, 'levenberg_marquardt')).toHaveLength(1);
    const onSurface = parseExperiment({ version: 1, problem: { surface: 'rosenbrock' }, runs: [{ optimizer: 'least_squares', start: [0, 0] }] });
    expect(onSurface.ok ? [] : onSurface.errors).toEqual([
      'runs[0].optimizer: Least squares (one step) needs a least-squares problem (f = Σ rᵢ²): linear regression or an MLP on mean squared error, full batch',
    ]);
  });

  it('puts the one-step solve beside gradient descent on a line fit', () => {
    const experiment = parse({ version: 1, problem: { dataset: { name: 'linear_1d' }, model: { kind: 'linear' } }, steps: 5, runs: [{ optimizer: 'least_squares' }] });
    const [run] = runExperiment(experiment).runs;
    // one step lands on the least-squares line the map marks, and the method says it is done
    const [minimum] = problemMinima(experiment.problem);
    expect(run.converged?.step).toBe(1);
    expect(run.trajectory[2]).toBeCloseTo(minimum.point[0], 12);
    expect(run.trajectory[3]).toBeCloseTo(minimum.point[1], 12);
  });

  it('appends clicked rows to the data', () => {
    const experiment = parse({ version: 1, problem: { dataset: { name: 'two_moons', samples: 10, added: [[0.5, 0.5, 1]] }, model: { kind: 'logistic' } }, runs: [{ optimizer: 'adam' }] });
    const data = resolveData(experiment.problem as Extract<typeof experiment.problem, { kind: 'data' }>);
    expect(data.all.rows).toBe(11);
    expect(Array.from(data.all.features.subarray(20, 22))).toEqual([0.5, 0.5]);
    expect(data.all.targets[10]).toBe(1);
  });
});
