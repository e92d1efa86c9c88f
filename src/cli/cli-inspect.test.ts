import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { inspectStep } from '../engine/inspect-step';
import { resolveProblem, runOptionsFor } from '../experiment/run-experiment';
import { parseExperiment } from '../experiment/validate';
import type { CliIo } from './io';
import { USAGE, main } from './main';

// `optimizer-playground inspect`: one run at one step as the step inspector shows it (quantities13's
// CLI contract). The oracle for the numbers is torch.optim's own optimizer.state
// (src/engine/methods/first-order/optimizer-state.golden.json, scripts/references/torch_optimizer_state.py):
// Adam's moments at step 10 printed by the CLI equal torch's exp_avg and exp_avg_sq; the point
// equals what `run` prints for that step, bit for bit.

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = join(ROOT, 'bin', 'optimizer-playground.mjs');

interface TorchStateCase {
  optimizer: string;
  hyper: Record<string, unknown>;
  surface: string;
  start: number[];
  steps: number;
  point: number[];
  state: Record<string, number | number[]>;
}
const torchStates = (JSON.parse(readFileSync(join(ROOT, 'src/engine/methods/first-order/optimizer-state.golden.json'), 'utf8')) as { cases: TorchStateCase[] }).cases;
const TORCH_ADAM = torchStates.find((entry) => entry.optimizer === 'adam' && entry.steps === 10 && entry.surface === 'rosenbrock')!;

const EXPERIMENT = {
  version: 1,
  problem: { surface: TORCH_ADAM.surface },
  steps: 10,
  runs: [
    { optimizer: 'adam', hyper: TORCH_ADAM.hyper, start: TORCH_ADAM.start },
    { optimizer: 'bfgs', start: [-1.2, 1] },
    { optimizer: 'sgd', hyper: { lr: 1e-3, momentum: 0.9 }, start: [-1.2, 1] },
  ],
};
const FILES = { 'e.json': JSON.stringify(EXPERIMENT) };

interface InspectJson {
  run: number;
  step: number;
  point: number[];
  value: number;
  gradient: number[];
  delta: number[] | null;
  evaluations: { function: number; gradient: number; hessian: number };
  state: Record<string, number | number[] | number[][]>;
  narration: { sentence: string; rule: string }[];
}

async function cli(argv: string[], files: Record<string, string> = FILES, stdin = '') {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    readFile: async (path) => {
      if (!(path in files)) throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' });
      return files[path];
    },
    readStdin: async () => stdin,
    writeFile: async () => undefined,
  };
  const status = await main(argv, io);
  return { status, stdout, stderr };
}

function relativeError(actual: number, expected: number): number {
  return Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-12);
}

describe('optimizer-playground inspect (in-process)', () => {
  test("Adam at step 10: its moments equal torch.optim's exp_avg and exp_avg_sq, its point what `run` prints", async () => {
    const result = await cli(['inspect', 'e.json', '--run', '1', '--step', '10']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const output = JSON.parse(result.stdout) as InspectJson;
    expect(Object.keys(output)).toEqual(['run', 'step', 'point', 'value', 'gradient', 'delta', 'evaluations', 'state', 'narration']);
    expect(output.run).toBe(1);
    expect(output.step).toBe(10);
    const torch = TORCH_ADAM.state as Record<string, number[]>;
    (output.state.firstMoment as number[]).forEach((value, i) => expect(relativeError(value, torch.exp_avg[i])).toBeLessThan(1e-9));
    (output.state.secondMoment as number[]).forEach((value, i) => expect(relativeError(value, torch.exp_avg_sq[i])).toBeLessThan(1e-9));
    expect(output.state.step).toBe(10);
    output.point.forEach((value, i) => expect(relativeError(value, TORCH_ADAM.point[i])).toBeLessThan(1e-9));

    const run = JSON.parse((await cli(['run', 'e.json'])).stdout) as { runs: { trajectory: number[][]; loss: number[]; evaluations: Record<string, number[]> }[] };
    expect(output.point).toEqual(run.runs[0].trajectory[10]);
    expect(output.value).toBe(run.runs[0].loss[10]);
    expect(output.delta).toEqual(run.runs[0].trajectory[10].map((x, i) => x - run.runs[0].trajectory[9][i]));
    expect(output.evaluations).toEqual({ function: run.runs[0].evaluations.function[10], gradient: run.runs[0].evaluations.gradient[10], hessian: 0 });
    expect(output.narration.map((substep) => substep.sentence)).toContainEqual(expect.stringMatching(/^The first moment m decays by 0\.9 to \(.*\), then adds 0\.1 × the gradient \(.*\): \(.*\)$/));
  });

  test('numbers are exact: JSON.parse gives back the engine’s float64 values bit for bit', async () => {
    const output = JSON.parse((await cli(['inspect', 'e.json', '--run', '3', '--step', '7'])).stdout) as InspectJson;
    const experiment = parseExperiment(EXPERIMENT);
    if (!experiment.ok) throw new Error(experiment.errors.join('; '));
    const engine = inspectStep(runOptionsFor(experiment.experiment, 2, resolveProblem(experiment.experiment.problem).objective), 7);
    expect(output.point.every((value, i) => Object.is(value, engine.point[i]))).toBe(true);
    expect(output.gradient.every((value, i) => Object.is(value, engine.gradient[i]))).toBe(true);
    const velocity = engine.method!.state.find((quantity) => quantity.name === 'velocity')!.value as Float64Array;
    expect((output.state.velocity as number[]).every((value, i) => Object.is(value, velocity[i]))).toBe(true);
    expect(output.narration[0].sentence).toMatch(/^The velocity decays by 0\.9 to/);
  });

  test('defaults: run 1 at the last step; step 0 has no delta and nothing told; matrices print as rows', async () => {
    const last = JSON.parse((await cli(['inspect', 'e.json'])).stdout) as InspectJson;
    expect([last.run, last.step]).toEqual([1, 10]);
    const start = JSON.parse((await cli(['inspect', 'e.json', '--step=0'])).stdout) as InspectJson;
    expect(start.delta).toBeNull();
    expect(start.narration).toEqual([]);
    expect(start.point).toEqual(EXPERIMENT.runs[0].start);
    const bfgs = JSON.parse((await cli(['inspect', 'e.json', '--run', '2', '--step', '4'])).stdout) as InspectJson;
    const inverseHessian = bfgs.state.inverseHessian as number[][];
    expect(inverseHessian).toHaveLength(2);
    expect(inverseHessian.every((row) => Array.isArray(row) && row.length === 2)).toBe(true);
    expect(bfgs.narration.map((substep) => substep.sentence.split(' ').slice(0, 2).join(' '))).toEqual(['The search', 'The line', 'The curvature', 'BFGS updates']);
  });

  test('reads stdin and share URLs like run', async () => {
    const fromStdin = await cli(['inspect', '-', '--run', '2'], {}, JSON.stringify(EXPERIMENT));
    expect(fromStdin.status).toBe(0);
    expect((JSON.parse(fromStdin.stdout) as InspectJson).run).toBe(2);
    const url = (await cli(['url', 'e.json'])).stdout.trim();
    const fromUrl = await cli(['inspect', url, '--run', '2']);
    expect(fromUrl.stdout).toBe(fromStdin.stdout);
  });

  test('bad --run or --step: one line on stderr, nothing on stdout, exit 2', async () => {
    const cases: [string[], string][] = [
      [['--run', '0'], "--run must be a run number, 1 or more, got '0'"],
      [['--run', 'two'], "--run must be a run number, 1 or more, got 'two'"],
      [['--run', '4'], "--run 4 is past the experiment's 3 runs; --run takes 1 to 3"],
      [['--step', '-1'], "--step must be a step number, 0 or more, got '-1'"],
      [['--step', '2.5'], "--step must be a step number, 0 or more, got '2.5'"],
      [['--step', '11'], "--step 11 is past the experiment's 10 steps; --step takes 0 to 10"],
      [['--step'], '--step needs a value'],
      [['--steps', '3'], "unknown option '--steps' for 'inspect' (did you mean '--step'?); 'inspect' takes --run, --step"],
      [['--run', '1', '--run', '2'], '--run is given twice'],
    ];
    for (const [options, message] of cases) {
      const result = await cli(['inspect', 'e.json', ...options]);
      expect(result, options.join(' ')).toEqual({ status: 2, stdout: '', stderr: `optimizer-playground: ${message}\n` });
    }
    expect((await cli(['inspect'])).stderr).toBe("optimizer-playground: 'inspect' needs an experiment: a JSON file, a share URL, or '-' to read stdin\n");
    expect((await cli(['inspekt', 'e.json'])).stderr).toBe("optimizer-playground: unknown command 'inspekt' (did you mean 'inspect'?); try 'optimizer-playground --help'\n");
  });

  test('--help names the command', () => {
    expect(USAGE).toContain('optimizer-playground inspect <experiment.json | share URL | -> [--run N] [--step K]');
  });
});

describe('optimizer-playground inspect (the built command)', () => {
  beforeAll(() => {
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-cli.mjs')], { cwd: ROOT, stdio: 'pipe' });
  }, 60_000);

  function command(args: string[], input?: string) {
    const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, input, encoding: 'utf8' });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  test('prints the inspection from stdin, and a bad --step is one line with exit 2', async () => {
    const built = command(['inspect', '-', '--run', '1', '--step', '10'], JSON.stringify(EXPERIMENT));
    expect(built.stderr).toBe('');
    expect(built.status).toBe(0);
    expect(built.stdout).toBe((await cli(['inspect', 'e.json', '--run', '1', '--step', '10'])).stdout);
    expect(command(['inspect', '-', '--step', 'last'], JSON.stringify(EXPERIMENT))).toEqual({
      status: 2,
      stdout: '',
      stderr: "optimizer-playground: --step must be a step number, 0 or more, got 'last'\n",
    });
  });
});
