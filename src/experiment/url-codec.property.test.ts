import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { SURFACES } from '../engine/problems/surfaces';
import { parseExperiment } from './validate';
import { MAX_EXPRESSION_LENGTH, type Experiment } from './experiment';
import { decodeExperiment, decodeUrlState, encodeUrlState, linkBundledSets, URL_KEYS, type LinkFiles, type UrlState } from './url-codec';
import { deepEqual } from './url-field';
import { analysisSettings, experimentJson, formulaProblem, problemChoice, surfaceProblem, urlView, type ProblemChoice } from './arbitraries.test-helper';
import { PROPERTY_TIMEOUT_MS, hostileText, linearBudget, longText, mutated, nested, numberText, propertyParameters, reportSlowestCase, withinBudget } from '../engine/hostile-input.test-helper';
import golden from '../engine/expression/expressions.golden.json';

// Property-based tests of the share URL (issue 12): a link from a stranger is decoded to an
// experiment, with one message per field that fell back, naming the field; it never throws or hangs.
// And the codec is exact: a valid experiment (checked by parseExperiment, the validation a JSON file
// gets) written as a link and read back is the same experiment, float bits included.

const BUNDLED = ['iris', 'wine', 'breast_cancer', 'diabetes'] as const;
const BUNDLED_TEXT = new Map(BUNDLED.map((name) => [name, readFileSync(new URL(`../../public/datasets/${name}.csv`, import.meta.url), 'utf8')]));
/** The host's part: the bundled files a link names, loaded. */
const FILES: LinkFiles = { bundled: new Map([...BUNDLED_TEXT].map(([name, text]) => [name, { ok: true as const, text }])) };

/** Valid formulas: PyTorch's golden cases and every surface's formula in the formula language. */
const FORMULAS: readonly string[] = [...golden.cases.map((testCase) => testCase.formula), ...SURFACES.map((surface) => surface.create().expression)].filter((formula) => formula.length <= MAX_EXPRESSION_LENGTH);

/** Data problems over the bundled sets, generated sets and a CSV of the user's (which a link carries compressed). */
const DATA_PROBLEMS: readonly Record<string, unknown>[] = [
  { dataset: { name: 'iris', content: BUNDLED_TEXT.get('iris') }, model: { kind: 'softmax' } },
  { dataset: { name: 'breast_cancer', content: BUNDLED_TEXT.get('breast_cancer'), validation: 0.25, standardize: true }, model: { kind: 'logistic' } },
  { dataset: { name: 'diabetes', content: BUNDLED_TEXT.get('diabetes'), standardize: true }, model: { kind: 'linear' }, batch_size: 32 },
  { dataset: { name: 'wine', content: BUNDLED_TEXT.get('wine') }, model: { kind: 'mlp', hidden: [4], activation: 'relu', weight_decay: 5e-324 } },
  { dataset: { name: 'two_moons', samples: 60, noise: 0.2, seed: 3, added: [[0.5, -0.25, 1]] }, model: { kind: 'mlp', hidden: [3, 2], seed: 4294967295 } },
  { dataset: { name: 'linear_1d', samples: 20 }, model: { kind: 'linear' } },
  { dataset: { csv: 'mine.csv', content: 'x,z,y\n1,-0,2\n3,5e-324,4.5\n-1.7976931348623157e308,7,8\n', features: ['x', 'z'] }, model: { kind: 'linear' } },
];


const DATA_CHOICES = DATA_PROBLEMS.map(problemChoice);

const anyProblem: fc.Arbitrary<ProblemChoice> = fc.oneof(
  { arbitrary: surfaceProblem.map(problemChoice), weight: 60 },
  { arbitrary: formulaProblem(FORMULAS).map(problemChoice), weight: 30 },
  // about 200 in 10,000: each reads its data set three times (validation, the link, the link again)
  { arbitrary: fc.constantFrom(...DATA_CHOICES), weight: 2 },
);

/** A valid experiment, as parseExperiment reads it from its JSON. */
const validExperiment: fc.Arbitrary<Experiment> = experimentJson(anyProblem).map((json) => {
  const parsed = parseExperiment(json);
  if (!parsed.ok) throw new Error(`the arbitrary made an invalid experiment: ${parsed.errors.slice(0, 3).join('; ')}`);
  return parsed.experiment;
});

/** Links written by the codec itself, for mutation. */
const LINKS: readonly string[] = fc.sample(
  validExperiment.chain((experiment) => fc.record({ experiment: fc.constant(experiment), view: urlView(experiment.steps), analyses: analysisSettings(experiment.runs.length) })),
  { numRuns: 60, seed: 0x12a0_0000 },
).map((state) => encodeUrlState(state));

/** Pieces of link syntax, for mutations: keys, separators, escapes. */
const TOKENS: readonly string[] = [...URL_KEYS.map((key) => `&${key}=`), '&', '=', '#', '%', '%2', '%zz', '%EF%BF', '%ED%A0%80', '%00', ';', '@', '(', ')', ',', '/', 'label=', 'schedule=', 'clip=', 'hidden', '__proto__', 'constructor', 'NaN', '1e309', '-0'];

/** Characters a link reader splits on, so random text hits them often. */
const SPECIALS: readonly string[] = ['&', '=', '%', ';', '@', '(', ')', ',', '/', '#', '.', '-', 'e', '1'];

/** Any hash a stranger's link might carry. */
const anyHash: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: hostileText(SPECIALS, 100), weight: 200 },
  { arbitrary: mutated(LINKS, TOKENS, SPECIALS), weight: 500 },
  { arbitrary: fc.array(fc.tuple(fc.constantFrom(...URL_KEYS), fc.oneof(numberText, hostileText(SPECIALS, 30))), { maxLength: 8 }).map((pairs) => pairs.map(([key, value]) => `${key}=${value}`).join('&')), weight: 200 },
  { arbitrary: fc.oneof(nested('f=', '', 'x'), nested('%28', '%29', 'x').map((text) => `v=1&f=${text}`), nested('(', ')', 'x').map((text) => `f=${text}`), nested('[', ']', '1').map((text) => `problem=${text}`)), weight: 30 },
  // about 20 in 10,000; many keys at once are the limits' suite (below)
  { arbitrary: longText(fc.constantFrom('x+', '9', '%41', '(', 'a')).map((text) => `v=1&f=${text}&run=adam@1,2;label=${text}`), weight: 2 },
);

/** Longest message one field may give: each quotes at most 40 characters of what it read. */
const MAX_MESSAGE_LENGTH = 1_000;

function checkProblems(problems: readonly string[]): void {
  for (const problem of problems) {
    expect(typeof problem).toBe('string');
    expect(problem.length, problem.slice(0, 200)).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
  }
}

describe('the share URL under generated links', () => {
  afterAll(() => reportSlowestCase('url'));

  it('decodes any hash to a state and messages of bounded length, within the time budget', () => {
    fc.assert(
      fc.property(anyHash, (hash) => {
        const decoded = withinBudget(() => decodeUrlState(hash, '', FILES), () => `decoding ${hash.length} characters`);
        checkProblems(decoded.problems);
        // what was decoded is a valid experiment: the validation a JSON file gets accepts it
        const reparsed = parseExperiment(decoded.experiment);
        expect(reparsed.ok, reparsed.ok ? '' : reparsed.errors.join('; ').slice(0, 300)).toBe(true);
        const experimentOnly = withinBudget(() => decodeExperiment(hash, FILES), () => `decoding ${hash.length} characters`);
        checkProblems(experimentOnly.problems);
        expect(Array.isArray(withinBudget(() => linkBundledSets(hash)))).toBe(true);
      }),
      propertyParameters(0x12a0_0001),
    );
  }, PROPERTY_TIMEOUT_MS);

  it('reads back exactly the experiment it wrote, float bits included', () => {
    fc.assert(
      fc.property(validExperiment, (experiment) => {
        const state: UrlState = { experiment, view: { domain: null, step: undefined }, analyses: { basin: null, sweep: null, seeds: null, engine: 'auto' } };
        const hash = withinBudget(() => encodeUrlState(state));
        const decoded = withinBudget(() => decodeUrlState(hash, '', FILES), () => hash.slice(0, 200));
        expect(decoded.problems, hash.slice(0, 300)).toEqual([]);
        if (!deepEqual(decoded.experiment, experiment)) expect(decoded.experiment, hash.slice(0, 300)).toStrictEqual(experiment);
        expect(deepEqual(decoded.experiment, experiment), `-0 or another float lost in ${hash.slice(0, 300)}`).toBe(true);
        expect(encodeUrlState(decoded)).toBe(hash);
      }),
      propertyParameters(0x12a0_0002, Number(process.env.FUZZ_RUNS ?? 10_000)),
    );
  }, PROPERTY_TIMEOUT_MS);

  it('writes any view and analyses a link opened to a link that opens them again, without messages', () => {
    const state = validExperiment.chain((experiment) => fc.record({ experiment: fc.constant(experiment), view: urlView(experiment.steps), analyses: analysisSettings(experiment.runs.length) }));
    fc.assert(
      fc.property(state, (candidate) => {
        // a drawn view or analysis need not suit its experiment (seeds of a run without noise): what
        // a link made of it opens is the state to round-trip
        const opened = decodeUrlState(encodeUrlState(candidate), '', FILES);
        expect(deepEqual(opened.experiment, candidate.experiment)).toBe(true);
        const hash = encodeUrlState(opened);
        const again = decodeUrlState(hash, '', FILES);
        expect(again.problems, hash.slice(0, 300)).toEqual([]);
        const { problems: _first, ...first } = opened;
        const { problems: _second, ...second } = again;
        expect(deepEqual(second, first), hash.slice(0, 300)).toBe(true);
      }),
      propertyParameters(0x12a0_0003, 2_000),
    );
  }, PROPERTY_TIMEOUT_MS);
});

describe('the share URL under links with very many keys (issue 12 finding 2, the limits work)', () => {
  // An 889 KB link with 100,000 unknown keys froze the decoder for 7 s and listed 100,000 problems
  // (finding 2): bounded messages, linear time.
  it('decodes a link of up to 100,000 unknown or repeated keys into a bounded number of messages, in linear time', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1_000, max: 100_000 }), fc.constantFrom('a=1', 'runn=adam@1,2', 'run=adam@1,2', 'lr', '%zz=1'), (count, pair) => {
        const hash = `v=1&${Array.from({ length: count }, () => pair).join('&')}`;
        const decoded = withinBudget(() => decodeUrlState(hash), () => `${count} keys`, linearBudget(hash.length));
        expect(decoded.problems.length).toBeLessThanOrEqual(100);
        checkProblems(decoded.problems);
      }),
      propertyParameters(0x12a0_0004, 20),
    );
  }, PROPERTY_TIMEOUT_MS);
});
