import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { encodeExperiment } from '../experiment/url-codec';
import golden from './cli.golden.json';
import nDimensionalGolden from '../experiment/n-dimensional-runs.golden.json';
import type { CliIo } from './io';
import { USAGE, main } from './main';

// The CLI end to end, twice: in-process through main() with fake IO (fast, every error path), and
// as a real process from the bundle that scripts/build-cli.mjs makes. The acceptance check: `run`
// on typed-formula experiments reproduces torch.optim's trajectories (scripts/golden/cli.py) to a
// relative error of 1e-9 at every point.

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = join(ROOT, 'bin', 'optimizer-playground.mjs');
const BUNDLE = join(ROOT, 'dist', 'cli', 'optimizer-playground.mjs');
const TOLERANCE = 1e-9;

const EXPERIMENT = {
  version: 1,
  problem: { kind: 'formula', expression: 'x^2 + y^2' },
  steps: 2,
  runs: [{ optimizer: 'sgd', hyper: { lr: 0.25 }, start: [1, -2], label: 'half, then half' }],
};
// SGD with lr 0.25 on x² + y² halves the point each step: (1, −2), (0.5, −1), (0.25, −0.5), one
// evaluation of f and ∇f per point, no Hessian; the loss falls, so the best loss is the loss
const EXPECTED_OUTPUT = {
  runs: [
    {
      optimizer: 'sgd',
      label: 'half, then half',
      trajectory: [[1, -2], [0.5, -1], [0.25, -0.5]],
      loss: [5, 1.25, 0.3125],
      diverged: null,
      evaluations: { function: [1, 2, 3], gradient: [1, 2, 3], hessian: [0, 0, 0] },
      best_loss: [5, 1.25, 0.3125],
      converged: null,
    },
  ],
};

interface Captured {
  status: number;
  stdout: string;
  stderr: string;
  written: Map<string, string>;
}

/** Runs main() with files from `files` (a missing name is ENOENT) and `stdin`. */
async function cli(argv: string[], files: Record<string, string> = {}, stdin = ''): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const written = new Map<string, string>();
  const io: CliIo = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    readFile: async (path) => {
      if (path === 'a-folder') throw Object.assign(new Error('EISDIR: illegal operation on a directory, read'), { code: 'EISDIR' });
      if (!(path in files)) throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' });
      return files[path];
    },
    readStdin: async () => stdin,
    writeFile: async (path, text) => {
      if (path.startsWith('/read-only/')) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      written.set(path, text);
    },
  };
  const status = await main(argv, io);
  return { status, stdout, stderr, written };
}

/** The failure contract: exit 2, nothing on stdout, exactly one line on stderr, no stack trace. */
function expectUsageError(result: Captured, message: string | RegExp) {
  expect(result.status).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr.endsWith('\n')).toBe(true);
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(result.stderr).not.toMatch(/\n\s+at |Error:/);
  const line = result.stderr.trimEnd();
  if (typeof message === 'string') expect(line).toBe(`optimizer-playground: ${message}`);
  else expect(line).toMatch(message);
}

describe('optimizer-playground (in-process)', () => {
  test('--help prints the usage and exits 0', async () => {
    for (const argv of [['--help'], ['-h'], ['help'], ['run', '--help']]) {
      const result = await cli(argv);
      expect(result).toMatchObject({ status: 0, stdout: USAGE, stderr: '' });
    }
    expect(USAGE).toContain('optimizer-playground run <experiment.json | share URL | -> [--format json|csv] [--out FILE]');
  });

  test('run prints the result as JSON by default', async () => {
    const result = await cli(['run', 'e.json'], { 'e.json': JSON.stringify(EXPERIMENT) });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual(EXPECTED_OUTPUT);
  });

  test('run --format csv, and --out writes the file instead of stdout', async () => {
    const csv = await cli(['run', 'e.json', '--format', 'csv'], { 'e.json': JSON.stringify(EXPERIMENT) });
    expect(csv.stdout).toBe('run,optimizer,label,step,x,y,loss\n0,sgd,"half, then half",0,1,-2,5\n0,sgd,"half, then half",1,0.5,-1,1.25\n0,sgd,"half, then half",2,0.25,-0.5,0.3125\n');
    const out = await cli(['run', '--format=csv', '-o', 'result.csv', 'e.json'], { 'e.json': JSON.stringify(EXPERIMENT) });
    expect(out).toMatchObject({ status: 0, stdout: '', stderr: '' });
    expect(out.written.get('result.csv')).toBe(csv.stdout);
  });

  test("run reads an experiment or a share URL from stdin with '-'", async () => {
    const fromJson = await cli(['run', '-'], {}, `\uFEFF${JSON.stringify(EXPERIMENT)}\n`);
    expect(JSON.parse(fromJson.stdout)).toEqual(EXPECTED_OUTPUT);
    const url = `http://localhost:5173/#${encodeExperiment({ ...EXPERIMENT, seed: 0, noise: 0 } as never)}\n`;
    const fromUrl = await cli(['run', '-'], {}, url);
    expect(JSON.parse(fromUrl.stdout)).toEqual(EXPECTED_OUTPUT);
    expectUsageError(await cli(['run', '-'], {}, 'hello'), 'stdin holds neither experiment JSON nor a share URL');
  });

  test('run takes a share URL, a bare hash, or a hash with #', async () => {
    const hash = 'v=1&f=x^2+y^2&steps=2&run=sgd(lr=0.25)@1,-2;label=half,%20then%20half';
    for (const input of [`https://example.org/playground/#${hash}`, `#${hash}`, hash]) {
      const result = await cli(['run', input]);
      expect(result.stderr).toBe('');
      expect(JSON.parse(result.stdout)).toEqual(EXPECTED_OUTPUT);
    }
  });

  test('a share URL with problems fails, listing them, since the CLI is for reproducing results', async () => {
    const result = await cli(['run', 'http://localhost:5173/#v=1&steps=abc&run=adamm@0,0']);
    expectUsageError(
      result,
      /^optimizer-playground: the share URL could not be read in full: steps: 'abc' is not a whole number; using 300; run 1: optimizer: unknown optimizer 'adamm' .*; run dropped; no run could be read; using the default runs$/,
    );
    expectUsageError(await cli(['run', 'http://localhost:5173/']), /the URL has no '#' part with an experiment/);
  });

  test('unreadable files, bad JSON (with line and column) and invalid experiments exit 2 with one line', async () => {
    expectUsageError(await cli(['run', 'missing.json']), "cannot read 'missing.json': no such file or directory");
    expectUsageError(await cli(['run', 'a-folder']), "cannot read 'a-folder': it is a directory");
    expectUsageError(await cli(['run', 'bad.json'], { 'bad.json': '{\n  "version": 1,\n  "steps": 300,\n}\n' }), "bad.json: invalid JSON at line 4, column 1: trailing comma before '}'");
    expectUsageError(await cli(['run', 'empty.json'], { 'empty.json': '' }), 'empty.json: invalid JSON at line 1, column 1: unexpected end of the file (is something cut off?)');
    const invalid = { ...EXPERIMENT, steps: 0, runs: [{ optimizer: 'adam', hyper: { lrr: 1 }, start: [0, 0] }] };
    expectUsageError(
      await cli(['run', 'e.json'], { 'e.json': JSON.stringify(invalid) }),
      "e.json: invalid experiment (2 problems): steps must be a whole number from 1 to 100000, got 0; unknown key 'lrr' in runs[0].hyper (did you mean 'lr'?)",
    );
    const badFormula = { ...EXPERIMENT, problem: { kind: 'formula', expression: 'x^2 +\n sinn(y)' } };
    expectUsageError(await cli(['run', 'e.json'], { 'e.json': JSON.stringify(badFormula) }), /^optimizer-playground: e\.json: invalid experiment \(1 problem\): problem\.expression: unknown function 'sinn'/);
  });

  test('bad command lines exit 2 with one line', async () => {
    expectUsageError(await cli([]), "no command given; try 'optimizer-playground --help'");
    expectUsageError(await cli(['rn', 'e.json']), "unknown command 'rn' (did you mean 'run'?); try 'optimizer-playground --help'");
    expectUsageError(await cli(['--verbose']), "unknown option '--verbose'; try 'optimizer-playground --help'");
    expectUsageError(await cli(['run', 'e.json', '--fromat', 'csv']), "unknown option '--fromat' for 'run' (did you mean '--format'?); 'run' takes --format, --out");
    expectUsageError(await cli(['url', 'e.json', '--format', 'csv']), "unknown option '--format' for 'url'; 'url' takes --base");
    expectUsageError(await cli(['run', 'e.json', '--format', 'xml']), "--format must be json or csv, got 'xml'");
    expectUsageError(await cli(['run', 'e.json', '--format']), '--format needs a value');
    expectUsageError(await cli(['run', 'e.json', '--out', 'a', '--out', 'b']), '--out is given twice');
    expectUsageError(await cli(['run']), "'run' needs an experiment: a JSON file, a share URL, or '-' to read stdin");
    expectUsageError(await cli(['run', 'a.json', 'b.json']), "'run' takes one experiment, got 2: a.json b.json");
  });

  test('a file that cannot be written exits 2', async () => {
    expectUsageError(await cli(['run', 'e.json', '--out', '/read-only/r.json'], { 'e.json': JSON.stringify(EXPERIMENT) }), "cannot write '/read-only/r.json': permission denied");
  });

  test('url prints the share URL on the default or a given base', async () => {
    const files = { 'e.json': JSON.stringify(EXPERIMENT) };
    const hash = 'v=1&f=x^2%20+%20y^2&steps=2&run=sgd(lr=0.25)@1,-2;label=half,%20then%20half';
    expect(await cli(['url', 'e.json'], files)).toMatchObject({ status: 0, stdout: `http://localhost:5173/#${hash}\n`, stderr: '' });
    const based = await cli(['url', 'e.json', '--base', 'https://example.org/play/#old'], files);
    expect(based.stdout).toBe(`https://example.org/play/#${hash}\n`);
    // and the URL runs to the same result as the file
    const fromUrl = await cli(['run', based.stdout.trim()]);
    expect(JSON.parse(fromUrl.stdout)).toEqual(EXPECTED_OUTPUT);
  });
});

describe('optimizer-playground reproduces torch.optim on typed formulas (scripts/golden/cli.py)', () => {
  for (const goldenCase of golden.cases) {
    test(goldenCase.name, async () => {
      const result = await cli(['run', 'experiment.json'], { 'experiment.json': JSON.stringify(goldenCase.experiment) });
      expect(result.stderr).toBe('');
      expectMatchesTorch(JSON.parse(result.stdout), goldenCase);
    });
  }
});

interface OutputJson {
  runs: { optimizer: string; label?: string; trajectory: number[][]; loss: number[]; diverged: unknown }[];
}

function expectMatchesTorch(output: OutputJson, goldenCase: { readonly experiment: { readonly steps: number; readonly runs: readonly object[] }; readonly runs: readonly { trajectory: number[][]; loss: number[] }[] }) {
  expect(output.runs).toHaveLength(goldenCase.runs.length);
  goldenCase.runs.forEach((torchRun, index) => {
    const run = output.runs[index];
    const given = goldenCase.experiment.runs[index] as { optimizer: string; label?: string };
    expect(run.optimizer).toBe(given.optimizer);
    expect(run.label).toBe(given.label);
    expect(run.diverged).toBeNull();
    expect(run.trajectory).toHaveLength(goldenCase.experiment.steps + 1);
    let worst = 0;
    torchRun.trajectory.forEach((point, step) => point.forEach((coordinate, axis) => (worst = Math.max(worst, relativeError(run.trajectory[step][axis], coordinate)))));
    torchRun.loss.forEach((loss, step) => (worst = Math.max(worst, relativeError(run.loss[step], loss))));
    expect(worst, `run ${index} (${given.optimizer})`).toBeLessThanOrEqual(TOLERANCE);
  });
}

function relativeError(actual: number, expected: number): number {
  return actual === expected ? 0 : Math.abs(actual - expected) / Math.max(Math.abs(expected), Number.MIN_VALUE);
}

describe('the built command (bin/optimizer-playground.mjs and the bundle)', () => {
  beforeAll(() => {
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-cli.mjs')], { cwd: ROOT, stdio: 'pipe' });
  }, 60_000);

  function command(args: string[], input?: string) {
    const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, input, encoding: 'utf8' });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  test('--help, and a one-line error with exit 2 for bad input', () => {
    expect(command(['--help'])).toEqual({ status: 0, stdout: USAGE, stderr: '' });
    expect(command(['run', 'no-such-file.json'])).toEqual({ status: 2, stdout: '', stderr: "optimizer-playground: cannot read 'no-such-file.json': no such file or directory\n" });
    const badJson = command(['run', '-'], '\n{"version": 1,\n "runs": [1, 2,]}');
    expect(badJson).toEqual({ status: 2, stdout: '', stderr: "optimizer-playground: stdin: invalid JSON at line 3, column 16: trailing comma before ']'\n" });
  });

  test('run on each golden experiment matches torch, from a file and through its share URL (10-D surfaces too)', () => {
    const folder = mkdtempSync(join(tmpdir(), 'optimizer-playground-'));
    for (const goldenCase of [...golden.cases, ...nDimensionalGolden.cases]) {
      const file = join(folder, 'experiment.json');
      writeFileSync(file, JSON.stringify(goldenCase.experiment, null, 2));
      const fromFile = command(['run', file]);
      expect(fromFile.stderr).toBe('');
      expect(fromFile.status).toBe(0);
      expectMatchesTorch(JSON.parse(fromFile.stdout), goldenCase);

      const url = command(['url', file, '--base', 'https://example.org/']);
      expect(url.status).toBe(0);
      const fromUrl = command(['run', url.stdout.trim()]);
      expect(fromUrl.stdout).toBe(fromFile.stdout);
    }
  }, 60_000);

  test('run --out writes the CSV file', () => {
    const folder = mkdtempSync(join(tmpdir(), 'optimizer-playground-'));
    const out = join(folder, 'result.csv');
    const result = command(['run', '-', '--format', 'csv', '--out', out], JSON.stringify(EXPERIMENT));
    expect(result).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(readFileSync(out, 'utf8').split('\n')[3]).toBe('0,sgd,"half, then half",2,0.25,-0.5,0.3125');
  });

  test('the bundle runs on its own, and the shim says to run npm install when it is missing', () => {
    const direct = spawnSync(process.execPath, [BUNDLE, 'run', '-'], { input: JSON.stringify(EXPERIMENT), encoding: 'utf8' });
    expect(JSON.parse(direct.stdout)).toEqual(EXPECTED_OUTPUT);

    const bare = mkdtempSync(join(tmpdir(), 'optimizer-playground-'));
    mkdirSync(join(bare, 'bin'));
    copyFileSync(BIN, join(bare, 'bin', 'optimizer-playground.mjs'));
    const shim = spawnSync(process.execPath, [join(bare, 'bin', 'optimizer-playground.mjs'), '--help'], { encoding: 'utf8' });
    expect(shim.status).toBe(1);
    expect(shim.stderr).toMatch(/^optimizer-playground: the CLI is not built yet; run 'npm install'.*\n$/);
  });

  test('a reader that stops early or a full disk ends the run in one line, never a stack trace (issue 12, finding 6)', () => {
    const long = JSON.stringify({ ...EXPERIMENT, steps: 20_000 });
    // `run - | head -c 10`: the pipe closes after ten bytes
    const piped = spawnSync('/bin/sh', ['-c', `"${process.execPath}" "${BUNDLE}" run - | head -c 10`], { input: long, encoding: 'utf8' });
    expect(piped.stdout).toHaveLength(10);
    expect(piped.stderr).toBe('');
    // `run - >/dev/full`: every write fails with ENOSPC
    const full = spawnSync('/bin/sh', ['-c', `"${process.execPath}" "${BUNDLE}" run - >/dev/full`], { input: long, encoding: 'utf8' });
    expect(full.status).toBe(1);
    expect(full.stderr).toBe('optimizer-playground: cannot write the output: no space left on device (ENOSPC)\n');
  });

  describe('inputs of any size end in one bounded line (issue 12, finding 6)', () => {
    const folder = mkdtempSync(join(tmpdir(), 'optimizer-playground-limits-'));
    const runFile = (name: string, json: unknown) => {
      const path = join(folder, name);
      writeFileSync(path, JSON.stringify(json));
      return spawnSync(process.execPath, [BUNDLE, 'run', path], { encoding: 'utf8' });
    };

    test('a start of 10^6 strings, and of 130,000 non-numbers with no problem, is refused in one line, not a stack overflow', () => {
      const many = runFile('many.json', { version: 1, problem: { expression: 'x^2+y^2' }, runs: [{ optimizer: 'adam', start: Array(1_000_000).fill('a') }] });
      expect(many.status).toBe(2);
      expect(many.stderr).toBe(`optimizer-playground: ${join(folder, 'many.json')}: invalid experiment (1 problem): runs[0].start must be an array of 2 numbers, got 1000000\n`);
      const noProblem = runFile('no-problem.json', { version: 1, runs: [{ optimizer: 'adam', start: Array(130_000).fill('a') }] });
      expect(noProblem.status).toBe(2);
      expect(noProblem.stderr).toMatch(/runs\[0\]\.start: 130,000 coordinates is over the limit of 100,000\n$/);
      // under the start limit, each non-number is a problem: ten listed, the rest counted
      const strings = runFile('strings.json', { version: 1, runs: [{ optimizer: 'adam', start: Array(99_000).fill('a') }] });
      expect(strings.status).toBe(2);
      expect(strings.stderr).toMatch(/invalid experiment \(99,001 problems\): .*runs\[0\]\.start\[8\] must be a number, got "a"; … and 98,991 more\n$/);
    });

    test('a file with 100,000 unknown keys: ten named, the rest counted, on one short line', () => {
      const json: Record<string, unknown> = { ...EXPERIMENT };
      for (let index = 0; index < 100_000; index++) json[`k${index}`] = 1;
      const result = runFile('keys.json', json);
      expect(result.status).toBe(2);
      expect(result.stderr.length).toBeLessThan(1_000);
      expect(result.stderr).toMatch(/invalid experiment \(100,000 problems\): unknown key 'k0' in the experiment; .*unknown key 'k9' in the experiment; … and 99,990 more unknown keys in the experiment\n$/);
    });

    test('run - </dev/zero stops at the stdin limit; a device file at the file limit', () => {
      const zero = spawnSync('/bin/sh', ['-c', `"${process.execPath}" "${BUNDLE}" run - </dev/zero`], { encoding: 'utf8', timeout: 30_000 });
      expect(zero.status).toBe(2);
      expect(zero.stderr).toBe('optimizer-playground: cannot read stdin: more than 10,000,000 bytes is over the limit of 10,000,000\n');
      const device = spawnSync(process.execPath, [BUNDLE, 'run', '/dev/zero'], { encoding: 'utf8', timeout: 30_000 });
      expect(device.stderr).toBe("optimizer-playground: cannot read '/dev/zero': more than 10,000,000 bytes is over the limit of 10,000,000\n");
    });
  });
});
