import { describe, expect, test } from 'vitest';
import type { RunResult } from '../engine/run';
import { DEFAULT_EXPERIMENT, type Experiment } from './experiment';
import { csvParseRows } from 'd3-dsv';
import { csvField, formatOutputCsv, formatOutputJson, toOutput } from './output';
import { runExperiment } from './run-experiment';

// The output formats are checked on a result written by hand, so every expected line is known.

const EXPERIMENT: Experiment = {
  ...DEFAULT_EXPERIMENT,
  runs: [
    { optimizer: 'adam', hyper: {}, start: [-1.5, 2], label: 'Adam, "fast"' },
    { optimizer: 'sgd', hyper: { lr: 1 }, start: [0.1, 0.2] },
  ],
};

const RESULT = {
  runs: [
    result([-1.5, 2, -1.45, 2.05], [12.5, 6.278125035672685], null),
    // 0.1 + 0.2 and 2/3 need all 17 significant digits to read back
    result([0.1, 0.2, 0.1 + 0.2, 2 / 3], [0.05, 1e-300], { step: 2, reason: 'x became NaN' }),
  ],
};

function result(trajectory: number[], loss: number[], diverged: RunResult['diverged']): RunResult {
  // first-order counts: one f and ∇f per point; the best loss so far
  const counts = Float64Array.from(loss, (_, k) => k + 1);
  const bestLoss = Float64Array.from(loss, (_, k) => Math.min(...loss.slice(0, k + 1)));
  return { dimension: 2, trajectory: Float64Array.from(trajectory), loss: Float64Array.from(loss), evaluations: { function: counts, gradient: counts, hessian: new Float64Array(loss.length) }, bestLoss, elapsedMs: null, diverged, converged: null, snapshots: null };
}

describe('toOutput', () => {
  test('one entry per run: optimizer, label when given, points start first, losses, divergence, counts, best loss, convergence', () => {
    expect(toOutput(EXPERIMENT, RESULT)).toEqual({
      runs: [
        {
          optimizer: 'adam',
          label: 'Adam, "fast"',
          trajectory: [[-1.5, 2], [-1.45, 2.05]],
          loss: [12.5, 6.278125035672685],
          diverged: null,
          evaluations: { function: [1, 2], gradient: [1, 2], hessian: [0, 0] },
          best_loss: [12.5, 6.278125035672685],
          converged: null,
        },
        {
          optimizer: 'sgd',
          trajectory: [[0.1, 0.2], [0.30000000000000004, 0.6666666666666666]],
          loss: [0.05, 1e-300],
          diverged: { step: 2, reason: 'x became NaN' },
          evaluations: { function: [1, 2], gradient: [1, 2], hessian: [0, 0] },
          best_loss: [0.05, 1e-300],
          converged: null,
        },
      ],
    });
    expect('label' in toOutput(EXPERIMENT, RESULT).runs[1]).toBe(false);
  });
});

describe('formatOutputJson', () => {
  test('is valid JSON that reads back exactly, one point per line', () => {
    const output = toOutput(EXPERIMENT, RESULT);
    const text = formatOutputJson(output);
    expect(JSON.parse(text)).toEqual(output);
    expect(text).toBe(
      [
        '{',
        '  "runs": [',
        '    {',
        '      "optimizer": "adam",',
        '      "label": "Adam, \\"fast\\"",',
        '      "trajectory": [',
        '        [-1.5,2],',
        '        [-1.45,2.05]',
        '      ],',
        '      "loss": [',
        '        12.5,',
        '        6.278125035672685',
        '      ],',
        '      "diverged": null,',
        '      "evaluations": {',
        '        "function": [',
        '          1,',
        '          2',
        '        ],',
        '        "gradient": [',
        '          1,',
        '          2',
        '        ],',
        '        "hessian": [',
        '          0,',
        '          0',
        '        ]',
        '      },',
        '      "best_loss": [',
        '        12.5,',
        '        6.278125035672685',
        '      ],',
        '      "converged": null',
        '    },',
        '    {',
        '      "optimizer": "sgd",',
        '      "trajectory": [',
        '        [0.1,0.2],',
        '        [0.30000000000000004,0.6666666666666666]',
        '      ],',
        '      "loss": [',
        '        0.05,',
        '        1e-300',
        '      ],',
        '      "diverged": {"step":2,"reason":"x became NaN"},',
        '      "evaluations": {',
        '        "function": [',
        '          1,',
        '          2',
        '        ],',
        '        "gradient": [',
        '          1,',
        '          2',
        '        ],',
        '        "hessian": [',
        '          0,',
        '          0',
        '        ]',
        '      },',
        '      "best_loss": [',
        '        0.05,',
        '        1e-300',
        '      ],',
        '      "converged": null',
        '    }',
        '  ]',
        '}',
        '',
      ].join('\n'),
    );
  });
});

describe('formatOutputCsv', () => {
  test('header run,optimizer,label,step,x,y,loss and one row per run and step, labels quoted as RFC 4180 says', () => {
    const text = formatOutputCsv(toOutput(EXPERIMENT, RESULT));
    expect(text).toBe(
      [
        'run,optimizer,label,step,x,y,loss',
        '0,adam,"Adam, ""fast""",0,-1.5,2,12.5',
        '0,adam,"Adam, ""fast""",1,-1.45,2.05,6.278125035672685',
        '1,sgd,,0,0.1,0.2,0.05',
        '1,sgd,,1,0.30000000000000004,0.6666666666666666,1e-300',
        '',
      ].join('\n'),
    );
    // every number reads back as the same float64
    const lastRow = text.trim().split('\n').at(-1)?.split(',') ?? [];
    expect(Number(lastRow[4])).toBe(0.1 + 0.2);
    expect(Number(lastRow[5])).toBe(2 / 3);
  });
});

describe('csvField: no formula from a label (issue 12, finding 5)', () => {
  // OWASP's CSV-injection guidance: a cell starting with =, +, -, @, a tab or a carriage return gets a
  // single quote in front and is quoted. Read back with d3-dsv (an independent RFC 4180 reader).
  test.each(['=HYPERLINK("http://evil.example","x")', '+1+1', '-2+3', '@SUM(A1:A2)', '\tcmd', '\r=1'])('neutralises %j', (label) => {
    const cell = csvField(label);
    expect(cell.startsWith(`"'`)).toBe(true);
    expect(csvParseRows(`${cell}\n`)[0]).toEqual([`'${label}`]);
  });

  test('leaves ordinary text alone, and quotes only what RFC 4180 asks for', () => {
    expect(csvField('Adam lr 0.05')).toBe('Adam lr 0.05');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('')).toBe('');
  });

  test('a run labelled with a formula exports it inert, while its negative coordinates stay numbers', () => {
    const hostile: Experiment = { ...EXPERIMENT, runs: EXPERIMENT.runs.map((run) => ({ ...run, label: '=1+2' })) };
    const rows = csvParseRows(formatOutputCsv(toOutput(hostile, RESULT)));
    expect(rows[1][2]).toBe("'=1+2");
    expect(rows[1][4]).toBe('-1.5');
  });
});

describe('colour and visibility', () => {
  test('only change how a run is drawn: a hidden, coloured run is computed and output as if plain', () => {
    const plain: Experiment = { ...DEFAULT_EXPERIMENT, steps: 40 };
    const dressed: Experiment = {
      ...plain,
      runs: plain.runs.map((run, index) => ({ ...run, color: ['#000000', '#ffffff', '#cc79a7'][index], hidden: index !== 1 })),
    };
    const output = toOutput(dressed, runExperiment(dressed));
    // the oracle: the same experiment with the two fields left out
    expect(output).toEqual(toOutput(plain, runExperiment(plain)));
    expect(output.runs).toHaveLength(3);
    expect(output.runs.every((run) => run.trajectory.length === 41)).toBe(true);
    expect(formatOutputCsv(output)).not.toMatch(/hidden|#cc79a7/);
  });
});
