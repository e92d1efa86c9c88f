// Many seeds of one stochastic run, drawn on the map as the median path with an inter-quartile
// band: at every step the box [x₂₅, x₇₅] × [y₂₅, y₇₅], and the band is the union of those boxes (one
// path, so overlapping boxes do not darken). A marker and the step's own box follow playback. Only
// a two-dimensional problem is drawn: x and y are its coordinates 0 and 1.
import { select, type Selection } from 'd3';
import type { SeedStatistics } from '../engine/batch/types';
import type { MapScales } from './scales';
import { pointAtStep } from '../analyses/seed-points';

const defaults = {
  /** Most boxes drawn in the band: long runs are thinned evenly (the last step always kept). */
  maxBoxes: 1500,
  /** Most points of the median path. */
  maxPathPoints: 4000,
};

/** What the seeds layer draws: the quartiles over seeds, in the analysed run's colour. */
export interface SeedsPicture {
  readonly statistics: SeedStatistics;
  readonly color: string;
  readonly label: string;
}

/** Point indices 0..count−1 thinned to at most `limit`, evenly, the last always kept. */
export function thinnedIndices(count: number, limit: number): number[] {
  if (count <= 0) return [];
  const stride = Math.max(1, Math.ceil(count / Math.max(1, limit)));
  const indices: number[] = [];
  for (let index = 0; index < count; index += stride) indices.push(index);
  if (indices[indices.length - 1] !== count - 1) indices.push(count - 1);
  return indices;
}

type Project = Pick<MapScales, 'x' | 'y'>;

/** SVG path data of the inter-quartile boxes at `indices` (skipping non-finite ones), to a tenth of a pixel. */
export function quartileBoxesPath(statistics: Pick<SeedStatistics, 'coordinates'>, indices: readonly number[], scales: Project): string {
  const [x, y] = statistics.coordinates;
  let d = '';
  for (const index of indices) {
    const left = scales.x(x.lower[index]);
    const right = scales.x(x.upper[index]);
    const top = scales.y(y.upper[index]);
    const bottom = scales.y(y.lower[index]);
    if (![left, right, top, bottom].every(Number.isFinite)) continue;
    // at least a pixel wide and tall, so a band that has not spread yet still shows
    const width = Math.max(1, right - left);
    const height = Math.max(1, bottom - top);
    d += `M${left.toFixed(1)},${top.toFixed(1)}h${width.toFixed(1)}v${height.toFixed(1)}h${(-width).toFixed(1)}Z`;
  }
  return d;
}

/** SVG path data of the median path through `indices`, broken where it is not finite. */
export function medianPath(statistics: Pick<SeedStatistics, 'coordinates'>, indices: readonly number[], scales: Project): string {
  const [x, y] = statistics.coordinates;
  let d = '';
  let penDown = false;
  for (const index of indices) {
    const px = scales.x(x.median[index]);
    const py = scales.y(y.median[index]);
    if (!Number.isFinite(px) || !Number.isFinite(py)) {
      penDown = false;
      continue;
    }
    d += `${penDown ? 'L' : 'M'}${px.toFixed(1)},${py.toFixed(1)}`;
    penDown = true;
  }
  return d;
}

/** The median path and inter-quartile band of many seeds, on the map under the trajectories. */
export class SeedsLayer {
  private readonly options: typeof defaults;
  private readonly root: Selection<SVGGElement, unknown, null, undefined>;
  private readonly band: Selection<SVGPathElement, unknown, null, undefined>;
  private readonly casing: Selection<SVGPathElement, unknown, null, undefined>;
  private readonly median: Selection<SVGPathElement, unknown, null, undefined>;
  private readonly stepBox: Selection<SVGRectElement, unknown, null, undefined>;
  private readonly stepMarker: Selection<SVGCircleElement, unknown, null, undefined>;
  private scales: MapScales | null = null;
  private picture: SeedsPicture | null = null;
  private step = Infinity;

  constructor(parent: SVGGElement, options: Partial<typeof defaults> = {}) {
    this.options = { ...defaults, ...options };
    this.root = select(parent).append('g').attr('class', 'seeds-layer').attr('display', 'none').attr('pointer-events', 'none');
    this.band = this.root.append('path').attr('class', 'seeds-band').attr('fill-opacity', 0.28).attr('stroke', 'none');
    this.casing = this.root.append('path').attr('class', 'seeds-median-casing').attr('fill', 'none').attr('stroke-width', 4.5);
    this.median = this.root.append('path').attr('class', 'seeds-median').attr('fill', 'none').attr('stroke-width', 2).attr('stroke-dasharray', '6 3');
    this.stepBox = this.root.append('rect').attr('class', 'seeds-step-box').attr('fill', 'none').attr('stroke-width', 1.2);
    this.stepMarker = this.root.append('circle').attr('class', 'seeds-step-marker').attr('r', 4).attr('stroke', '#111');
  }

  /** Redraws for a new view. */
  setScales(scales: MapScales): void {
    this.scales = scales;
    this.render();
  }

  /** Shows these quartiles (null hides the layer). */
  setSeeds(picture: SeedsPicture | null): void {
    this.picture = picture;
    this.render();
  }

  /** Moves the marker and the step's box to step k (the last step when k is beyond it). */
  setStep(step: number): void {
    this.step = step;
    this.renderStep();
  }

  /** The picture when there is one to draw on the map: the map shows two coordinates. */
  private drawable(): SeedsPicture | null {
    const { picture } = this;
    return picture && picture.statistics.coordinates.length === 2 ? picture : null;
  }

  private render(): void {
    const { scales } = this;
    const picture = this.drawable();
    this.root.attr('display', scales && picture ? null : 'none');
    if (!scales || !picture) return;
    const { statistics, color, label } = picture;
    this.root.attr('data-seeds', statistics.numSeeds).attr('data-points', statistics.numPoints).attr('data-label', label);
    this.band.attr('d', quartileBoxesPath(statistics, thinnedIndices(statistics.numPoints, this.options.maxBoxes), scales)).attr('fill', color);
    const path = medianPath(statistics, thinnedIndices(statistics.numPoints, this.options.maxPathPoints), scales);
    this.casing.attr('d', path);
    this.median.attr('d', path).attr('stroke', color);
    this.stepBox.attr('stroke', color);
    this.stepMarker.attr('fill', color);
    this.renderStep();
  }

  private renderStep(): void {
    const { scales } = this;
    const picture = this.drawable();
    if (!scales || !picture) return;
    const { coordinates, numPoints, steps } = picture.statistics;
    const [x, y] = coordinates;
    const index = pointAtStep(steps, numPoints, this.step);
    const px = scales.x(x.median[index]);
    const py = scales.y(y.median[index]);
    const shown = Number.isFinite(px) && Number.isFinite(py);
    this.stepMarker.attr('display', shown ? null : 'none').attr('cx', px).attr('cy', py).attr('data-step', steps?.[index] ?? index);
    const left = scales.x(x.lower[index]);
    const top = scales.y(y.upper[index]);
    const width = scales.x(x.upper[index]) - left;
    const height = scales.y(y.lower[index]) - top;
    const boxShown = [left, top, width, height].every(Number.isFinite);
    this.stepBox.attr('display', boxShown ? null : 'none');
    if (boxShown) this.stepBox.attr('x', left).attr('y', top).attr('width', Math.max(0, width)).attr('height', Math.max(0, height));
  }

  /** Removes everything this layer drew. */
  destroy(): void {
    this.root.remove();
  }
}
