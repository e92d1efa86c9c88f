import { useEffect, useMemo, useRef } from 'react';
import type { SweepSecondName } from '../../experiment/analysis-settings';
import { followWidth } from '../../views/follow-width';
import { formatLoss } from '../../views/loss-series';
import { bestIndex, SweepChart, sweepLine } from '../../views/sweep-chart';
import { HEATMAP_DIVERGED_COLOUR, HEATMAP_RAMP, heatmapScale, SweepHeatmap, sweepGrid } from '../../views/sweep-heatmap';
import { currentHyper, SECOND_LABELS } from './analysis-format';
import { useAppStore, useAppStoreApi } from '../use-app-store';

/** The chart's height for a width: flat for the 1-D line, taller for the heatmap. */
function figureHeight(width: number, heatmap: boolean): number {
  return Math.round(Math.min(heatmap ? 380 : 300, Math.max(180, width * (heatmap ? 0.6 : 0.45))));
}

/** What clicking a point or cell picks, and the best of the sweep. */
interface Pick {
  readonly learningRate: number;
  readonly second?: { readonly name: SweepSecondName; readonly value: number };
  readonly loss: number;
}

/**
 * The sweep's results: loss against learning rate (1-D) or a heatmap over learning rate × beta1 or
 * momentum (2-D), the run's current setting marked; a click, or "Use the best", applies a point.
 */
export function SweepFigure() {
  const store = useAppStoreApi();
  const results = useAppStore((state) => (state.sweep.active ? state.sweep.results : null));
  const metric = useAppStore((state) => state.sweep.settings.metric);
  const applySweepPoint = useAppStore((state) => state.applySweepPoint);
  const runIndex = results?.runIndex ?? 0;
  const secondName = results?.job.second?.name ?? null;
  const sweptName = results?.job.parameter ?? 'lr';
  const currentLearningRate = useAppStore((state) => currentHyper(state.experiment.runs[runIndex], sweptName));
  const currentSecond = useAppStore((state) => (secondName ? currentHyper(state.experiment.runs[runIndex], secondName) : NaN));
  const heatmap = secondName !== null;
  const frameRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const view = useRef<SweepChart | SweepHeatmap | null>(null);

  const line = useMemo(() => (results && !heatmap ? sweepLine(results.summaries, results.job, metric) : null), [results, heatmap, metric]);
  const grid = useMemo(() => (results && heatmap ? sweepGrid(results.summaries, results.job, metric) : null), [results, heatmap, metric]);
  const scale = useMemo(() => (grid ? heatmapScale(grid, results?.fStar ?? null) : null), [grid, results]);

  const best = useMemo<Pick | null>(() => {
    const cells = line ?? grid;
    if (!cells) return null;
    const index = bestIndex(cells);
    if (index < 0) return null;
    if (line) return { learningRate: line.learningRates[index], loss: line.loss[index] };
    const columns = grid!.learningRates.length;
    const k = Math.floor(index / columns);
    return { learningRate: grid!.learningRates[index - k * columns], second: { name: grid!.secondName, value: grid!.seconds[k] }, loss: grid!.loss[index] };
  }, [line, grid]);

  // one view for the lifetime of a 1-D or 2-D sweep; clicks apply to the run the results are for
  const hasResults = results !== null;
  useEffect(() => {
    if (!hasResults) return;
    const svg = svgRef.current!;
    const pickRun = () => store.getState().sweep.results?.runIndex ?? 0;
    const created = heatmap
      ? new SweepHeatmap(svg, {
          onPick: (learningRate, second) => {
            const name = store.getState().sweep.results?.job.second?.name;
            if (name) store.getState().applySweepPoint(pickRun(), learningRate, { name, value: second });
          },
        })
      : new SweepChart(svg, { onPick: (learningRate) => store.getState().applySweepPoint(pickRun(), learningRate) });
    view.current = created;
    const stopFollowing = followWidth(frameRef.current!, (width) => created.setSize(width, figureHeight(width, heatmap)));
    return () => {
      stopFollowing();
      created.destroy();
      view.current = null;
    };
  }, [store, heatmap, hasResults]);

  useEffect(() => {
    const current = view.current;
    if (current instanceof SweepChart) {
      current.setParameter(sweptName);
      current.setLine(line, metric, results?.fStar ?? null);
    }
    if (current instanceof SweepHeatmap) current.setGrid(grid, scale, metric);
  }, [line, grid, scale, metric, results, sweptName]);

  useEffect(() => {
    const current = view.current;
    if (current instanceof SweepChart) current.setCurrent(Number.isFinite(currentLearningRate) ? currentLearningRate : null);
    if (current instanceof SweepHeatmap) current.setCurrent(Number.isFinite(currentLearningRate) && Number.isFinite(currentSecond) ? { learningRate: currentLearningRate, second: currentSecond } : null);
  }, [currentLearningRate, currentSecond, line, grid]);

  if (!results) return null;
  const sweptWords = sweptName === 'lr' ? 'learning rate' : sweptName;
  const bestText = best
    ? `${sweptName} ${best.learningRate.toPrecision(3)}${best.second ? `, ${SECOND_LABELS[best.second.name]} ${best.second.value.toPrecision(3)}` : ''} (${metric} loss ${formatLoss(best.loss)})`
    : null;
  return (
    <figure className="batch-figure">
      <figcaption>
        {heatmap ? `${metric === 'best' ? 'Best' : 'Final'} loss over learning rate × ${SECOND_LABELS[secondName]}` : `${metric === 'best' ? 'Best' : 'Final'} loss against ${sweptWords}`}
        <span className="batch-figure-note">{heatmap ? ` · circled: run ${runIndex + 1}’s current setting` : ` · dashed: run ${runIndex + 1}’s current ${sweptWords} · ringed: the best`}</span>
      </figcaption>
      <div ref={frameRef} className="batch-figure-frame">
        <svg
          ref={svgRef}
          role="img"
          aria-label={heatmap ? `Heatmap of ${metric} loss over learning rate and ${secondName}` : `Sweep chart of ${metric} loss against ${sweptWords}`}
          data-testid={heatmap ? 'sweep-heatmap' : 'sweep-chart'}
        />
      </div>
      {heatmap && scale && (
        <div className="batch-ramp-legend" aria-label="Heatmap colours">
          <span>loss − {scale.referenceName}: {formatLoss(10 ** scale.lowLog)}</span>
          <span className="batch-ramp" style={{ background: `linear-gradient(to right, ${HEATMAP_RAMP.join(', ')})` }} />
          <span>{formatLoss(10 ** scale.highLog)} (log)</span>
          <span className="batch-swatch" style={{ background: HEATMAP_DIVERGED_COLOUR }} /> <span>diverged</span>
        </div>
      )}
      <div className="batch-actions">
        <button
          type="button"
          disabled={!best}
          onClick={() => best && applySweepPoint(runIndex, best.learningRate, best.second)}
          aria-label={`Use the best setting for run ${runIndex + 1}`}
          title={bestText ? `Give run ${runIndex + 1} ${bestText}` : 'Nothing computed yet'}
        >
          Use the best
        </button>
        {bestText && <span className="batch-best">best: {bestText}</span>}
      </div>
    </figure>
  );
}
