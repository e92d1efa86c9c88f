import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { compressText } from '../engine/data/compressed-text';
import { nodeIo, type CliIo } from './io';
import { main } from './main';

// Data problems on the command line, in-process with the real file system (temp folders): a CSV
// read from a path relative to the experiment file, a generated set with mini-batches, a bundled
// set read from the package's public/datasets/, and the messages for a missing or broken file.
// The oracle for the CSV fit: a linear model starts at zeros, so its first loss is the mean of y².


interface Captured {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs main() on the real file system, with `stdin` as standard input and stdout captured. */
async function cli(argv: string[], stdin = ''): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { ...nodeIo(), stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), readStdin: async () => stdin };
  const status = await main(argv, io);
  return { status, stdout, stderr };
}

/** A fresh folder holding the given files. */
function folderWith(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), 'optimizer-playground-data-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
  return folder;
}

const HOUSES = 'area,rooms,price\n50,2,150.5\n72,3,210.25\n95,4,290\n120,4,355.75\n64,2,180\n';
const PRICES = [150.5, 210.25, 290, 355.75, 180];

function housesExperiment(csv: string) {
  return {
    version: 1,
    problem: { dataset: { csv, target: 'price', standardize: true }, model: { kind: 'linear' } },
    steps: 20,
    runs: [{ optimizer: 'adam', hyper: { lr: 0.5 } }],
  };
}

describe('data problems on the command line', () => {
  test('reads a CSV relative to the experiment file; its share URL carries it compressed and runs the same', async () => {
    const folder = folderWith({ 'houses.csv': HOUSES, 'experiment.json': JSON.stringify(housesExperiment('houses.csv')) });
    const file = join(folder, 'experiment.json');
    const result = await cli(['run', file]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const [run] = (JSON.parse(result.stdout) as { runs: { trajectory: number[][]; loss: number[] }[] }).runs;
    // weights (area, rooms) then the bias, from zeros: the first loss is mean(y²)
    expect(run.trajectory[0]).toEqual([0, 0, 0]);
    expect(run.loss[0]).toBeCloseTo(PRICES.reduce((sum, price) => sum + price * price, 0) / PRICES.length, 9);
    expect(run.loss).toHaveLength(21);
    expect(run.loss[20]).toBeLessThan(run.loss[0]);

    const url = await cli(['url', file, '--base', 'https://example.org/']);
    expect(url.status).toBe(0);
    expect(decodeURIComponent(url.stdout)).toMatch(/"csv":"houses\.csv","target":"price","standardize":true,"compressed":"[A-Za-z0-9_-]+"/);
    expect(url.stdout).not.toContain('@'); // the default start (zeros) is left out
    const fromUrl = await cli(['run', url.stdout.trim()]);
    expect(fromUrl.stdout).toBe(result.stdout);

    // an exported file holds the CSV compressed and needs no file beside it
    const exported = { ...housesExperiment('houses.csv'), problem: { dataset: { csv: 'houses.csv', target: 'price', standardize: true, compressed: compressText(HOUSES) }, model: { kind: 'linear' } } };
    const fromExport = await cli(['run', '-'], JSON.stringify(exported));
    expect(fromExport.stdout).toBe(result.stdout);

    // stdin: a path relative to the working directory; an absolute one is read as it is
    const fromStdin = await cli(['run', '-'], JSON.stringify(housesExperiment(join(folder, 'houses.csv'))));
    expect(fromStdin.stdout).toBe(result.stdout);
  });

  test('runs a generated two-moons MLP on mini-batches; the CSV has x1..xn and the data series', async () => {
    const experiment = {
      version: 1,
      problem: { dataset: { name: 'two_moons', samples: 60, noise: 0.1, seed: 2, validation: 0.25 }, model: { kind: 'mlp', hidden: [4], activation: 'tanh' }, batch_size: 9 },
      steps: 12,
      runs: [{ optimizer: 'sgd', hyper: { lr: 0.3 } }],
    };
    const json = await cli(['run', '-'], JSON.stringify(experiment));
    expect(json.stderr).toBe('');
    const [run] = (JSON.parse(json.stdout) as { runs: Record<string, number[][] | number[]>[] }).runs;
    // 2-4-1: 8 + 4 weights and biases, then 4 + 1
    expect(run.trajectory).toHaveLength(13);
    expect((run.trajectory as number[][])[0]).toHaveLength(17);
    for (const name of ['validation_loss', 'accuracy', 'validation_accuracy']) expect(run[name]).toHaveLength(13);

    const csv = await cli(['run', '-', '--format', 'csv'], JSON.stringify(experiment));
    const lines = csv.stdout.trimEnd().split('\n');
    const coordinates = Array.from({ length: 17 }, (_, index) => `x${index + 1}`);
    expect(lines[0]).toBe(['run', 'optimizer', 'label', 'step', ...coordinates, 'loss', 'validation_loss', 'accuracy', 'validation_accuracy'].join(','));
    expect(lines).toHaveLength(14);
    const last = lines[13].split(',');
    expect(last.slice(0, 4)).toEqual(['0', 'sgd', '', '12']);
    expect(last.slice(4).map(Number)).toEqual([
      ...(run.trajectory as number[][])[12],
      (run.loss as number[])[12],
      (run.validation_loss as number[])[12],
      (run.accuracy as number[])[12],
      (run.validation_accuracy as number[])[12],
    ]);
  });

  test('reads a bundled set from the package, from JSON and from its link', async () => {
    const experiment = { version: 1, problem: { dataset: { name: 'iris', validation: 0.2 }, model: { kind: 'softmax' } }, steps: 5, runs: [{ optimizer: 'adam' }] };
    const fromJson = await cli(['run', '-'], JSON.stringify(experiment));
    expect(fromJson.stderr).toBe('');
    expect((JSON.parse(fromJson.stdout) as { runs: { trajectory: number[][] }[] }).runs[0].trajectory[0]).toHaveLength(15);
    const url = await cli(['url', '-'], JSON.stringify(experiment));
    expect(url.stdout).not.toContain('content');
    expect(url.stdout.length).toBeLessThan(300);
    expect((await cli(['run', url.stdout.trim()])).stdout).toBe(fromJson.stdout);
  });

  test('a CSV that is not there: the message names the path', async () => {
    const folder = folderWith({ 'experiment.json': JSON.stringify(housesExperiment('data/nope.csv')) });
    const file = join(folder, 'experiment.json');
    const result = await cli(['run', file]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`optimizer-playground: ${file}: problem.dataset.csv: cannot read '${join(folder, 'data', 'nope.csv')}': no such file or directory\n`);
  });

  test("a broken CSV: the reader's message, after the file's name", async () => {
    const folder = folderWith({ 'bad.csv': 'area,price\n50,150.5\n72\n95,290.25\n', 'experiment.json': JSON.stringify(housesExperiment('bad.csv')) });
    const result = await cli(['run', join(folder, 'experiment.json')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^optimizer-playground: .*experiment\.json: invalid experiment \(1 problem\): problem\.dataset \(bad\.csv\): /);
    // the reader names the line and the cell count
    expect(result.stderr).toContain('line 3');
  });

  test('a link whose CSV was too large to travel says which file to open', async () => {
    const hash = `v=1&problem=${encodeURIComponent(JSON.stringify({ dataset: { csv: 'houses.csv', target: 'price' }, model: { kind: 'linear' } }))}&run=adam`;
    const result = await cli(['run', `https://example.org/#${hash}`]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('problem: this link used "houses.csv", which is too large to travel in a link: open it again');
  });
});
