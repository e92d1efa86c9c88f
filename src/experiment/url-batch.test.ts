import { describe, expect, test } from 'vitest';
import { DEFAULT_BASIN, DEFAULT_SEEDS, DEFAULT_SWEEP, NO_BATCH_SETTINGS, type BatchSettings } from './analysis-settings';
import { DEFAULT_EXPERIMENT, type Experiment } from './experiment';
import { decodeBatchSettings, encodeBatchSettings } from './url-batch';
import { decodeExperiment, encodeExperiment } from './url-codec';

// Oracles: the settings each hash spells, written out by hand from the format in url-batch.ts's
// header; round trips through the whole share URL (encodeExperiment / decodeExperiment).

/** Default runs: 1 SGD, 2 SGD with momentum, 3 Adam; with gradient noise so many seeds may run. */
const NOISY: Experiment = { ...DEFAULT_EXPERIMENT, noise: 0.1 };

function decode(view: Record<string, string>, experiment: Experiment = NOISY) {
  return decodeBatchSettings(view, experiment);
}

/** The whole share URL for an experiment with these analyses, and what it decodes back to. */
function roundTrip(settings: BatchSettings, experiment: Experiment = NOISY) {
  const hash = encodeExperiment(experiment, encodeBatchSettings(settings));
  const decoded = decodeExperiment(hash);
  const batch = decode(decoded.view, decoded.experiment);
  return { hash, experiment: decoded.experiment, settings: batch.settings, problems: [...decoded.problems, ...batch.problems] };
}

describe('batch settings in the share URL', () => {
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
    expect(encodeBatchSettings(NO_BATCH_SETTINGS)).toEqual({});
    expect(decode({})).toEqual({ settings: NO_BATCH_SETTINGS, problems: [] });
  });

  test('writes defaults of optional parts short: no opacity, no metric for a final-loss 1-D sweep', () => {
    expect(encodeBatchSettings({ ...NO_BATCH_SETTINGS, basin: DEFAULT_BASIN, sweep: DEFAULT_SWEEP, seeds: DEFAULT_SEEDS })).toEqual({
      basin: '1,128,minimum',
      sweep: '1,0.0001,1,128',
      seeds: '1,100',
    });
    expect(encodeBatchSettings({ ...NO_BATCH_SETTINGS, basin: { ...DEFAULT_BASIN, opacity: 0.5 }, sweep: { ...DEFAULT_SWEEP, metric: 'best' }, engine: 'webgpu' })).toEqual({
      basin: '1,128,minimum,0.5',
      sweep: '1,0.0001,1,128,best',
      engine: 'webgpu',
    });
  });

  test('round-trips through the whole share URL, beside the experiment and the view keys', () => {
    const settings: BatchSettings = {
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
      'sweep: count must be a whole number from 2 to 1024, got 5000; using 128',
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
    expect(settings).toEqual({ ...NO_BATCH_SETTINGS, seeds: { run: 0, count: 10 } });
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

  test('many seeds without gradient noise is off, and says why', () => {
    const { settings, problems } = decode({ seeds: '1,100' }, DEFAULT_EXPERIMENT);
    expect(settings.seeds).toBeNull();
    expect(problems).toEqual(['seeds: the runs have no gradient noise (noise=0), so every seed gives the same path; many seeds off']);
  });

  test('the batch keys are not unknown keys of the experiment', () => {
    const decoded = decodeExperiment('v=1&basin=1,64,loss&engine=js&sweep=1,0.01,1,8&seeds=1,20');
    expect(decoded.problems).toEqual([]);
    expect(decoded.view).toEqual({ basin: '1,64,loss', engine: 'js', sweep: '1,0.01,1,8', seeds: '1,20' });
  });
});
