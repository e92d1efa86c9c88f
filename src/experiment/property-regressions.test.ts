import { describe, expect, it } from 'vitest';
import { decodeUrlState } from './url-codec';
import { parseExperiment } from './validate';

// What the property tests of the share URL and of validation found (issue 12), each the shrunk
// counterexample as a plain test.

describe('the share URL and validation on what the property tests found', () => {
  it('quotes at most 40 characters of an unknown version (v=1000…0 with 1,000 zeros was quoted whole)', () => {
    const { problems } = decodeUrlState(`v=1${'0'.repeat(1_000)}`);
    expect(problems).toEqual([`v: version '1${'0'.repeat(39)}…' is not one this playground reads (1); reading it as version 1`]);
  });

  it('quotes at most 40 characters of an unknown key in experiment JSON (a 100,000-letter key was quoted whole)', () => {
    const result = parseExperiment(JSON.parse(`{"${'x'.repeat(100_000)}": 1}`));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]).toBe(`unknown key '${'x'.repeat(40)}…' in the experiment`);
  });

  it('quotes at most 40 characters of a bad value in any field (domain=1000…0 with 400 zeros was quoted whole)', () => {
    const zeros = '0'.repeat(400);
    const { problems } = decodeUrlState(`domain=1${zeros}&steps=x${zeros}&run=adam(lr=${zeros}x)@1,2;color=${zeros}&view=${zeros}&basin=1,${zeros}`);
    expect(problems).toContain(`domain: '1${'0'.repeat(39)}…' is not four numbers xMin,xMax,yMin,yMax; using the problem's own`);
    for (const problem of problems) expect(problem.length, problem).toBeLessThan(250);
  });

  it('starts the default runs in the problem\'s dimension when a link reads no run (they kept 2-D starts on a 5-D surface)', () => {
    for (const hash of ['v=1&surface=rosenbrock(dimension=5)', 'v=1&surface=rosenbrock(dimension=5)&run=adamax@1,2']) {
      const { experiment } = decodeUrlState(hash);
      expect(experiment.runs.map((run) => run.start.length)).toEqual([5, 5, 5]);
      expect(parseExperiment(experiment).ok).toBe(true);
    }
  });
});
