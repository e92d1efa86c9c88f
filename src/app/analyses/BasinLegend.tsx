import { useMemo } from 'react';
import { basinColouring, basinLegend } from '../../views/basin-colours';
import { basinPictureOf } from './analysis-format';
import { useAppStore } from '../use-app-store';
import './AnalysisPanel.css';

const FORMAT_PERCENT = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1 });

/** The basin layer's key under the map: what each colour means and the share of cells that have it. */
export function BasinLegend() {
  const basin = useAppStore((state) => state.basin);
  const legend = useMemo(() => {
    const picture = basinPictureOf({ basin });
    return picture ? basinLegend(picture, basinColouring(picture, basin.settings.colorBy)) : null;
  }, [basin]);
  if (!legend) return null;
  const share = (count: number) => (legend.filled > 0 ? FORMAT_PERCENT.format(count / legend.filled) : '–');
  return (
    <div className="basin-legend" role="group" aria-label="Basin map legend" data-testid="basin-legend">
      <span className="basin-legend-title">
        Basin map (run {(basin.results?.runIndex ?? 0) + 1}): {legend.title}
        {legend.filled < legend.total && ` · ${legend.filled.toLocaleString('en')} of ${legend.total.toLocaleString('en')} cells`}
      </span>
      {legend.ramp && (
        <span className="basin-legend-ramp">
          <span>{legend.ramp.low}</span>
          <span className="batch-ramp" style={{ background: `linear-gradient(to right, ${legend.ramp.colours.join(', ')})` }} />
          <span>{legend.ramp.high}</span>
        </span>
      )}
      <ul>
        {legend.swatches.map((swatch) => (
          <li key={swatch.label}>
            <span className="batch-swatch" style={{ background: swatch.colour }} />
            {swatch.label} <span className="basin-legend-share">{share(swatch.count)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
