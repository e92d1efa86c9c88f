import fc from 'fast-check';
import { METHODS, type HyperSpec, type HyperValue, type MethodDefinition } from '../engine/methods';
import { SCHEDULE_SPECS, type ScheduleType } from '../engine/schedules';
import { SURFACES } from '../engine/problems/surfaces';
import { methodProblemMismatch, type Problem } from '../engine/problems';
import { BASIN_COLOR_BY, BASIN_RESOLUTIONS, ENGINE_PREFERENCES, type AnalysisSettings } from './analysis-settings';
import { COST_AXES, GRADIENT_COSTS } from './cost';
import { MAX_LABEL_LENGTH, MAX_RUNS, MAX_STEPS } from './experiment';
import type { Domain } from '../engine/objective';
import type { UrlView } from './url-field';
import { checkProblem, resolveHyper } from './validate';

// Valid experiments as JSON, drawn from the registries (every surface with its parameters and
// n-dimensional forms, every method with hyperparameters inside their specs' ranges, every schedule,
// both clips), for the round trip experiment → URL → experiment, and as the corpus that the
// validation's property tests mutate. The numbers include the edges of float64: -0, the smallest
// subnormal 5e-324, the largest finite 1.7976931348623157e308.

/** Float64 values at the edges, which a text form must carry bit for bit. */
export const EDGE_NUMBERS: readonly number[] = [0, -0, 5e-324, -5e-324, 1.7976931348623157e308, -1.7976931348623157e308, 2.2250738585072014e-308, 0.1, 1 / 3, 1e21, 1e-7];

/** Any finite float64, edges weighted up. */
export const finiteNumber: fc.Arbitrary<number> = fc.oneof(
  { arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }), weight: 3 },
  { arbitrary: fc.constantFrom(...EDGE_NUMBERS), weight: 2 },
  { arbitrary: fc.integer({ min: -1000, max: 1000 }), weight: 1 },
);

/** A float64 in [min, max] (bounds as the spec says), edges included. */
function numberIn(min: number, max: number, options: { exclusiveMin?: boolean; exclusiveMax?: boolean; integer?: boolean } = {}): fc.Arbitrary<number> {
  if (options.integer) {
    const low = Math.ceil(options.exclusiveMin ? min + 1 : min);
    const high = Math.floor(Number.isFinite(max) ? (options.exclusiveMax ? max - 1 : max) : 1e9);
    return fc.integer({ min: low, max: Math.min(high, Number.MAX_SAFE_INTEGER) });
  }
  const low = Number.isFinite(min) ? min : -1.7976931348623157e308;
  const high = Number.isFinite(max) ? max : 1.7976931348623157e308;
  return fc
    .oneof(fc.double({ min: low, max: high, noNaN: true }), fc.constantFrom(low, high, ...EDGE_NUMBERS.filter((value) => value >= low && value <= high)))
    .filter((value) => !(options.exclusiveMin && value <= min) && !(options.exclusiveMax && value >= max));
}

/** A value inside a hyperparameter's spec. */
export function hyperValue(spec: HyperSpec): fc.Arbitrary<HyperValue> {
  switch (spec.kind) {
    case 'number':
      return numberIn(spec.min, spec.max, spec);
    case 'boolean':
      return fc.boolean();
    case 'choice':
      return fc.constantFrom(...spec.options);
    case 'pair':
      return fc.tuple(numberIn(spec.min, spec.max, spec), numberIn(spec.min, spec.max, spec));
  }
}

/** Some of `specs` set to values in range, as an object by name. */
function someValues(specs: readonly HyperSpec[]): fc.Arbitrary<Record<string, HyperValue>> {
  if (specs.length === 0) return fc.constant({});
  return fc.record(Object.fromEntries(specs.map((spec) => [spec.name, hyperValue(spec)])), { requiredKeys: [] }) as fc.Arbitrary<Record<string, HyperValue>>;
}

/** A method's hyperparameters; a draw that breaks a rule between them (nesterov without momentum) keeps the defaults. */
function hyperFor(method: MethodDefinition): fc.Arbitrary<Record<string, HyperValue>> {
  return someValues(method.hyperSpecs).map((hyper) => (method.validate?.(resolveHyper(method, hyper)) ? {} : hyper));
}

const scheduleArbitrary: fc.Arbitrary<Record<string, unknown>> = fc
  .constantFrom(...(Object.keys(SCHEDULE_SPECS) as ScheduleType[]))
  .chain((type) => someValues(SCHEDULE_SPECS[type]).map((values) => ({ type, ...values })));

const clipArbitrary: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  numberIn(0, Infinity, { exclusiveMin: true }).map((max_norm) => ({ type: 'norm', max_norm })),
  numberIn(0, Infinity, { exclusiveMin: true }).map((clip_value) => ({ type: 'value', clip_value })),
);

/**
 * A run label: any text of whole code points (a lone surrogate has no UTF-8 form and a link carries
 * it as U+FFFD, issue 12 finding 7, so it is left out here).
 */
const labelArbitrary: fc.Arbitrary<string> = fc.string({ unit: fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), fc.constantFrom(';', '&', '%', '#', '=', '@', '(', ')', ',', ' ')), maxLength: MAX_LABEL_LENGTH });

/** One run of a method the problem can serve, starting anywhere in `dimension` coordinates (or at the problem's default start). */
function runArbitrary(problem: Problem, dimension: number, startOptional: boolean): fc.Arbitrary<Record<string, unknown>> {
  const methods = METHODS.filter((method) => methodProblemMismatch(method.needs, problem) === null);
  return fc.constantFrom(...methods).chain((method) =>
    fc.record(
      {
        optimizer: fc.constant(method.id),
        hyper: hyperFor(method),
        start: fc.array(finiteNumber, { minLength: dimension, maxLength: dimension }),
        schedule: scheduleArbitrary,
        clip: clipArbitrary,
        label: labelArbitrary,
        color: fc.integer({ min: 0, max: 0xffffff }).map((rgb) => `#${rgb.toString(16).padStart(6, '0')}`),
        hidden: fc.constant(true),
      },
      { requiredKeys: startOptional ? ['optimizer'] : ['optimizer', 'start'] },
    ),
  );
}

/** A problem as JSON, with the number of coordinates its starts need. */
export interface ProblemChoice {
  readonly json: Record<string, unknown>;
  readonly problem: Problem;
  readonly dimension: number;
}

/** Problems checked so far, by their JSON without a domain (checking a formula compiles it, which is slow). */
const checkedProblems = new Map<string, ProblemChoice>();

/** A valid problem's JSON checked by checkProblem, with its dimension; throws when the JSON is not valid (an arbitrary is wrong). */
export function problemChoice(json: Record<string, unknown>): ProblemChoice {
  const { domain, ...rest } = json;
  const key = JSON.stringify(rest);
  let base = checkedProblems.get(key);
  if (base === undefined) {
    const checked = checkProblem(rest, 'problem');
    if (!checked.ok) throw new Error(`the arbitrary made an invalid problem ${key.slice(0, 300)}: ${checked.errors.join('; ')}`);
    base = { json: rest, ...checked.value };
    checkedProblems.set(key, base);
  }
  // a domain of its own is checked with the experiment
  return domain === undefined ? base : { json, problem: { ...base.problem, domain: domain as Domain }, dimension: base.dimension };
}

const domainArbitrary: fc.Arbitrary<Domain> = fc.tuple(finiteNumber, finiteNumber, finiteNumber, finiteNumber).filter(([a, b, c, d]) => a < b && c < d).map(([a, b, c, d]): Domain => [[a, b], [c, d]]);

/** A built-in surface with some parameters in range, in 2 or (where it has one) up to 6 dimensions, and maybe a domain of its own. */
export const surfaceProblem: fc.Arbitrary<Record<string, unknown>> = fc.constantFrom(...SURFACES).chain((surface) =>
  fc.record(
    {
      surface: fc.constant(surface.id),
      params: someValues(surface.parameters.map((parameter) => ({ kind: 'number', name: parameter.name, defaultValue: parameter.defaultValue, min: parameter.min, max: parameter.max, description: '' }))),
      dimension: surface.nDimensional ? fc.integer({ min: Math.max(3, surface.nDimensional.minDimension), max: Math.min(6, surface.nDimensional.maxDimension) }) : fc.constant(2),
      domain: domainArbitrary,
    },
    { requiredKeys: ['surface'] },
  ),
);

/** A typed formula from `formulas`, maybe with a domain of its own. */
export function formulaProblem(formulas: readonly string[]): fc.Arbitrary<Record<string, unknown>> {
  return fc.record({ expression: fc.constantFrom(...formulas), domain: domainArbitrary }, { requiredKeys: ['expression'] });
}

/** A valid experiment's JSON on one of `problems`: steps, seed, noise and 1 to MAX_RUNS runs. */
export function experimentJson(problems: fc.Arbitrary<ProblemChoice>): fc.Arbitrary<Record<string, unknown>> {
  return problems.chain(({ json, problem, dimension }) =>
    fc.record(
      {
        version: fc.constant(1),
        problem: fc.constant(json),
        steps: fc.oneof(fc.integer({ min: 1, max: 1000 }), fc.constantFrom(1, MAX_STEPS)),
        seed: fc.oneof(fc.nat({ max: 1000 }), fc.constantFrom(0, 0xffff_ffff)),
        noise: numberIn(0, Infinity),
        // mostly a few runs (each costs time in every case), sometimes all MAX_RUNS
        runs: fc.oneof(
          { arbitrary: fc.array(runArbitrary(problem, dimension, problem.kind === 'data'), { minLength: 1, maxLength: 3 }), weight: 9 },
          { arbitrary: fc.array(runArbitrary(problem, dimension, problem.kind === 'data'), { minLength: 1, maxLength: MAX_RUNS }), weight: 1 },
        ),
      },
      { requiredKeys: ['version', 'problem', 'runs'] },
    ),
  );
}

/** How the map is looked at: any domain, any step up to `steps`, either loss axis and gradient cost, maybe a budget. */
export function urlView(steps: number): fc.Arbitrary<UrlView> {
  return fc.record(
    {
      domain: fc.oneof(fc.constant(null), domainArbitrary),
      step: fc.oneof(fc.constant(undefined), fc.integer({ min: 0, max: steps })),
      lossAxis: fc.constantFrom(...COST_AXES),
      gradientCost: fc.constantFrom(...GRADIENT_COSTS),
      budget: fc.oneof(fc.constant(null), numberIn(0, Infinity, { exclusiveMin: true })),
    },
    { requiredKeys: ['domain', 'step'] },
  ) as fc.Arbitrary<UrlView>;
}

/** Analyses on runs of an experiment with `runs` runs (not all of them valid for every run: a link reads what it can). */
export function analysisSettings(runs: number): fc.Arbitrary<AnalysisSettings> {
  const run = fc.integer({ min: 0, max: runs - 1 });
  return fc.record({
    basin: fc.oneof(fc.constant(null), fc.record({ run, resolution: fc.constantFrom(...BASIN_RESOLUTIONS), colorBy: fc.constantFrom(...BASIN_COLOR_BY), opacity: numberIn(0, 1) })),
    sweep: fc.oneof(
      fc.constant(null),
      fc.record({
        run,
        lrMin: numberIn(0, 1, { exclusiveMin: true }),
        lrMax: numberIn(1, 100, { exclusiveMin: true }),
        count: fc.integer({ min: 2, max: 1024 }),
        metric: fc.constantFrom('final' as const, 'best' as const),
        second: fc.oneof(fc.constant(null), fc.record({ name: fc.constantFrom('beta1' as const, 'momentum' as const), min: numberIn(0, 0.4), max: numberIn(0.5, 0.9), count: fc.integer({ min: 2, max: 64 }) })),
      }),
    ),
    seeds: fc.oneof(fc.constant(null), fc.record({ run, count: fc.integer({ min: 2, max: 1000 }) })),
    engine: fc.constantFrom(...ENGINE_PREFERENCES),
  });
}
