import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { clockResolution } from '../../engine/elapsed';
import { lowestMinimumValue } from '../../engine/known-minima';
import { problemDimension } from '../../engine/problems';
import { resolveData, type DataProblem } from '../../engine/problems/data-problem';
import type { ResolvedData } from '../../engine/problems/resolved-data';
import { costSeries, COST_UNITS, DATA_AXES, dataCostOf, describeWeights, type GradientCost } from '../../experiment/cost';
import type { LossAxis, LossScale } from '../../store/view-slice';
import { followSize } from '../../views/follow-size';
import { LossChart } from '../../views/loss-chart';
import { AXIS_TITLES, timeNoiseNote, wallTimesAtResolution, type LossCurve } from '../../views/loss-series';
import { legendEntries } from '../../views/run-legend';
import { seedsBandOf } from '../analyses/analysis-format';
import { NumberField } from '../controls/NumberField';
import { Toggle } from '../controls/Toggle';
import { Segmented } from '../controls/Segmented';
import { Select } from '../controls/Select';
import { budgetedResults } from '../runs/budget';
import { visibleRuns } from '../runs/visible-runs';
import { useAppStore, useAppStoreApi } from '../use-app-store';
import { cachedDataSeries, cutSeries, denseSeries } from './validation-series';
import '../export/run-legend.css';
import './LossPanel.css';

const SCALE_CHOICES: readonly { value: LossScale; label: string; title: string }[] = [
  { value: 'log', label: 'log', title: 'log f: every decade of progress gets the same height' },
  { value: 'linear', label: 'linear', title: 'f itself' },
  { value: 'gap', label: 'f − f*', title: 'log (f − f*): the distance to the known minimum value f*' },
];

const AXIS_CHOICES: readonly { value: LossAxis; label: string }[] = [
  { value: 'step', label: 'step' },
  { value: 'epoch', label: 'epoch' },
  { value: 'examples', label: 'examples seen' },
  { value: 'evaluations', label: 'function evaluations (f)' },
  { value: 'gradients', label: 'gradient evaluations (∇f)' },
  { value: 'hessians', label: 'Hessian evaluations (∇²f)' },
  { value: 'cost', label: 'weighted cost' },
  { value: 'time', label: 'wall time' },
];

const GRADIENT_COST_CHOICES: readonly { value: GradientCost; label: string }[] = [
  { value: 'autodiff', label: '1 (autodiff; ∇²f = n)' },
  { value: 'forward', label: 'n + 1 with f (forward differences; ∇²f = n(n+1)/2)' },
  { value: 'central', label: '2n (central differences; ∇²f = 2n(n−1))' },
];

/** The chart's caption for each x axis (the Export menu titles exported charts with it too). */
export const LOSS_CAPTIONS: Record<LossAxis, string> = {
  step: 'Loss per step',
  epoch: 'Loss per epoch',
  examples: 'Loss per example seen',
  evaluations: 'Loss per function evaluation',
  gradients: 'Loss per gradient evaluation',
  hessians: 'Loss per Hessian evaluation',
  cost: 'Loss per unit of weighted cost',
  time: 'Loss over wall time',
};

/** A budget's first value: the least any visible run spent, to two significant digits (rounded down), so every run is compared at a cost all of them reached. */
function suggestedBudget(curves: readonly Pick<LossCurve, 'loss' | 'cost' | 'elapsedMs'>[], axis: LossAxis): number {
  let least = Infinity;
  for (const curve of curves) {
    const last = curve.loss.length - 1;
    if (last > 0) least = Math.min(least, axis === 'step' ? last : axis === 'time' ? curve.elapsedMs[last] : curve.cost[last]);
  }
  if (!Number.isFinite(least) || least <= 0) return 100;
  const unit = 10 ** (Math.floor(Math.log10(least)) - 1);
  return Math.max(unit, Math.floor(least / unit) * unit);
}

const BUDGET_RANGE = { min: 0, max: Infinity, exclusiveMin: true } as const;

let pageClockResolution: number | null | undefined;

/**
 * The resolution of performance.now() on this page in ms, measured once, when the time axis is
 * first shown. The engine worker that times the runs shares the page's cross-origin isolation, and
 * browsers coarsen the clock alike in both.
 */
function measuredClockResolution(): number | null {
  if (pageClockResolution === undefined) pageClockResolution = clockResolution(() => performance.now());
  return pageClockResolution;
}

/** The resolved data of a data problem (null for other problems, or data that cannot be resolved). */
function resolvedDataOf(problem: unknown): ResolvedData | null {
  if ((problem as { kind?: string }).kind !== 'data') return null;
  try {
    return resolveData(problem as DataProblem);
  } catch {
    return null;
  }
}

/** Loss against step (or evaluations, or time) for every visible run, with its scale and axis switches. */
export function LossPanel() {
  const store = useAppStoreApi();
  const frameRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<SVGSVGElement>(null);
  const overlayRef = useRef<SVGSVGElement>(null);
  const chart = useRef<LossChart | null>(null);
  const payloads = useAppStore((state) => state.runs);
  const experiment = useAppStore((state) => state.experiment);
  const fStar = useAppStore((state) => lowestMinimumValue(state.surface?.minima));
  const lossScale = useAppStore((state) => state.lossScale);
  const chosenAxis = useAppStore((state) => state.lossAxis);
  const problem = useAppStore((state) => state.experiment.problem);
  const data = useMemo(() => resolvedDataOf(problem), [problem]);
  const dataCost = useMemo(() => (data === null ? null : dataCostOf(problem)), [data, problem]);
  // epochs and examples belong to data problems; elsewhere the chart counts steps
  const lossAxis = data === null && DATA_AXES.includes(chosenAxis) ? 'step' : chosenAxis;
  const classes = data?.all.task === 'classification';
  const [accuracyShown, setAccuracyShown] = useState(false);
  const measure = classes && accuracyShown ? 'accuracy' : 'loss';
  const setLossScale = useAppStore((state) => state.setLossScale);
  const setLossAxis = useAppStore((state) => state.setLossAxis);
  const gradientCost = useAppStore((state) => state.gradientCost);
  const setGradientCost = useAppStore((state) => state.setGradientCost);
  const budget = useAppStore((state) => state.budget);
  const setBudget = useAppStore((state) => state.setBudget);
  const dimension = useAppStore((state) => problemDimension(state.experiment.problem));
  const largeText = useAppStore((state) => state.largeText);
  // the many-seeds band: only its results matter here, not the progress of its job
  const seedsActive = useAppStore((state) => state.seeds.active);
  const seedsResults = useAppStore((state) => state.seeds.results);
  const band = useMemo(
    () => (seedsActive && seedsResults ? seedsBandOf({ seeds: { active: true, results: seedsResults }, experiment }) : null),
    [seedsActive, seedsResults, experiment],
  );
  // f − f* needs f*; for a typed formula the chart shows log f instead (and offers no f − f*)
  const scale: LossScale = lossScale === 'gap' && fStar === null ? 'log' : lossScale;

  // the wall clock's tick: the time axis states it, paces runs too short for it, and says which they are
  const clockTick = useMemo(() => (lossAxis === 'time' ? measuredClockResolution() : null), [lossAxis]);

  // what the curves take from the runs besides their results: a drag moves starts, which the chart
  // does not show, and redrawing every curve on each pointer move would only slow the drag down
  const curveStyles = useAppStore((state) =>
    visibleRuns(state.experiment.runs, state.runs)
      .map(({ index, label, color }) => `${index} ${color} ${label}`)
      .join('\n'),
  );
  // every run as the chart counts it: cut at the budget in budget mode, its x values on the chosen measure
  const curves = useMemo<LossCurve[]>(
    () =>
      visibleRuns(store.getState().experiment.runs, budgetedResults(payloads, { lossAxis, gradientCost, budget, data: dataCost })).map(({ index, label, color, result }) => {
        const count = result.loss.length;
        // a data problem's held-out series, from the whole run (kept per result) and cut as the run is
        const whole = payloads?.[index];
        const series = data && whole ? cachedDataSeries(whole, data, measure === 'accuracy') : null;
        const trainAccuracy = measure === 'accuracy' && series?.trainAccuracy ? denseSeries(series.trainAccuracy, whole!.loss.length).subarray(0, count) : null;
        return {
          label,
          color,
          loss: trainAccuracy ?? result.loss,
          cost: costSeries(result, lossAxis === 'step' || lossAxis === 'time' ? 'evaluations' : lossAxis, gradientCost, dataCost),
          elapsedMs: wallTimesAtResolution(result.elapsedMs, clockTick),
          diverged: result.diverged,
          flag: result.diagnosis?.summary ?? null,
          validation: cutSeries((measure === 'accuracy' ? series?.validationAccuracy : series?.validationLoss) ?? null, count),
        };
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- curveStyles stands for the runs' names and colours, read from the store
    [store, payloads, curveStyles, clockTick, lossAxis, gradientCost, budget, data, dataCost, measure],
  );
  // the whole runs' ends on this axis, for the budget's first value
  const fullCurves = useMemo(
    () =>
      budget === null
        ? visibleRuns(store.getState().experiment.runs, payloads).map(({ result }) => ({
            loss: result.loss,
            cost: costSeries(result, lossAxis === 'step' || lossAxis === 'time' ? 'evaluations' : lossAxis, gradientCost, dataCost),
            elapsedMs: result.elapsedMs,
          }))
        : [],
    [store, payloads, lossAxis, gradientCost, budget, dataCost],
  );

  useEffect(() => {
    const lossChart = new LossChart({ chart: chartRef.current!, overlay: overlayRef.current! }, {
      // a click on the chart shows that step everywhere, like the scrubber
      onPickStep: (step) => {
        const state = store.getState();
        if (state.playing) state.pause();
        state.setStep(step);
      },
    });
    chart.current = lossChart;
    lossChart.setStep(store.getState().step);
    // the step changes every frame while playing: straight from the store, no React render
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.step !== previous.step) lossChart.setStep(state.step);
    });
    // one SVG unit per CSS pixel: the chart fills its frame, which the page layout sizes (LossPanel.css)
    const stopFollowing = followSize(frameRef.current!, (width, height) => lossChart.setSize(width, height));
    return () => {
      stopFollowing();
      unsubscribe();
      lossChart.destroy();
      chart.current = null;
    };
  }, [store]);

  const timeNote = lossAxis === 'time' ? timeNoiseNote(curves, clockTick) : null;
  // the legend drawn in the chart, for screen readers (the chart itself is one image to them)
  const legendId = useId();
  const legendText = legendEntries(curves)
    .map((entry) => `${entry.label}: ${entry.value}`)
    .join('; ');

  useEffect(() => chart.current?.setRuns(curves, experiment.steps), [curves, experiment.steps]);
  useEffect(() => chart.current?.setClockResolution(clockTick), [clockTick]);
  useEffect(() => chart.current?.setScale(scale, fStar), [scale, fStar]);
  useEffect(() => chart.current?.setMeasure(measure), [measure]);
  const weights = lossAxis === 'cost' ? `${describeWeights(gradientCost, dimension)}` : null;
  useEffect(() => chart.current?.setAxis(lossAxis, weights), [lossAxis, weights]);
  useEffect(() => chart.current?.setBudget(budget, budget === null ? null : `budget ${budget} ${COST_UNITS[lossAxis]}`), [budget, lossAxis]);
  useEffect(() => chart.current?.setBand(band), [band]);
  // larger text needs wider margins for the tick labels (the width may not change at all)
  useEffect(() => {
    const frame = frameRef.current;
    if (frame && frame.clientWidth > 0 && frame.clientHeight > 0) chart.current?.setSize(frame.clientWidth, frame.clientHeight);
  }, [largeText]);

  const scaleChoices = fStar === null ? SCALE_CHOICES.filter((choice) => choice.value !== 'gap') : SCALE_CHOICES;
  return (
    <figure className="panel loss-panel">
      <div className="loss-panel-header">
        <figcaption>{LOSS_CAPTIONS[lossAxis]}</figcaption>
        <div className="loss-controls">
          {measure === 'loss' && <Segmented label="Loss scale" choices={scaleChoices} value={scale} onChange={setLossScale} />}
          <Select label="x axis" accessibleName="Loss x axis" className="loss-axis-select" value={lossAxis} onChange={(value) => setLossAxis(value as LossAxis)}>
            {AXIS_CHOICES.filter((choice) => data !== null || !DATA_AXES.includes(choice.value)).map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.label}
              </option>
            ))}
          </Select>
          {lossAxis === 'cost' && (
            <Select label="A gradient costs" accessibleName="Gradient cost" value={gradientCost} onChange={(value) => setGradientCost(value as GradientCost)}>
              {GRADIENT_COST_CHOICES.map((choice) => (
                <option key={choice.value} value={choice.value}>
                  {choice.label}
                </option>
              ))}
            </Select>
          )}
          {classes && <Toggle label="Accuracy" description="instead of the loss" checked={accuracyShown} onChange={setAccuracyShown} />}
          <div className="loss-budget">
            <label className="toggle-control" title="Stop every run at the same cost, counted on the x axis">
              <input
                type="checkbox"
                checked={budget !== null}
                onChange={(event) => setBudget(event.target.checked ? suggestedBudget(fullCurves, lossAxis) : null)}
              />
              <span>Budget</span>
            </label>
            {budget !== null && (
              <>
                <NumberField value={budget} range={BUDGET_RANGE} fieldName="budget" label={`Budget in ${COST_UNITS[lossAxis]}`} onCommit={setBudget} />
                <span className="loss-budget-unit" aria-hidden="true">
                  {COST_UNITS[lossAxis]}
                </span>
              </>
            )}
          </div>
        </div>
      </div>
      <div ref={frameRef} className="loss-chart-frame" data-testid="loss-chart-frame">
        <svg
          ref={chartRef}
          role="img"
          aria-label={`${measure === 'accuracy' ? 'Accuracy' : 'Loss'} against ${AXIS_TITLES[lossAxis]} for every run`}
          aria-describedby={legendText ? legendId : undefined}
          data-testid="loss-chart"
        />
        <p id={legendId} className="visually-hidden">
          {legendText ? `Legend: ${legendText}.` : ''}
        </p>
        {/* the step line, crosshair and tooltip: redrawn every frame, on a layer of their own */}
        <svg ref={overlayRef} aria-hidden="true" data-testid="loss-chart-overlay" />
      </div>
      {data !== null && data.validation.rows > 0 && (
        <p className="loss-note" data-testid="loss-validation-note">
          Solid: {measure === 'accuracy' ? 'accuracy on the' : 'loss over all'} {data.train.rows} training rows; dashed: {measure === 'accuracy' ? 'accuracy' : 'loss'} on the{' '}
          {data.validation.rows} validation rows.
        </p>
      )}
      {timeNote && (
        <p className="loss-note" role="note" data-testid="loss-time-note">
          {timeNote}
        </p>
      )}
    </figure>
  );
}
