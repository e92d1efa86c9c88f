// The loss chart's readout under the pointer: a crosshair with a ring on each run's point, and a
// tooltip listing every run's loss there, placed beside the pointer on whichever side has room.
import type { Selection } from 'd3';
import { formatCount, formatLoss, formatMilliseconds, nearestIndex, type LossChartAxis, type LossCurve, type YMapping } from './loss-series';

type Group = Selection<SVGGElement, unknown, null, undefined>;

const TOOLTIP_PADDING = 8;
const MAX_LABEL = 28;

/** One line of the tooltip: the header, a run's row (with its colour's swatch), or the click hint. */
export interface ReadoutLine {
  readonly text: string;
  readonly color: string | null;
  readonly kind: 'header' | 'row' | 'hint';
}

/** What the readout shows for one pointer position, in SVG units. */
export interface Readout {
  /** The pointer. */
  readonly at: readonly [number, number];
  /** The crosshair's x and the plot's top and bottom edges it spans. */
  readonly lineX: number;
  readonly top: number;
  readonly bottom: number;
  /** The runs' points to ring (those that can be drawn). */
  readonly rings: readonly { readonly px: number; readonly py: number; readonly color: string }[];
  readonly lines: readonly ReadoutLine[];
  /** The chart's size: the tooltip never leaves it. */
  readonly width: number;
  readonly height: number;
}

/** The crosshair and tooltip layers of a loss chart's overlay. */
export class LossReadout {
  private readonly crosshair: Group;
  private readonly tooltip: Group;

  /** Appends the crosshair and the tooltip (its class `chart-tooltip`) to `overlay`, hidden. */
  constructor(overlay: Selection<SVGSVGElement, unknown, null, undefined>) {
    this.crosshair = overlay.append('g').attr('class', 'crosshair').attr('display', 'none').attr('pointer-events', 'none');
    this.crosshair.append('line').attr('class', 'crosshair-line').attr('stroke', '#888').attr('stroke-dasharray', '3 3');
    this.tooltip = overlay.append('g').attr('class', 'chart-tooltip').attr('display', 'none').attr('pointer-events', 'none');
    this.tooltip.append('rect').attr('class', 'tooltip-box').attr('rx', 4).attr('fill', '#fff').attr('stroke', '#ccc');
  }

  /** Hides the crosshair and the tooltip. */
  hide(): void {
    this.crosshair.attr('display', 'none');
    this.tooltip.attr('display', 'none');
  }

  /** Shows the crosshair and the tooltip for one pointer position. */
  show(readout: Readout): void {
    const { at, lineX, top, bottom, rings, lines, width, height } = readout;
    const [pixelX, pixelY] = at;
    this.crosshair.attr('display', null);
    this.crosshair.select('line.crosshair-line').attr('x1', lineX).attr('x2', lineX).attr('y1', top).attr('y2', bottom);
    this.crosshair
      .selectAll<SVGCircleElement, Readout['rings'][number]>('circle')
      .data(rings)
      .join('circle')
      .attr('r', 4)
      .attr('cx', (ring) => ring.px)
      .attr('cy', (ring) => ring.py)
      .attr('fill', 'none')
      .attr('stroke', (ring) => ring.color)
      .attr('stroke-width', 2);

    this.tooltip.attr('display', null);
    const texts = this.tooltip
      .selectAll<SVGTextElement, ReadoutLine>('text')
      .data(lines)
      .join('text')
      .attr('class', (line) => `tooltip-${line.kind}`)
      .text((line) => line.text);
    // the text size comes from the stylesheet (rem, so it follows "large text"): space lines by it
    const fontSize = parseFloat(getComputedStyle(texts.node()!).fontSize) || 11;
    const lineHeight = Math.round(fontSize * 1.4);
    const swatchSize = Math.round(fontSize * 0.65);
    const indent = swatchSize + 6;
    texts
      .attr('x', (line) => TOOLTIP_PADDING + (line.color ? indent : 0))
      .attr('y', (_line, index) => TOOLTIP_PADDING + index * lineHeight + fontSize * 0.95);
    this.tooltip
      .selectAll<SVGRectElement, ReadoutLine>('rect.swatch')
      .data(lines.filter((line) => line.color))
      .join('rect')
      .attr('class', 'swatch')
      .attr('x', TOOLTIP_PADDING)
      .attr('y', (_line, index) => TOOLTIP_PADDING + (index + 1) * lineHeight + fontSize * 0.95 - swatchSize)
      .attr('width', swatchSize)
      .attr('height', swatchSize)
      .attr('rx', 2)
      .attr('fill', (line) => line.color!);
    let textWidth = 0;
    texts.each(function (line) {
      textWidth = Math.max(textWidth, this.getComputedTextLength() + (line.color ? indent : 0));
    });
    const boxWidth = textWidth + 2 * TOOLTIP_PADDING;
    const boxHeight = lines.length * lineHeight + TOOLTIP_PADDING * 1.5;
    this.tooltip.select('rect.tooltip-box').attr('width', boxWidth).attr('height', boxHeight);
    // beside the pointer, on whichever side has room, never off the chart
    const left = pixelX + 14 + boxWidth <= width - 2 ? pixelX + 14 : Math.max(2, pixelX - 14 - boxWidth);
    const topEdge = Math.max(2, Math.min(height - boxHeight - 2, pixelY - boxHeight / 2));
    this.tooltip.attr('transform', `translate(${left.toFixed(1)},${topEdge.toFixed(1)})`);
  }
}

/** The unit after a count in the tooltip's header. */
const READOUT_UNITS: Readonly<Record<Exclude<LossChartAxis, 'step' | 'time' | 'epoch'>, string>> = {
  examples: 'examples seen',
  evaluations: 'evaluations',
  gradients: 'gradient evaluations',
  hessians: 'Hessian evaluations',
  cost: 'cost',
};

/** The tooltip's header: where the pointer is on the x axis (`value`, already in the axis's units, ≥ 0). */
export function readoutHeader(value: number, axis: LossChartAxis, numSteps: number): string {
  if (axis === 'step') return `step ${formatCount(Math.min(numSteps, Math.round(value)))}`;
  if (axis === 'time') return `${formatMilliseconds(value)} ms`;
  if (axis === 'epoch') return `epoch ${formatLoss(value)}`;
  return `${formatCount(Math.round(value))} ${READOUT_UNITS[axis]}`;
}

/**
 * A run's row of the tooltip: its loss at point `index` (what the curve shows), or where it
 * diverged once past its end; a flagged run's flag follows ("⚠ left the view at step 1").
 */
export function readoutRow(curve: LossCurve, index: number, beyond: boolean, axis: LossChartAxis, mapping: YMapping): string {
  const label = curve.label.length > MAX_LABEL ? `${curve.label.slice(0, MAX_LABEL - 1)}…` : curve.label;
  if (beyond && curve.diverged) return `${label}: ${curve.flag ?? `diverged at step ${curve.diverged.step}`}`;
  // in f − f* mode the tooltip reads what the curve shows
  const name = mapping.gap ? 'f − f* = ' : '';
  const value = mapping.gap ? mapping.plot(curve.loss[index]) : curve.loss[index];
  const where = axis === 'step' ? '' : ` (step ${formatCount(index)})`;
  const flag = curve.flag ? ` ⚠ ${curve.flag}` : '';
  const held = validationAt(curve, index);
  const validation = held === null ? '' : ` · validation ${formatLoss(held)}`;
  return `${label}: ${name}${formatLoss(value)}${validation}${where}${flag}`;
}

/** The validation value nearest point `index` of a curve (computed at sampled points), or null without one. */
export function validationAt(curve: LossCurve, index: number): number | null {
  const series = curve.validation;
  if (!series || series.index.length === 0) return null;
  const nearest = nearestIndex(series.index, index);
  return nearest < 0 ? null : series.value[nearest];
}
