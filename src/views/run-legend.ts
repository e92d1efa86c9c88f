// The runs' legend, drawn in SVG so that it travels with every exported picture: each visible run's
// colour (a short stroke like its curve and path), its name and how it ended (final f, or that it
// diverged). The loss chart draws it above its plot; the map's export draws it under the map.
// Entries flow left to right and wrap, like words; the layout is a pure function of the widths.
import type { Selection } from 'd3';
import { textWidth } from './text-width';

/** One run in the legend. */
export interface RunLegendEntry {
  readonly label: string;
  readonly color: string;
  /** How the run ended, as the legend writes it ("f 0.0123", "diverged at step 3"). */
  readonly value: string;
}

/** What the legend needs of a run's result to say how it ended. */
export interface LegendRun {
  readonly label: string;
  readonly color: string;
  readonly loss: ArrayLike<number>;
  readonly diverged: { readonly step: number } | null;
}

/** Spacing in CSS pixels (the text itself is sized in CSS, and so grows with large text). */
export const LEGEND_SPACING = {
  /** Length of the colour stroke. */
  swatch: 18,
  /** Between the stroke and the name, and between the name and the value. */
  inner: 6,
  /** Between two entries on a row. */
  between: 18,
  /** Around the whole legend. */
  padding: 4,
} as const;

/** Row height as a multiple of the text's font size. */
const LINE_HEIGHT = 1.45;

/** A final loss with three significant digits, in exponent form when tiny or huge ("0.0123", "1.23e-7", "4.56e+5"). */
export function formatFinalLoss(value: number): string {
  const magnitude = Math.abs(value);
  if (magnitude !== 0 && (magnitude < 1e-3 || magnitude >= 1e5)) return value.toExponential(2);
  const rounded = Number(value.toPrecision(3));
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

/**
 * How a run ended, for its legend entry: "f 0.0123" after its last step; "f undefined" when f is
 * not defined at its start (the hatched region of the map); "diverged at step k" when it stopped.
 */
export function legendValue(run: Pick<LegendRun, 'loss' | 'diverged'>): string {
  const last = run.loss.length > 0 ? run.loss[run.loss.length - 1] : NaN;
  if (run.diverged && run.diverged.step === 0 && !Number.isFinite(last)) return 'f undefined';
  if (run.diverged) return `diverged at step ${run.diverged.step}`;
  if (!Number.isFinite(last)) return 'f undefined';
  return `f ${formatFinalLoss(last)}`;
}

/** The legend's entries for these runs, in their order. */
export function legendEntries(runs: readonly LegendRun[]): RunLegendEntry[] {
  return runs.map((run) => ({ label: run.label, color: run.color, value: legendValue(run) }));
}

/** Where one entry goes: its row (from 0) and its left edge. */
export interface LegendSlot {
  readonly row: number;
  readonly x: number;
}

/**
 * Flows entries of these widths into rows no wider than `available`, `gap` apart, starting at
 * `left`: an entry that would overflow starts a new row (an entry wider than a row gets a row to itself).
 */
export function flowLegend(widths: readonly number[], available: number, gap: number, left = 0): LegendSlot[] {
  const slots: LegendSlot[] = [];
  let row = 0;
  let x = left;
  for (const width of widths) {
    if (x > left && x + width > left + available) {
      row++;
      x = left;
    }
    slots.push({ row, x });
    x += width + gap;
  }
  return slots;
}

type Group = Selection<SVGGElement, unknown, null, undefined>;

/**
 * Draws the legend into `group` (class "run-legend", styled by CSS) across `width` pixels and
 * returns its height; 0 with no entries. The text's font is read from the group's computed style.
 */
export function drawRunLegend(group: Group, entries: readonly RunLegendEntry[], width: number): number {
  group.classed('run-legend', true);
  const node = group.node();
  if (!node || entries.length === 0) {
    group.selectAll('*').remove();
    return 0;
  }
  const style = getComputedStyle(node);
  const fontSize = parseFloat(style.fontSize) || 12;
  const font = `${style.fontWeight} ${fontSize}px ${style.fontFamily}`;
  const { swatch, inner, between, padding } = LEGEND_SPACING;
  const measured = entries.map((entry) => {
    const name = textWidth(entry.label, font, fontSize);
    return { entry, name, width: swatch + inner + name + inner + textWidth(entry.value, font, fontSize) };
  });
  const slots = flowLegend(
    measured.map((item) => item.width),
    width - 2 * padding,
    between,
    padding,
  );
  const lineHeight = fontSize * LINE_HEIGHT;

  const items = group
    .selectAll<SVGGElement, (typeof measured)[number]>('g.legend-entry')
    .data(measured)
    .join((enter) => {
      const item = enter.append('g').attr('class', 'legend-entry');
      item.append('line').attr('class', 'legend-swatch');
      item.append('text').attr('class', 'legend-name');
      item.append('text').attr('class', 'legend-value');
      return item;
    })
    .attr('data-label', ({ entry }) => entry.label)
    .attr('transform', (_item, index) => `translate(${slots[index].x},${padding + slots[index].row * lineHeight + lineHeight / 2})`);
  items
    .select('line.legend-swatch')
    .attr('x1', 0)
    .attr('x2', swatch)
    .attr('stroke', ({ entry }) => entry.color)
    .attr('stroke-width', 3)
    .attr('stroke-linecap', 'round');
  items
    .select('text.legend-name')
    .attr('x', swatch + inner)
    .attr('dy', '0.35em')
    .text(({ entry }) => entry.label);
  items
    .select('text.legend-value')
    .attr('x', ({ name }) => swatch + inner + name + inner)
    .attr('dy', '0.35em')
    .text(({ entry }) => entry.value);
  const rows = slots[slots.length - 1].row + 1;
  return Math.ceil(2 * padding + rows * lineHeight);
}
