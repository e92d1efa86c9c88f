import { describe, expect, test } from 'vitest';
import { brokenTextProblem, loneSurrogatePosition, withLoneSurrogatesReplaced } from './broken-text';
import { parseExperiment } from './validate';
import { decodeExperiment, decodeUrlState, encodeExperiment } from './url-codec';
import { DEFAULT_EXPERIMENT } from './experiment';

// Oracles: positions counted by hand ("😀" is one character of two UTF-16 units), and the messages
// written out in full.

describe('lone surrogates', () => {
  test('are found at their character position; whole pairs are not', () => {
    expect(loneSurrogatePosition('Adam')).toBeNull();
    expect(loneSurrogatePosition('Ad😀am')).toBeNull();
    expect(loneSurrogatePosition('Adam\uD800')).toBe(5);
    expect(loneSurrogatePosition('😀a\uDC00')).toBe(3);
    expect(loneSurrogatePosition('\uDC00\uD800')).toBe(1);
    expect(loneSurrogatePosition('a\uD800b')).toBe(2);
    expect(withLoneSurrogatesReplaced('a\uD800😀\uDC00')).toBe('a\uFFFD😀\uFFFD');
  });

  test('in a label are refused by validation, naming the run and the position (the same for a file, the CLI and the page)', () => {
    const run = { optimizer: 'sgd', start: [1, 1] };
    const result = parseExperiment({ version: 1, problem: { surface: 'rosenbrock' }, runs: [run, { ...run, label: 'Adam\uD800 fast' }] });
    expect(result).toEqual({
      ok: false,
      errors: [
        'runs[1].label (run 2) has a broken character at position 5: a lone surrogate (half of a character pair), which no link or file can carry; retype it',
      ],
    });
    expect(parseExperiment({ version: 1, problem: { surface: 'rosenbrock' }, runs: [{ ...run, label: 'Adam 😀' }] }).ok).toBe(true);
  });

  test("in a CSV's file name or column names are refused too", () => {
    const problem = { dataset: { csv: 'my\uDC00data.csv', target: 'y', content: 'x,y\n1,2\n2,3\n3,5\n' }, model: { type: 'linear' } };
    const result = parseExperiment({ version: 1, problem, runs: [{ optimizer: 'sgd' }] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toContain(brokenTextProblem('my\uDC00data.csv', 'problem.dataset.csv'));
  });

  test('never reach a link: a label typed in the page is whole, and a link with a lone surrogate is refused by its decoder', () => {
    const labelled = { ...DEFAULT_EXPERIMENT, runs: [{ ...DEFAULT_EXPERIMENT.runs[0], label: withLoneSurrogatesReplaced('Adam\uD800') }] };
    expect(decodeExperiment(encodeExperiment(labelled)).experiment.runs[0].label).toBe('Adam\uFFFD');
    // %ED%A0%80 is the UTF-8 form a lone surrogate would have, which UTF-8 forbids
    const decoded = decodeUrlState('v=1&run=sgd(lr=0.01)@1,1;label=Adam%ED%A0%80');
    expect(decoded.problems.join('\n')).toMatch(/percent-encoding/);
  });
});
