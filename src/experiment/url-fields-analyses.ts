import { runIsStochastic } from './stochastic-runs';
import { checkNumber, type NumberRange, shortened } from '../engine/checks';
import { getMethodSpec } from '../engine/methods/catalogue';
import {
  BASIN_COLOR_BY,
  BASIN_OPACITY_RANGE,
  BASIN_RESOLUTIONS,
  DEFAULT_BASIN,
  DEFAULT_SEEDS,
  DEFAULT_SWEEP,
  ENGINE_PREFERENCES,
  SEEDS_COUNT_RANGE,
  SWEEP_COUNT_RANGE,
  SWEEP_LR_RANGE,
  SWEEP_SECOND_COUNT_RANGE,
  SWEEP_SECOND_RANGES,
  defaultSecondAxis,
  secondAxisFor,
  type BasinColorBy,
  type BasinResolution,
  type BasinSettings,
  type EnginePreference,
  type SeedsSettings,
  type SweepSecondAxis,
  type SweepSettings,
} from './analysis-settings';
import type { Experiment } from './experiment';
import { valueField, type FieldRead, type UrlField } from './url-field';
import { formatNumber, parseNumber, parseWholeNumber } from './url-grammar';

// The analyses' keys of the share URL, after the view's:
//   &basin=1,256,minimum            run 1's basin map, 256 cells across, coloured by minimum reached
//   &basin=2,128,loss,0.5           ... by final loss, the layer at half opacity
//   &sweep=1,0.0001,1,128           run 1's learning rate on 128 log-spaced values from 1e-4 to 1
//   &sweep=3,0.001,1,64,best,beta1,0,0.99,16   best loss over lr x beta1 (a 64 x 16 heatmap)
//   &seeds=2,500                    run 2 repeated over 500 seeds of its gradient noise
//   &engine=js                      force the TypeScript workers (or webgpu); also ?engine= before '#'
// Runs are counted from 1, as on screen, and checked against the experiment the same URL opens
// (its keys are read first). A key that is absent is off (or, for engine, 'auto'). Each part of a
// value falls back alone and is reported, so "basin=1,300,minimum" still opens run 1's basin map,
// at the default resolution; a value of the wrong shape turns that analysis off.

/** Reads the parts of one value, each falling back alone; collects what was wrong. */
class PartReader {
  readonly problems: string[] = [];

  constructor(private readonly key: string) {}

  /** A number within `range`, else `fallback` (reported). */
  number(text: string, name: string, range: NumberRange, fallback: number): number {
    const parsed = range.integer ? parseWholeNumber(text) : parseNumber(text);
    const error = parsed.ok ? checkNumber(parsed.value, range, name) : `${name}: ${parsed.error}`;
    if (parsed.ok && error === undefined) return parsed.value;
    this.problems.push(`${this.key}: ${error}; using ${formatNumber(fallback)}`);
    return fallback;
  }

  /** One of `choices`, else `fallback` (reported). */
  choice<T extends string | number>(text: string, name: string, choices: readonly T[], fallback: T): T {
    const found = choices.find((choice) => String(choice) === text);
    if (found !== undefined) return found;
    this.problems.push(`${this.key}: ${name} '${shortened(text)}' is not one of ${choices.join(', ')}; using ${fallback}`);
    return fallback;
  }

  /** A run counted from 1 in the text, from 0 in the result; run 1 when it does not exist. */
  run(text: string, experiment: Experiment): number {
    const parsed = parseWholeNumber(text);
    const count = experiment.runs.length;
    if (parsed.ok && parsed.value >= 1 && parsed.value <= count) return parsed.value - 1;
    const which = parsed.ok ? `run ${parsed.value} does not exist (the experiment has ${count})` : `run: ${parsed.error}`;
    this.problems.push(`${this.key}: ${which}; using run 1`);
    return 0;
  }

  /** Why a value of the wrong shape cannot be read at all. */
  notShaped(text: string, shape: string): FieldRead<never> {
    return { ok: false, error: `${this.key}: '${shortened(text)}' is not ${shape}` };
  }
}

function formatBasin(basin: BasinSettings): string {
  const parts = [String(basin.run + 1), String(basin.resolution), basin.colorBy];
  if (basin.opacity !== DEFAULT_BASIN.opacity) parts.push(formatNumber(basin.opacity));
  return parts.join(',');
}

function parseBasin(text: string, experiment: Experiment): FieldRead<BasinSettings> {
  const reader = new PartReader('basin');
  const parts = text.split(',');
  if (parts.length < 3 || parts.length > 4) return reader.notShaped(text, 'run,resolution,colour[,opacity]');
  const basin: BasinSettings = {
    run: reader.run(parts[0], experiment),
    resolution: reader.choice<BasinResolution>(parts[1], 'resolution', BASIN_RESOLUTIONS, DEFAULT_BASIN.resolution),
    colorBy: reader.choice<BasinColorBy>(parts[2], 'colour', BASIN_COLOR_BY, DEFAULT_BASIN.colorBy),
    opacity: parts.length === 4 ? reader.number(parts[3], 'opacity', BASIN_OPACITY_RANGE, DEFAULT_BASIN.opacity) : DEFAULT_BASIN.opacity,
  };
  return { ok: true, value: basin, problems: reader.problems };
}

function formatSweep(sweep: SweepSettings): string {
  const parts = [String(sweep.run + 1), formatNumber(sweep.lrMin), formatNumber(sweep.lrMax), String(sweep.count)];
  if (sweep.metric !== 'final' || sweep.second) parts.push(sweep.metric);
  if (sweep.second) parts.push(sweep.second.name, formatNumber(sweep.second.min), formatNumber(sweep.second.max), String(sweep.second.count));
  return parts.join(',');
}

function parseSweep(text: string, experiment: Experiment): FieldRead<SweepSettings> {
  const reader = new PartReader('sweep');
  const parts = text.split(',');
  if (![4, 5, 9].includes(parts.length)) return reader.notShaped(text, 'run,lrMin,lrMax,count[,final|best[,beta1|momentum,min,max,count]]');
  const run = reader.run(parts[0], experiment);
  let lrMin = reader.number(parts[1], 'lrMin', SWEEP_LR_RANGE, DEFAULT_SWEEP.lrMin);
  let lrMax = reader.number(parts[2], 'lrMax', SWEEP_LR_RANGE, DEFAULT_SWEEP.lrMax);
  if (!(lrMin < lrMax)) {
    reader.problems.push(`sweep: lrMin ${formatNumber(lrMin)} is not below lrMax ${formatNumber(lrMax)}; using ${DEFAULT_SWEEP.lrMin} to ${DEFAULT_SWEEP.lrMax}`);
    [lrMin, lrMax] = [DEFAULT_SWEEP.lrMin, DEFAULT_SWEEP.lrMax];
  }
  const count = reader.number(parts[3], 'count', SWEEP_COUNT_RANGE, DEFAULT_SWEEP.count);
  const metric = parts.length > 4 ? reader.choice(parts[4], 'loss', ['final', 'best'] as const, DEFAULT_SWEEP.metric) : DEFAULT_SWEEP.metric;
  const second = parts.length === 9 ? parseSecondAxis(parts.slice(5), experiment.runs[run].optimizer, run, reader) : null;
  return { ok: true, value: { run, lrMin, lrMax, count, metric, second }, problems: reader.problems };
}

/** The second axis "name,min,max,count" of a 2-D sweep of run `run`; null (a 1-D sweep) when its optimizer has no such hyperparameter. */
function parseSecondAxis([nameText, minText, maxText, countText]: string[], optimizerId: string, run: number, reader: PartReader): SweepSecondAxis | null {
  const available = secondAxisFor(optimizerId);
  const name = (['beta1', 'momentum'] as const).find((choice) => choice === nameText);
  if (!name || name !== available) {
    const optimizer = getMethodSpec(optimizerId)?.name ?? optimizerId;
    const offers = available ? `sweeps ${available}` : 'has no second axis to sweep';
    reader.problems.push(`sweep: '${shortened(nameText)}' cannot be swept for run ${run + 1} (${optimizer} ${offers}); a 1-D sweep`);
    return null;
  }
  const defaults = defaultSecondAxis(name);
  const range = SWEEP_SECOND_RANGES[name];
  let min = reader.number(minText, `${name} min`, range, defaults.min);
  let max = reader.number(maxText, `${name} max`, range, defaults.max);
  if (!(min < max)) {
    reader.problems.push(`sweep: ${name} min ${formatNumber(min)} is not below max ${formatNumber(max)}; using ${defaults.min} to ${defaults.max}`);
    [min, max] = [defaults.min, defaults.max];
  }
  const count = reader.number(countText, `${name} count`, SWEEP_SECOND_COUNT_RANGE, defaults.count);
  return { name, min, max, count };
}

function parseSeeds(text: string, experiment: Experiment): FieldRead<SeedsSettings> {
  const reader = new PartReader('seeds');
  const parts = text.split(',');
  if (parts.length !== 2) return reader.notShaped(text, 'run,count');
  if (!experiment.runs.some((_run, index) => runIsStochastic(experiment, index))) {
    return { ok: false, error: 'seeds: the runs have no gradient noise (noise=0) and no method that draws from its seed, so every seed gives the same path' };
  }
  const seeds: SeedsSettings = { run: reader.run(parts[0], experiment), count: reader.number(parts[1], 'count', SEEDS_COUNT_RANGE, DEFAULT_SEEDS.count) };
  return { ok: true, value: seeds, problems: reader.problems };
}

/** The analyses' keys, in the order they are written; each is off (absent) by default. */
export const ANALYSIS_FIELDS: readonly UrlField[] = [
  valueField<BasinSettings>({
    key: 'basin',
    part: 'analyses',
    get: ({ analyses }) => analyses.basin ?? undefined,
    set: (draft, basin) => {
      draft.analyses.basin = basin;
    },
    defaultValue: undefined,
    fallback: 'basin map off',
    format: formatBasin,
    parse: (text, draft) => parseBasin(text, draft.experiment),
    lenient: true,
  }),
  valueField<SweepSettings>({
    key: 'sweep',
    part: 'analyses',
    get: ({ analyses }) => analyses.sweep ?? undefined,
    set: (draft, sweep) => {
      draft.analyses.sweep = sweep;
    },
    defaultValue: undefined,
    fallback: 'sweep off',
    format: formatSweep,
    parse: (text, draft) => parseSweep(text, draft.experiment),
    lenient: true,
  }),
  valueField<SeedsSettings>({
    key: 'seeds',
    part: 'analyses',
    get: ({ analyses }) => analyses.seeds ?? undefined,
    set: (draft, seeds) => {
      draft.analyses.seeds = seeds;
    },
    defaultValue: undefined,
    fallback: 'many seeds off',
    format: (seeds) => `${seeds.run + 1},${seeds.count}`,
    parse: (text, draft) => parseSeeds(text, draft.experiment),
    lenient: true,
  }),
  valueField<EnginePreference>({
    key: 'engine',
    part: 'analyses',
    get: ({ analyses }) => analyses.engine,
    set: (draft, engine) => {
      draft.analyses.engine = engine;
    },
    defaultValue: 'auto',
    fallback: 'choosing the engine by measurement',
    format: (engine) => engine,
    parse(text) {
      const engine = ENGINE_PREFERENCES.find((choice) => choice === text);
      return engine ? { ok: true, value: engine } : { ok: false, error: `engine: '${shortened(text)}' is not js, webgpu or auto` };
    },
    lenient: true,
  }),
];
