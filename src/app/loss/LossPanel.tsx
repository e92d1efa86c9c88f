import { useEffect, useId, useMemo, useRef } from 'react';
import { clockResolution } from '../../engine/elapsed';
import { lowestMinimumValue } from '../../engine/known-minima';
import type { LossAxis, LossScale } from '../../store/view-slice';
import { followSize } from '../../views/follow-size';
import { LossChart } from '../../views/loss-chart';
import { AXIS_TITLES, timeNoiseNote, wallTimesAtResolution, type LossCurve } from '../../views/loss-series';
import { legendEntries } from '../../views/run-legend';
import { seedsBandOf } from '../analyses/analysis-format';
import { Segmented } from '../controls/Segmented';
import { visibleRuns } from '../runs/visible-runs';
import { useAppStore, useAppStoreApi } from '../use-app-store';
import '../export/run-legend.css';
import './LossPanel.css';

const SCALE_CHOICES: readonly { value: LossScale; label: string; title: string }[] = [
  { value: 'log', label: 'log', title: 'log f: every decade of progress gets the same height' },
  { value: 'linear', label: 'linear', title: 'f itself' },
  { value: 'gap', label: 'f − f*', title: 'log (f − f*): the distance to the known minimum value f*' },
];

const AXIS_CHOICES: readonly { value: LossAxis; label: string; title: string }[] = [
  { value: 'step', label: 'step', title: 'optimizer steps' },
  { value: 'evaluations', label: 'evaluations', title: 'objective evaluations (f and ∇f together count one)' },
  { value: 'time', label: 'time', title: 'wall-clock milliseconds in the engine' },
];

/** The chart's caption for each x axis (the Export menu titles exported charts with it too). */
export const LOSS_CAPTIONS: Record<LossAxis, string> = {
  step: 'Loss per step',
  evaluations: 'Loss per function evaluation',
  time: 'Loss over wall time',
};

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
  const lossAxis = useAppStore((state) => state.lossAxis);
  const setLossScale = useAppStore((state) => state.setLossScale);
  const setLossAxis = useAppStore((state) => state.setLossAxis);
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
  const curves = useMemo<LossCurve[]>(
    () =>
      visibleRuns(store.getState().experiment.runs, payloads).map(({ label, color, result }) => ({
        label,
        color,
        loss: result.loss,
        evaluations: result.evaluations.function,
        elapsedMs: wallTimesAtResolution(result.elapsedMs, clockTick),
        diverged: result.diverged,
        flag: result.diagnosis?.summary ?? null,
      })),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- curveStyles stands for the runs' names and colours, read from the store
    [store, payloads, curveStyles, clockTick],
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
  useEffect(() => chart.current?.setAxis(lossAxis), [lossAxis]);
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
          <Segmented label="Loss scale" choices={scaleChoices} value={scale} onChange={setLossScale} />
          <Segmented label="Loss x axis" choices={AXIS_CHOICES} value={lossAxis} onChange={setLossAxis} />
        </div>
      </div>
      <div ref={frameRef} className="loss-chart-frame" data-testid="loss-chart-frame">
        <svg
          ref={chartRef}
          role="img"
          aria-label={`Loss against ${AXIS_TITLES[lossAxis]} for every run`}
          aria-describedby={legendText ? legendId : undefined}
          data-testid="loss-chart"
        />
        <p id={legendId} className="visually-hidden">
          {legendText ? `Legend: ${legendText}.` : ''}
        </p>
        {/* the step line, crosshair and tooltip: redrawn every frame, on a layer of their own */}
        <svg ref={overlayRef} aria-hidden="true" data-testid="loss-chart-overlay" />
      </div>
      {timeNote && (
        <p className="loss-note" role="note" data-testid="loss-time-note">
          {timeNote}
        </p>
      )}
    </figure>
  );
}
