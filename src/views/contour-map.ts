import { axisBottom, axisLeft, contours, select, symbol, symbolStar, type ContourMultiPolygon, type Selection } from 'd3';
import type { Domain, KnownMinimum } from '../engine/objective';
import type { SurfaceGrid } from '../engine/sample';
import { ColourLegend } from './colour-legend';
import { interpolateViridis } from './colour-schemes';
import { polygonPath } from './polygon-path';
import { mapScales, plotHeightFor, plotWidthToFit, type MapScales, type Margin } from './scales';
import { fillUndefined, HATCH_SPACING, hatchPath, undefinedRegion } from './undefined-region';

const defaults = {
  /** The box the map fits in, in CSS pixels, until setSize says otherwise (no limit on the height). */
  width: 640,
  height: Infinity,
  // the right margin holds the colour legend
  margin: { top: 22, right: 78, bottom: 40, left: 56 } as Margin,
  levels: 28,
};

/** Options of a ContourMap; any left out take `defaults`. */
export type ContourMapOptions = Partial<typeof defaults>;

/** Levels the colour map keeps between f* and the lowest 1% of the map, where runs end up. */
const LEVELS_NEAR_MINIMUM = 3;

/**
 * δ for log(f − fMin + δ), chosen per surface: a tiny δ spends the colours near the minimum (good
 * for Rosenbrock's valley floor, useless for Ackley's egg-crate, which then turns one colour), a
 * large one is nearly linear. Take the δ that gives the middle 80% of the map the most levels while
 * still keeping LEVELS_NEAR_MINIMUM levels below the lowest 1%.
 */
export function logOffset(values: ArrayLike<number>, low: number, high: number, levels: number): number {
  const range = high - low;
  const sample: number[] = [];
  const stride = Math.max(1, Math.floor(values.length / 4096));
  for (let i = 0; i < values.length; i += stride) if (Number.isFinite(values[i])) sample.push(values[i] - low);
  sample.sort((a, b) => a - b);
  const quantile = (fraction: number) => sample[Math.min(sample.length - 1, Math.floor(fraction * (sample.length - 1)))];
  const [p01, p10, p90] = [quantile(0.01), quantile(0.1), quantile(0.9)];
  let best = range * 1e-9;
  let bestBulk = -1;
  for (let exponent = -9; exponent <= 0; exponent += 0.25) {
    const offset = range * 10 ** exponent;
    const span = Math.log((range + offset) / offset);
    const nearMinimum = (levels * Math.log((p01 + offset) / offset)) / span;
    const bulk = (levels * Math.log((p90 + offset) / (p10 + offset))) / span;
    if (nearMinimum >= LEVELS_NEAR_MINIMUM && bulk > bestBulk) {
      best = offset;
      bestBulk = bulk;
    }
  }
  return best;
}

/**
 * Thresholds spaced evenly in log(f − fMin + δ): a log-scaled colour map that also works for
 * surfaces with negative values. δ (logOffset) keeps the minimum itself a finite log.
 */
export function logThresholds(values: ArrayLike<number>, levels: number): number[] {
  const range = finiteRange(values);
  if (!range) return [];
  const [low, high] = range;
  if (!(high > low)) return [low];
  const offset = logOffset(values, low, high, levels);
  const logLow = Math.log(offset);
  const logHigh = Math.log(high - low + offset);
  const thresholds: number[] = [];
  for (let k = 0; k < levels; k++) thresholds.push(low - offset + Math.exp(logLow + ((logHigh - logLow) * k) / levels));
  return thresholds;
}

/** The smallest and largest finite values, or null when there is none. */
export function finiteRange(values: ArrayLike<number>): [number, number] | null {
  let low = Infinity;
  let high = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (!Number.isFinite(value)) continue;
    if (value < low) low = value;
    if (value > high) high = value;
  }
  return low <= high ? [low, high] : null;
}

/**
 * Where a point of d3.contours' output lies in parameter space. d3 puts grid sample i at
 * coordinate i + 0.5 (its marching squares work on pixel centres), and the grid's samples sit on
 * the domain's edges and cell corners: sample 0 at xMin, sample columns − 1 at xMax; rows run
 * down from yMax.
 */
export function contourPointToParameter(grid: Pick<SurfaceGrid, 'domain' | 'columns' | 'rows'>, column: number, row: number): [number, number] {
  const [[xMin, xMax], [yMin, yMax]] = grid.domain;
  const xPerCell = (xMax - xMin) / (grid.columns - 1);
  const yPerCell = (yMax - yMin) / (grid.rows - 1);
  return [xMin + (column - 0.5) * xPerCell, yMax - (row - 0.5) * yPerCell];
}

/** The colour of contour band `index` of `count`: viridis, dark purple at the lowest f. */
export function bandColour(index: number, count: number): string {
  return interpolateViridis(count > 1 ? index / (count - 1) : 0.5);
}

/** Longest stretch of contouring between two chances for the page to handle input and draw a frame. */
const SLICE_MS = 6;
/**
 * While the view moves (a pan or a wheel zoom), the stretched picture stands in for the surface:
 * a new one is drawn once the view has been still this long, or when the one shown is this old.
 */
const VIEW_SETTLE_MS = 150;
const REFRESH_WHILE_MOVING_MS = 400;
/** Contour lines: light enough to read on every band of viridis. */
const CONTOUR_LINE_COLOUR = 'rgba(255,255,255,0.35)';
/** What the undefined region's tooltip says. */
const UNDEFINED_REGION_TITLE = 'f is undefined here: not a finite number (NaN or ±∞), as in log or sqrt of a negative number, or a division by zero';

/** Draws d3.contours' output (grid coordinates) as SVG path data over `scales`, to a tenth of a pixel. */
function gridPathProjector(grid: Pick<SurfaceGrid, 'domain' | 'columns' | 'rows'>, scales: Pick<MapScales, 'x' | 'y'>) {
  return (polygon: ContourMultiPolygon) =>
    polygonPath(polygon, (column, row) => {
      const [x, y] = contourPointToParameter(grid, column, row);
      return [scales.x(x), scales.y(y)];
    });
}

/** SVG path data of the region where f is undefined (undefined-region.ts), drawn with `scales`; '' when f is finite everywhere. */
export function undefinedRegionPath(grid: SurfaceGrid, scales: Pick<MapScales, 'x' | 'y'>): string {
  const region = undefinedRegion(grid);
  return region ? (gridPathProjector(grid, scales)(region) ?? '') : '';
}

/**
 * SVG path data of each filled contour band {f ≥ threshold} of a grid, lowest threshold first,
 * one band per iteration so the caller can pause between bands. Coordinates are the grid's domain
 * drawn with `scales`, to a tenth of a pixel.
 */
export function* contourBandPaths(grid: SurfaceGrid, thresholds: readonly number[], scales: Pick<MapScales, 'x' | 'y'>): Generator<string, void, undefined> {
  // d3.contours reads NaN as −∞; an undefined sample takes its nearest finite neighbour's value
  // instead, so the bands run on under the hatched undefined region rather than ending at its edge
  const values = fillUndefined(grid.values, grid.columns, grid.rows);
  const generator = contours().size([grid.columns, grid.rows]);
  const project = gridPathProjector(grid, scales);
  for (const threshold of thresholds) yield project(generator.contour(values as unknown as number[], threshold)) ?? '';
}

/**
 * The filled contour map of a surface with contour lines, axes, known minima and a colour legend.
 * The surface is drawn for the domain it was sampled on; the view (zoom and pan) can move ahead
 * of it, and the drawn picture is stretched to the view at once until the new sample arrives.
 */
export class ContourMap {
  private readonly options: typeof defaults;
  private readonly root: Selection<SVGSVGElement, unknown, null, undefined>;
  private readonly clipRect: Selection<SVGRectElement, unknown, null, undefined>;
  private readonly plotBackground: Selection<SVGRectElement, unknown, null, undefined>;
  private readonly picture: Selection<SVGGElement, unknown, null, undefined>;
  private readonly fills: Selection<SVGGElement, unknown, null, undefined>;
  private readonly undefinedLayer: Selection<SVGGElement, unknown, null, undefined>;
  private readonly undefinedClip: Selection<SVGPathElement, unknown, null, undefined>;
  private readonly undefinedFill: Selection<SVGPathElement, unknown, null, undefined>;
  private readonly undefinedHatch: Selection<SVGPathElement, unknown, null, undefined>;
  private readonly xAxis: Selection<SVGGElement, unknown, null, undefined>;
  private readonly yAxis: Selection<SVGGElement, unknown, null, undefined>;
  private readonly xLabel: Selection<SVGTextElement, unknown, null, undefined>;
  private readonly yLabel: Selection<SVGTextElement, unknown, null, undefined>;
  private readonly frame: Selection<SVGRectElement, unknown, null, undefined>;
  private readonly minimaLayer: Selection<SVGGElement, unknown, null, undefined>;
  private readonly legend: ColourLegend;
  /** Where layers over the surface go that the minima and trajectories stay above (the basin map); clipped to the plot. */
  readonly underlay: SVGGElement;
  /** Where overlays (trajectories, markers) go: above the contours and minima, clipped to the plot. */
  readonly overlay: SVGGElement;
  private viewScales: MapScales | null = null;
  /** The scales the contour picture was drawn with (its own domain, the plot box of that moment). */
  private pictureScales: MapScales | null = null;
  private minima: readonly KnownMinimum[] = [];
  /** The newest surface not drawn yet. */
  private waitingSurface: { grid: SurfaceGrid; minima: readonly KnownMinimum[] } | null = null;
  private drawing = false;
  private sliceTimer: ReturnType<typeof setTimeout> | undefined;
  private settleTimer: ReturnType<typeof setTimeout> | undefined;
  private lastViewChange = -Infinity;
  private lastDrawingStart = -Infinity;
  /** The box the map fits in (setSize) and the surface drawn last, redrawn when that box changes. */
  private box: { width: number; height: number };
  private shownSurface: { grid: SurfaceGrid; minima: readonly KnownMinimum[] } | null = null;
  private yLabelTurned = false;

  constructor(svg: SVGSVGElement, options: ContourMapOptions = {}) {
    this.options = { ...defaults, ...options };
    this.box = { width: this.options.width, height: this.options.height };
    this.root = select(svg).classed('contour-map', true);
    const clipId = `map-clip-${Math.random().toString(36).slice(2, 8)}`;
    this.clipRect = this.root.append('clipPath').attr('id', clipId).append('rect');
    this.plotBackground = this.root.append('rect').attr('class', 'plot-background');
    const plot = this.root.append('g').attr('class', 'plot').attr('clip-path', `url(#${clipId})`);
    // a compositing layer of its own: the bands (thousands of vertices) are rasterized once per
    // surface, not again whenever a path or marker over them moves (each pointer move of a drag),
    // and the stretch during a zoom or pan is done by the compositor
    this.picture = plot.append('g').attr('class', 'contour-picture').style('will-change', 'transform');
    this.fills = this.picture.append('g').attr('class', 'contour-fills');
    // where f is undefined: the plot's background, hatched (cut to the region by a clip path)
    // and outlined; colours from the stylesheet, so it follows the theme and goes into exports
    const undefinedClipId = `undefined-clip-${Math.random().toString(36).slice(2, 8)}`;
    this.undefinedLayer = this.picture.append('g').attr('class', 'undefined-region').attr('display', 'none');
    this.undefinedClip = this.undefinedLayer.append('clipPath').attr('id', undefinedClipId).append('path');
    this.undefinedFill = this.undefinedLayer.append('path').attr('class', 'undefined-fill').attr('vector-effect', 'non-scaling-stroke');
    this.undefinedFill.append('title').text(UNDEFINED_REGION_TITLE);
    this.undefinedHatch = this.undefinedLayer
      .append('path')
      .attr('class', 'undefined-hatch')
      .attr('clip-path', `url(#${undefinedClipId})`)
      .attr('vector-effect', 'non-scaling-stroke')
      .attr('pointer-events', 'none');
    this.underlay = plot.append('g').attr('class', 'underlay').node()!;
    this.minimaLayer = plot.append('g').attr('class', 'minima');
    this.overlay = plot.append('g').attr('class', 'overlay').node()!;
    this.frame = this.root.append('rect').attr('class', 'plot-frame').attr('fill', 'none');
    this.xAxis = this.root.append('g').attr('class', 'axis axis-x');
    this.yAxis = this.root.append('g').attr('class', 'axis axis-y');
    this.xLabel = this.root.append('text').attr('class', 'axis-label').attr('text-anchor', 'middle').text('x');
    this.yLabel = this.root.append('text').attr('class', 'axis-label').attr('text-anchor', 'middle').text('y');
    this.legend = new ColourLegend(this.root.append('g').attr('class', 'legend').node()!);
  }

  /** The parameter-space ↔ pixel scales of the view shown now. */
  get scales(): MapScales | null {
    return this.viewScales;
  }

  /**
   * Shows this domain: axes, minima and trajectories' scales follow at once; the contour picture
   * is stretched from the domain it was sampled on. Cheap: call it on every zoom or pan event.
   */
  setView(domain: Domain): MapScales {
    const { margin } = this.options;
    // one SVG unit per CSS pixel: text and markers keep their size on a phone and on a projector
    const plotWidth = plotWidthToFit(domain, this.box.width, this.box.height, margin);
    const width = margin.left + plotWidth + margin.right;
    const height = margin.top + plotHeightFor(domain, plotWidth) + margin.bottom;
    const scales = mapScales(domain, width, height, margin);
    this.viewScales = scales;
    this.lastViewChange = performance.now();
    const { box } = scales;
    this.root.attr('viewBox', `0 0 ${width} ${height}`);
    for (const rect of [this.clipRect, this.plotBackground, this.frame]) {
      rect.attr('x', box.left).attr('y', box.top).attr('width', box.right - box.left).attr('height', box.bottom - box.top);
    }
    this.xAxis.attr('transform', `translate(0,${box.bottom})`).call(axisBottom(scales.x).ticks(Math.round(plotWidth / 80)));
    this.yAxis.attr('transform', `translate(${box.left},0)`).call(axisLeft(scales.y).ticks(Math.round((box.bottom - box.top) / 60)));
    this.xLabel.attr('x', (box.left + box.right) / 2).attr('y', height - 4);
    this.yLabel
      .attr('x', 14)
      .attr('y', (box.top + box.bottom) / 2)
      .attr('transform', this.yLabelTurned ? `rotate(-90 14 ${(box.top + box.bottom) / 2})` : null);
    this.legend.setPlacement({ x: box.right + 14, top: box.top, bottom: box.bottom });
    this.placePicture();
    this.placeMinima();
    return scales;
  }

  /** Names the axes (x and y until set; α and β on a loss-landscape slice); a y label longer than a letter is turned upright. */
  setAxisLabels(x: string, y: string): void {
    this.xLabel.text(x);
    this.yLabel.text(y);
    this.yLabelTurned = y.length > 1;
    if (this.viewScales) this.setView(this.viewScales.domain);
  }

  /**
   * Fits the map in a box of width × height CSS pixels (height Infinity: fit the width) and
   * returns the scales of the view, resized. The picture shown is stretched to the new size at once
   * and drawn again for it once the size has settled.
   */
  setSize(width: number, height: number): MapScales | null {
    if (width === this.box.width && height === this.box.height) return this.viewScales;
    this.box = { width, height };
    if (!this.viewScales) return null;
    const scales = this.setView(this.viewScales.domain);
    if (this.shownSurface && !this.waitingSurface) this.setSurface(this.shownSurface.grid, this.shownSurface.minima);
    return scales;
  }

  /**
   * Draws a sampled surface (on the domain it was sampled for) and its known minima. Contouring
   * a 161 × 161 grid at 28 levels takes tens of milliseconds, so it runs in slices of a few
   * milliseconds between frames, and the finished picture replaces the old one at once. A
   * surface that arrives while one is being drawn waits for it and replaces any other waiting
   * one, so a slider dragged through many surfaces shows the newest at the rate they can be drawn.
   */
  setSurface(grid: SurfaceGrid, minima: readonly KnownMinimum[]): void {
    this.waitingSurface = { grid, minima };
    this.scheduleDrawing();
  }

  /** Starts drawing the waiting surface now, or when the view has settled (see VIEW_SETTLE_MS). */
  private scheduleDrawing(): void {
    if (this.drawing || this.settleTimer !== undefined || !this.waitingSurface) return;
    const now = performance.now();
    const start = Math.min(this.lastViewChange + VIEW_SETTLE_MS, this.lastDrawingStart + REFRESH_WHILE_MOVING_MS);
    if (now >= start) {
      this.drawWaitingSurface();
      return;
    }
    this.settleTimer = setTimeout(() => {
      this.settleTimer = undefined;
      this.scheduleDrawing();
    }, start - now);
  }

  private drawWaitingSurface(): void {
    const surface = this.waitingSurface;
    this.waitingSurface = null;
    if (!surface) return;
    this.lastDrawingStart = performance.now();
    const { margin, levels } = this.options;
    const view = this.viewScales ?? this.setView(surface.grid.domain);
    const drawn = mapScales(surface.grid.domain, view.box.right + margin.right, view.box.bottom + margin.bottom, margin);
    const thresholds = logThresholds(surface.grid.values, levels);
    const bands = contourBandPaths(surface.grid, thresholds, drawn);
    const paths: string[] = [];
    const undefinedPath = undefinedRegionPath(surface.grid, drawn);
    this.drawing = true;
    const slice = () => {
      this.sliceTimer = undefined;
      const deadline = performance.now() + SLICE_MS;
      for (let band = bands.next(); !band.done; band = bands.next()) {
        paths.push(band.value);
        if (performance.now() > deadline) {
          this.sliceTimer = setTimeout(slice, 0);
          return;
        }
      }
      this.showPicture(paths, thresholds, undefinedPath, surface, drawn);
      this.drawing = false;
      this.scheduleDrawing();
    };
    slice();
  }

  /** Puts a finished contour picture on the page: fills (their outlines are the contour lines), the undefined region, legend, minima. */
  private showPicture(
    paths: readonly string[],
    thresholds: readonly number[],
    undefinedPath: string,
    surface: { grid: SurfaceGrid; minima: readonly KnownMinimum[] },
    drawn: MapScales,
  ): void {
    this.pictureScales = drawn;
    this.shownSurface = surface;
    this.minima = surface.minima;
    const colours = paths.map((_path, index) => bandColour(index, paths.length));
    this.fills
      .selectAll<SVGPathElement, string>('path')
      .data(paths)
      .join('path')
      .attr('d', (path) => path)
      .attr('fill', (_path, index) => colours[index])
      // band k's outline is the contour f = threshold k; band 0's is the grid's edge, not a level
      .attr('stroke', (_path, index) => (index === 0 ? null : CONTOUR_LINE_COLOUR))
      .attr('stroke-width', (_path, index) => (index === 0 ? null : 0.6))
      // lines keep their width while the picture is stretched during a zoom
      .attr('vector-effect', 'non-scaling-stroke');
    this.undefinedLayer.attr('display', undefinedPath ? null : 'none');
    this.undefinedClip.attr('d', undefinedPath);
    this.undefinedFill.attr('d', undefinedPath);
    this.undefinedHatch.attr('d', undefinedPath ? hatchPath(drawn.box, HATCH_SPACING) : '');
    const range = finiteRange(surface.grid.values);
    this.legend.setBands(range && thresholds.length > 0 ? [...thresholds, range[1]] : [], colours, undefinedPath !== '');
    this.placePicture();
    this.placeMinima();
  }

  /** Stretches the contour picture from the domain it was drawn for onto the view. */
  private placePicture(): void {
    const view = this.viewScales;
    const drawn = this.pictureScales;
    if (!view || !drawn) return;
    const [[xMin, xMax], [yMin, yMax]] = drawn.domain;
    const scaleX = (view.x(xMax) - view.x(xMin)) / (drawn.x(xMax) - drawn.x(xMin));
    const scaleY = (view.y(yMax) - view.y(yMin)) / (drawn.y(yMax) - drawn.y(yMin));
    const translateX = view.x(xMin) - scaleX * drawn.x(xMin);
    const translateY = view.y(yMin) - scaleY * drawn.y(yMin);
    const identity = Math.abs(scaleX - 1) < 1e-9 && Math.abs(scaleY - 1) < 1e-9 && Math.abs(translateX) < 1e-6 && Math.abs(translateY) < 1e-6;
    this.picture.attr('transform', identity ? null : `translate(${translateX},${translateY}) scale(${scaleX},${scaleY})`);
  }

  private placeMinima(): void {
    const view = this.viewScales;
    if (!view) return;
    const star = symbol().type(symbolStar).size(130)();
    this.minimaLayer
      .selectAll<SVGPathElement, KnownMinimum>('path')
      .data(this.minima)
      .join((enter) => {
        const path = enter.append('path').attr('class', 'known-minimum').attr('d', star).attr('fill', '#fff').attr('stroke', '#222').attr('stroke-width', 1);
        path.append('title');
        return path;
      })
      .attr('transform', (minimum) => `translate(${view.x(minimum.point[0])},${view.y(minimum.point[1])})`)
      .select('title')
      .text((minimum) => `Known minimum: f(${minimum.point[0]}, ${minimum.point[1]}) = ${minimum.value}`);
  }

  /** Removes everything this view drew. */
  destroy(): void {
    clearTimeout(this.sliceTimer);
    clearTimeout(this.settleTimer);
    this.waitingSurface = null;
    this.legend.destroy();
    this.root.selectAll('*').remove();
  }
}
