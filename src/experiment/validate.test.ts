import { describe, expect, test } from 'vitest';
import { DEFAULT_EXPERIMENT, MAX_LABEL_LENGTH, MAX_RUNS } from './experiment';
import { resolveRun } from './run-experiment';
import { normalizeExperiment, parseExperiment } from './validate';

// The contract here is the brief's: every bad field is named by its path, says what was expected
// and what came, and all errors are reported at once.

const RUN = { optimizer: 'adam', hyper: { lr: 0.05 }, start: [-1.5, 2] };
const BASE = { version: 1, problem: { expression: '(1-x)^2 + 100*(y-x^2)^2' }, runs: [RUN] };

/** The errors for BASE with `patch` applied (runs[0] patched through `run`). */
function errorsOf(patch: Record<string, unknown> = {}, run: Record<string, unknown> = {}): string[] {
  const result = parseExperiment({ ...BASE, runs: [{ ...RUN, ...run }], ...patch });
  if (result.ok) throw new Error('expected validation errors');
  return result.errors;
}

describe('parseExperiment accepts', () => {
  test('the brief example, keeping the hyperparameters as given', () => {
    const json = {
      version: 1,
      problem: { expression: '(1-x)^2 + 100*(y-x^2)^2', domain: [[-2, 2], [-1, 3]] },
      steps: 300,
      seed: 1,
      noise: 0,
      runs: [{ optimizer: 'adam', hyper: { lr: 0.05, betas: [0.9, 0.999] }, start: [-1.5, 2] }],
    };
    const result = parseExperiment(json);
    // the normalized problem names its kind
    expect(result).toEqual({ ok: true, experiment: { ...json, problem: { kind: 'formula', ...json.problem } } });
  });

  test('a colour in either case, kept in lower case; hidden kept only when true', () => {
    const result = parseExperiment({
      ...BASE,
      runs: [
        { ...RUN, color: '#E69F00', hidden: true },
        { ...RUN, color: '#56b4e9', hidden: false },
        { ...RUN, label: 'plain' },
      ],
    });
    expect(result).toEqual({
      ok: true,
      experiment: {
        ...BASE,
        problem: { kind: 'formula', ...BASE.problem },
        steps: 300,
        seed: 0,
        noise: 0,
        runs: [
          { ...RUN, color: '#e69f00', hidden: true },
          // hidden: false means shown, the same as leaving it out
          { ...RUN, color: '#56b4e9' },
          { ...RUN, label: 'plain' },
        ],
      },
    });
  });

  test('a minimal experiment, filling steps, seed, noise and an empty hyper', () => {
    const result = parseExperiment({ version: 1, problem: { surface: 'rosenbrock' }, runs: [{ optimizer: 'sgd', start: [0, 0] }] });
    expect(result).toEqual({
      ok: true,
      experiment: {
        version: 1,
        problem: { kind: 'surface', surface: 'rosenbrock', params: {} },
        steps: 300,
        seed: 0,
        noise: 0,
        runs: [{ optimizer: 'sgd', hyper: {}, start: [0, 0] }],
      },
    });
  });

  test('surface parameters, schedules (defaults filled from SCHEDULE_SPECS), clipping and labels', () => {
    const result = parseExperiment({
      version: 1,
      problem: { surface: 'rosenbrock', params: { b: 10 }, domain: [[-3, 3], [-3, 3]] },
      runs: [
        { optimizer: 'sgd', hyper: { lr: 0.01, momentum: 0.9, nesterov: true }, start: [1, 2], schedule: { type: 'cosine', T_max: 100 }, clip: { type: 'norm', max_norm: 1 }, label: 'Nesterov' },
        { optimizer: 'adam', start: [1, 2], schedule: { type: 'warmup_cosine', warmup_steps: 10, T_max: 90 }, clip: { type: 'value', clip_value: 0.5 } },
        { optimizer: 'rmsprop', start: [1, 2], schedule: { type: 'constant' } },
      ],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.experiment.problem).toEqual({ kind: 'surface', surface: 'rosenbrock', params: { b: 10 }, domain: [[-3, 3], [-3, 3]] });
    expect(result.experiment.runs[0].schedule).toEqual({ type: 'cosine', T_max: 100, eta_min: 0 });
    expect(result.experiment.runs[0].label).toBe('Nesterov');
    // torch's LinearLR in the warm-up starts from start_factor; the spec's default is 0.01
    expect(result.experiment.runs[1].schedule).toEqual({ type: 'warmup_cosine', warmup_steps: 10, start_factor: 0.01, T_max: 90, eta_min: 0 });
    expect(result.experiment.runs[1].clip).toEqual({ type: 'value', clip_value: 0.5 });
    expect(result.experiment.runs[2].schedule).toEqual({ type: 'constant' });
  });

  test('DEFAULT_EXPERIMENT', () => {
    expect(parseExperiment(DEFAULT_EXPERIMENT)).toEqual({ ok: true, experiment: DEFAULT_EXPERIMENT });
  });

  test('the largest and smallest allowed values', () => {
    const runs = Array.from({ length: MAX_RUNS }, () => RUN);
    expect(parseExperiment({ ...BASE, runs, steps: 100000, seed: 4294967295, noise: 0 }).ok).toBe(true);
    expect(parseExperiment({ ...BASE, steps: 1, seed: 0 }).ok).toBe(true);
  });
});

describe('parseExperiment rejects, naming the field', () => {
  test('a root that is not an object', () => {
    expect(parseExperiment([1])).toEqual({ ok: false, errors: ['an experiment must be a JSON object, got [1]'] });
    expect(parseExperiment(null)).toEqual({ ok: false, errors: ['an experiment must be a JSON object, got null'] });
  });

  test('a missing or unknown version', () => {
    expect(errorsOf({ version: undefined })).toEqual(['version is missing (this playground reads version 1)']);
    expect(errorsOf({ version: 2 })).toEqual(['version must be 1, got 2']);
    expect(errorsOf({ version: '1' })).toEqual(['version must be 1, got "1"']);
  });

  test('unknown top-level keys, with a suggestion', () => {
    expect(errorsOf({ stepz: 3 })).toEqual(["unknown key 'stepz' in the experiment (did you mean 'steps'?)"]);
    expect(errorsOf({ colour: 'red' })).toEqual(["unknown key 'colour' in the experiment"]);
  });

  test('steps, seed and noise out of range or ill-typed', () => {
    expect(errorsOf({ steps: 0 })).toEqual(['steps must be a whole number from 1 to 100000, got 0']);
    expect(errorsOf({ steps: 100001 })).toEqual(['steps: 100,001 is over the limit of 100,000']);
    expect(errorsOf({ steps: 1.5 })).toEqual(['steps must be a whole number, got 1.5']);
    expect(errorsOf({ steps: '300' })).toEqual(['steps must be a whole number, got "300"']);
    expect(errorsOf({ seed: -1 })).toEqual(['seed must be a whole number from 0 to 4294967295, got -1']);
    expect(errorsOf({ seed: 2 ** 32 })).toEqual(['seed must be a whole number from 0 to 4294967295, got 4294967296']);
    expect(errorsOf({ noise: -0.1 })).toEqual(['noise must be >= 0, got -0.1']);
    expect(errorsOf({ noise: null })).toEqual(['noise must be a number, got null']);
  });

  test('a missing or malformed problem', () => {
    expect(errorsOf({ problem: undefined })).toEqual(['problem is missing (give an "expression", a "surface" or a "dataset" with a "model")']);
    expect(errorsOf({ problem: 'x^2' })).toEqual(['problem must be an object with an "expression", a "surface" or a "dataset", got "x^2"']);
    expect(errorsOf({ problem: { expression: 'x', surface: 'booth' } })).toEqual(['problem must have only one of an "expression", a "surface" or a "dataset"']);
    expect(errorsOf({ problem: { domain: [[0, 1], [0, 1]] } })).toEqual(['problem must have an "expression" (a formula in x and y), a "surface" or a "dataset" (with a "model")']);
  });

  test('a formula that does not compile, with the column from the compiler', () => {
    const [error] = errorsOf({ problem: { expression: 'x^2 + sinn(y)' } });
    expect(error).toMatch(/^problem\.expression: unknown function 'sinn' at column 7/);
    expect(errorsOf({ problem: { expression: 42 } })).toEqual(['problem.expression must be a formula string, got 42']);
    expect(errorsOf({ problem: { expression: 'x'.repeat(2001) } })).toEqual(['problem.expression: 2,001 characters is over the limit of 2,000']);
    expect(errorsOf({ problem: { expression: 'x^2', params: {} } })).toEqual(["unknown key 'params' in problem"]);
  });

  test('an unknown surface or bad surface parameters', () => {
    const [unknown] = errorsOf({ problem: { surface: 'rosenbrok' } });
    expect(unknown).toMatch(/^problem\.surface: unknown surface 'rosenbrok' \(did you mean 'rosenbrock'\?\); known: .*rosenbrock/);
    expect(errorsOf({ problem: { surface: 'rosenbrock', params: { c: 1 } } })).toEqual(["unknown key 'c' in problem.params (Rosenbrock has a, b)"]);
    expect(errorsOf({ problem: { surface: 'rosenbrock', params: { bb: 1 } } })).toEqual(["unknown key 'bb' in problem.params (did you mean 'b'?)"]);
    expect(errorsOf({ problem: { surface: 'rosenbrock', params: { b: 'big' } } })).toEqual(['problem.params.b must be a number, got "big"']);
    expect(errorsOf({ problem: { surface: 'rosenbrock', params: [] } })).toEqual(['problem.params must be an object of numbers, got []']);
  });

  test('a malformed domain', () => {
    const problem = (domain: unknown) => ({ problem: { expression: 'x^2', domain } });
    expect(errorsOf(problem([0, 1]))).toEqual(['problem.domain must be [[xMin, xMax], [yMin, yMax]]; problem.domain[0] is 0', 'problem.domain must be [[xMin, xMax], [yMin, yMax]]; problem.domain[1] is 1']);
    expect(errorsOf(problem([[1, -1], [0, 1]]))).toEqual(['problem.domain[0] must go from low to high, got [1, -1]']);
    expect(errorsOf(problem([[0, 1], [0, 'a']]))).toEqual(['problem.domain[1][1] must be a number, got "a"']);
    expect(errorsOf(problem('all'))).toEqual(['problem.domain must be [[xMin, xMax], [yMin, yMax]], got "all"']);
  });

  test('runs missing, empty, too many or not an array', () => {
    expect(errorsOf({ runs: undefined })).toEqual(['runs is missing (give at least one run)']);
    expect(errorsOf({ runs: [] })).toEqual(['runs must hold 1 to 16 runs, got 0']);
    expect(errorsOf({ runs: Array.from({ length: 17 }, () => RUN) })).toEqual(['runs: 17 runs is over the limit of 16']);
    expect(errorsOf({ runs: { optimizer: 'adam' } })).toEqual(['runs must be an array of runs, got an object']);
  });

  test('a run that is not an object, or has unknown keys', () => {
    expect(errorsOf({ runs: ['adam'] })).toEqual(['runs[0] must be an object like {"optimizer": "adam", "start": [-1, 1]}, got "adam"']);
    expect(errorsOf({}, { lable: 'x' })).toEqual(["unknown key 'lable' in runs[0] (did you mean 'label'?)"]);
  });

  test('a missing or unknown optimizer', () => {
    expect(errorsOf({}, { optimizer: undefined })).toEqual(['runs[0].optimizer is missing']);
    expect(errorsOf({}, { optimizer: 3 })).toEqual(['runs[0].optimizer must be an optimizer id, got 3']);
    const [unknown] = errorsOf({}, { optimizer: 'adamm' });
    expect(unknown).toMatch(/^runs\[0\]\.optimizer: unknown optimizer 'adamm' \(did you mean 'adam'\?\); known: sgd, /);
  });

  test('hyperparameters: unknown, out of range, ill-typed, and cross-field rules', () => {
    expect(errorsOf({}, { hyper: { lrr: 0.1 } })).toEqual(["unknown key 'lrr' in runs[0].hyper (did you mean 'lr'?)"]);
    expect(errorsOf({}, { hyper: { gamma: 0.1 } })).toEqual(["unknown key 'gamma' in runs[0].hyper (Adam takes lr, betas, eps, weight_decay, amsgrad)"]);
    expect(errorsOf({}, { hyper: { lr: -1 } })).toEqual(['runs[0].hyper.lr must be > 0, got -1']);
    expect(errorsOf({}, { hyper: { lr: 0 } })).toEqual(['runs[0].hyper.lr must be > 0, got 0']);
    expect(errorsOf({}, { hyper: { lr: '0.1' } })).toEqual(['runs[0].hyper.lr must be a number, got "0.1"']);
    expect(errorsOf({}, { hyper: { betas: [0.9, 1] } })).toEqual(['runs[0].hyper.betas[1] must be < 1, got 1']);
    expect(errorsOf({}, { hyper: { betas: 0.9 } })).toEqual(['runs[0].hyper.betas must be a pair of numbers like [0.9, 0.999], got 0.9']);
    expect(errorsOf({}, { hyper: { amsgrad: 1 } })).toEqual(['runs[0].hyper.amsgrad must be true or false, got 1']);
    expect(errorsOf({}, { hyper: [] })).toEqual(['runs[0].hyper must be an object like {"lr": 0.01}, got []']);
    // torch.optim.SGD: "Nesterov momentum requires a momentum and zero dampening"
    expect(errorsOf({}, { optimizer: 'sgd', hyper: { nesterov: true } })).toEqual(['runs[0].hyper: nesterov requires momentum > 0']);
  });

  test('start points of the wrong length or with non-numbers', () => {
    expect(errorsOf({}, { start: [1] })).toEqual(['runs[0].start must be an array of 2 numbers, got 1']);
    expect(errorsOf({}, { start: [1, 'a'] })).toEqual(['runs[0].start[1] must be a number, got "a"']);
    expect(errorsOf({}, { start: undefined })).toEqual(['runs[0].start must be an array of 2 numbers like [-1, 1], got nothing']);
    expect(errorsOf({}, { start: [1, Infinity] })).toEqual(['runs[0].start[1] must be a number, got Infinity']);
  });

  test('schedules: unknown type, bad parameters, unknown keys', () => {
    const [unknown] = errorsOf({}, { schedule: { type: 'cosin' } });
    expect(unknown).toMatch(/^runs\[0\]\.schedule\.type: unknown schedule 'cosin' \(did you mean 'cosine'\?\); known: constant, step, /);
    expect(errorsOf({}, { schedule: { type: 'cosine', T_max: 0 } })).toEqual(['runs[0].schedule.T_max must be a whole number from 1 to 1000000, got 0']);
    expect(errorsOf({}, { schedule: { type: 'step', step_size: 2.5 } })).toEqual(['runs[0].schedule.step_size must be a whole number, got 2.5']);
    expect(errorsOf({}, { schedule: { type: 'exponential', gamma: 1.5 } })).toEqual(['runs[0].schedule.gamma must be <= 1, got 1.5']);
    expect(errorsOf({}, { schedule: { type: 'cosine', Tmax: 10 } })).toEqual(["unknown key 'Tmax' in runs[0].schedule (did you mean 'T_max'?)"]);
    expect(errorsOf({}, { schedule: 'cosine' })).toEqual(['runs[0].schedule must be an object like {"type": "cosine", "T_max": 100}, got "cosine"']);
  });

  test('clipping: bad type, non-positive amount, unknown keys', () => {
    expect(errorsOf({}, { clip: { type: 'nrm', max_norm: 1 } })).toEqual([`runs[0].clip.type must be "norm" or "value", got "nrm" (did you mean 'norm'?)`]);
    expect(errorsOf({}, { clip: { type: 'norm', max_norm: 0 } })).toEqual(['runs[0].clip.max_norm must be > 0, got 0']);
    expect(errorsOf({}, { clip: { type: 'value', max_norm: 1 } })).toEqual(["unknown key 'max_norm' in runs[0].clip", 'runs[0].clip.clip_value must be a number, got nothing']);
  });

  test('labels that are not strings or are too long', () => {
    expect(errorsOf({}, { label: 7 })).toEqual(['runs[0].label must be a string, got 7']);
    expect(errorsOf({}, { label: 'x'.repeat(MAX_LABEL_LENGTH + 1) })).toEqual([`runs[0].label: ${MAX_LABEL_LENGTH + 1} characters is over the limit of ${MAX_LABEL_LENGTH}`]);
  });

  test('colours that are not "#rrggbb" and visibility that is not a boolean', () => {
    expect(errorsOf({}, { color: 'red' })).toEqual(['runs[0].color must be a colour written "#rrggbb", like "#e69f00", got "red"']);
    expect(errorsOf({}, { color: '#abc' })).toEqual(['runs[0].color must be a colour written "#rrggbb", like "#e69f00", got "#abc"']);
    expect(errorsOf({}, { color: 'e69f00' })).toEqual(['runs[0].color must be a colour written "#rrggbb", like "#e69f00", got "e69f00"']);
    expect(errorsOf({}, { color: '#e69f0g' })).toEqual(['runs[0].color must be a colour written "#rrggbb", like "#e69f00", got "#e69f0g"']);
    expect(errorsOf({}, { color: 0xe69f00 })).toEqual(['runs[0].color must be a colour written "#rrggbb", like "#e69f00", got 15113984']);
    expect(errorsOf({}, { hidden: 'yes' })).toEqual(['runs[0].hidden must be true or false, got "yes"']);
    expect(errorsOf({}, { hidden: 1 })).toEqual(['runs[0].hidden must be true or false, got 1']);
    expect(errorsOf({}, { colour: '#e69f00' })).toEqual(["unknown key 'colour' in runs[0] (did you mean 'color'?)"]);
  });

  test('every error at once, in document order', () => {
    const result = parseExperiment({
      version: 2,
      problem: { expression: 'x +* y' },
      steps: 0,
      runs: [{ optimizer: 'adam', hyper: { lr: -1 }, start: [0, 0] }, { optimizer: 'sgd', hyper: { lr: 0.1, momentum: 2 }, start: [0] }],
    });
    expect(result).toEqual({
      ok: false,
      errors: [
        'version must be 1, got 2',
        "problem.expression: unexpected '*' at column 4",
        'steps must be a whole number from 1 to 100000, got 0',
        'runs[0].hyper.lr must be > 0, got -1',
        'runs[1].hyper.momentum must be <= 1, got 2',
        // the problem is invalid, so its dimension (and the start's length) is unknown
      ],
    });
  });
});

describe('normalizeExperiment and resolveRun', () => {
  test('normalizeExperiment fills what may be left out, and nothing else', () => {
    const experiment = normalizeExperiment({ problem: { surface: 'booth' }, runs: [{ optimizer: 'adam', start: [1, 1] }] });
    expect(experiment).toEqual({ version: 1, problem: { kind: 'surface', surface: 'booth', params: {} }, steps: 300, seed: 0, noise: 0, runs: [{ optimizer: 'adam', hyper: {}, start: [1, 1] }] });
  });

  test("resolveRun fills torch's defaults around the given values", () => {
    // torch.optim.Adam(params, lr=0.001, betas=(0.9, 0.999), eps=1e-08, weight_decay=0, amsgrad=False)
    expect(resolveRun({ optimizer: 'adam', hyper: { lr: 0.05 }, start: [0, 0] }).hyper).toEqual({ lr: 0.05, betas: [0.9, 0.999], eps: 1e-8, weight_decay: 0, amsgrad: false });
    // torch.optim.RMSprop(params, lr=0.01, alpha=0.99, eps=1e-08, weight_decay=0, momentum=0, centered=False)
    expect(resolveRun({ optimizer: 'rmsprop', hyper: { centered: true }, start: [0, 0] }).hyper).toEqual({ lr: 0.01, alpha: 0.99, eps: 1e-8, weight_decay: 0, momentum: 0, centered: true });
  });
});
