import { describe, expect, test } from 'vitest';
import { OPTIMIZERS } from '../engine/methods/first-order';
import type { HyperSpec, HyperValue } from '../engine/methods/first-order/optimizer';
import { Random } from '../engine/random';
import { SCHEDULE_SPECS, type ScheduleType } from '../engine/schedules';
import { SURFACES } from '../engine/problems/surfaces';
import { NO_ANALYSIS_SETTINGS } from './analysis-settings';
import { DEFAULT_EXPERIMENT, MAX_LABEL_LENGTH, MAX_RUNS, type Experiment, type ExperimentRun } from './experiment';
import { DEFAULT_URL_VIEW, decodeExperiment, decodeUrlState, encodeExperiment } from './url-codec';
import { parseExperiment } from './validate';

// Oracles: experiments written out by hand for the brief's example URL; for the round trips, the
// validator (every experiment generated here must be one parseExperiment returns unchanged) and
// deep equality; for escaping, the platform's own decodeURIComponent.

/** A formula using every operator, both constants, every function, and numbers in every notation. */
const EVERY_OPERATOR =
  '-x^2 + 3*y - x/2 + x**3 - -y + (1.5e-3 + .5 + 2.) * pi - e' +
  ' + sin(x) + cos(y) + tan(x/9) + asin(x/9) + acos(y/9) + atan(x) + sinh(x/9) + cosh(y/9) + tanh(x)' +
  ' + exp(-x^2) + log(1 + y^2) + sqrt(x^2 + 1) + abs(x - y) + min(x, y, 1) + max(x, -y)';

const BRIEF_HASH =
  'v=1&f=(1-x)^2+100*(y-x^2)^2&domain=-2,2,-1,3&steps=300&seed=1&noise=0.1' +
  '&run=adam(lr=0.05,betas=0.9/0.999)@-1.5,2' +
  '&run=sgd(lr=0.01,momentum=0.9)@-1,1;schedule=cosine(T_max=300);clip=norm(1);label=Momentum';

function experimentWith(patch: Partial<Experiment>): Experiment {
  return { ...DEFAULT_EXPERIMENT, ...patch };
}

/** What a link to this experiment alone opens: the default view, no analyses, no problems. */
function opened(experiment: Experiment) {
  return { experiment, view: DEFAULT_URL_VIEW, analyses: NO_ANALYSIS_SETTINGS, problems: [] };
}

function roundTrip(experiment: Experiment) {
  return decodeUrlState(encodeExperiment(experiment));
}

describe('the share URL', () => {
  test('decodes the brief example into the experiment it spells', () => {
    const { experiment, problems, view, analyses } = decodeUrlState(`#${BRIEF_HASH}`);
    expect(problems).toEqual([]);
    expect(view).toEqual(DEFAULT_URL_VIEW);
    expect(analyses).toEqual(NO_ANALYSIS_SETTINGS);
    expect(experiment).toEqual({
      version: 1,
      problem: { kind: 'formula', expression: '(1-x)^2+100*(y-x^2)^2', domain: [[-2, 2], [-1, 3]] },
      steps: 300,
      seed: 1,
      noise: 0.1,
      runs: [
        { optimizer: 'adam', hyper: { lr: 0.05, betas: [0.9, 0.999] }, start: [-1.5, 2] },
        { optimizer: 'sgd', hyper: { lr: 0.01, momentum: 0.9 }, start: [-1, 1], schedule: { type: 'cosine', T_max: 300, eta_min: 0 }, clip: { type: 'norm', max_norm: 1 }, label: 'Momentum' },
      ],
    });
  });

  test('encodes readably, leaving defaults out ("+" and "^" stay as typed)', () => {
    const { experiment } = decodeUrlState(BRIEF_HASH);
    // steps=300 is the default, so it is left out; the rest comes back in table order
    expect(encodeExperiment(experiment)).toBe(BRIEF_HASH.replace('&steps=300', ''));
    expect(encodeExperiment(DEFAULT_EXPERIMENT)).toBe('v=1');
    expect(decodeUrlState('')).toEqual(opened(DEFAULT_EXPERIMENT));
    expect(decodeUrlState('#v=1')).toEqual(opened(DEFAULT_EXPERIMENT));
  });

  test('surfaces with parameters', () => {
    const experiment = experimentWith({ problem: { kind: 'surface', surface: 'rosenbrock', params: { a: 1, b: 10 } } });
    expect(encodeExperiment(experiment)).toBe('v=1&surface=rosenbrock(a=1,b=10)');
    expect(roundTrip(experiment)).toEqual(opened(experiment));
    const booth = experimentWith({ problem: { kind: 'surface', surface: 'booth', params: {}, domain: [[-10, 10], [-10, 10]] } });
    expect(encodeExperiment(booth)).toBe('v=1&surface=booth&domain=-10,10,-10,10');
  });

  test('escapes only what must be escaped', () => {
    const experiment = experimentWith({
      problem: { kind: 'formula', expression: 'x^2 + y^2' },
      runs: [{ optimizer: 'adam', hyper: {}, start: [0.5, -0.5], label: 'Adam; 100% & more #1 = "best" été' }],
    });
    const hash = encodeExperiment(experiment);
    expect(hash).toBe('v=1&f=x^2%20+%20y^2&run=adam@0.5,-0.5;label=Adam%3B%20100%25%20%26%20more%20%231%20=%20%22best%22%20%C3%A9t%C3%A9');
    expect(decodeUrlState(hash)).toEqual(opened(experiment));
  });

  test('writes a run colour as six hex digits and hidden as a bare flag', () => {
    const experiment = experimentWith({
      runs: [
        { optimizer: 'adam', hyper: { lr: 0.05 }, start: [-1.5, 2], label: 'Adam', color: '#e69f00', hidden: true },
        { optimizer: 'sgd', hyper: { lr: 0.001 }, start: [-1.5, 2], color: '#0072b2' },
        { optimizer: 'sgd', hyper: { lr: 0.001 }, start: [-1.5, 2], hidden: true },
      ],
    });
    expect(encodeExperiment(experiment)).toBe(
      'v=1&run=adam(lr=0.05)@-1.5,2;label=Adam;color=e69f00;hidden&run=sgd(lr=0.001)@-1.5,2;color=0072b2&run=sgd(lr=0.001)@-1.5,2;hidden',
    );
    expect(parseExperiment(experiment)).toEqual({ ok: true, experiment });
    expect(roundTrip(experiment)).toEqual(opened(experiment));
  });

  test('round-trips every optimizer with every hyperparameter set away from its default', () => {
    const runs: ExperimentRun[] = OPTIMIZERS.map((optimizer, index) => {
      const hyper: Record<string, HyperValue> = {};
      for (const spec of optimizer.hyperSpecs) hyper[spec.name] = awayFromDefault(spec);
      if (optimizer.validate?.(hyper)) hyper.dampening = 0; // SGD's nesterov needs zero dampening
      return { optimizer: optimizer.id, hyper, start: [index / 7, -index] };
    });
    for (let first = 0; first < runs.length; first += MAX_RUNS) {
      const experiment = experimentWith({ runs: runs.slice(first, first + MAX_RUNS) });
      expect(parseExperiment(experiment)).toEqual({ ok: true, experiment });
      expect(roundTrip(experiment)).toEqual(opened(experiment));
    }
  });

  test('round-trips every schedule type (at defaults and away from them) and both clips', () => {
    const types = Object.keys(SCHEDULE_SPECS) as ScheduleType[];
    const runs: ExperimentRun[] = types.flatMap((type, index) => {
      const atDefaults: Record<string, unknown> = { type };
      const changed: Record<string, unknown> = { type };
      for (const spec of SCHEDULE_SPECS[type]) {
        atDefaults[spec.name] = spec.defaultValue;
        changed[spec.name] = awayFromDefault(spec);
      }
      const clip = index % 2 === 0 ? ({ type: 'norm', max_norm: 0.25 } as const) : ({ type: 'value', clip_value: 3 } as const);
      return [
        { optimizer: 'sgd', hyper: { lr: 0.01 }, start: [1, 1], schedule: atDefaults, clip },
        { optimizer: 'adam', hyper: {}, start: [1, 1], schedule: changed },
      ] as unknown as ExperimentRun[];
    });
    const experiment = experimentWith({ runs });
    expect(parseExperiment(experiment)).toEqual({ ok: true, experiment });
    expect(encodeExperiment(experiment)).toContain('run=sgd(lr=0.01)@1,1;schedule=cosine;clip=value(3)');
    expect(roundTrip(experiment)).toEqual(opened(experiment));
  });

  test('round-trips a formula with every operator and function', () => {
    const experiment = experimentWith({ problem: { kind: 'formula', expression: EVERY_OPERATOR, domain: [[-1.5, 1.5], [-0.25, 2]] }, steps: 1, seed: 4294967295, noise: 1e-300 });
    expect(parseExperiment(experiment)).toEqual({ ok: true, experiment });
    expect(roundTrip(experiment)).toEqual(opened(experiment));
  });

  test('round-trips numbers exactly: -0, subnormals, long fractions, huge values', () => {
    const start = [-0, 5e-324, 0.1 + 0.2, -1.7976931348623157e308, 123456789.12345679, 1e21];
    const runs = start.map((x, index) => ({ optimizer: 'sgd', hyper: { lr: [1e-7, 0.30000000000000004, 99.99999999999999][index % 3] }, start: [x, -x] }));
    const experiment = experimentWith({ runs });
    const decoded = roundTrip(experiment);
    expect(decoded.problems).toEqual([]);
    decoded.experiment.runs.forEach((run, index) => {
      expect(Object.is(run.start[0], start[index])).toBe(true);
      expect(Object.is(run.start[1], -start[index])).toBe(true);
    });
    expect(decoded.experiment).toEqual(experiment);
  });

  test('round-trips random experiments (seeded property test)', () => {
    const random = new Random(20240601);
    for (let trial = 0; trial < 400; trial++) {
      const experiment = randomExperiment(random);
      expect(parseExperiment(experiment)).toEqual({ ok: true, experiment });
      const hash = encodeExperiment(experiment);
      // nothing a browser would rewrite in a fragment, and '#' only as data, never raw
      expect(hash).not.toMatch(/[\s"<>`#\u0080-\uffff]/);
      expect(decodeUrlState(hash)).toEqual(opened(experiment));
      expect(encodeExperiment(decodeUrlState(hash).experiment)).toBe(hash);
    }
  }, 30_000); // under 1 s on a quiet machine; six seconds with two cores shared by several jobs

  test('the experiment alone: the CLI reads its keys and leaves the view and analyses unread', () => {
    const experiment = experimentWith({ steps: 50 });
    expect(encodeExperiment(experiment)).toBe('v=1&steps=50');
    // a bad view, step or analysis is not the experiment's problem
    expect(decodeExperiment('v=1&steps=50&view=1,0,0,1&step=x&basin=9,1,x&engine=cuda&play=1')).toEqual({ experiment, problems: [] });
    expect(decodeExperiment('v=1&steps=abc&stepz=1').problems).toEqual(["unknown key 'stepz' (did you mean 'steps'?); ignored", "steps: 'abc' is not a whole number; using 300"]);
  });
});

describe('a malformed share URL falls back field by field', () => {
  /** Decodes and checks the result is still a valid experiment (decoding never yields an invalid one). */
  function decode(hash: string) {
    const decoded = decodeUrlState(hash);
    expect(parseExperiment(decoded.experiment)).toEqual({ ok: true, experiment: decoded.experiment });
    return decoded;
  }

  test('a version this playground does not know', () => {
    const { experiment, problems } = decode('v=2&steps=50');
    expect(problems).toEqual(["v: version '2' is not one this playground reads (1); reading it as version 1"]);
    expect(experiment.steps).toBe(50);
  });

  test('bad numbers fall back to their defaults alone', () => {
    const { experiment, problems } = decode('v=1&steps=abc&seed=-1&noise=-0.5&f=x^2+y^2');
    expect(problems).toEqual([
      "steps: 'abc' is not a whole number; using 300",
      'seed must be a whole number from 0 to 4294967295, got -1; using 0',
      'noise must be >= 0, got -0.5; using 0',
    ]);
    expect(experiment).toEqual({ ...DEFAULT_EXPERIMENT, problem: { kind: 'formula', expression: 'x^2+y^2' } });
    expect(decode('steps=1.5').problems).toEqual(["steps: '1.5' is not a whole number; using 300"]);
    expect(decode('steps=0x10').problems).toEqual(["steps: '0x10' is not a whole number; using 300"]);
    expect(decode('steps=100001').problems).toEqual(['steps: 100,001 is over the limit of 100,000; using 300']);
    expect(decode('steps=').problems).toEqual(["steps: '' is not a whole number; using 300"]);
    expect(decode('noise=Infinity').problems).toEqual(["noise: 'Infinity' is not a number; using 0"]);
  });

  test('a formula that does not compile, and percent-encoding errors', () => {
    const bad = decode('f=x^2+sinn(y)&steps=20');
    expect(bad.problems).toHaveLength(1);
    expect(bad.problems[0]).toMatch(/^f: unknown function 'sinn' at column 5 .*; using the default surface \(rosenbrock\)$/);
    expect(bad.experiment).toEqual({ ...DEFAULT_EXPERIMENT, steps: 20 });
    expect(decode('f=x%E0%A4%A&steps=20').problems).toEqual(["f: 'x%E0%A4%A' is not valid percent-encoding; using the default surface (rosenbrock)"]);
    expect(decode('f=100%&seed=3').problems).toEqual(["f: '100%' is not valid percent-encoding; using the default surface (rosenbrock)"]);
    // a browser or chat app may escape '^' and spaces; both read back
    expect(decode('f=(1-x)%5E2%20+%20y%5E2').experiment.problem).toEqual({ kind: 'formula', expression: '(1-x)^2 + y^2' });
  });

  test('surfaces: unknown, bad parameters, both a surface and a formula', () => {
    expect(decode('surface=rosenbrok').problems).toEqual([expect.stringMatching(/^surface: unknown surface 'rosenbrok' \(did you mean 'rosenbrock'\?\); known: .*; using the default surface \(rosenbrock\)$/)]);
    expect(decode('surface=rosenbrock(b=0)').problems).toEqual(['surface.b must be >= 1, got 0; using the default surface (rosenbrock)']);
    expect(decode('surface=rosenbrock(b=1').problems).toEqual(["surface: 'rosenbrock(b=1' is missing its closing ')'; using the default surface (rosenbrock)"]);
    expect(decode('surface=booth(a=1)').problems).toEqual(["unknown key 'a' in surface (Booth has no parameters); using the default surface (rosenbrock)"]);
    const both = decode('surface=booth&f=x^2');
    expect(both.problems).toEqual(['surface: ignored because the URL also gives a formula (f)']);
    expect(both.experiment.problem).toEqual({ kind: 'formula', expression: 'x^2' });
  });

  test('a bad domain', () => {
    expect(decode('domain=1,2,3').problems).toEqual(["domain: '1,2,3' is not four numbers xMin,xMax,yMin,yMax; using the problem's own"]);
    expect(decode('domain=2,1,0,1').problems).toEqual(["domain[0] must go from low to high, got [2, 1]; using the problem's own"]);
  });

  test('a run is dropped only when its optimizer or start cannot be read, saying why; with none left, the default runs are used', () => {
    const { experiment, problems } = decode('run=adamm(lr=0.1)@0,0&run=sgd(lr=0.1)@1,2&run=adam@1&run=adam(lr=0.1&run=(lr=0.1)@0,0&run=adam@0,x&run=adam(lr=0.1@0,0');
    expect(problems).toEqual([
      expect.stringMatching(/^run 1: optimizer: unknown optimizer 'adamm' \(did you mean 'adam'\?\); known: .*; run dropped$/),
      'run 3: start must be an array of 2 numbers, got 1; run dropped',
      "run 4: 'adam(lr=0.1' has no start point (write it as optimizer(...)@x,y); run dropped",
      "run 5: optimizer: missing before '@' (write the run as optimizer(...)@x,y); run dropped",
      "run 6: start: 'x' is not a number; run dropped",
      // the optimizer's name is readable, so only its unreadable argument list falls back
      "run 7: hyperparameters: 'adam(lr=0.1' is missing its closing ')'; using Adam's defaults",
    ]);
    expect(experiment.runs).toEqual([
      { optimizer: 'sgd', hyper: { lr: 0.1 }, start: [1, 2] },
      { optimizer: 'adam', hyper: {}, start: [0, 0] },
    ]);

    const none = decode('steps=10&run=nope@0,0');
    expect(none.problems).toEqual([expect.stringMatching(/^run 1: optimizer: unknown optimizer 'nope'/), 'no run could be read; using the default runs']);
    expect(none.experiment).toEqual({ ...DEFAULT_EXPERIMENT, steps: 10 });
  });

  test("the README's example: lr=abc keeps the run, its optimizer, start and label, and names lr of the run", () => {
    const { experiment, problems } = decode('run=adam(lr=0.05)@0,0&run=sgd(lr=abc,momentum=0.9)@-1,1;label=Mine');
    expect(problems).toEqual(["run 2 (Mine): lr: 'abc' is not a number; using the default 0.001"]);
    expect(experiment.runs).toEqual([
      { optimizer: 'adam', hyper: { lr: 0.05 }, start: [0, 0] },
      { optimizer: 'sgd', hyper: { momentum: 0.9 }, start: [-1, 1], label: 'Mine' },
    ]);
  });

  test('any one bad hyperparameter of any optimizer falls back to its default alone; the rest of the run is kept', () => {
    let cases = 0;
    for (const optimizer of OPTIMIZERS) {
      for (const spec of optimizer.hyperSpecs) {
        // a second hyperparameter, set away from its default, must survive its neighbour's mistake
        const neighbour = optimizer.hyperSpecs.find((other) => other.name !== spec.name && other.kind === 'number') as HyperSpec;
        const kept = { [neighbour.name]: awayFromDefault(neighbour) };
        for (const bad of badValues(spec)) {
          const written = `${optimizer.id}(${neighbour.name}=${kept[neighbour.name] as number},${spec.name}=${bad})@-1,1;schedule=cosine(T_max=300);clip=norm(1);label=Mine;color=e69f00`;
          const { experiment, problems } = decode(`run=${written}`);
          expect(experiment.runs, written).toEqual([
            { optimizer: optimizer.id, hyper: kept, start: [-1, 1], schedule: { type: 'cosine', T_max: 300, eta_min: 0 }, clip: { type: 'norm', max_norm: 1 }, label: 'Mine', color: '#e69f00' },
          ]);
          expect(problems, written).toEqual([expect.stringMatching(new RegExp(`^run 1 \\(Mine\\): ${spec.name}(:| must|\\[[01]\\] must).*; using the default ${escapeRegExp(defaultText(spec))}$`))]);
          cases++;
        }
      }
    }
    expect(cases).toBeGreaterThan(50);
  });

  test('values that break a rule between hyperparameters: the one whose default mends it falls back', () => {
    const nesterov = decode('run=sgd(lr=0.1,nesterov=true)@0,0;label=N');
    expect(nesterov.problems).toEqual(['run 1 (N): nesterov: nesterov requires momentum > 0; using the default false']);
    expect(nesterov.experiment.runs).toEqual([{ optimizer: 'sgd', hyper: { lr: 0.1 }, start: [0, 0], label: 'N' }]);
    // two values mend it (nesterov or dampening); nesterov, which qualifies the others, gives way
    const damped = decode('run=sgd(momentum=0.9,dampening=0.5,nesterov=true)@0,0');
    expect(damped.problems).toEqual(['run 1: nesterov: nesterov requires dampening = 0; using the default false']);
    expect(damped.experiment.runs[0].hyper).toEqual({ momentum: 0.9, dampening: 0.5 });
  });

  test('unknown, unnamed and repeated hyperparameters cost themselves alone', () => {
    const { experiment, problems } = decode('run=adam(lrr=0.1,0.2,lr=0.3,lr=0.4,foo=1)@0,0');
    expect(problems).toEqual([
      "run 1: Adam has no parameter 'lrr' (did you mean 'lr'?); ignored",
      "run 1: '0.2' has no name (write it as lr=0.2); ignored",
      'run 1: lr: given twice; reading the last',
      expect.stringMatching(/^run 1: Adam has no parameter 'foo' \(it takes lr, betas, .*\); ignored$/),
    ]);
    expect(experiment.runs).toEqual([{ optimizer: 'adam', hyper: { lr: 0.4 }, start: [0, 0] }]);
  });

  test('a schedule: a bad parameter takes its default alone; an unknown or unreadable schedule leaves the rate constant', () => {
    const parameter = decode('run=adam@0,0;schedule=cosine(T_max=abc,eta_min=0.01)');
    expect(parameter.problems).toEqual(["run 1: schedule.T_max: 'abc' is not a number; using the default 500"]);
    expect(parameter.experiment.runs[0].schedule).toEqual({ type: 'cosine', T_max: 500, eta_min: 0.01 });
    const step = decode('run=adam@0,0;schedule=step(gamma=2,step_sized=10)');
    expect(step.problems).toEqual([
      "run 1: schedule: step has no parameter 'step_sized' (did you mean 'step_size'?); ignored",
      'run 1: schedule.gamma must be <= 1, got 2; using the default 0.1',
    ]);
    expect(step.experiment.runs[0].schedule).toEqual({ type: 'step', step_size: 100, gamma: 0.1 });
    expect(decode('run=adam@0,0;schedule=cosin(T_max=3)').problems).toEqual([
      expect.stringMatching(/^run 1: schedule: unknown schedule 'cosin' \(did you mean 'cosine'\?\); known: constant, .*; using a constant learning rate$/),
    ]);
    const unclosed = decode('run=adam(lr=0.1)@0,0;schedule=cosine(T_max=3');
    expect(unclosed.problems).toEqual(["run 1: schedule: 'cosine(T_max=3' is missing its closing ')'; using a constant learning rate"]);
    expect(unclosed.experiment.runs).toEqual([{ optimizer: 'adam', hyper: { lr: 0.1 }, start: [0, 0] }]);
  });

  test('a clip that cannot be read is dropped, and the run is kept without clipping', () => {
    const written = ['norm(abc)', 'norm(0)', 'norm(1,2)', 'nrm(1)', 'value(max_norm=1)', 'norm(1'];
    const { experiment, problems } = decode(written.map((clip) => `run=adam@0,0;clip=${clip}`).join('&'));
    expect(problems).toEqual([
      "run 1: clip: 'abc' is not a number; not clipping the gradient",
      'run 2: clip: max_norm must be > 0, got 0; not clipping the gradient',
      'run 3: clip: write it as norm(amount), e.g. norm(1); not clipping the gradient',
      "run 4: clip: 'nrm' is not norm or value (did you mean 'norm'?); not clipping the gradient",
      'run 5: clip: value(...) takes clip_value, not max_norm; not clipping the gradient',
      "run 6: clip: 'norm(1' is missing its closing ')'; not clipping the gradient",
    ]);
    expect(experiment.runs).toEqual(written.map(() => ({ optimizer: 'adam', hyper: {}, start: [0, 0] })));
  });

  test('a bad label, colour or visibility falls back for that option alone; unknown options are ignored, a repeat reads the last', () => {
    const long = 'x'.repeat(MAX_LABEL_LENGTH + 1);
    const { experiment, problems } = decode(
      `run=adam@0,0;label=A;color=red&run=sgd(lr=0.1)@1,2;hidden=maybe;color=0072B2&run=adam@1,1;color=e69f00;color=000000;&run=adam@2,2;label=${long}&run=adam@3,3;label=100%&run=adam@4,4;colour=red;label=B`,
    );
    expect(problems).toEqual([
      "run 1 (A): color: 'red' is not a colour written as six hex digits, like e69f00; using the palette's colour",
      "run 2: hidden: 'maybe' is not true or false (write just ;hidden to hide the run); showing the run",
      'run 3: color: given twice; reading the last',
      `run 4: label: ${MAX_LABEL_LENGTH + 1} characters is over the limit of ${MAX_LABEL_LENGTH}; using the run's default name`,
      "run 5: label: '100%' is not valid percent-encoding; using the run's default name",
      "run 6 (B): unknown option 'colour' (did you mean 'color'?) (a run takes schedule, clip, label, color, hidden); ignored",
    ]);
    expect(experiment.runs).toEqual([
      { optimizer: 'adam', hyper: {}, start: [0, 0], label: 'A' },
      // upper-case hex is read and kept in lower case
      { optimizer: 'sgd', hyper: { lr: 0.1 }, start: [1, 2], color: '#0072b2' },
      // a stray ';' at the end says nothing
      { optimizer: 'adam', hyper: {}, start: [1, 1], color: '#000000' },
      { optimizer: 'adam', hyper: {}, start: [2, 2] },
      { optimizer: 'adam', hyper: {}, start: [3, 3] },
      { optimizer: 'adam', hyper: {}, start: [4, 4], label: 'B' },
    ]);
    expect(decode('run=adam@0,0;color=%23e69f00;hidden=true&run=adam@0,0;hidden=false').experiment.runs).toEqual([
      { optimizer: 'adam', hyper: {}, start: [0, 0], color: '#e69f00', hidden: true },
      { optimizer: 'adam', hyper: {}, start: [0, 0] },
    ]);
    expect(decode('run=adam@0,0;color=e69f0').problems).toEqual(["run 1: color: 'e69f0' is not a colour written as six hex digits, like e69f00; using the palette's colour"]);
  });

  test('spoiling any one field of a full run costs that field alone', () => {
    const full = 'sgd(lr=0.01,momentum=0.9)@-1,1;schedule=step(step_size=50,gamma=0.5);clip=value(2);label=Mine;color=e69f00;hidden';
    const fullRun: ExperimentRun = {
      optimizer: 'sgd',
      hyper: { lr: 0.01, momentum: 0.9 },
      start: [-1, 1],
      schedule: { type: 'step', step_size: 50, gamma: 0.5 },
      clip: { type: 'value', clip_value: 2 },
      label: 'Mine',
      color: '#e69f00',
      hidden: true,
    };
    expect(decode(`run=${full}`)).toMatchObject({ problems: [], experiment: { runs: [fullRun] } });
    // [what is written, how it is spoilt, the field named, the run's fields afterwards]
    const spoilt: readonly [string, string, string, Partial<Record<keyof ExperimentRun, unknown>>][] = [
      ['lr=0.01', 'lr=abc', 'lr', { hyper: { momentum: 0.9 } }],
      ['momentum=0.9', 'momentum=1.5', 'momentum', { hyper: { lr: 0.01 } }],
      ['step_size=50', 'step_size=0', 'schedule.step_size', { schedule: { type: 'step', step_size: 100, gamma: 0.5 } }],
      ['schedule=step', 'schedule=stp', 'schedule', { schedule: undefined }],
      ['value(2)', 'value(-2)', 'clip', { clip: undefined }],
      ['label=Mine', 'label=Mi%zzne', 'label', { label: undefined }],
      ['color=e69f00', 'color=e69f0g', 'color', { color: undefined }],
      [';hidden', ';hidden=maybe', 'hidden', { hidden: undefined }],
    ];
    for (const [written, spoiltText, field, changed] of spoilt) {
      const { experiment, problems } = decode(`run=${full.replace(written, spoiltText)}`);
      const expected = Object.fromEntries(Object.entries({ ...fullRun, ...changed }).filter(([, value]) => value !== undefined));
      expect(experiment.runs, spoiltText).toEqual([expected]);
      expect(problems, spoiltText).toEqual([expect.stringMatching(new RegExp(`^run 1( \\(Mine\\))?: ${escapeRegExp(field)}(:| must)`))]);
    }
  });

  test('more runs than allowed', () => {
    const hash = Array.from({ length: MAX_RUNS + 2 }, (_, index) => `run=adam@${index},0`).join('&');
    const { experiment, problems } = decode(hash);
    expect(experiment.runs).toHaveLength(MAX_RUNS);
    expect(problems).toEqual([`run 17: at most ${MAX_RUNS} runs; run dropped`, `run 18: at most ${MAX_RUNS} runs; run dropped`]);
  });

  test('unknown keys, repeated keys and garbage', () => {
    expect(decode('v=1&stepz=10').problems).toEqual(["unknown key 'stepz' (did you mean 'steps'?); ignored"]);
    expect(decode('steps=10&steps=20')).toMatchObject({ experiment: { steps: 20 }, problems: ['steps: given 2 times; reading the last'] });
    expect(decode('hello').problems).toEqual(["'hello' is not a key=value pair; ignored"]);
    expect(decode('&&v=1&&').problems).toEqual([]);
    expect(decode('%zz=1').problems).toEqual(["'%zz' is not valid percent-encoding; ignored"]);
    expect(decode('view=%zz').problems).toEqual(["view: '%zz' is not valid percent-encoding; ignored"]);
  });

  test('never throws: truncated URLs and random garbage still give a valid experiment', () => {
    const experiment = experimentWith({
      problem: { kind: 'formula', expression: EVERY_OPERATOR },
      runs: [
        { optimizer: 'adam', hyper: { lr: 0.05, betas: [0.9, 0.99] }, start: [-1.5, 2], schedule: { type: 'warmup_cosine', warmup_steps: 10, start_factor: 0.5, T_max: 90, eta_min: 0 }, label: 'a;b&c' },
        { optimizer: 'sgd', hyper: { lr: 0.01, nesterov: true, momentum: 0.9 }, start: [1, 1], clip: { type: 'norm', max_norm: 1 }, color: '#cc79a7', hidden: true },
      ],
    });
    const hash = encodeExperiment(experiment);
    for (let length = 0; length <= hash.length; length++) decode(hash.slice(0, length));
    const random = new Random(7);
    const alphabet = 'v=1&f()^*+-/,.;@%#0123456789abcdefghijklmnopqrstuvwxyz=&run=surface=domain=steps=é \u0000\ud800';
    for (let trial = 0; trial < 300; trial++) {
      let garbage = '';
      const length = Math.floor(random.nextFloat() * 80);
      for (let index = 0; index < length; index++) garbage += alphabet[Math.floor(random.nextFloat() * alphabet.length)];
      decode(garbage);
      decode(`v=1&run=${garbage}`);
    }
  });
});

/** Values a hand-edited link might hold that a spec cannot take: text of the wrong kind, and out of range. */
function badValues(spec: HyperSpec): string[] {
  switch (spec.kind) {
    case 'boolean':
      return ['maybe', '1'];
    case 'choice':
      return ['', `${spec.defaultValue}x`];
    case 'pair':
      return ['0.9', 'a/b', `${spec.min - 1}/0.5`, Number.isFinite(spec.max) ? `0.5/${spec.max + 1}` : '0.5/x'];
    case 'number':
      return ['abc', '', '1/2', 'true', `${spec.min - 1}`, ...(Number.isFinite(spec.max) ? [`${spec.max + 1}`] : []), ...(spec.integer ? ['2.5'] : [])];
  }
}

/** A default as a link writes it, hand-written for each kind ("0.001", "false", "0.9/0.999"). */
function defaultText(spec: HyperSpec): string {
  return Array.isArray(spec.defaultValue) ? spec.defaultValue.join('/') : String(spec.defaultValue);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A valid value for a spec that differs from its default (so encoding cannot leave it out). */
function awayFromDefault(spec: HyperSpec): HyperValue {
  switch (spec.kind) {
    case 'boolean':
      return !spec.defaultValue;
    case 'choice':
      return spec.options.find((option) => option !== spec.defaultValue) ?? spec.defaultValue;
    case 'pair':
      return [spec.defaultValue[0] === 0.5 ? 0.25 : 0.5, spec.defaultValue[1] === 0.75 ? 0.5 : 0.75];
    case 'number': {
      const candidate = spec.integer ? Math.max(spec.min, 1) + 2 : spec.min > 0 ? spec.min * 3 : spec.min + 0.3;
      return candidate === spec.defaultValue ? candidate + 1 : candidate;
    }
  }
}

const FORMULAS = ['(1-x)^2 + 100*(y-x^2)^2', 'x^2 + y^2', EVERY_OPERATOR, 'log(1 + exp(-x*y))', '  x  *  y  '];
const LABEL_CHARACTERS = ['a', 'Z', ' ', ';', '&', '#', '%', '=', '(', ')', '@', ',', '/', '+', '"', "'", '<', '>', '`', '\n', 'é', 'λ', '😀', '%20', '\\'];

function randomExperiment(random: Random): Experiment {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random.nextFloat() * items.length)];
  const chance = (probability: number) => random.nextFloat() < probability;
  const between = (low: number, high: number) => low + (high - low) * random.nextFloat();
  const wholeBetween = (low: number, high: number) => Math.min(high, low + Math.floor(random.nextFloat() * (high - low + 1)));
  const anyNumber = () => pick([0, -0, 1, -2.5, between(-10, 10), between(-1e6, 1e6), between(0, 1) * 1e-12, 5e-324]);

  let problem: Experiment['problem'];
  if (chance(0.5)) {
    const surface = pick(SURFACES);
    const params: Record<string, number> = {};
    for (const parameter of surface.parameters) if (chance(0.5)) params[parameter.name] = between(parameter.min, parameter.max);
    problem = { kind: 'surface', surface: surface.id, params };
  } else {
    problem = { kind: 'formula', expression: pick(FORMULAS) };
  }
  if (chance(0.3)) {
    const x = between(-5, 0);
    const y = between(-5, 0);
    problem = { ...problem, domain: [[x, x + between(0.1, 5)], [y, y + between(0.1, 5)]] };
  }

  const runs: ExperimentRun[] = Array.from({ length: wholeBetween(1, MAX_RUNS) }, () => {
    const optimizer = pick(OPTIMIZERS);
    const hyper: Record<string, HyperValue> = {};
    for (const spec of optimizer.hyperSpecs) if (chance(0.4)) hyper[spec.name] = randomValue(spec);
    if (optimizer.validate?.({ ...defaults(optimizer.hyperSpecs), ...hyper })) delete hyper.nesterov;
    const run: Record<string, unknown> = { optimizer: optimizer.id, hyper, start: [anyNumber(), anyNumber()] };
    if (chance(0.3)) {
      const type = pick(Object.keys(SCHEDULE_SPECS) as ScheduleType[]);
      const schedule: Record<string, unknown> = { type };
      for (const spec of SCHEDULE_SPECS[type]) schedule[spec.name] = chance(0.5) ? spec.defaultValue : randomValue(spec);
      run.schedule = schedule;
    }
    if (chance(0.3)) run.clip = chance(0.5) ? { type: 'norm', max_norm: between(0.01, 10) } : { type: 'value', clip_value: wholeBetween(1, 5) };
    if (chance(0.4)) run.label = Array.from({ length: wholeBetween(0, 12) }, () => pick(LABEL_CHARACTERS)).join('');
    if (chance(0.3)) run.color = `#${wholeBetween(0, 0xffffff).toString(16).padStart(6, '0')}`;
    if (chance(0.2)) run.hidden = true;
    return run as unknown as ExperimentRun;
  });

  return {
    version: 1,
    problem,
    steps: chance(0.3) ? 300 : wholeBetween(1, 100000),
    seed: chance(0.3) ? 0 : wholeBetween(0, 4294967295),
    noise: chance(0.5) ? 0 : between(0, 2),
    runs,
  };

  function randomValue(spec: HyperSpec): HyperValue {
    switch (spec.kind) {
      case 'boolean':
        return chance(0.5);
      case 'choice':
        return spec.options[wholeBetween(0, spec.options.length - 1)];
      case 'pair':
        return [between(spec.min, 0.999), between(spec.min, 0.999)];
      case 'number': {
        if (spec.integer) return wholeBetween(spec.min, Math.min(spec.max, 10000));
        const value = between(spec.min, Math.min(spec.max, 10));
        return spec.exclusiveMin && value === spec.min ? spec.max : value;
      }
    }
  }
}

function defaults(specs: readonly HyperSpec[]): Record<string, HyperValue> {
  return Object.fromEntries(specs.map((spec) => [spec.name, spec.defaultValue]));
}

describe('problem=: any registered kind as its JSON', () => {
  test('reads a problem of any kind, validated by its kind, with the domain from domain=', () => {
    const json = encodeURIComponent(JSON.stringify({ kind: 'surface', surface: 'rastrigin', dimension: 5 }));
    const decoded = decodeExperiment(`v=1&problem=${json}&run=adam(lr=0.1)@1,2,3,4,5`);
    expect(decoded.problems).toEqual([]);
    expect(decoded.experiment.problem).toEqual({ kind: 'surface', surface: 'rastrigin', params: {}, dimension: 5 });
    expect(decoded.experiment.runs[0].start).toEqual([1, 2, 3, 4, 5]);
    // the built-in kinds keep their own keys when written
    expect(encodeExperiment(decoded.experiment)).toContain('surface=rastrigin(dimension=5)');
  });

  test('a problem that is not JSON, or not a valid problem, falls back alone and says why', () => {
    expect(decodeExperiment('v=1&problem={oops&steps=10').problems).toEqual(["problem: '{oops' is not JSON; using the default surface (rosenbrock)"]);
    const unknown = encodeURIComponent(JSON.stringify({ kind: 'dataset', name: 'iris' }));
    const decoded = decodeExperiment(`v=1&problem=${unknown}&steps=10`);
    expect(decoded.problems).toEqual(['problem.kind must be one of "formula", "surface", "data", got "dataset"; using the default surface (rosenbrock)']);
    expect(decoded.experiment.steps).toBe(10);
  });
});
