import { describe, expect, test } from 'vitest';
import { NO_ANALYSIS_SETTINGS } from './analysis-settings';
import { DEFAULT_EXPERIMENT, type Experiment } from './experiment';
import { DEFAULT_URL_VIEW, URL_KEYS, decodeUrlState, encodeExperiment, encodeUrlState } from './url-codec';

// The table as a whole, field by field (each part's own cases are in url-fields-*.test.ts).
// Oracles: hashes written out by hand in table order, and the messages each field promises.

/** Every field of the table away from its default, a formula for the problem (hand-written, in table order). */
const EVERY_FIELD_HASH =
  'v=1&f=x^2+3*y^2&domain=-2,2,-1,3&steps=120&seed=7&noise=0.1' +
  '&run=sgd(lr=0.01,momentum=0.9)@1,1&run=adam(lr=0.05)@-1.5,2;label=Adam' +
  '&view=-1,1,-0.5,0.5&step=40&x=cost&gradient_cost=central&budget=250&inspect=1&view3d=both&glyphs=gradient,newton&theory=1&hide=runs.lr,analysis&lock=1&present=1' +
  '&basin=1,256,steps,0.5&sweep=1,0.001,1,64,best,momentum,0,0.9,8&seeds=1,50&engine=webgpu';
/** The fields a formula excludes, with a surface for the problem; no analysis reads the noise here. */
const SURFACE_HASH = 'v=1&surface=rosenbrock(a=2,b=50)&noise=0.5&run=adam(lr=0.05)@-1.5,2';

describe('the one field table', () => {
  test('every field round-trips: encode(decode(hash)) is the hash', () => {
    for (const hash of [EVERY_FIELD_HASH, SURFACE_HASH]) {
      const decoded = decodeUrlState(hash);
      expect(decoded.problems).toEqual([]);
      expect(encodeUrlState(decoded)).toBe(hash);
    }
    const written = new Set([EVERY_FIELD_HASH, SURFACE_HASH].flatMap((hash) => hash.split('&').map((pair) => pair.split('=')[0])));
    // problem= carries kinds without a key of their own; the built-in kinds never write it
    // (url-fields-experiment.test.ts reads it back)
    expect(URL_KEYS.filter((key) => !written.has(key) && key !== 'problem')).toEqual([]);
  });

  test('reads each field into its place', () => {
    const { experiment, view, analyses } = decodeUrlState(EVERY_FIELD_HASH);
    expect(experiment).toMatchObject({ problem: { kind: 'formula', expression: 'x^2+3*y^2', domain: [[-2, 2], [-1, 3]] }, steps: 120, seed: 7, noise: 0.1 });
    expect(experiment.runs).toHaveLength(2);
    expect(view).toEqual({
      domain: [[-1, 1], [-0.5, 0.5]],
      step: 40,
      lossAxis: 'cost',
      gradientCost: 'central',
      budget: 250,
      inspectedRun: 0,
      glyphs: ['gradient', 'newtonStep'],
      theory: true,
      mapView: 'both',
      classroom: { hidden: ['runs.lr', 'analysis'], locked: true, presenting: true },
    });
    expect(analyses).toEqual({
      basin: { run: 0, resolution: 256, colorBy: 'steps', opacity: 0.5 },
      sweep: { run: 0, lrMin: 0.001, lrMax: 1, count: 64, metric: 'best', second: { name: 'momentum', min: 0, max: 0.9, count: 8 } },
      seeds: { run: 0, count: 50 },
      engine: 'webgpu',
    });
  });

  test('defaults are left out, whether held or typed', () => {
    expect(encodeUrlState({ experiment: DEFAULT_EXPERIMENT, view: DEFAULT_URL_VIEW, analyses: NO_ANALYSIS_SETTINGS })).toBe('v=1');
    // the last step is the default view
    expect(encodeUrlState({ experiment: DEFAULT_EXPERIMENT, view: { domain: null, step: DEFAULT_EXPERIMENT.steps }, analyses: NO_ANALYSIS_SETTINGS })).toBe('v=1');
    const typed = decodeUrlState('v=1&surface=rosenbrock&steps=300&seed=0&noise=0&step=300&engine=auto');
    expect(typed.problems).toEqual([]);
    expect(encodeUrlState(typed)).toBe('v=1');
  });

  // [key, the value in the base hash, a bad value, its message]; the base is EVERY_FIELD_HASH unless given
  const BAD_VALUES: readonly [string, string, string, string, string?][] = [
    ['v', '1', '2', "v: version '2' is not one this playground reads (1); reading it as version 1"],
    ['surface', 'rosenbrock(a=2,b=50)', 'rosenbrock(b=0)', 'surface.b must be >= 1, got 0; using the default surface (rosenbrock)', SURFACE_HASH],
    ['f', 'x^2+3*y^2', '100%', "f: '100%' is not valid percent-encoding; using the default surface (rosenbrock)"],
    ['domain', '-2,2,-1,3', '1,2,3', "domain: '1,2,3' is not four numbers xMin,xMax,yMin,yMax; using the problem's own"],
    ['steps', '120', 'abc', "steps: 'abc' is not a whole number; using 300"],
    ['seed', '7', '-1', 'seed must be a whole number from 0 to 4294967295, got -1; using 0'],
    ['noise', '0.5', '-0.5', 'noise must be >= 0, got -0.5; using 0', SURFACE_HASH],
    // a bad field of a run costs that field (url-fields-experiment.test.ts); an unreadable start, the run
    ['run', 'adam(lr=0.05)@-1.5,2;label=Adam', 'adam(lr=0.05)@-1.5', 'run 2: start must be an array of 2 numbers, got 1; run dropped'],
    ['view', '-1,1,-0.5,0.5', '1,0,0,1', "view: '1,0,0,1' is not xMin,xMax,yMin,yMax with min < max; showing the problem's own domain"],
    ['step', '40', 'x', "step: 'x' is not a whole number ≥ 0; showing the last step"],
    ['x', 'cost', 'furlongs', "x: 'furlongs' is not one of step, epoch, examples, evaluations, gradients, hessians, cost, time; counting steps"],
    ['gradient_cost', 'central', 'free', "gradient_cost: 'free' is not one of autodiff, forward, central; pricing a gradient as one evaluation"],
    ['budget', '250', '0', "budget: '0' is not a number > 0; running without a budget"],
    ['inspect', '1', '3', "inspect: '3' is not a run number (runs are numbered 1 to 2); the inspector stays closed"],
    ['glyphs', 'gradient,newton', 'arrows', "glyphs: 'arrows' is not one of gradient, velocity, box, newton, probe; left out"],
    ['theory', '1', 'yes', "theory: 'yes' is not 1 or 0; without the theory overlay"],
    ['hide', 'runs.lr,analysis', 'sidebar', "hide: 'sidebar' is not a panel or control of the page; ignored"],
    ['lock', '1', 'yes', "lock: 'yes' is not 1 or 0; leaving the experiment editable"],
    ['present', '1', 'on', "present: 'on' is not 1 or 0; opening the ordinary page"],
    ['view3d', 'both', 'sideways', "view3d: 'sideways' is not 1 (the 3-D surface), both or 0 (the contour map); showing the contour map"],
    ['basin', '1,256,steps,0.5', 'everything', "basin: 'everything' is not run,resolution,colour[,opacity]; basin map off"],
    ['sweep', '1,0.001,1,64,best,momentum,0,0.9,8', '1,2', "sweep: '1,2' is not run,lrMin,lrMax,count[,final|best[,beta1|momentum,min,max,count]]; sweep off"],
    ['seeds', '1,50', '1', "seeds: '1' is not run,count; many seeds off"],
    ['engine', 'webgpu', 'cuda', "engine: 'cuda' is not js, webgpu or auto; choosing the engine by measurement"],
  ];

  test.each(BAD_VALUES)('a bad %s falls back alone, with its message', (key, good, bad, message, base = EVERY_FIELD_HASH) => {
    const pair = `${key}=${good}`;
    expect(base).toContain(pair);
    const decoded = decodeUrlState(base.replace(pair, `${key}=${bad}`));
    expect(decoded.problems).toEqual([message]);
    // the field is back at its default (left out), every other field as it was
    expect(encodeUrlState(decoded)).toBe(key === 'v' ? base : base.replace(`&${pair}`, ''));
  });

  test('every field has a bad-value case', () => {
    // problem='s bad values are in url-fields-experiment.test.ts (no built-in hash writes it)
    expect(URL_KEYS.filter((key) => !BAD_VALUES.some(([bad]) => bad === key) && key !== 'problem')).toEqual([]);
  });

  test('a surface with a dimension round-trips, its runs starting in as many coordinates', () => {
    const start = Array.from({ length: 10 }, (_, index) => index / 4 - 1);
    const experiment: Experiment = {
      ...DEFAULT_EXPERIMENT,
      problem: { kind: 'surface', surface: 'rosenbrock', params: { b: 50 }, dimension: 10 },
      runs: [{ optimizer: 'adam', hyper: { lr: 0.01 }, start }],
    };
    const hash = encodeExperiment(experiment);
    expect(hash).toBe(`v=1&surface=rosenbrock(b=50,dimension=10)&run=adam(lr=0.01)@${start.join(',')}`);
    expect(decodeUrlState(hash)).toEqual(opened(experiment));
    expect(decodeUrlState('v=1&surface=rastrigin(dimension=10)&run=adam@1,2').problems).toEqual([
      'run 1: start must be an array of 10 numbers, got 2; run dropped',
      'no run could be read; using the default runs',
    ]);
  });
});

/** What a link to this experiment alone opens: the default view, no analyses, no problems. */
function opened(experiment: Experiment) {
  return { experiment, view: DEFAULT_URL_VIEW, analyses: NO_ANALYSIS_SETTINGS, problems: [] };
}
