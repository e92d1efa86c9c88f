import { axisBottom, axisLeft, contours, geoPath, geoTransform, interpolateViridis, select, symbol, symbolStar, type Selection } from 'd3';
import type { KnownMinimum } from '../engine/objective';
import type { SurfaceGrid } from '../engine/sample';
import { mapScales, type MapScales, type Margin } from './scales';

const defaults = {
  width: 640,
  height: 520,
  margin: { top: 12, right: 12, bottom: 36, left: 48 } as Margin,
  levels: 28,
};

/** Options of a ContourMap; any left out take `defaults`. */
export type ContourMapOptions = Partial<typeof defaults>;

/**
 * Thresholds spaced evenly in log(f − fMin + δ): a log-scaled colour map that also works for
 * surfaces with negative values. δ keeps the minimum itself a finite log.
 */
export function logThresholds(values: ArrayLike<number>, levels: number): number[] {
  let low = Infinity;
  let high = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (!Number.isFinite(value)) continue;
    if (value < low) low = value;
    if (value > high) high = value;
  }
  if (!(high > low)) return Number.isFinite(low) ? [low] : [];
  const offset = (high - low) * 1e-4;
  const logLow = Math.log(offset);
  const logHigh = Math.log(high - low + offset);
  const thresholds: number[] = [];
  for (let k = 0; k < levels; k++) thresholds.push(low - offset + Math.exp(logLow + ((logHigh - logLow) * k) / levels));
  return thresholds;
}

/** The filled contour map of a surface with contour lines, axes and known minima. */
export class ContourMap {
  private readonly options: typeof defaults;
  private readonly root: Selection<SVGSVGElement, unknown, null, undefined>;
  private readonly fills: Selection<SVGGElement, unknown, null, undefined>;
  private readonly lines: Selection<SVGGElement, unknown, null, undefined>;
  private readonly xAxis: Selection<SVGGElement, unknown, null, undefined>;
  private readonly yAxis: Selection<SVGGElement, unknown, null, undefined>;
  private readonly minimaLayer: Selection<SVGGElement, unknown, null, undefined>;
  /** Where overlays (trajectories) go: above the contours, below nothing. */
  readonly overlay: SVGGElement;
  private currentScales: MapScales | null = null;

  constructor(svg: SVGSVGElement, options: ContourMapOptions = {}) {
    this.options = { ...defaults, ...options };
    const { width, height, margin } = this.options;
    this.root = select(svg).attr('viewBox', `0 0 ${width} ${height}`).classed('contour-map', true);
    const clipId = `map-clip-${Math.random().toString(36).slice(2, 8)}`;
    this.root
      .append('clipPath')
      .attr('id', clipId)
      .append('rect')
      .attr('x', margin.left)
      .attr('y', margin.top)
      .attr('width', width - margin.left - margin.right)
      .attr('height', height - margin.top - margin.bottom);
    const plot = this.root.append('g').attr('clip-path', `url(#${clipId})`);
    this.fills = plot.append('g').attr('class', 'contour-fills');
    this.lines = plot.append('g').attr('class', 'contour-lines');
    this.minimaLayer = plot.append('g').attr('class', 'minima');
    this.overlay = plot.append('g').attr('class', 'overlay').node()!;
    this.xAxis = this.root.append('g').attr('class', 'axis axis-x').attr('transform', `translate(0,${height - margin.bottom})`);
    this.yAxis = this.root.append('g').attr('class', 'axis axis-y').attr('transform', `translate(${margin.left},0)`);
  }

  /** The parameter-space ↔ pixel scales of the grid last drawn. */
  get scales(): MapScales | null {
    return this.currentScales;
  }

  /** Draws a sampled surface and its known minima. */
  setSurface(grid: SurfaceGrid, minima: readonly KnownMinimum[]): MapScales {
    const { width, height, margin, levels } = this.options;
    const scales = mapScales(grid.domain, width, height, margin);
    this.currentScales = scales;
    const thresholds = logThresholds(grid.values, levels);
    // d3.contours treats NaN as -Infinity; +Infinity stays above every threshold, so clamp both.
    const finiteValues = Array.from(grid.values, (value) => (Number.isFinite(value) ? value : Number.MAX_VALUE));
    const bands = contours().size([grid.columns, grid.rows]).thresholds(thresholds)(finiteValues);
    // Grid index (i, j) sits at the corner sample; d3's contour coordinates run 0..columns, so
    // map [0, columns - 1] onto the x range (the half-cell beyond is clipped).
    const [[xMin, xMax], [yMin, yMax]] = grid.domain;
    const xPerCell = (xMax - xMin) / (grid.columns - 1);
    const yPerCell = (yMax - yMin) / (grid.rows - 1);
    const project = geoPath(
      geoTransform({
        point(column, row) {
          this.stream.point(scales.x(xMin + column * xPerCell), scales.y(yMax - row * yPerCell));
        },
      }),
    );
    const colorOf = (index: number) => interpolateViridis(thresholds.length > 1 ? index / (thresholds.length - 1) : 0.5);
    this.fills
      .selectAll('path')
      .data(bands)
      .join('path')
      .attr('d', (band) => project(band))
      .attr('fill', (_band, index) => colorOf(index));
    this.lines
      .selectAll('path')
      .data(bands.slice(1))
      .join('path')
      .attr('d', (band) => project(band))
      .attr('fill', 'none')
      .attr('stroke', 'rgba(255,255,255,0.35)')
      .attr('stroke-width', 0.6);
    this.xAxis.call(axisBottom(scales.x).ticks(Math.round((width - margin.left - margin.right) / 80)));
    this.yAxis.call(axisLeft(scales.y).ticks(Math.round((height - margin.top - margin.bottom) / 60)));
    const star = symbol().type(symbolStar).size(110)();
    this.minimaLayer
      .selectAll('path')
      .data(minima)
      .join('path')
      .attr('class', 'known-minimum')
      .attr('d', star)
      .attr('transform', (minimum) => `translate(${scales.x(minimum.point[0])},${scales.y(minimum.point[1])})`)
      .attr('fill', '#fff')
      .attr('stroke', '#222')
      .attr('stroke-width', 1)
      .append('title')
      .text((minimum) => `known minimum f(${minimum.point[0]}, ${minimum.point[1]}) = ${minimum.value}`);
    return scales;
  }

  /** Removes everything this view drew. */
  destroy(): void {
    this.root.selectAll('*').remove();
  }
}
