// The pictures of an exported animation, drawn by the app's own views. The stage builds a contour
// map (with the paths, the methods' state, the basin map and the seeds' band) and a loss chart of
// its own, laid out at the export's logical size off the visible page, where the stylesheet still
// applies. For each frame it moves them to the frame's step, serialises them as the SVG export does
// and draws them onto a canvas through an Image of a blob: URL. The page's own views and playback
// are left alone, and the same experiment gives the same pixels whatever the window's size.
import { lowestMinimumValue } from '../../engine/known-minima';
import { planeAxisNames, problemDimension } from '../../engine/problems';
import { resolveDomain } from '../../experiment/run-experiment';
import { costSeries } from '../../experiment/cost';
import type { AppState } from '../../store/store';
import { BasinLayer } from '../../views/basin-layer';
import { ContourMap } from '../../views/contour-map';
import { LossChart } from '../../views/loss-chart';
import type { LossCurve } from '../../views/loss-series';
import { MethodStateLayer } from '../../views/method-state-layer';
import { SeedsLayer } from '../../views/seeds-layer';
import { TrajectoryLayer } from '../../views/trajectory-layer';
import { basinPictureOf, seedsPictureOf } from '../analyses/analysis-format';
import { mapRuns, methodStateRuns } from '../map/map-runs';
import { visibleRuns } from '../runs/visible-runs';
import type { AnimationLayout, Region } from './animation-layout';
import { backgroundBehind, intrinsicSize, serializeSvg } from './svg-export';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** How long the stage waits for the contour map's first picture (drawn in slices between frames). */
const CONTOURS_TIMEOUT_MS = 20_000;

/** Whether the map can be animated: a two-dimensional problem whose surface has been sampled. */
export function mapAvailable(state: Pick<AppState, 'experiment' | 'surface'>): boolean {
  return problemDimension(state.experiment.problem) === 2 && state.surface !== null;
}

/** The loss chart's curves on the step axis, one per visible run, as the loss panel draws them. */
function stepCurves(state: AppState): LossCurve[] {
  return visibleRuns(state.experiment.runs, state.runs).map(({ label, color, result }) => ({
    label,
    color,
    loss: result.loss,
    cost: costSeries(result, 'evaluations', state.gradientCost),
    elapsedMs: result.elapsedMs,
    diverged: result.diverged,
    flag: result.diagnosis?.summary ?? null,
  }));
}

/** An SVG document as a decoded image, and the size it draws at on its own. */
interface SvgPicture {
  readonly image: HTMLImageElement;
  readonly width: number;
  readonly height: number;
}

/** Decodes SVG text of this size into an image, through a blob: URL (the policy's img-src allows it). */
async function svgPicture(svgText: string, size: { width: number; height: number }): Promise<SvgPicture> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const image = new Image(size.width, size.height);
    image.src = url;
    await image.decode();
    return { image, ...size };
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Draws a picture onto `context` into `region` (logical pixels, times `scale`), kept in proportion and centred. */
function drawPicture(context: CanvasRenderingContext2D, { image, width, height }: SvgPicture, region: Region, scale: number): void {
  const fit = Math.min(region.width / width, region.height / height);
  const x = region.x + (region.width - width * fit) / 2;
  const y = region.y + (region.height - height * fit) / 2;
  // whole pixels: the same picture lands on the same pixels, frame after frame
  context.drawImage(image, Math.round(x * scale), Math.round(y * scale), Math.round(width * fit * scale), Math.round(height * fit * scale));
}

/**
 * Serialises `svg` with every element hidden for which `hidden` is true (elements are visited from
 * the root down; a hidden one's children are skipped), then shows them again.
 */
function serializeWithout(svg: SVGSVGElement, title: string, hidden: (element: Element) => boolean, background: boolean): string {
  const hiddenElements: SVGElement[] = [];
  const visit = (element: Element) => {
    for (const child of element.children) {
      if (!(child instanceof SVGElement)) continue;
      if (hidden(child)) hiddenElements.push(child);
      else visit(child);
    }
  };
  visit(svg);
  const displays = hiddenElements.map((element) => element.style.display);
  for (const element of hiddenElements) element.style.display = 'none';
  try {
    return serializeSvg(svg, title, undefined, { background });
  } finally {
    hiddenElements.forEach((element, index) => (element.style.display = displays[index]));
  }
}

/** The map and the loss chart of one experiment, drawn at any step onto a canvas of the export's size. */
export class AnimationStage {
  private readonly host: HTMLDivElement;
  private readonly background: string;
  private readonly teardown: (() => void)[] = [];
  private map: { svg: SVGSVGElement; overlay: SVGGElement; setStep: (step: number) => void; ready: Promise<void>; picture: SvgPicture | null } | null = null;
  private chart: { chart: SVGSVGElement; overlay: SVGSVGElement; view: LossChart; picture: SvgPicture | null } | null = null;

  constructor(
    private readonly state: AppState,
    private readonly layout: AnimationLayout,
    private readonly title: string,
  ) {
    this.host = document.createElement('div');
    this.host.setAttribute('aria-hidden', 'true');
    this.host.className = 'animation-stage';
    // off the page but laid out (styles computed, text measured); through the CSSOM: the
    // Content-Security-Policy refuses a style attribute set from script
    this.host.style.cssText = 'position:absolute;left:-100000px;top:0;overflow:hidden;pointer-events:none';
    document.body.append(this.host);
    this.background = backgroundBehind(this.host);
    if (layout.map && mapAvailable(state)) this.map = this.buildMap(layout.map);
    if (layout.chart) this.chart = this.buildChart(layout.chart);
  }

  private svg(region: Region): SVGSVGElement {
    const svg = document.createElementNS(SVG_NS, 'svg');
    svg.style.width = `${region.width}px`;
    svg.style.height = `${region.height}px`;
    svg.style.display = 'block';
    this.host.append(svg);
    return svg;
  }

  private buildMap(region: Region) {
    const { state } = this;
    const svg = this.svg(region);
    const map = new ContourMap(svg, { width: region.width, height: region.height });
    const basin = new BasinLayer(map.underlay);
    const seeds = new SeedsLayer(map.overlay);
    // the starts drawn only: no handles to focus in a picture
    const trajectories = new TrajectoryLayer(map.overlay, false);
    const methodState = new MethodStateLayer(map.overlay);
    const scales = map.setView(state.viewDomain ?? resolveDomain(state.experiment.problem));
    for (const layer of [basin, seeds, trajectories, methodState]) layer.setScales(scales);
    map.setAxisLabels(...planeAxisNames(state.experiment.problem));
    trajectories.setRuns(mapRuns(state));
    methodState.setShown(state.methodLayers);
    methodState.setRuns(methodStateRuns(state));
    basin.setPicture(basinPictureOf(state), state.basin.settings.colorBy);
    basin.setOpacity(state.basin.settings.opacity);
    seeds.setSeeds(seedsPictureOf(state));
    this.teardown.push(() => {
      methodState.destroy();
      trajectories.destroy();
      seeds.destroy();
      basin.destroy();
      map.destroy();
    });
    const surface = state.surface!;
    map.setSurface(surface, surface.minima);
    return {
      svg,
      overlay: map.overlay,
      picture: null,
      setStep: (step: number) => {
        trajectories.setStep(step);
        methodState.setStep(step);
        seeds.setStep(step);
      },
      ready: contoursDrawn(svg),
    };
  }

  private buildChart(region: Region) {
    const { state } = this;
    const chart = this.svg(region);
    const overlay = this.svg(region);
    const view = new LossChart({ chart, overlay }, { width: region.width, height: region.height });
    view.setRuns(stepCurves(state), state.experiment.steps);
    const fStar = lowestMinimumValue(state.surface?.minima);
    view.setScale(state.lossScale === 'gap' && fStar === null ? 'log' : state.lossScale, fStar);
    view.setAxis('step');
    this.teardown.push(() => view.destroy());
    return { chart, overlay, view, picture: null };
  }

  /** Resolves once every view has drawn what does not change with the step (the contour picture). */
  async ready(): Promise<void> {
    await this.map?.ready;
  }

  /**
   * Draws the frame of step `step` onto `context`, whose canvas is the export's size. What does not
   * change with the step (the contours, axes and legends; the loss curves) is drawn from a picture
   * decoded once; what does (the paths and the methods' state, the step line) is serialised and
   * decoded again for each frame, over it.
   */
  async drawFrame(context: CanvasRenderingContext2D, step: number): Promise<void> {
    const { layout, title } = this;
    const { canvas } = context;
    context.fillStyle = this.background;
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.imageSmoothingQuality = 'high';
    if (this.map && layout.map) {
      const { svg, overlay } = this.map;
      this.map.setStep(step);
      // the map without its overlay; then the overlay alone, in the plot's clip (clip paths are always kept)
      this.map.picture ??= await svgPicture(serializeWithout(svg, title, (element) => element === overlay, true), intrinsicSize(svg));
      const plot: Element | null = overlay.parentElement;
      const besideOverlay = (element: Element) => {
        const parent: Element | null = element.parentElement;
        return element !== plot && element !== overlay && element.tagName !== 'clipPath' && (parent === svg || parent === plot);
      };
      const moving = serializeWithout(svg, title, besideOverlay, false);
      drawPicture(context, this.map.picture, layout.map, layout.scale);
      drawPicture(context, await svgPicture(moving, intrinsicSize(svg)), layout.map, layout.scale);
    }
    if (this.chart && layout.chart) {
      const { chart, overlay, view } = this.chart;
      view.setStep(step);
      this.chart.picture ??= await svgPicture(serializeSvg(chart, title), intrinsicSize(chart));
      drawPicture(context, this.chart.picture, layout.chart, layout.scale);
      drawPicture(context, await svgPicture(serializeSvg(overlay, title, undefined, { background: false }), intrinsicSize(overlay)), layout.chart, layout.scale);
    }
  }

  /** Removes the views and their host from the page. */
  destroy(): void {
    for (const release of this.teardown) release();
    this.host.remove();
  }
}

/** Resolves once the contour map in `svg` shows its filled bands (ContourMap draws them in slices, then all at once). */
function contoursDrawn(svg: SVGSVGElement): Promise<void> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const check = () => {
      if (svg.querySelector('.contour-fills path')) resolve();
      else if (performance.now() - started > CONTOURS_TIMEOUT_MS) reject(new Error('the contour map was not drawn in time'));
      else setTimeout(check, 20);
    };
    check();
  });
}
