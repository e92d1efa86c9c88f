import { scaleLinear, type ScaleLinear } from 'd3';
import type { Domain } from '../engine/objective';

declare const screenBrand: unique symbol;
declare const parameterBrand: unique symbol;
/** A position in SVG pixels (user units of the view's viewBox), distinct from parameter-space coordinates. */
export type ScreenPoint = readonly [number, number] & { readonly [screenBrand]: true };
/** A point (x, y) of the loss surface's own parameter space, distinct from pixels. */
export type ParameterPoint = readonly [number, number] & { readonly [parameterBrand]: true };

/** Pixel insets around a plot's drawing area. */
export interface Margin {
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

/** The plot's drawing area in SVG pixels. */
export interface PlotBox {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

/** Maps parameter space (x, y) onto the map's pixels and back; the one place that conversion happens. */
export interface MapScales {
  readonly x: ScaleLinear<number, number>;
  readonly y: ScaleLinear<number, number>;
  readonly domain: Domain;
  /** The drawing area the domain fills. */
  readonly box: PlotBox;
  toScreen(x: number, y: number): ScreenPoint;
  toParameter(px: number, py: number): ParameterPoint;
  /** True when the pixel lies inside the drawing area (edges included). */
  contains(px: number, py: number): boolean;
}

/** Brands a pair of numbers as parameter-space coordinates (for values that come from the experiment or the engine). */
export function parameterPoint(x: number, y: number): ParameterPoint {
  return [x, y] as unknown as ParameterPoint;
}

/** Scales for a domain drawn in a width × height box inside the margin (y grows upwards). */
export function mapScales(domain: Domain, width: number, height: number, margin: Margin): MapScales {
  const box: PlotBox = { left: margin.left, right: width - margin.right, top: margin.top, bottom: height - margin.bottom };
  const x = scaleLinear().domain(domain[0]).range([box.left, box.right]);
  const y = scaleLinear().domain(domain[1]).range([box.bottom, box.top]);
  return {
    x,
    y,
    domain,
    box,
    toScreen: (px, py) => [x(px), y(py)] as unknown as ScreenPoint,
    toParameter: (px, py) => [x.invert(px), y.invert(py)] as unknown as ParameterPoint,
    contains: (px, py) => px >= box.left && px <= box.right && py >= box.top && py <= box.bottom,
  };
}

/** The narrowest and widest plot the map draws, as height / width of its drawing area. */
export const PLOT_ASPECT_RANGE = { min: 0.5, max: 1.25 } as const;

/**
 * Height of the drawing area for a domain drawn `plotWidth` pixels wide: one unit of y as long as
 * one unit of x (a round bowl looks round), unless the domain is so wide or tall that the plot
 * would become a strip; then the aspect is clamped to PLOT_ASPECT_RANGE.
 */
export function plotHeightFor(domain: Domain, plotWidth: number): number {
  return Math.round(plotWidth * plotAspect(domain));
}

/** The drawing area's height / width for a domain (see plotHeightFor). */
function plotAspect(domain: Domain): number {
  const ratio = (domain[1][1] - domain[1][0]) / (domain[0][1] - domain[0][0]);
  return Number.isFinite(ratio) ? Math.min(PLOT_ASPECT_RANGE.max, Math.max(PLOT_ASPECT_RANGE.min, ratio)) : 1;
}

/** The narrowest drawing area the map is ever given, in pixels, however small its box. */
export const MIN_PLOT_WIDTH = 120;

/**
 * The widest drawing area whose map (margins included, height from plotHeightFor) fits a box of
 * boxWidth × boxHeight pixels: the whole width, unless the height runs out first. An unbounded
 * height (Infinity) fits by width alone.
 */
export function plotWidthToFit(domain: Domain, boxWidth: number, boxHeight: number, margin: Margin): number {
  const byWidth = boxWidth - margin.left - margin.right;
  // a whole width w with w · aspect ≤ the height left: plotHeightFor's rounded height fits too
  const byHeight = Math.floor((boxHeight - margin.top - margin.bottom) / plotAspect(domain));
  return Math.max(MIN_PLOT_WIDTH, Math.floor(Math.min(byWidth, byHeight)));
}

/** Okabe-Ito colours: distinguishable with the common colour-vision deficiencies. */
export const RUN_COLORS = ['#E69F00', '#56B4E9', '#009E73', '#CC79A7', '#D55E00', '#0072B2', '#F0E442', '#000000'] as const;

/** The colour of the run at this index. */
export function runColor(index: number): string {
  return RUN_COLORS[index % RUN_COLORS.length];
}
