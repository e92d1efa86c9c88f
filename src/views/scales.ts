import { scaleLinear, type ScaleLinear } from 'd3';
import type { Domain } from '../engine/objective';

declare const screenBrand: unique symbol;
/** A position in SVG pixels, distinct from parameter-space coordinates. */
export type ScreenPoint = readonly [number, number] & { readonly [screenBrand]: true };

/** Pixel insets around a plot's drawing area. */
export interface Margin {
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

/** Maps parameter space (x, y) onto the map's pixels; the one place that conversion happens. */
export interface MapScales {
  readonly x: ScaleLinear<number, number>;
  readonly y: ScaleLinear<number, number>;
  readonly domain: Domain;
  toScreen(x: number, y: number): ScreenPoint;
}

/** Scales for a domain drawn in a width × height box inside the margin (y grows upwards). */
export function mapScales(domain: Domain, width: number, height: number, margin: Margin): MapScales {
  const x = scaleLinear().domain(domain[0]).range([margin.left, width - margin.right]);
  const y = scaleLinear().domain(domain[1]).range([height - margin.bottom, margin.top]);
  return { x, y, domain, toScreen: (px, py) => [x(px), y(py)] as unknown as ScreenPoint };
}

/** Okabe-Ito colours: distinguishable with the common colour-vision deficiencies. */
export const RUN_COLORS = ['#E69F00', '#56B4E9', '#009E73', '#CC79A7', '#D55E00', '#0072B2', '#F0E442', '#000000'] as const;

/** The colour of the run at this index. */
export function runColor(index: number): string {
  return RUN_COLORS[index % RUN_COLORS.length];
}
