import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runExperiment } from '../run-experiment';
import { parseExperiment } from '../validate';
import type { Experiment } from '../experiment';
import { pytorchScript } from './pytorch-script';
import { scipyScript } from './scipy-script';
import { numpyProblem, torchProblem } from './python-problem';
import { compileFormula } from '../../engine/expression';
import { randomFormula } from '../../engine/expression/random-formula';

// The exported scripts run by Debian's python3-torch and python3-scipy (scripts/python-references.mjs
// installs them for `npm test` when missing), their printed trajectories checked against the app's
// engine to 1e-9: the libraries are the oracle, the scripts only say what to ask them.

// The Python the exported-code tests run: $PYTHON, else Debian's /usr/bin/python3 (a python3 earlier
// on PATH, a pyenv one say, may lack Debian's torch), else python3. scripts/python-references.mjs
// makes sure torch and scipy import before `npm test` runs the unit tests.

/** The interpreter with torch and scipy. */
export const PYTHON: string = pickPython();

function pickPython(): string {
  const candidates = [process.env.PYTHON, '/usr/bin/python3', 'python3'].filter((candidate): candidate is string => candidate !== undefined && candidate !== '');
  for (const candidate of candidates) {
    const probe = spawnSync(candidate, ['-c', 'import torch, scipy'], { encoding: 'utf8' });
    if (probe.status === 0) return candidate;
  }
  throw new Error(`no Python with torch and scipy (tried ${candidates.join(', ')}); install Debian's python3-torch and python3-scipy (npm test does: scripts/python-references.mjs)`);
}

const TOLERANCE = 1e-9;
/** Python with torch starts in seconds, more on a loaded machine. */
const PYTHON_TIMEOUT_MS = 180_000;

function parse(json: unknown): Experiment {
  const parsed = parseExperiment(json);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.experiment;
}

interface Point {
  readonly run: number;
  readonly step: number;
  readonly x: readonly number[];
  readonly f: number;
}

/** Runs a script with the reference Python and reads its JSON lines. */
function runPython(script: string): Point[] {
  const result = spawnSync(PYTHON, ['-'], { input: script, encoding: 'utf8', maxBuffer: 1 << 28, timeout: 120_000 });
  if (result.status !== 0) throw new Error(`python failed (${result.status}): ${result.stderr}`);
  return result.stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Point);
}

/** The largest gap between the script's points and the app's, relative to max(1, |value|), per run. */
function compare(experiment: Experiment, points: readonly Point[], runs: readonly number[]): void {
  const result = runExperiment(experiment);
  for (const number of runs) {
    const app = result.runs[number - 1];
    const script = points.filter((point) => point.run === number);
    const dimension = app.dimension;
    expect(script.length, `run ${number}: points printed vs the app's`).toBe(app.loss.length);
    let gap = 0;
    script.forEach((point, step) => {
      expect(point.step).toBe(step);
      for (let i = 0; i < dimension; i++) {
        const expected = app.trajectory[step * dimension + i];
        gap = Math.max(gap, Math.abs(point.x[i] - expected) / Math.max(1, Math.abs(expected)));
      }
      gap = Math.max(gap, Math.abs(point.f - app.loss[step]) / Math.max(1, Math.abs(app.loss[step])));
    });
    expect(gap, `run ${number}: largest relative gap`).toBeLessThanOrEqual(TOLERANCE);
  }
}

describe('exported scripts reproduce the app with torch and scipy', () => {
  it('first-order: every torch.optim optimizer (and Lion), schedules, clipping and gradient noise on a typed formula', () => {
    const start = [-1.2, 1.4];
    const experiment = parse({
      version: 1,
      problem: { expression: '(1 - x)^2 + 10*(y - x^2)^2 + 0.1*sin(3*x)' },
      steps: 60,
      seed: 7,
      noise: 0.05,
      runs: [
        { optimizer: 'sgd', hyper: { lr: 0.002, momentum: 0.9, nesterov: true }, start },
        { optimizer: 'adam', hyper: { lr: 0.05, amsgrad: true }, start, schedule: { type: 'cosine', T_max: 40, eta_min: 0.001 } },
        { optimizer: 'adamw', hyper: { lr: 0.05, weight_decay: 0.1 }, start, clip: { type: 'norm', max_norm: 1 } },
        { optimizer: 'adamax', hyper: { lr: 0.05 }, start, schedule: { type: 'step', step_size: 20, gamma: 0.5 } },
        { optimizer: 'nadam', hyper: { lr: 0.02 }, start },
        { optimizer: 'radam', hyper: { lr: 0.05 }, start, schedule: { type: 'warmup_cosine', warmup_steps: 10, start_factor: 0.1, T_max: 50, eta_min: 0 } },
        { optimizer: 'rmsprop', hyper: { lr: 0.005, momentum: 0.5, centered: true }, start, clip: { type: 'value', clip_value: 2 } },
        { optimizer: 'adagrad', hyper: { lr: 0.3, lr_decay: 0.01 }, start, schedule: { type: 'inverse_time', gamma: 0.05 } },
        { optimizer: 'adadelta', hyper: { lr: 5 }, start, schedule: { type: 'exponential', gamma: 0.97 } },
        { optimizer: 'lion', hyper: { lr: 0.01, weight_decay: 0.1 }, start },
      ],
    });
    const exported = pytorchScript(experiment);
    if (!exported.ok) throw new Error(exported.reason);
    expect(exported.skipped).toEqual([]);
    compare(experiment, runPython(exported.script), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  }, PYTHON_TIMEOUT_MS);

  it('second-order: Newton (pure and backtracking) and torch L-BFGS on a built-in surface', () => {
    const experiment = parse({
      version: 1,
      problem: { surface: 'himmelblau' },
      steps: 30,
      runs: [
        { optimizer: 'newton', hyper: {}, start: [-0.5, 0.6] },
        { optimizer: 'newton', hyper: { line_search: 'backtracking', lr: 1 }, start: [1, 1] },
        { optimizer: 'lbfgs', hyper: { lr: 0.5, max_iter: 4, history_size: 5 }, start: [1, 1] },
        { optimizer: 'lbfgs', hyper: { line_search_fn: 'strong_wolfe' }, start: [-3, -3] },
      ],
    });
    const exported = pytorchScript(experiment);
    if (!exported.ok) throw new Error(exported.reason);
    compare(experiment, runPython(exported.script), [1, 2, 3, 4]);
  }, PYTHON_TIMEOUT_MS);

  it('gradient-free and quasi-Newton through scipy.optimize.minimize: Nelder-Mead, Powell, BFGS, CG, Newton-CG', () => {
    const experiment = parse({
      version: 1,
      problem: { surface: 'rosenbrock' },
      steps: 80,
      runs: [
        { optimizer: 'nelder_mead', hyper: {}, start: [-1.5, 2] },
        { optimizer: 'powell', hyper: {}, start: [-1.5, 2] },
      ],
    });
    const exported = scipyScript(experiment);
    if (!exported.ok) throw new Error(exported.reason);
    compare(experiment, runPython(exported.script), [1, 2]);
    // the line-search methods on a typed formula, whose ∇f and ∇²f the script prints from the engine's own derivatives
    const smooth = parse({
      version: 1,
      problem: { expression: '(x - 1)^2 + 3*(y + 0.5)^2 + 0.5*x*y + sin(x)' },
      steps: 40,
      runs: [
        { optimizer: 'bfgs', hyper: {}, start: [-2, 2] },
        { optimizer: 'cg', hyper: {}, start: [-2, 2] },
        { optimizer: 'newton_cg', hyper: {}, start: [-2, 2] },
      ],
    });
    const smoothScript = scipyScript(smooth);
    if (!smoothScript.ok) throw new Error(smoothScript.reason);
    compare(smooth, runPython(smoothScript.script), [1, 2, 3]);
  }, PYTHON_TIMEOUT_MS);

  it('data: an MLP on two moons by mini-batches (the app\'s shuffle) and logistic regression full batch, with torch modules\' ops', () => {
    const dataset = { name: 'two_moons', samples: 80, noise: 0.15, seed: 3, validation: 0.25, standardize: true };
    const mlp = parse({
      version: 1,
      problem: { dataset, model: { kind: 'mlp', hidden: [6], activation: 'tanh', weight_decay: 0.001 }, batch_size: 16 },
      steps: 40,
      seed: 11,
      runs: [
        { optimizer: 'sgd', hyper: { lr: 0.3, momentum: 0.9 } },
        { optimizer: 'adam', hyper: { lr: 0.02 } },
      ],
    });
    const exported = pytorchScript(mlp);
    if (!exported.ok) throw new Error(exported.reason);
    compare(mlp, runPython(exported.script), [1, 2]);
    const logistic = parse({ version: 1, problem: { dataset, model: { kind: 'logistic' } }, steps: 40, runs: [{ optimizer: 'rmsprop', hyper: { lr: 0.05 } }] });
    const logisticScript = pytorchScript(logistic);
    if (!logisticScript.ok) throw new Error(logisticScript.reason);
    compare(logistic, runPython(logisticScript.script), [1]);
  }, PYTHON_TIMEOUT_MS);
});

describe('the formula printer, checked by NumPy and torch against the engine', () => {
  it('f, ∇f and ∇²f of random formulas and of min, max, abs, powers and constants agree to 1e-12', () => {
    const texts = [
      ...Array.from({ length: 40 }, (_, seed) => randomFormula(seed).text),
      'max(x, y, 0.5) + min(x^2, y) + abs(x - y)^3',
      '2^x * e^(-y) + pi*sinh(x)/cosh(y) - atan(x*y) + asin(x/10) + acos(y/10) + tan(x/3)',
      '-x^2 - (-y)^3 + sqrt(x^2 + y^2 + 1) + log(1 + x^2) + 1e-3*x*y',
    ];
    const points = [
      [0.3, -1.2],
      [1.7, 0.4],
      [-2.1, 2.6],
    ];
    const checks: string[] = [];
    const expected: number[][] = [];
    texts.forEach((text, index) => {
      const compiled = compileFormula(text);
      if (!compiled.ok) throw new Error(`${text}: ${compiled.error.message}`);
      const numpy = numpyProblem({ kind: 'formula', expression: text });
      const torch = torchProblem({ kind: 'formula', expression: text });
      if (!numpy.ok || !torch.ok) throw new Error(`${text} was not printed`);
      // each formula's functions under their own names, called at every point
      checks.push(
        `namespace = {}`,
        `exec(${JSON.stringify(`${numpy.source}\n\n${torch.source.replace('def f(p)', 'def torch_f(p)')}`)}, {'np': np, 'torch': torch, 'math': math}, namespace)`,
        ...points.map(
          (point) =>
            `p = [${point.join(', ')}]; t = torch.tensor(p, requires_grad=True); v = namespace['torch_f'](t); (g,) = torch.autograd.grad(v, t)\n` +
            `print(json.dumps([${index}, namespace['f'](np.array(p)), *namespace['grad'](np.array(p)).tolist(), *namespace['hess'](np.array(p)).ravel().tolist(), float(v), *g.tolist()]))`,
        ),
      );
      for (const point of points) {
        const gradient = new Float64Array(2);
        const hessian = new Float64Array(4);
        const value = compiled.objective.valueAndGradient(point, gradient);
        compiled.objective.hessian(point, hessian);
        expected.push([index, value, ...gradient, ...hessian, value, ...gradient]);
      }
    });
    const script = ['import json, math', 'import numpy as np', 'import torch', 'torch.set_default_dtype(torch.float64)', ...checks].join('\n');
    const result = spawnSync(PYTHON, ['-'], { input: script, encoding: 'utf8', timeout: PYTHON_TIMEOUT_MS });
    if (result.status !== 0) throw new Error(result.stderr);
    const rows = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as number[]);
    expect(rows).toHaveLength(expected.length);
    rows.forEach((row, r) => {
      row.forEach((value, column) => {
        const reference = expected[r][column];
        expect(Math.abs(value - reference) / Math.max(1, Math.abs(reference)), `${texts[row[0]]}, column ${column}`).toBeLessThanOrEqual(1e-12);
      });
    });
  }, PYTHON_TIMEOUT_MS);
});
