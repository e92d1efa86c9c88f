// The basin-of-attraction map as a layer of the contour map: one cell per batch run, coloured by
// the known minimum it reached, the steps it took or its final loss (basin-colours.ts), drawn over
// the surface and under the minima and the trajectories. Cells fill in as partial results arrive:
// a repaint is asked for with every new batch of summaries and done once a frame.
import { select, type Selection } from 'd3';
import type { BasinJob } from '../engine/batch/types';
import type { BasinColorBy } from '../experiment/analysis-settings';
import { basinColouring, paintBasin, type BasinData } from './basin-colours';
import { RasterImage } from './raster-image';
import type { MapScales } from './scales';

/** What the basin layer draws: the job's grid and the summaries that arrived. */
export interface BasinPicture extends BasinData {
  readonly job: Pick<BasinJob, 'domain' | 'columns' | 'rows'>;
  /** Cells whose summary arrived. */
  readonly filled: number;
}

/** The basin map drawn over the contour map, under its minima and trajectories. */
export class BasinLayer {
  private readonly root: Selection<SVGGElement, unknown, null, undefined>;
  private readonly image: RasterImage;
  private scales: MapScales | null = null;
  private picture: BasinPicture | null = null;
  private colorBy: BasinColorBy = 'minimum';
  private frame = 0;

  constructor(parent: SVGGElement) {
    this.root = select(parent).append('g').attr('class', 'basin-layer').attr('display', 'none');
    this.image = new RasterImage(this.root.node()!, 'basin-image');
  }

  /** Follows the view (zoom and pan): the picture stays on the domain it was computed for. */
  setScales(scales: MapScales): void {
    this.scales = scales;
    this.place();
  }

  /** Shows these results (null hides the layer); repainted before the next frame. */
  setPicture(picture: BasinPicture | null, colorBy: BasinColorBy): void {
    const jobChanged = picture?.job !== this.picture?.job;
    this.picture = picture;
    this.colorBy = colorBy;
    this.root.attr('display', picture ? null : 'none');
    if (!picture) {
      cancelAnimationFrame(this.frame);
      this.frame = 0;
      this.image.clear();
      return;
    }
    // a new job's first picture replaces the old one at once, not after it is encoded
    if (jobChanged) this.image.clear();
    this.root
      .attr('data-cells', picture.job.columns * picture.job.rows)
      .attr('data-filled', picture.filled)
      .attr('data-columns', picture.job.columns)
      .attr('data-rows', picture.job.rows)
      .attr('data-color-by', colorBy);
    this.place();
    if (!this.frame) this.frame = requestAnimationFrame(() => this.repaint());
  }

  /** Opacity of the layer, 0..1. */
  setOpacity(opacity: number): void {
    this.root.attr('opacity', opacity);
  }

  private repaint(): void {
    this.frame = 0;
    const picture = this.picture;
    if (!picture) return;
    const colouring = basinColouring(picture, this.colorBy);
    this.image.paint(picture.job.columns, picture.job.rows, (rgba) => paintBasin(colouring, picture.summaries, rgba));
  }

  private place(): void {
    const { scales, picture } = this;
    if (!scales || !picture) return;
    const [[xMin, xMax], [yMin, yMax]] = picture.job.domain;
    const left = scales.x(xMin);
    const top = scales.y(yMax);
    this.image.place(left, top, scales.x(xMax) - left, scales.y(yMin) - top);
  }

  /** Removes everything this layer drew. */
  destroy(): void {
    cancelAnimationFrame(this.frame);
    this.image.destroy();
    this.root.remove();
  }
}
