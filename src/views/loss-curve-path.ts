// One loss curve as SVG path data: every point mapped to pixels, then thinned by M4 (see
// downsample.ts) to what the plot's pixels can show, so a 100,000-step run draws in milliseconds.
import type { ScaleContinuousNumeric } from 'd3';
import { m4Indices } from './downsample';
import { xSeries, type LossChartAxis, type LossCurve, type YMapping } from './loss-series';

/** Farthest a curve's point is drawn outside the plot, in SVG units. */
export const PIXEL_LIMIT = 1e6;

/** The downsampled SVG path of one curve on these scales, and how many points it draws. */
export function lossCurvePath(
  curve: LossCurve,
  axis: LossChartAxis,
  x: ScaleContinuousNumeric<number, number>,
  y: ScaleContinuousNumeric<number, number>,
  mapping: YMapping,
): { d: string; drawn: number } {
  const count = curve.loss.length;
  const pixelX = new Float64Array(count);
  const pixelY = new Float64Array(count);
  // the scales written out as a + b·v (and a + b·log v): a 100,000-point run is mapped in a few
  // milliseconds instead of through a d3 scale call per point
  const [xLow, xHigh] = x.domain();
  const [xLeft, xRight] = x.range();
  const xSlope = (xRight - xLeft) / (xHigh - xLow);
  const xs = xSeries(curve, axis);
  const log = mapping.log;
  const [yLow, yHigh] = y.domain().map((bound) => (log ? Math.log(bound) : bound));
  const [yBottom, yTop] = y.range();
  const ySlope = (yTop - yBottom) / (yHigh - yLow);
  const plot = mapping.plot;
  for (let index = 0; index < count; index++) {
    pixelX[index] = xLeft + ((xs ? xs[index] : index) - xLow) * xSlope;
    const plotted = plot(curve.loss[index]);
    // plotted values are > 0 on a log axis (yMapping sees to it); NaN stays NaN. A diverging run
    // can be 1e40 pixels off the plot, and toFixed writes that as "1e+40", which SVG cannot read:
    // held to ±PIXEL_LIMIT, a segment leaving the plot keeps its visible part to within 0.001 px
    const pixel = yBottom + ((log ? Math.log(plotted) : plotted) - yLow) * ySlope;
    pixelY[index] = pixel > PIXEL_LIMIT ? PIXEL_LIMIT : pixel < -PIXEL_LIMIT ? -PIXEL_LIMIT : pixel;
  }
  const kept = m4Indices(pixelX, pixelY);
  let d = '';
  let penDown = false;
  for (const index of kept) {
    const py = pixelY[index];
    if (!Number.isFinite(py)) {
      penDown = false;
      continue;
    }
    d += `${penDown ? 'L' : 'M'}${pixelX[index].toFixed(1)},${py.toFixed(1)}`;
    penDown = true;
  }
  return { d, drawn: kept.length };
}
