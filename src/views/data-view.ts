import { axisBottom, axisLeft, scaleLinear, select, symbol, symbolCircle, symbolDiamond, symbolTimes, type ScaleLinear, type Selection } from 'd3';
import { ChartFrame } from './chart-frame';
import { classColor, type DataLayout, type Extent } from './data-fit';
import { RasterImage } from './raster-image';
import type { Margin } from './scales';

// The data a data problem fits, drawn in the data's own units: the rows as points (classes by colour
// and, where a prediction is wrong, by shape too), the selected run's decision regions behind them or
// every visible run's fitted curve over them, or digits as 8x8 images with their predicted labels.
// The scene (the rows) is set once per data set; the fit changes every frame while training plays.

/** The rows as the view draws them, in data units; set when the data set changes. */
export interface DataScene {
  readonly layout: DataLayout;
  readonly xTitle: string;
  readonly yTitle: string;
  readonly xExtent: Extent;
  readonly yExtent: Extent;
  /** Each point's x and y (features, or a feature and the target) and target (a class index or a value). */
  readonly x: ArrayLike<number>;
  readonly y: ArrayLike<number>;
  readonly target: ArrayLike<number>;
  /** 1 for a validation row (drawn as a diamond), 0 for a training row (a circle). */
  readonly validation: ArrayLike<number>;
  /** Classes of a classification data set (0: regression). */
  readonly classes: number;
  /** For 'images': each image's 8 × 8 greyscale values (row-major, 0 = white), and the highest value. */
  readonly images?: { readonly pixels: readonly Float64Array[]; readonly maximum: number };
}

/** What the view shows of the selected run (and the others) at the step shown; set every frame. */
export interface DataFit {
  /** The decision regions over the plot: rgba per cell of a columns × rows grid, row 0 at the top. */
  readonly regions: { readonly columns: number; readonly rows: number; readonly paint: (rgba: Uint8ClampedArray) => void } | null;
  /** Fitted curves over the x axis in data units (one feature), or a run's predictions as dots (`dots`: several features). */
  readonly curves: readonly DataCurve[];
  /** The predicted class of each point or image, or null (the points keep their true classes' colours). */
  readonly predicted: ArrayLike<number> | null;
  /** The picture in words, for screen readers ("Decision regions of Adam at step 40, accuracy 0.93"). */
  readonly description: string;
}

/** One run's fit as a line through (x, y), or as a dot at each (x, y). */
export interface DataCurve {
  readonly label: string;
  readonly color: string;
  readonly x: ArrayLike<number>;
  readonly y: ArrayLike<number>;
  readonly selected: boolean;
  readonly dots?: boolean;
}

const defaults = {
  width: 420,
  height: 360,
  /** Called with a click's point in data units, and whether Shift was held. */
  onAdd: undefined as ((x: number, y: number, shift: boolean) => void) | undefined,
};

/** Options of a DataView; any left out take `defaults`. */
export type DataViewOptions = Partial<typeof defaults>;

const MARGIN_REM: Margin = { top: 0.6, right: 0.9, bottom: 2.6, left: 3.6 };
const POINT_AREA = 42;
const IMAGE = { cell: 5, gap: 10, label: 14 } as const;

type Group = Selection<SVGGElement, unknown, null, undefined>;

/** Points (and digit images) with the model's fit drawn over or under them. */
export class DataView {
  private readonly root: Selection<SVGSVGElement, unknown, null, undefined>;
  private readonly frame: ChartFrame;
  private readonly regions: RasterImage;
  private readonly curvesLayer: Group;
  private readonly pointsLayer: Group;
  private readonly imagesLayer: Group;
  private readonly clickArea: Selection<SVGRectElement, unknown, null, undefined>;
  private readonly onAdd: DataViewOptions['onAdd'];
  private scene: DataScene | null = null;
  private fit: DataFit | null = null;
  private x: ScaleLinear<number, number> = scaleLinear();
  private y: ScaleLinear<number, number> = scaleLinear();

  constructor(svg: SVGSVGElement, options: DataViewOptions = {}) {
    const { width, height, onAdd } = { ...defaults, ...options };
    this.onAdd = onAdd;
    this.root = select(svg).classed('data-view', true);
    this.frame = new ChartFrame([this.root], { marginRem: MARGIN_REM, width, height, clip: { idPrefix: 'data-clip' } });
    const regionsGroup = this.root.append('g').attr('class', 'data-regions').attr('clip-path', this.frame.clipPath);
    this.regions = new RasterImage(regionsGroup.node()!, 'data-regions-image');
    this.curvesLayer = this.root.append('g').attr('class', 'data-curves').attr('clip-path', this.frame.clipPath);
    this.pointsLayer = this.root.append('g').attr('class', 'data-points').attr('clip-path', this.frame.clipPath);
    this.imagesLayer = this.root.append('g').attr('class', 'data-images');
    this.clickArea = this.root
      .append('rect')
      .attr('class', 'data-click-area')
      .attr('fill', 'transparent')
      .on('click', (event: MouseEvent) => this.click(event));
    this.frame.layout();
  }

  /** Resizes the view to width × height CSS pixels. */
  setSize(width: number, height: number): void {
    this.frame.setSize(width, height);
    this.renderScene();
    this.renderFit();
  }

  /** Replaces the rows drawn (a new data set, or a point added). */
  setScene(scene: DataScene | null): void {
    this.scene = scene;
    this.renderScene();
    this.renderFit();
  }

  /** Shows the fit at the step shown (every frame while playing). */
  setFit(fit: DataFit | null): void {
    this.fit = fit;
    this.renderFit();
  }

  private click(event: MouseEvent): void {
    const scene = this.scene;
    if (!scene || !this.onAdd) return;
    const node = this.root.node()!;
    const matrix = node.getScreenCTM();
    if (!matrix) return;
    const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
    this.onAdd(this.x.invert(point.x), this.y.invert(point.y), event.shiftKey);
  }

  private renderScene(): void {
    const { frame, scene } = this;
    const images = scene?.layout === 'images';
    this.root.attr('data-layout', scene?.layout ?? null).attr('data-points', scene ? scene.x.length : 0);
    frame.xAxis.attr('display', images ? 'none' : null);
    frame.yAxis.attr('display', images ? 'none' : null);
    if (!scene || images) {
      frame.xTitle.text('');
      frame.yTitle.text('');
      this.pointsLayer.selectAll('*').remove();
      this.clickArea.attr('width', 0).attr('height', 0);
      this.renderImages();
      return;
    }
    this.imagesLayer.selectAll('*').remove();
    this.x = scaleLinear().domain(scene.xExtent).range([frame.left, frame.right]);
    this.y = scaleLinear().domain(scene.yExtent).range([frame.bottom, frame.top]);
    frame.xAxis.call(axisBottom(this.x).ticks(6));
    frame.yAxis.call(axisLeft(this.y).ticks(6));
    frame.xTitle.text(scene.xTitle);
    frame.yTitle.text(scene.yTitle);
    this.regions.place(frame.left, frame.top, frame.plotWidth, frame.plotHeight);
    this.clickArea
      .attr('x', frame.left)
      .attr('y', frame.top)
      .attr('width', frame.plotWidth)
      .attr('height', frame.plotHeight)
      .style('cursor', this.onAdd ? 'crosshair' : 'default');
    const indices = Array.from({ length: scene.x.length }, (_, index) => index);
    this.pointsLayer
      .selectAll<SVGPathElement, number>('path.data-point')
      .data(indices)
      .join('path')
      .attr('class', 'data-point')
      .attr('transform', (index) => `translate(${this.x(scene.x[index]).toFixed(1)},${this.y(scene.y[index]).toFixed(1)})`)
      .attr('data-validation', (index) => scene.validation[index]);
  }

  /** The points' colours and shapes: the true class's colour, or the predicted class's with a ✕ where it is wrong. */
  private renderPoints(): void {
    const scene = this.scene;
    if (!scene || scene.layout === 'images') return;
    const predicted = this.fit?.predicted ?? null;
    const classes = scene.classes > 0;
    const circle = symbol(symbolCircle, POINT_AREA)()!;
    const diamond = symbol(symbolDiamond, POINT_AREA)()!;
    const cross = symbol(symbolTimes, POINT_AREA * 1.3)()!;
    this.pointsLayer
      .selectAll<SVGPathElement, number>('path.data-point')
      .each(function (index) {
        const truth = scene.target[index];
        const guess = predicted === null ? truth : predicted[index];
        const wrong = classes && predicted !== null && guess !== truth;
        const color = classes ? classColor(guess) : '#555';
        this.setAttribute('d', wrong ? cross : scene.validation[index] ? diamond : circle);
        this.setAttribute('fill', wrong ? 'none' : color);
        this.setAttribute('stroke', wrong ? color : '#fff');
        this.setAttribute('stroke-width', wrong ? '2.2' : '1');
        this.setAttribute('data-class', String(truth));
        if (wrong) this.setAttribute('data-wrong', '');
        else this.removeAttribute('data-wrong');
      });
  }

  private renderFit(): void {
    const { fit, frame } = this;
    this.root.attr('aria-label', fit?.description ?? 'Data view');
    if (this.scene?.layout === 'images') {
      this.regions.clear();
      this.curvesLayer.selectAll('*').remove();
      this.renderImageLabels();
      return;
    }
    if (fit?.regions) {
      this.regions.place(frame.left, frame.top, frame.plotWidth, frame.plotHeight);
      this.regions.paint(fit.regions.columns, fit.regions.rows, fit.regions.paint);
    } else this.regions.clear();
    const { x, y } = this;
    this.curvesLayer
      .selectAll<SVGPathElement, DataCurve>('path.data-curve')
      .data(fit?.curves ?? [])
      .join('path')
      .attr('class', 'data-curve')
      .attr('data-label', (curve) => curve.label)
      .attr('fill', 'none')
      .attr('stroke', (curve) => curve.color)
      .attr('stroke-width', (curve) => (curve.dots ? 5 : curve.selected ? 3 : 1.8))
      // a dot is a segment of no length with round caps
      .attr('stroke-linecap', (curve) => (curve.dots ? 'round' : 'butt'))
      .attr('d', (curve) => {
        let d = '';
        for (let index = 0; index < curve.x.length; index++) {
          const py = y(curve.y[index]);
          if (!Number.isFinite(py)) continue;
          // held near the plot: a wild early fit would write numbers SVG cannot read
          const at = `${x(curve.x[index]).toFixed(1)},${Math.max(-1e5, Math.min(1e5, py)).toFixed(1)}`;
          d += curve.dots ? `M${at}h0` : `${d ? 'L' : 'M'}${at}`;
        }
        return d;
      });
    this.renderPoints();
  }

  /** The digits: as many 8 × 8 images as fit the width, each a grid of grey squares. */
  private renderImages(): void {
    const scene = this.scene;
    const images = scene?.layout === 'images' ? (scene.images ?? null) : null;
    this.regions.clear();
    if (!images) {
      this.imagesLayer.selectAll('*').remove();
      return;
    }
    const { frame } = this;
    const size = IMAGE.cell * 8;
    const across = Math.max(1, Math.floor((frame.width - IMAGE.gap) / (size + IMAGE.gap)));
    // as many rows of images as the frame holds
    const down = Math.max(1, Math.floor((frame.height - IMAGE.gap) / (size + IMAGE.label + IMAGE.gap)));
    const placed = images.pixels.slice(0, across * down).map((pixels, index) => ({ pixels, index, column: index % across, row: Math.floor(index / across) }));
    const items = this.imagesLayer
      .selectAll<SVGGElement, (typeof placed)[number]>('g.digit')
      .data(placed)
      .join((enter) => {
        const item = enter.append('g').attr('class', 'digit');
        item.append('g').attr('class', 'digit-pixels');
        item.append('text').attr('class', 'digit-label').attr('text-anchor', 'middle').attr('font-size', 11);
        return item;
      })
      .attr('transform', (item) => `translate(${IMAGE.gap + item.column * (size + IMAGE.gap)},${IMAGE.gap + item.row * (size + IMAGE.label + IMAGE.gap)})`);
    items
      .select<SVGGElement>('g.digit-pixels')
      .selectAll<SVGRectElement, number>('rect')
      .data((item) => Array.from(item.pixels))
      .join('rect')
      .attr('x', (_, index) => (index % 8) * IMAGE.cell)
      .attr('y', (_, index) => Math.floor(index / 8) * IMAGE.cell)
      .attr('width', IMAGE.cell)
      .attr('height', IMAGE.cell)
      .attr('fill', (value) => {
        const grey = Math.round(255 * (1 - Math.max(0, Math.min(1, value / images.maximum))));
        return `rgb(${grey},${grey},${grey})`;
      });
    items
      .select('text.digit-label')
      .attr('x', size / 2)
      .attr('y', size + IMAGE.label - 3);
    this.renderImageLabels();
  }

  /** Each digit's predicted label under it; a wrong one in red with a ✕ (not colour alone). */
  private renderImageLabels(): void {
    const scene = this.scene;
    if (!scene || scene.layout !== 'images') return;
    const predicted = this.fit?.predicted ?? null;
    this.imagesLayer.selectAll<SVGGElement, { index: number }>('g.digit').each(function ({ index }) {
      const truth = scene.target[index];
      const guess = predicted === null ? null : predicted[index];
      const wrong = guess !== null && guess !== truth;
      const label = this.querySelector('text.digit-label');
      if (!label) return;
      label.textContent = guess === null ? '' : wrong ? `✕ ${guess}` : `${guess}`;
      label.setAttribute('fill', wrong ? '#c0392b' : 'currentColor');
      label.setAttribute('font-weight', wrong ? '700' : '400');
      if (wrong) this.setAttribute('data-wrong', '');
      else this.removeAttribute('data-wrong');
    });
  }

  /** Removes everything the view drew. */
  destroy(): void {
    this.clickArea.on('click', null);
    this.regions.destroy();
    this.frame.destroy();
  }
}
