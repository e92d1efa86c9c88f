import { describe, expect, it } from 'vitest';
import { decodeUrlState, encodeUrlState } from '../../experiment/url-codec';
import { parseExperiment } from '../../experiment/validate';
import { runExperiment } from '../../experiment/run-experiment';
import { resolveData } from '../../engine/problems';
import type { LessonClaim } from './lesson';
import { checkClaim, judge } from './claim-check';
import { LESSONS, getLesson } from './catalog';

// Every lesson is opened as the page opens it (the app's URL decoder), validated, run with the engine
// and held to its claims: the texts quote these numbers, so a change in the engine that moves them
// fails here. The claims' expected values are the math (contraction factors (1 − lr·λ)², the
// penalized minimum, the valley's direction), not numbers copied from a run.

describe('the lessons', () => {
  it('are at least 14, with distinct ids', () => {
    expect(LESSONS.length).toBeGreaterThanOrEqual(14);
    expect(new Set(LESSONS.map((lesson) => lesson.id)).size).toBe(LESSONS.length);
  });

  for (const lesson of LESSONS) {
    describe(lesson.id, () => {
      const decoded = decodeUrlState(lesson.link);

      it('opens without problems and its link is in canonical form', () => {
        expect(decoded.problems).toEqual([]);
        expect(encodeUrlState(decoded)).toBe(lesson.link);
        const parsed = parseExperiment(JSON.parse(JSON.stringify(decoded.experiment)));
        expect(parsed.ok ? [] : parsed.errors).toEqual([]);
      });

      it('has a question, an answer and view settings that fit its experiment', () => {
        const { experiment } = decoded;
        if (lesson.question.kind === 'choice') expect(lesson.question.answer).toBeLessThan(lesson.question.options.length);
        expect(lesson.reveal.length).toBeGreaterThan(0);
        expect(lesson.text.length).toBeGreaterThan(0);
        if (lesson.view?.inspectedRun !== undefined) expect(lesson.view.inspectedRun).toBeLessThan(experiment.runs.length);
        if (lesson.view?.step !== undefined) expect(lesson.view.step).toBeLessThanOrEqual(experiment.steps);
        expect(lesson.claims.length).toBeGreaterThan(0);
        for (const { claim } of lesson.claims) {
          for (const key of ['run', 'faster', 'slower', 'lower', 'higher'] as const) {
            const index = (claim as Partial<Record<typeof key, number>>)[key];
            if (index !== undefined) expect(index).toBeLessThan(experiment.runs.length);
          }
        }
      });

      const runs = runExperiment(decoded.experiment).runs;
      for (const checked of lesson.claims) {
        it(`shows that ${checked.says}`, () => {
          const verdict = checked.variant ? checkClaim(checked, decoded.experiment) : judge(checked.claim, decoded.experiment, runs);
          expect(verdict.holds, verdict.numbers).toBe(true);
        });
        const reversed = reversedClaim(checked.claim);
        if (reversed && !checked.variant) {
          it(`would fail the opposite claim (${checked.says})`, () => {
            expect(judge(reversed, decoded.experiment, runs).holds).toBe(false);
          });
        }
      }
    });
  }
});

/** The claim with its two runs swapped (a comparison that holds one way must fail the other), or null. */
function reversedClaim(claim: LessonClaim): LessonClaim | null {
  switch (claim.kind) {
    case 'fewer-steps':
    case 'fewer-evaluations':
      return { ...claim, faster: claim.slower, slower: claim.faster };
    case 'lower-final-loss':
    case 'less-memory':
      return { ...claim, lower: claim.higher, higher: claim.lower };
    default:
      return null;
  }
}

describe('the least-squares lesson against the textbook formula', () => {
  it('quotes the mean squared error of the ordinary least-squares line', () => {
    const lesson = getLesson('least-squares');
    if (!lesson) throw new Error('no least-squares lesson');
    const { experiment } = decodeUrlState(lesson.link);
    if (experiment.problem.kind !== 'data') throw new Error('not a data problem');
    const { train } = resolveData(experiment.problem);
    expect(train.columns).toBe(1);
    // slope = cov(x, y) / var(x), intercept = ȳ − slope·x̄ (one feature)
    const x = Array.from(train.features);
    const y = Array.from(train.targets);
    const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
    const xMean = mean(x);
    const yMean = mean(y);
    const slope = mean(x.map((value, index) => (value - xMean) * (y[index] - yMean))) / mean(x.map((value) => (value - xMean) ** 2));
    const intercept = yMean - slope * xMean;
    const bestLoss = mean(x.map((value, index) => (slope * value + intercept - y[index]) ** 2));
    const solved = runExperiment(experiment).runs[0];
    expect(solved.loss[1]).toBeCloseTo(bestLoss, 12);
    const threshold = lesson.claims.find(({ claim }) => claim.kind === 'reaches' && claim.run === 0)?.claim;
    if (threshold?.kind !== 'reaches') throw new Error('no threshold');
    expect(threshold.threshold - bestLoss).toBeGreaterThan(0);
    expect(threshold.threshold - bestLoss).toBeLessThan(1e-7);
  });
});
