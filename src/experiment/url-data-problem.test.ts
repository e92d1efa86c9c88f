import { describe, expect, it } from 'vitest';
import { problemSuggestedStarts } from '../engine/problems';
import type { Experiment } from './experiment';
import { MAX_LINK_CSV_CHARACTERS, portableExperiment } from './portable-problem';
import { decodeExperiment, encodeExperiment, linkBundledSets, type LinkFiles } from './url-codec';
import { parseExperiment } from './validate';

// Data problems in the share URL and in exported files: the round trip experiment → text →
// experiment is exact (the oracle is the experiment itself, compared with toEqual), a run starting
// at the model's default initialization is written without its start, a bundled set by its name,
// a CSV compressed when it fits and by its file name otherwise.


function parse(json: unknown): Experiment {
  const parsed = parseExperiment(json);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.experiment;
}

/** Encodes, decodes and encodes again: the experiment and the text must both come back unchanged. */
function roundTrip(experiment: Experiment, files?: LinkFiles): string {
  const hash = encodeExperiment(experiment);
  const back = decodeExperiment(hash, files);
  expect(back.problems).toEqual([]);
  expect(back.experiment).toEqual(experiment);
  expect(encodeExperiment(back.experiment)).toBe(hash);
  return hash;
}

const MOONS_MLP = {
  dataset: { name: 'two_moons', samples: 120, noise: 0.15, seed: 3, validation: 0.25, standardize: true, added: [[0.5, -0.25, 1], [1.5, 0.75, 0]] },
  model: { kind: 'mlp', hidden: [8, 4], activation: 'relu', weight_decay: 0.001, seed: 7 },
  batch_size: 10,
};

describe('a data problem in the share URL', () => {
  it('round-trips a two-moons MLP with added points, validation, standardizing, batch size and model options; default starts are left out', () => {
    const experiment = parse({ version: 1, problem: MOONS_MLP, steps: 50, seed: 4, runs: [{ optimizer: 'adam', hyper: { lr: 0.01 } }, { optimizer: 'sgd', hyper: { lr: 0.1, momentum: 0.9 }, label: 'SGD' }] });
    const hash = roundTrip(experiment);
    // an MLP 2-8-4-1 has 24 + 36 + 5 = 65 parameters: none of them in the link
    expect(experiment.runs[0].start).toHaveLength(65);
    expect(hash).toContain('&run=adam(lr=0.01)&run=sgd(lr=0.1,momentum=0.9);label=SGD');
    expect(hash).not.toContain('@');
    expect(hash.length).toBeLessThan(600);
  });

  it('writes a start that is not the default one, and reads it back', () => {
    const experiment = parse({ version: 1, problem: { dataset: { name: 'linear_1d', samples: 30 }, model: { kind: 'linear' } }, runs: [{ optimizer: 'sgd' }, { optimizer: 'sgd', start: [1.5, -2] }] });
    expect(problemSuggestedStarts(experiment.problem)[0]).toEqual([0, 0]);
    const hash = roundTrip(experiment);
    expect(hash).toContain('&run=sgd&run=sgd@1.5,-2');
  });

  it('keeps reading a run written with its default start, and refuses a start of the wrong length', () => {
    const experiment = parse({ version: 1, problem: { dataset: { name: 'linear_1d' }, model: { kind: 'linear' } }, runs: [{ optimizer: 'adam' }] });
    const problem = encodeExperiment(experiment).split('&').find((pair) => pair.startsWith('problem='));
    const written = decodeExperiment(`v=1&${problem}&run=adam@0,0`);
    expect(written.problems).toEqual([]);
    expect(written.experiment).toEqual(experiment);
    const wrong = decodeExperiment(`v=1&${problem}&run=adam@0,0,0`);
    expect(wrong.problems[0]).toBe('run 1: start must be an array of 2 numbers, got 3; run dropped');
  });

  it('says which CSV to open again when the file was too large to travel, and drops nothing else silently', () => {
    // built without validation: only the writer and the first step of reading are under test
    const rows = Array.from({ length: 4_000 }, (_, index) => `${Math.sin(index * 12.9898) * 43758.5453},${(index * 7919) % 1000}`).join('\n');
    const experiment: Experiment = {
      version: 1,
      problem: { kind: 'data', dataset: { csv: 'houses.csv', content: `area,price\n${rows}\n`, target: 'price' }, model: { kind: 'linear' } },
      steps: 300,
      seed: 0,
      noise: 0,
      runs: [{ optimizer: 'adam', hyper: {}, start: [0, 0] }],
    };
    const hash = encodeExperiment(experiment);
    expect(decodeURIComponent(hash)).toContain('"dataset":{"csv":"houses.csv","target":"price"}');
    expect(hash).not.toContain('compressed');
    expect(hash).not.toContain('content');
    const back = decodeExperiment(hash);
    expect(back.problems[0]).toBe('problem: this link used "houses.csv", which is too large to travel in a link: open it again; using the default surface (rosenbrock)');
  });

  it('embeds a small CSV compressed, and reads it back exactly', () => {
    const content = 'area,rooms,price\n50,2,150.5\n72,3,210.25\n95,4,290\n120,4,355.75\n64,2,180\n';
    const experiment = parse({
      version: 1,
      problem: { dataset: { csv: 'houses.csv', content, target: 'price', features: ['area', 'rooms'], standardize: true }, model: { kind: 'linear' } },
      runs: [{ optimizer: 'sgd', hyper: { lr: 0.1 } }],
    });
    const hash = roundTrip(experiment);
    expect(decodeURIComponent(hash)).toContain('"compressed":"');
    expect(hash).not.toContain('content');
  });

  it('puts a CSV in the link up to MAX_LINK_CSV_CHARACTERS of compressed text', () => {
    // pseudo-random digits barely compress: about 8 KB of CSV fills the link's allowance
    const line = (index: number) => `${index},${(index * 2654435761) % 100000}`;
    const csv = (count: number) => `x,y\n${Array.from({ length: count }, (_, index) => line(index)).join('\n')}\n`;
    const fits = parse({ version: 1, problem: { dataset: { csv: 'a.csv', content: csv(400) }, model: { kind: 'linear' } }, runs: [{ optimizer: 'sgd' }] });
    const compressed = /"compressed":"([A-Za-z0-9_-]+)"/.exec(decodeURIComponent(encodeExperiment(fits)))?.[1] ?? '';
    expect(compressed.length).toBeGreaterThan(1_000);
    expect(compressed.length).toBeLessThanOrEqual(MAX_LINK_CSV_CHARACTERS);
    const tooLarge = parse({ version: 1, problem: { dataset: { csv: 'a.csv', content: csv(4_000) }, model: { kind: 'linear' } }, runs: [{ optimizer: 'sgd' }] });
    expect(encodeExperiment(tooLarge)).not.toContain('compressed');
  });

  it('asks the host for a bundled data set the link names, and says so when it did not come', () => {
    const hash = `v=1&problem=${encodeURIComponent(JSON.stringify({ dataset: { name: 'iris' }, model: { kind: 'softmax' } }))}&run=adam`;
    expect(linkBundledSets(hash)).toEqual(['iris']);
    expect(decodeExperiment(hash).problems[0]).toMatch(/^problem: the bundled data set "iris" was not loaded; using the default surface/);
    const failed = decodeExperiment(hash, { bundled: new Map([['iris', { ok: false, error: 'datasets/iris.csv: HTTP 404' }]]) });
    expect(failed.problems[0]).toMatch(/^problem: could not load the bundled data set "iris": datasets\/iris\.csv: HTTP 404; using the default surface/);
  });

  it('carries a bundled set by its name alone and reads it with the file the host loaded', async () => {
    const { readFile } = await import('node:fs/promises');
    const text = await readFile(new URL('../../public/datasets/iris.csv', import.meta.url), 'utf8');
    const experiment = parse({ version: 1, problem: { dataset: { name: 'iris', content: text, validation: 0.2 }, model: { kind: 'softmax' } }, runs: [{ optimizer: 'adam' }] });
    const hash = roundTrip(experiment, { bundled: new Map([['iris', { ok: true, text }]]) });
    expect(hash).not.toContain('content');
    expect(linkBundledSets(hash)).toEqual(['iris']);
  });
});

describe('a data problem in an exported file', () => {
  it('embeds the CSV compressed whatever its size, and reads back to the same experiment', () => {
    const rows = Array.from({ length: 3_000 }, (_, index) => `${index % 97},${(index * 7919) % 1000},${index % 2}`).join('\n');
    const experiment = parse({ version: 1, problem: { dataset: { csv: 'big.csv', content: `a,b,label\n${rows}\n`, target: 'label', validation: 0.1 }, model: { kind: 'logistic' } }, runs: [{ optimizer: 'adam' }] });
    const file = JSON.parse(JSON.stringify(portableExperiment(experiment))) as { problem: { dataset: Record<string, unknown> } };
    expect(file.problem.dataset.content).toBeUndefined();
    expect(typeof file.problem.dataset.compressed).toBe('string');
    expect(parse(file)).toEqual(experiment);
  });

  it('leaves a generated data set as it is', () => {
    const experiment = parse({ version: 1, problem: MOONS_MLP, runs: [{ optimizer: 'adam' }] });
    expect(portableExperiment(experiment)).toEqual(experiment);
  });
});

describe('a link whose run the problem cannot serve', () => {
  it('drops that run alone and says why', () => {
    const problem = encodeURIComponent(JSON.stringify({ dataset: { name: 'two_moons' }, model: { kind: 'mlp' } }));
    const decoded = decodeExperiment(`v=1&problem=${problem}&run=adam&run=newton`);
    expect(decoded.experiment.runs.map((run) => run.optimizer)).toEqual(['adam']);
    expect(decoded.problems).toEqual(['run 2: Newton needs the Hessian ∇²f, which an MLP does not have here: choose a first-order, quasi-Newton or gradient-free method; run dropped']);
  });
});
