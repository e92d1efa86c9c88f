import { describe, expect, test } from 'vitest';
import { DEFAULT_BASIN, DEFAULT_SEEDS, DEFAULT_SWEEP, NO_ANALYSIS_SETTINGS, type AnalysisSettings } from './analysis-settings';
import { DEFAULT_EXPERIMENT, type Experiment } from './experiment';
import { DEFAULT_URL_VIEW, decodeUrlState, encodeExperiment, encodeUrlState } from './url-codec';

// Oracles: the settings each hash spells, written out by hand from the format in
// url-fields-analyses.ts's header; round trips through the whole share URL (encodeUrlState /
// decodeUrlState).

/** Default runs: 1 SGD, 2 SGD with momentum, 3 Adam; with gradient noise so many seeds may run. */
const NOISY: Experiment = { ...DEFAULT_EXPERIMENT, noise: 0.1 };

/** Opens a link to `experiment` with these analysis keys (values as typed); its analyses and problems. */
function decode(values: Record<string, string>, experiment: Experiment = NOISY) {
  const keys = Object.entries(values).map(([key, value]) => `&${key}=${value}`);
  const { analyses, problems } = decodeUrlState(encodeExperiment(experiment) + keys.join(''));
  return { settings: analyses, problems };
}

/** The hash for `experiment` with these analyses. */
function encode(analyses: AnalysisSettings, experiment: Experiment = NOISY) {
  return encodeUrlState({ experiment, view: DEFAULT_URL_VIEW, analyses });
}

/** The whole share URL for an experiment with these analyses, and what it decodes back to. */
function roundTrip(settings: AnalysisSettings, experiment: Experiment = NOISY) {
  const hash = encode(settings, experiment);
  const decoded = decodeUrlState(hash);
  return { hash, experiment: decoded.experiment, settings: decoded.analyses, problems: decoded.problems };
}

describe('the analyses in the share URL', () => {
  test('reads each key as the header spells it, runs counted from 1', () => {
    const { settings, problems } = decode({
      basin: '2,256,steps',
      sweep: '3,0.001,1,64,best,beta1,0,0.99,16',
      seeds: '1,500',
      engine: 'js',
    });
    expect(problems).toEqual([]);
    expect(settings).toEqual({
      basin: { run: 1, resolution: 256, colorBy: 'steps', opacity: 0.75 },
      sweep: { run: 2, lrMin: 0.001, lrMax: 1, count: 64, metric: 'best', second: { name: 'beta1', min: 0, max: 0.99, count: 16 } },
      seeds: { run: 0, count: 500 },
      engine: 'js',
    });
  });

  test('writes nothing when every analysis is off and the engine automatic', () => {
    expect(encode(NO_ANALYSIS_SETTINGS)).toBe('v=1&noise=0.1');
    expect(decode({})).toEqual({ settings: NO_ANALYSIS_SETTINGS, problems: [] });
  });

  test('writes defaults of optional parts short: no opacity, no metric for a final-loss 1-D sweep', () => {
    expect(encode({ ...NO_ANALYSIS_SETTINGS, basin: DEFAULT_BASIN, sweep: DEFAULT_SWEEP, seeds: DEFAULT_SEEDS })).toBe('v=1&noise=0.1&basin=1,128,minimum&sweep=1,0.0001,1,128&seeds=1,100');
    expect(encode({ ...NO_ANALYSIS_SETTINGS, basin: { ...DEFAULT_BASIN, opacity: 0.5 }, sweep: { ...DEFAULT_SWEEP, metric: 'best' }, engine: 'webgpu' })).toBe(
      'v=1&noise=0.1&basin=1,128,minimum,0.5&sweep=1,0.0001,1,128,best&engine=webgpu',
    );
  });

  test('round-trips through the whole share URL, beside the experiment and the view keys', () => {
    const settings: AnalysisSettings = {
      basin: { run: 2, resolution: 512, colorBy: 'loss', opacity: 0.4 },
      sweep: { run: 1, lrMin: 1e-5, lrMax: 0.5, count: 1024, metric: 'final', second: { name: 'momentum', min: 0.5, max: 1, count: 64 } },
      seeds: { run: 2, count: 1000 },
      engine: 'webgpu',
    };
    const result = roundTrip(settings);
    expect(result.hash).toBe('v=1&noise=0.1&basin=3,512,loss,0.4&sweep=2,0.00001,0.5,1024,final,momentum,0.5,1,64&seeds=3,1000&engine=webgpu');
    expect(result.problems).toEqual([]);
    expect(result.experiment).toEqual(NOISY);
    expect(result.settings).toEqual(settings);
  });

  test('a bad part falls back alone and is named', () => {
    const { settings, problems } = decode({ basin: '9,300,colour', sweep: '1,-1,1,5000', seeds: '2,0' });
    expect(settings.basin).toEqual({ run: 0, resolution: 128, colorBy: 'minimum', opacity: 0.75 });
    expect(settings.sweep).toEqual({ ...DEFAULT_SWEEP, run: 0 });
    expect(settings.seeds).toEqual({ run: 1, count: DEFAULT_SEEDS.count });
    expect(problems).toEqual([
      'basin: run 9 does not exist (the experiment has 3); using run 1',
      "basin: resolution '300' is not one of 64, 128, 256, 512; using 128",
      "basin: colour 'colour' is not one of minimum, steps, loss; using minimum",
      'sweep: lrMin must be > 0, got -1; using 0.0001',
      'sweep: count: 5,000 is over the limit of 1,024; using 128',
      'seeds: count must be a whole number from 2 to 1000, got 0; using 100',
    ]);
  });

  test('learning rates in the wrong order fall back together', () => {
    const { settings, problems } = decode({ sweep: '1,1,0.001,32' });
    expect(settings.sweep).toEqual({ ...DEFAULT_SWEEP, count: 32 });
    expect(problems).toEqual(['sweep: lrMin 1 is not below lrMax 0.001; using 0.0001 to 1']);
  });

  test('a value of the wrong shape turns that analysis off, and only that one', () => {
    const { settings, problems } = decode({ basin: 'everything', sweep: '1,2', seeds: '1,10', engine: 'cuda' });
    expect(settings).toEqual({ ...NO_ANALYSIS_SETTINGS, seeds: { run: 0, count: 10 } });
    expect(problems).toEqual([
      "basin: 'everything' is not run,resolution,colour[,opacity]; basin map off",
      "sweep: '1,2' is not run,lrMin,lrMax,count[,final|best[,beta1|momentum,min,max,count]]; sweep off",
      "engine: 'cuda' is not js, webgpu or auto; choosing the engine by measurement",
    ]);
  });

  test('a second axis the run’s optimizer does not have gives a 1-D sweep', () => {
    // run 1 is SGD: it sweeps momentum, not beta1
    const { settings, problems } = decode({ sweep: '1,0.001,1,64,final,beta1,0,0.9,8' });
    expect(settings.sweep).toEqual({ run: 0, lrMin: 0.001, lrMax: 1, count: 64, metric: 'final', second: null });
    expect(problems).toEqual(["sweep: 'beta1' cannot be swept for run 1 (SGD sweeps momentum); a 1-D sweep"]);
    const momentum = decode({ sweep: '1,0.001,1,64,final,momentum,0.9,0.5,8' });
    expect(momentum.settings.sweep?.second).toEqual({ name: 'momentum', min: 0, max: 0.99, count: 8 });
    expect(momentum.problems).toEqual(['sweep: momentum min 0.9 is not below max 0.5; using 0 to 0.99']);
  });

  test('beta1 of 1 or more is refused (torch: betas in [0, 1))', () => {
    const { settings, problems } = decode({ sweep: '3,0.001,1,64,final,beta1,0.5,1,8' });
    expect(settings.sweep?.second).toEqual({ name: 'beta1', min: 0.5, max: 0.99, count: 8 });
    expect(problems).toEqual(['sweep: beta1 max must be < 1, got 1; using 0.99']);
  });

  test('many seeds without gradient noise is off, and says why, unless a method draws from its seed', () => {
    const { settings, problems } = decode({ seeds: '1,100' }, DEFAULT_EXPERIMENT);
    expect(settings.seeds).toBeNull();
    expect(problems).toEqual(['seeds: the runs have no gradient noise (noise=0) and no method that draws from its seed, so every seed gives the same path; many seeds off']);
    // CMA-ES draws its generations from the seed: its runs differ from seed to seed without noise
    const annealed = { ...DEFAULT_EXPERIMENT, runs: [...DEFAULT_EXPERIMENT.runs, { optimizer: 'cma_es', hyper: {}, start: [0, 0] }] };
    expect(decode({ seeds: '1,100' }, annealed)).toMatchObject({ settings: { seeds: { run: 0, count: 100 } }, problems: [] });
    // Nelder-Mead does not: the same start, the same path
    const simplex = { ...DEFAULT_EXPERIMENT, runs: [{ optimizer: 'nelder_mead', hyper: {}, start: [0, 0] }] };
    expect(decode({ seeds: '1,100' }, simplex).settings.seeds).toBeNull();
  });

  test('the analysis keys are not unknown keys of the experiment', () => {
    const decoded = decodeUrlState('v=1&noise=0.1&basin=1,64,loss&engine=js&sweep=1,0.01,1,8&seeds=1,20');
    expect(decoded.problems).toEqual([]);
    expect(decoded.analyses).toEqual({
      basin: { ...DEFAULT_BASIN, resolution: 64, colorBy: 'loss' },
      sweep: { ...DEFAULT_SWEEP, lrMin: 0.01, count: 8 },
      seeds: { run: 0, count: 20 },
      engine: 'js',
    });
  });

  test('reads the engine from ?engine= over the hash', () => {
    const hash = 'v=1&noise=0.2&run=adam(lr=0.1)@0,0&basin=1,64,loss&seeds=1,50&engine=webgpu';
    const state = decodeUrlState(hash);
    expect(state.problems).toEqual([]);
    expect(state.analyses.basin).toEqual({ run: 0, resolution: 64, colorBy: 'loss', opacity: 0.75 });
    expect(state.analyses.seeds).toEqual({ run: 0, count: 50 });
    expect(state.analyses.sweep).toBeNull();
    expect(state.analyses.engine).toBe('webgpu');
    expect(decodeUrlState(hash, '?engine=js').analyses.engine).toBe('js');
    expect(decodeUrlState('v=1', '?lang=en&engine=js').analyses.engine).toBe('js');
    // the query string's override wins even over a bad engine in the hash
    expect(decodeUrlState('v=1&engine=cuda', '?engine=webgpu')).toMatchObject({ analyses: { engine: 'webgpu' }, problems: [] });
  });

  test('names a bad ?engine= like a bad hash field', () => {
    const state = decodeUrlState('v=1', '?engine=gpu');
    expect(state.analyses.engine).toBe('auto');
    expect(state.problems).toEqual(["engine: 'gpu' is not js, webgpu or auto; choosing the engine by measurement"]);
    expect(decodeUrlState('v=1', '?engine=web+gpu').problems).toEqual(["engine: 'web gpu' is not js, webgpu or auto; choosing the engine by measurement"]);
  });
});
