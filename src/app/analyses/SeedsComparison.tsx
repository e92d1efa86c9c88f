import { useEffect, useMemo, useRef } from 'react';
import { runtimeEcdf, seedsTableRow } from '../../analyses/ecdf';
import { formatLoss } from '../../views/loss-series';
import { EcdfChart, type EcdfLine } from '../../views/ecdf-chart';
import { followWidth } from '../../views/follow-width';
import type { SeedComparison } from '../../store/batch-slice';
import { drawnColor } from '../runs/visible-runs';
import { runLabel } from '../runs/labels';
import { Select } from '../controls/Select';
import { useAppStore } from '../use-app-store';

/** Props of SeedsComparison. */
export interface SeedsComparisonProps {
  readonly comparison: SeedComparison;
  /** The table's target f − f* (one of the comparison's targets). */
  readonly target: number;
  onTarget(target: number): void;
}

/** A count of function evaluations, whole or with the half a median of two can give. */
function formatCost(cost: number): string {
  return Number.isNaN(cost) ? '—' : cost.toLocaleString('en', { maximumFractionDigits: 1 });
}

/**
 * The fair comparison of the runs over the same seeds: per run, the success rate to a target
 * f − f*, the median cost (function evaluations) of the successes and the final loss; then the
 * runtime ECDF over every target, one line per run, as the COCO/BBOB platform draws it.
 */
export function SeedsComparison({ comparison, target, onTarget }: SeedsComparisonProps) {
  const runs = useAppStore((state) => state.experiment.runs);
  const frameRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const chart = useRef<EcdfChart | null>(null);
  const known = comparison.optimum !== null;
  const targetIndex = Math.max(0, comparison.targets.indexOf(target));

  const rows = useMemo(
    () => comparison.runs.map(({ runIndex, outcomes }) => ({ runIndex, label: runLabel(runs[runIndex], runIndex, runs), color: drawnColor(runs[runIndex], runIndex), row: seedsTableRow(outcomes, targetIndex) })),
    [comparison, runs, targetIndex],
  );
  const lines = useMemo<EcdfLine[]>(
    () => comparison.runs.map(({ runIndex, outcomes }) => ({ runIndex, label: runLabel(runs[runIndex], runIndex, runs), color: drawnColor(runs[runIndex], runIndex), ecdf: runtimeEcdf(outcomes) })),
    [comparison, runs],
  );

  useEffect(() => {
    if (!known) return;
    const created = new EcdfChart(svgRef.current!);
    chart.current = created;
    const stopFollowing = followWidth(frameRef.current!, (width) => created.setSize(width, Math.round(Math.min(300, Math.max(200, width * 0.5)))));
    return () => {
      stopFollowing();
      created.destroy();
      chart.current = null;
    };
  }, [known]);
  useEffect(() => chart.current?.setLines(lines), [lines, known]);

  const numSeeds = rows[0]?.row.numSeeds ?? 0;
  return (
    <div className="seeds-comparison">
      {known ? (
        <Select label="Target f − f*" accessibleName="Target f − f* of the results table" value={String(target)} onChange={(value) => onTarget(Number(value))}>
          {comparison.targets.map((option) => (
            <option key={option} value={String(option)}>
              {option.toExponential(0)}
            </option>
          ))}
        </Select>
      ) : (
        <p className="batch-explain" role="note">
          This problem has no known minimum f*, so no target f − f* can be measured: the table shows final losses only, and there is no ECDF.
        </p>
      )}
      <table className="seeds-table" data-testid="seeds-table">
        <caption>
          Results over {numSeeds} seeds{known ? `, target f − f* ≤ ${target.toExponential(0)} (f* = ${formatLoss(comparison.optimum!)})` : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col">Run</th>
            <th scope="col">Success rate</th>
            <th scope="col">Median cost (f evaluations)</th>
            <th scope="col">Final loss, median</th>
            <th scope="col">Final loss, middle half</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ runIndex, label, color, row }) => (
            <tr key={runIndex} data-run={runIndex} data-success-rate={row.successRate} data-median-cost={row.medianCost} data-final-median={row.finalLoss.median}>
              <th scope="row">
                <span className="batch-swatch" style={{ background: color }} /> {label}
              </th>
              <td>{known ? `${Math.round(row.successRate * 100)}% (${row.successes}/${row.numSeeds})` : '—'}</td>
              <td>{known ? formatCost(row.medianCost) : '—'}</td>
              <td>{formatLoss(row.finalLoss.median)}</td>
              <td>
                {formatLoss(row.finalLoss.lower)} to {formatLoss(row.finalLoss.upper)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {known && (
        <figure className="batch-figure">
          <figcaption>
            Runtime ECDF over the targets f − f* = {comparison.targets[0].toExponential(0)} … {comparison.targets[comparison.targets.length - 1].toExponential(0)} and all seeds
            <span className="batch-figure-note"> · ✕: the largest budget used</span>
          </figcaption>
          <div ref={frameRef} className="batch-figure-frame">
            <svg ref={svgRef} role="img" aria-label={`Runtime ECDF of ${lines.length} runs: fraction of (seed, target) pairs reached against function evaluations`} data-testid="ecdf-chart" />
          </div>
          <ul className="ecdf-legend" aria-label="ECDF lines">
            {lines.map((line) => (
              <li key={line.runIndex}>
                <span className="batch-swatch" style={{ background: line.color }} /> {line.label}
              </li>
            ))}
          </ul>
        </figure>
      )}
    </div>
  );
}
