// How the batch analyses are described on screen: what ran a job and how fast ("WebGPU ·
// SwiftShader (fallback) · 92M run-steps/s"), the time left, and what the map and the loss chart
// draw of the store's results. Pure, so it is tested without a DOM.
import { format } from 'd3';
import type { AnalysisCost } from '../../analyses/analysis-cost';
import type { SeedsMemory } from '../../analyses/seed-points';
import type { AdapterDescription, BatchOutcome, BatchProgress } from '../../engine/batch/types';
import { getMethodSpec } from '../../engine/methods/catalogue';
import type { SweepSecondName } from '../../experiment/analysis-settings';
import type { ExperimentRun, Problem } from '../../experiment/experiment';
import { resolveProblem } from '../../experiment/run-experiment';
import type { AppState } from '../../store/store';
import type { BasinPicture } from '../../views/basin-layer';
import type { LossBand } from '../../views/loss-band';
import type { SeedsPicture } from '../../views/seeds-layer';
import { runLabel } from '../runs/labels';
import { drawnColor } from '../runs/visible-runs';

const FORMAT_RATE = format('.3~s');

/** What a sweep's second axis is called on screen. */
export const SECOND_LABELS = { beta1: 'β1', momentum: 'momentum' } as const satisfies Record<SweepSecondName, string>;
const FORMAT_COUNT = format(',');

/** An adapter as people know it: "SwiftShader (fallback)", "NVIDIA H100 (hopper)". */
export function adapterName(adapter: AdapterDescription): string {
  const words = [adapter.vendor, adapter.architecture, adapter.device, adapter.description].join(' ').toLowerCase();
  const swiftShader = words.includes('swiftshader');
  const base = swiftShader
    ? 'SwiftShader'
    : adapter.description || [capitalised(adapter.vendor), adapter.architecture && `(${adapter.architecture})`].filter(Boolean).join(' ') || 'unnamed adapter';
  return adapter.isFallbackAdapter || swiftShader ? `${base} (fallback)` : base;
}

function capitalised(word: string): string {
  return word ? `${word[0].toUpperCase()}${word.slice(1)}` : '';
}

/** Runs × steps per second, short: "92M run-steps/s". */
export function formatThroughput(runStepsPerSecond: number): string {
  return Number.isFinite(runStepsPerSecond) && runStepsPerSecond > 0 ? `${FORMAT_RATE(runStepsPerSecond)} run-steps/s` : '— run-steps/s';
}

/** Milliseconds as a duration: "850 ms", "1.2 s", "3 min 5 s". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms - minutes * 60_000) / 1000);
  return seconds > 0 ? `${minutes} min ${seconds} s` : `${minutes} min`;
}

/** A rough duration, rounded as an estimate should be: "about 40 s", "about 12 min", "about 81 h", "about 3 days". */
export function formatEstimate(ms: number): string {
  const seconds = ms / 1000;
  if (!Number.isFinite(seconds)) return 'an unknown time';
  if (seconds < 90) return `about ${Math.max(1, Math.round(seconds))} s`;
  if (seconds < 90 * 60) return `about ${Math.round(seconds / 60)} min`;
  if (seconds < 72 * 3600) return `about ${Math.round(seconds / 3600)} h`;
  return `about ${FORMAT_COUNT(Math.round(seconds / 86_400))} days`;
}

/** Why a link's analysis waits: "This basin map would take about 12 min on this machine (512×512 starts × 100,000 steps, 2 workers)." */
export function describeAwaiting(name: string, cost: AnalysisCost): string {
  const workers = `${cost.workers} ${cost.workers === 1 ? 'worker' : 'workers'}`;
  return `This ${name} would take ${formatEstimate(cost.estimatedMs)} on this machine (${cost.runsText} × ${FORMAT_COUNT(cost.steps)} steps, ${workers}).`;
}

/** Bytes for people: "850 B", "48 kB", "3.4 MB" (powers of 1,000, as browsers' task managers show them). */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${Math.round(bytes)} B`;
  if (bytes < 1e4) return `${(bytes / 1e3).toFixed(1)} kB`;
  if (bytes < 1e6) return `${Math.round(bytes / 1e3)} kB`;
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

/** What many seeds keep: "1,000 seeds × 100,000 steps: quartiles at 1,398 evenly spaced steps and each seed’s outcome, 3.4 MB kept; no seed’s whole path is kept." */
export function describeSeedsMemory(count: number, numSteps: number, memory: SeedsMemory): string {
  const where = memory.points === numSteps + 1 ? 'every step' : `${FORMAT_COUNT(memory.points)} evenly spaced steps`;
  return `${FORMAT_COUNT(count)} seeds × ${FORMAT_COUNT(numSteps)} steps: quartiles at ${where} and each seed’s outcome, ${formatBytes(memory.keptBytes)} kept; no seed’s whole path is kept.`;
}

/** What ran a finished job and how fast: engine · adapter or workers · throughput · time. */
export function describeOutcome(outcome: BatchOutcome): string {
  const where =
    outcome.engine === 'webgpu'
      ? ['WebGPU', outcome.adapter ? adapterName(outcome.adapter) : 'unknown adapter']
      : ['TypeScript', `${outcome.workers} ${outcome.workers === 1 ? 'worker' : 'workers'}`];
  return [...where, formatThroughput(outcome.runStepsPerSecond), formatDuration(outcome.elapsedMs)].join(' · ');
}

/** A running job's progress: "1,234 of 16,384 runs · about 3.2 s left". */
export function describeProgress(progress: BatchProgress | null, unit: string): string {
  if (!progress) return 'starting…';
  const done = `${FORMAT_COUNT(progress.done)} of ${FORMAT_COUNT(progress.total)} ${unit}`;
  if (progress.etaMs === null || progress.done >= progress.total) return done;
  return `${done} · about ${formatDuration(progress.etaMs)} left`;
}

/** Percent done, 0..100, whole. */
export function percentDone(progress: BatchProgress | null): number {
  if (!progress || progress.total <= 0) return 0;
  return Math.min(100, Math.floor((100 * progress.done) / progress.total));
}

/** What the basin layer draws, from the store: null while the basin map is off or has no results. */
export function basinPictureOf(state: Pick<AppState, 'basin'>): BasinPicture | null {
  const { active, results } = state.basin;
  if (!active || !results) return null;
  return { job: results.job, summaries: results.summaries, filled: results.filled, minima: results.job.minima, fStar: results.fStar };
}

/** What the seeds layer draws, from the store: the quartiles in the analysed run's colour. */
export function seedsPictureOf(state: { seeds: Pick<AppState['seeds'], 'active' | 'results'>; experiment: AppState['experiment'] }): SeedsPicture | null {
  const { active, results } = state.seeds;
  if (!active || !results) return null;
  const run = state.experiment.runs[results.runIndex];
  return { statistics: results.statistics, color: drawnColor(run, results.runIndex), label: `${runLabel(run, results.runIndex, state.experiment.runs)}: median of ${results.statistics.numSeeds} seeds` };
}

/** The loss chart's band: the median loss and its inter-quartile range over the seeds. */
export function seedsBandOf(state: Parameters<typeof seedsPictureOf>[0]): LossBand | null {
  const picture = seedsPictureOf(state);
  if (!picture) return null;
  const { loss, steps } = picture.statistics;
  return { label: picture.label, color: picture.color, lower: loss.lower, median: loss.median, upper: loss.upper, ...(steps && { steps }) };
}

/** A run's number hyperparameter (the swept one: lr, or e.g. sigma), beta1 or momentum as it runs: its own value, else the method's default (NaN when it has none). */
export function currentHyper(run: ExperimentRun | undefined, name: string): number {
  if (!run) return NaN;
  const spec = getMethodSpec(run.optimizer)?.hyperSpecs.find((candidate) => candidate.name === (name === 'beta1' ? 'betas' : name));
  const value = run.hyper[spec?.name ?? name] ?? spec?.defaultValue;
  if (name === 'beta1') return Array.isArray(value) ? value[0] : NaN;
  return typeof value === 'number' ? value : NaN;
}

/** How many known minima the problem has (none for a typed formula). */
export function knownMinimaCount(problem: Problem): number {
  // a typed formula has none: no need to compile it on the main thread to learn that
  if (problem.kind === 'formula') return 0;
  return resolveProblem(problem).minima.length;
}
