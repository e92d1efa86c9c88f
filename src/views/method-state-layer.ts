// What each method is doing at the step shown, drawn over its path: Nelder-Mead's simplex, a
// population, the search distribution's 1σ and 2σ ellipses, simulated annealing's proposals and
// temperature, a zeroth-order probe pair, a line search's trial points, Newton's model minimiser.
// Read from the run's snapshot at that step (engine/methods/snapshot.ts); scrubbing redraws it.
// A handful of shapes per run, so each step change simply re-joins them.
import { line, select, type Selection } from 'd3';
import type { MethodSnapshot } from '../engine/methods/snapshot';
import { ALL_METHOD_LAYERS, type MethodLayers } from '../store/view-slice';
import type { MapScales } from './scales';
import { ellipseOutline, searchEllipse } from './search-ellipse';
import { shownPointIndex } from './trajectory-layer';

/** What the layer draws for one run. */
export interface MethodStateRun {
  /** Position in the experiment's runs. */
  readonly index: number;
  readonly label: string;
  readonly color: string;
  /** One per trajectory point (null where the method drew nothing); points flattened, `dimension` numbers each, coordinates 0 and 1 drawn. */
  readonly snapshots: readonly (MethodSnapshot | null)[];
  /** Numbers per point in the snapshots (the problem's dimension; 2 on the map). */
  readonly dimension?: number;
}

/** The standard deviations the search ellipses are drawn at. */
const ELLIPSE_SIGMAS = [1, 2] as const;
const defaults = { pointRadius: 3, trialSize: 3.5, crossSize: 3 };

type Group = Selection<SVGGElement, unknown, null, undefined>;

/** Points 0..count−1 of a flattened array, coordinates 0 and 1. */
function pointsOf(values: ArrayLike<number> | undefined, dimension: number): [number, number][] {
  if (!values) return [];
  const points: [number, number][] = [];
  for (let offset = 0; offset + dimension <= values.length; offset += dimension) points.push([values[offset], values[offset + 1]]);
  return points.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
}

/** Each visible run's method state at the current step, over the map's trajectories. */
export class MethodStateLayer {
  private readonly root: Group;
  private scales: MapScales | null = null;
  private runs: readonly MethodStateRun[] = [];
  private step = Infinity;
  private shown: MethodLayers = ALL_METHOD_LAYERS;

  constructor(parent: SVGGElement) {
    this.root = select(parent).append('g').attr('class', 'method-state').attr('aria-hidden', 'true').style('pointer-events', 'none');
  }

  /** Redraws with new parameter-space ↔ pixel scales (a new view). */
  setScales(scales: MapScales): void {
    this.scales = scales;
    this.render();
  }

  /** Replaces the runs drawn (new results, colours or labels). */
  setRuns(runs: readonly MethodStateRun[]): void {
    this.runs = runs;
    this.render();
  }

  /** Shows each run's state at step k (clamped to what each run recorded). */
  setStep(step: number): void {
    this.step = step;
    this.render();
  }

  /** Which kinds of state are drawn. */
  setShown(shown: MethodLayers): void {
    this.shown = shown;
    this.render();
  }

  private render(): void {
    const scales = this.scales;
    if (!scales) return;
    const groups = this.root
      .selectAll<SVGGElement, MethodStateRun>('g.run-state')
      .data(this.runs, (run) => String(run.index))
      .join('g')
      .attr('class', 'run-state')
      .attr('data-index', (run) => run.index)
      .attr('data-label', (run) => run.label);
    for (const element of groups.nodes()) {
      const run = select<SVGGElement, MethodStateRun>(element).datum();
      const shown = shownPointIndex(run.snapshots.length, this.step);
      const snapshot = run.snapshots.length > 0 ? run.snapshots[shown] : null;
      const group = select<SVGGElement, unknown>(element);
      group.attr('data-step', shown);
      this.draw(group, run, snapshot ?? {}, scales);
    }
  }

  private draw(group: Group, run: MethodStateRun, snapshot: MethodSnapshot, scales: MapScales): void {
    const { color } = run;
    const dimension = run.dimension ?? 2;
    const show = this.shown;
    const toScreen = ([x, y]: readonly [number, number] | readonly number[]) => scales.toScreen(x, y) as unknown as [number, number];
    const path = line();

    // the simplex: a closed polygon over its vertices, the best vertex marked
    const simplex = show.simplex ? pointsOf(snapshot.simplex, dimension).map(toScreen) : [];
    group
      .selectAll('path.simplex')
      .data(simplex.length >= 2 ? [simplex] : [])
      .join('path')
      .attr('class', 'simplex')
      .attr('d', (points) => `${path(points)}Z`)
      .attr('fill', color)
      .attr('fill-opacity', 0.12)
      .attr('stroke', color)
      .attr('stroke-width', 1.5)
      .attr('data-vertices', (points) => points.length);

    // the search distribution's 1σ and 2σ ellipses, projected onto the two drawn coordinates
    const distribution = show.ellipse ? snapshot.distribution : undefined;
    const ellipses = distribution
      ? ELLIPSE_SIGMAS.flatMap((k) => {
          const ellipse = searchEllipse(distribution, k);
          return ellipse ? [{ k, points: ellipseOutline(ellipse).map(toScreen) }] : [];
        })
      : [];
    group
      .selectAll('path.search-ellipse')
      .data(ellipses)
      .join('path')
      .attr('class', 'search-ellipse')
      .attr('data-sigma', (ellipse) => ellipse.k)
      .attr('d', (ellipse) => `${path(ellipse.points)}Z`)
      .attr('fill', 'none')
      .attr('stroke', color)
      .attr('stroke-width', (ellipse) => (ellipse.k === 1 ? 1.6 : 1))
      .attr('stroke-dasharray', (ellipse) => (ellipse.k === 1 ? null : '4 3'));

    // the population: small dots in the run's colour
    const population = show.population ? pointsOf(snapshot.population, dimension).map(toScreen) : [];
    group
      .selectAll('circle.population')
      .data(population)
      .join('circle')
      .attr('class', 'population')
      .attr('cx', (point) => point[0])
      .attr('cy', (point) => point[1])
      .attr('r', defaults.pointRadius - 0.5)
      .attr('fill', color)
      .attr('fill-opacity', 0.7)
      .attr('stroke', '#111')
      .attr('stroke-width', 0.5);

    // proposals: accepted filled, rejected hollow and crossed; the temperature beside the first
    const proposalPoints = show.proposals ? pointsOf(snapshot.proposals, dimension) : [];
    const proposals = proposalPoints.map((point, index) => ({ at: toScreen(point), accepted: snapshot.accepted?.[index] === 1 }));
    group
      .selectAll('circle.proposal')
      .data(proposals)
      .join('circle')
      .attr('class', (proposal) => `proposal ${proposal.accepted ? 'accepted' : 'rejected'}`)
      .attr('cx', (proposal) => proposal.at[0])
      .attr('cy', (proposal) => proposal.at[1])
      .attr('r', defaults.pointRadius)
      .attr('fill', (proposal) => (proposal.accepted ? color : 'none'))
      .attr('stroke', color)
      .attr('stroke-width', 1.3);
    const cross = defaults.crossSize;
    group
      .selectAll('path.proposal-cross')
      .data(proposals.filter((proposal) => !proposal.accepted))
      .join('path')
      .attr('class', 'proposal-cross')
      .attr('d', ({ at: [x, y] }) => `M${x - cross},${y - cross}L${x + cross},${y + cross}M${x - cross},${y + cross}L${x + cross},${y - cross}`)
      .attr('stroke', color)
      .attr('stroke-width', 1.2);
    const temperature = show.proposals && snapshot.temperature !== undefined && Number.isFinite(snapshot.temperature) ? [snapshot.temperature] : [];
    const temperatureAt = proposals[0]?.at;
    group
      .selectAll('text.temperature')
      .data(temperature.length > 0 && temperatureAt ? temperature : [])
      .join('text')
      .attr('class', 'temperature')
      .attr('x', temperatureAt ? temperatureAt[0] + 7 : 0)
      .attr('y', temperatureAt ? temperatureAt[1] - 7 : 0)
      .attr('fill', color)
      .attr('font-size', 12)
      .attr('paint-order', 'stroke')
      .attr('stroke', 'rgba(255,255,255,0.85)')
      .attr('stroke-width', 3)
      .text((value) => `T = ${formatTemperature(value)}`);

    // zeroth-order probes: each pair x ± cΔ joined by a segment, which passes through the iterate along Δ
    const probes = show.probes ? pointsOf(snapshot.probes, dimension).map(toScreen) : [];
    const pairs: [number, number][][] = [];
    for (let index = 0; index + 1 < probes.length; index += 2) pairs.push([probes[index], probes[index + 1]]);
    group
      .selectAll('path.probe-direction')
      .data(pairs)
      .join('path')
      .attr('class', 'probe-direction')
      .attr('d', (pair) => path(pair))
      .attr('stroke', color)
      .attr('stroke-width', 1.4)
      .attr('stroke-dasharray', '2 2');
    group
      .selectAll('circle.probe')
      .data(probes)
      .join('circle')
      .attr('class', 'probe')
      .attr('cx', (point) => point[0])
      .attr('cy', (point) => point[1])
      .attr('r', defaults.pointRadius)
      .attr('fill', '#fff')
      .attr('stroke', color)
      .attr('stroke-width', 1.5);

    // a line search's trial points: small squares, in the order tried
    const trials = show.trials ? pointsOf(snapshot.trials, dimension).map(toScreen) : [];
    const size = defaults.trialSize;
    group
      .selectAll('rect.trial')
      .data(trials)
      .join('rect')
      .attr('class', 'trial')
      .attr('data-order', (_point, order) => order)
      .attr('x', (point) => point[0] - size / 2)
      .attr('y', (point) => point[1] - size / 2)
      .attr('width', size)
      .attr('height', size)
      .attr('fill', color)
      .attr('stroke', '#111')
      .attr('stroke-width', 0.6);

    // Newton: where the local quadratic model has its minimum, and the shift μ that made it positive definite
    const minimizer = show.newton ? pointsOf(snapshot.modelMinimizer, dimension).map(toScreen)[0] : undefined;
    group
      .selectAll('path.newton-minimizer')
      .data(minimizer ? [minimizer] : [])
      .join('path')
      .attr('class', 'newton-minimizer')
      .attr('d', ([x, y]) => `M${x - 5},${y}L${x + 5},${y}M${x},${y - 5}L${x},${y + 5}`)
      .attr('stroke', color)
      .attr('stroke-width', 2);
    const shift = minimizer && snapshot.shift !== undefined && snapshot.shift > 0 ? [snapshot.shift] : [];
    group
      .selectAll('text.newton-shift')
      .data(shift)
      .join('text')
      .attr('class', 'newton-shift')
      .attr('x', minimizer ? minimizer[0] + 7 : 0)
      .attr('y', minimizer ? minimizer[1] + 14 : 0)
      .attr('fill', color)
      .attr('font-size', 12)
      .attr('paint-order', 'stroke')
      .attr('stroke', 'rgba(255,255,255,0.85)')
      .attr('stroke-width', 3)
      .text((value) => `shift μ = ${formatTemperature(value)}`);
  }

  /** Removes everything this layer drew. */
  destroy(): void {
    this.root.remove();
  }
}

/** A temperature or shift in three significant digits. */
function formatTemperature(value: number): string {
  return Math.abs(value) >= 1e-3 && Math.abs(value) < 1e4 ? String(Number(value.toPrecision(3))) : value.toExponential(2);
}
