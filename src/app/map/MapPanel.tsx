// The map panel binds the store to three imperative views: the contour map, the trajectories on
// it and the pointer/keyboard handling. It subscribes to the store directly rather than through
// React state, because playback changes the step up to 60 times a second and a drag changes the
// experiment on every pointer event: only the views' cheap setters run then, never a React render.
import { Suspense, useEffect, useRef, useState } from 'react';
import type { Domain } from '../../engine/objective';
import { planeAxisNames, problemDimension } from '../../engine/problems';
import { resolveDomain } from '../../experiment/run-experiment';
import { clampRunIndex } from '../../experiment/run-index';
import type { AppState, AppStore } from '../../store/store';
import type { Glyph } from '../../store/inspection-slice';
import type { MethodLayer } from '../../store/view-slice';
import { BasinLayer } from '../../views/basin-layer';
import { ContourMap } from '../../views/contour-map';
import { MapInteraction } from '../../views/map-interaction';
import { MethodStateLayer } from '../../views/method-state-layer';
import { parameterPoint, type ParameterPoint } from '../../views/scales';
import { SeedsLayer } from '../../views/seeds-layer';
import { TrajectoryLayer } from '../../views/trajectory-layer';
import { roundToView, sameDomain, zoomDomain } from '../../views/view-domain';
import { BasinLegend } from '../analyses/BasinLegend';
import { basinPictureOf, seedsPictureOf } from '../analyses/analysis-format';
import { HoverReadout } from './HoverReadout';
import { mapBox } from './map-box';
import type { TeachingLayers } from './teaching-layers';
import { mapRuns, methodStateRuns, runsMovedTogether, withStarts } from './map-runs';
import { runLabel } from '../runs/labels';
import { Toggle } from '../controls/Toggle';
import { DisclosureMenu } from '../controls/DisclosureMenu';
import { lazyComponent } from '../lazy-component';
import { MapViewSwitch } from '../view3d/MapViewSwitch';
import { useAppStore, useAppStoreApi } from '../use-app-store';
import './MapPanel.css';

// the slice of a landscape of more than two dimensions loads when such a problem is first shown
const LandscapeSliceView = lazyComponent(() => import('./LandscapeSliceView'), 'LandscapeSliceView');
// the 3-D view (and three.js) loads when it is first asked for
const Surface3DPanel = lazyComponent(() => import('../view3d/Surface3DPanel'), 'Surface3DPanel');
// the teaching overlays' readouts load when a teacher first turns one on
const TheoryPanel = lazyComponent(() => import('./TheoryPanel'), 'TheoryPanel');
const GlyphLegend = lazyComponent(() => import('./GlyphLegend'), 'GlyphLegend');

/** How much one press of "Zoom in" / "Zoom out" changes the view's width. */
const BUTTON_ZOOM = 1.5;

function homeDomain(state: AppState): Domain {
  return resolveDomain(state.experiment.problem);
}

/** Wires the store to the map's views; returns what the panel's buttons call and a teardown. */
function bindMap(svg: SVGSVGElement, frame: HTMLElement, store: AppStore) {
  const map = new ContourMap(svg);
  // the basin map under the minima, the seeds' band under the trajectories
  const basin = new BasinLayer(map.underlay);
  const seeds = new SeedsLayer(map.overlay);
  const trajectories = new TrajectoryLayer(map.overlay);
  // the methods' own state (simplex, population, ellipses, probes...) over the paths, at the step shown
  const methodState = new MethodStateLayer(map.overlay);
  // the teaching overlays on top (the local model's axes, each run's glyphs), loaded when first turned on
  let teaching: TeachingLayers | null = null;
  let teachingRequested = false;
  let destroyed = false;
  const loadTeaching = (state: AppState) => {
    if (teachingRequested || !(state.theoryOverlay || Object.values(state.glyphs).some(Boolean))) return;
    teachingRequested = true;
    void import('./teaching-layers').then(({ bindTeachingLayers }) => {
      if (!destroyed) teaching = bindTeachingLayers(map.overlay, store, map.scales);
    });
  };
  let view: Domain = store.getState().viewDomain ?? homeDomain(store.getState());
  let viewFrame = 0;
  let dragged: { indices: number[]; runIndex: number; live: boolean } | null = null;

  const showView = (domain: Domain) => {
    view = domain;
    const scales = map.setView(domain);
    basin.setScales(scales);
    seeds.setScales(scales);
    trajectories.setScales(scales);
    methodState.setScales(scales);
    teaching?.setScales(scales);
  };
  // the view is shown at once; the store (and with it the surface re-sample and the URL) follows once a frame
  const moveView = (domain: Domain) => {
    showView(domain);
    if (viewFrame) return;
    viewFrame = requestAnimationFrame(() => {
      viewFrame = 0;
      const state = store.getState();
      const next = sameDomain(view, homeDomain(state)) ? null : view;
      if (!sameDomain(state.viewDomain, next)) state.setViewDomain(next);
    });
  };
  const resetView = () => {
    cancelAnimationFrame(viewFrame);
    viewFrame = 0;
    store.getState().setViewDomain(null);
    showView(homeDomain(store.getState()));
  };
  const viewWidth = () => view[0][1] - view[0][0];
  const rounded = (point: ParameterPoint): [number, number] => [roundToView(point[0], viewWidth()), roundToView(point[1], viewWidth())];

  const interaction = new MapInteraction(svg, {
    getScales: () => map.scales,
    getHomeDomain: () => homeDomain(store.getState()),
    onView: moveView,
    onResetView: resetView,
    onStartDragBegin: (runIndex, alone) => {
      dragged = { indices: runsMovedTogether(store.getState(), runIndex, alone), runIndex, live: false };
      trajectories.setMoving(dragged.indices);
    },
    onStartDrag: (point) => {
      if (!dragged) return;
      const state = store.getState();
      // live only once the pointer moves: a press without a move recomputes nothing
      if (!dragged.live) {
        dragged.live = true;
        state.setLive(true);
      }
      const start = rounded(point);
      if (dragged.indices.length === 1 || state.linkStarts) state.setRunStart(dragged.runIndex, start);
      else state.setExperiment({ ...state.experiment, runs: withStarts(state.experiment.runs, dragged.indices, start) });
    },
    onStartDragEnd: () => {
      if (dragged?.live) store.getState().setLive(false);
      dragged = null;
      trajectories.setMoving([]);
    },
    onNudge: (runIndex, dx, dy) => {
      const state = store.getState();
      const run = state.experiment.runs[runIndex];
      if (!run) return;
      state.setRunStart(runIndex, rounded(parameterPoint(run.start[0] + dx, run.start[1] + dy)));
    },
    onBackgroundClick: (point) => {
      const state = store.getState();
      state.setRunStart(clampRunIndex(state.selectedRun, state.experiment.runs.length), rounded(point));
    },
    onHover: (point) => store.getState().requestHover(point ? { x: point[0], y: point[1] } : null),
  });

  // the map takes one SVG unit per CSS pixel of its box: refit when the box changes (window,
  // sidebar, large text, the Analysis panel opening); a hidden map (n dimensions) keeps its size
  const fit = () => {
    const [width, height] = mapBox(frame, svg);
    if (width <= 0 || height <= 0) return;
    map.setSize(width, height);
    showView(view);
  };
  const resizeObserver = new ResizeObserver(fit);
  resizeObserver.observe(frame);
  window.addEventListener('resize', fit);

  const initial = store.getState();
  fit();
  showView(view);
  if (initial.surface) map.setSurface(initial.surface, initial.surface.minima);
  map.setAxisLabels(...planeAxisNames(initial.experiment.problem));
  trajectories.setRuns(mapRuns(initial));
  trajectories.setStep(initial.step);
  methodState.setShown(initial.methodLayers);
  methodState.setRuns(methodStateRuns(initial));
  methodState.setStep(initial.step);
  basin.setPicture(basinPictureOf(initial), initial.basin.settings.colorBy);
  basin.setOpacity(initial.basin.settings.opacity);
  seeds.setSeeds(seedsPictureOf(initial));
  seeds.setStep(initial.step);
  loadTeaching(initial);

  const unsubscribe = store.subscribe((state, previous) => {
    if (state.viewDomain !== previous.viewDomain || state.experiment.problem !== previous.experiment.problem) {
      const wanted = state.viewDomain ?? homeDomain(state);
      // our own once-a-frame write comes back here as the view already shown, and is skipped
      if (!sameDomain(wanted, view)) showView(wanted);
    }
    if (state.surface !== previous.surface && state.surface) map.setSurface(state.surface, state.surface.minima);
    if (state.experiment.problem !== previous.experiment.problem) map.setAxisLabels(...planeAxisNames(state.experiment.problem));
    const budgetChanged = state.budget !== previous.budget || (state.budget !== null && (state.lossAxis !== previous.lossAxis || state.gradientCost !== previous.gradientCost));
    if (state.runs !== previous.runs || state.experiment.runs !== previous.experiment.runs || budgetChanged) {
      trajectories.setRuns(mapRuns(state));
      methodState.setRuns(methodStateRuns(state));
    }
    if (state.methodLayers !== previous.methodLayers) methodState.setShown(state.methodLayers);
    if (state.step !== previous.step) {
      trajectories.setStep(state.step);
      methodState.setStep(state.step);
      seeds.setStep(state.step);
    }
    if (state.basin !== previous.basin) {
      if (state.basin.results !== previous.basin.results || state.basin.active !== previous.basin.active || state.basin.settings.colorBy !== previous.basin.settings.colorBy) {
        basin.setPicture(basinPictureOf(state), state.basin.settings.colorBy);
      }
      basin.setOpacity(state.basin.settings.opacity);
    }
    if (state.seeds !== previous.seeds || state.experiment.runs !== previous.experiment.runs) seeds.setSeeds(seedsPictureOf(state));
    if (state.glyphs !== previous.glyphs || state.theoryOverlay !== previous.theoryOverlay) loadTeaching(state);
  });

  return {
    zoomBy(factor: number) {
      const [[xMin, xMax], [yMin, yMax]] = view;
      moveView(zoomDomain(view, parameterPoint((xMin + xMax) / 2, (yMin + yMax) / 2), factor));
    },
    resetView,
    destroy() {
      unsubscribe();
      resizeObserver.disconnect();
      window.removeEventListener('resize', fit);
      cancelAnimationFrame(viewFrame);
      if (dragged?.live) store.getState().setLive(false);
      interaction.destroy();
      destroyed = true;
      teaching?.destroy();
      methodState.destroy();
      trajectories.destroy();
      seeds.destroy();
      basin.destroy();
      map.destroy();
    },
  };
}

/** The method-state drawings the Layers menu switches, with their names. */
const METHOD_LAYER_TOGGLES: readonly { layer: MethodLayer; label: string }[] = [
  { layer: 'simplex', label: 'Show simplex' },
  { layer: 'population', label: 'Show population' },
  { layer: 'ellipse', label: 'Show search ellipse' },
  { layer: 'proposals', label: 'Show proposals' },
  { layer: 'probes', label: 'Show probes' },
  { layer: 'trials', label: 'Show line-search trials' },
  { layer: 'newton', label: 'Show Newton model' },
];

/**
 * The map's Layers menu: each kind of method state on or off. Shown once a visible run's method
 * draws any (first-order methods draw none, and their map stays as it was).
 */
function LayersMenu() {
  // read every frame while playing: a plain scan, no labels or cuts
  const drawsState = useAppStore(
    (state) => problemDimension(state.experiment.problem) === 2 && (state.runs ?? []).some((result, index) => result.snapshots !== null && !state.experiment.runs[index]?.hidden),
  );
  const layers = useAppStore((state) => state.methodLayers);
  const setMethodLayer = useAppStore((state) => state.setMethodLayer);
  if (!drawsState) return null;
  return (
    <DisclosureMenu label="Layers" className="map-layers">
      {() => (
        <fieldset className="menu-list map-layer-list">
          <legend className="visually-hidden">Method state on the map</legend>
          {METHOD_LAYER_TOGGLES.map(({ layer, label }) => (
            <Toggle key={layer} label={label} checked={layers[layer]} onChange={(checked) => setMethodLayer(layer, checked)} />
          ))}
        </fieldset>
      )}
    </DisclosureMenu>
  );
}

/** The optimizer-internals glyphs the Overlays menu switches, with their names. */
const GLYPH_TOGGLES: readonly { glyph: Glyph; label: string }[] = [
  { glyph: 'gradient', label: 'Gradient arrow' },
  { glyph: 'velocity', label: 'Velocity arrow' },
  { glyph: 'stepBox', label: 'Adam step box' },
  { glyph: 'newtonStep', label: 'Newton step' },
  { glyph: 'probeDirection', label: 'Probe direction' },
];

/**
 * The map's Overlays menu, for teaching: each run's optimizer internals at the shown step (a glyph
 * each) and the theory overlay (the local quadratic model at the cursor or the selected run).
 */
function OverlaysMenu() {
  const glyphs = useAppStore((state) => state.glyphs);
  const setGlyph = useAppStore((state) => state.setGlyph);
  const theoryOverlay = useAppStore((state) => state.theoryOverlay);
  const setTheoryOverlay = useAppStore((state) => state.setTheoryOverlay);
  return (
    <DisclosureMenu label="Overlays" className="map-layers map-overlays">
      {() => (
        <div className="menu-list map-layer-list">
          <fieldset className="map-layer-list">
            <legend>At the shown step, each run's</legend>
            {GLYPH_TOGGLES.map(({ glyph, label }) => (
              <Toggle key={glyph} label={label} checked={glyphs[glyph]} onChange={(checked) => setGlyph(glyph, checked)} />
            ))}
          </fieldset>
          <fieldset className="map-layer-list">
            <legend>Theory</legend>
            <Toggle label="Theory overlay" checked={theoryOverlay} onChange={setTheoryOverlay} />
          </fieldset>
        </div>
      )}
    </DisclosureMenu>
  );
}

/** The overlays' readouts under the map: the glyph legend and the theory numbers, loaded when first shown. */
function OverlayReadouts() {
  const anyGlyph = useAppStore((state) => Object.values(state.glyphs).some(Boolean));
  const theoryOverlay = useAppStore((state) => state.theoryOverlay);
  if (!anyGlyph && !theoryOverlay) return null;
  return (
    <Suspense fallback={null}>
      {/* a fixed height that scrolls: the map keeps its size while the numbers change under the cursor */}
      <div className="overlay-readouts" role="region" aria-label="Overlay readouts" tabIndex={0}>
        {anyGlyph && <GlyphLegend />}
        {theoryOverlay && <TheoryPanel />}
      </div>
    </Suspense>
  );
}

/** True while the main pointer is a finger (a phone or tablet): the hint then speaks of taps and pinches. */
function useCoarsePointer(): boolean {
  const query = '(pointer: coarse)';
  const [coarse, setCoarse] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const list = window.matchMedia(query);
    const changed = () => setCoarse(list.matches);
    list.addEventListener('change', changed);
    return () => list.removeEventListener('change', changed);
  }, []);
  return coarse;
}

/** What the map does with the mouse and keyboard, or with fingers, naming the run a click or tap moves. */
function MapHint() {
  const selected = useAppStore((state) => {
    const runs = state.experiment.runs;
    const index = clampRunIndex(state.selectedRun, runs.length);
    return runs.length > 0 ? `run ${index + 1} (${runLabel(runs[index], index, runs)})` : 'the selected run';
  });
  const touch = useCoarsePointer();
  return (
    <figcaption className="map-hint">
      {touch
        ? `Tap to start ${selected} there · drag a start point to move it · drag the map to pan · pinch to zoom`
        : `Click to start ${selected} there · drag a start point to move it (Alt: that run alone; arrow keys when focused) · drag the map to pan · scroll to zoom · double-click to reset the view`}
    </figcaption>
  );
}

/** The contour map with every run's trajectory on it, its hover readout and view controls. */
export function MapPanel() {
  const store = useAppStoreApi();
  const svgRef = useRef<SVGSVGElement>(null);
  const frameRef = useRef<HTMLDivElement>(null);
  const controls = useRef<ReturnType<typeof bindMap> | null>(null);
  const dimension = useAppStore((state) => problemDimension(state.experiment.problem));
  const mapView = useAppStore((state) => (problemDimension(state.experiment.problem) === 2 ? state.mapView : 'contour'));

  useEffect(() => {
    const bound = bindMap(svgRef.current!, frameRef.current!, store);
    controls.current = bound;
    return () => {
      bound.destroy();
      controls.current = null;
    };
  }, [store]);

  return (
    <figure className={dimension === 2 ? 'panel map-panel' : 'panel map-panel landscape-panel'}>
      {dimension === 2 && (
        <div className="map-toolbar">
          <HoverReadout />
          <div className="map-buttons" role="group" aria-label="Map view">
            <MapViewSwitch />
            <LayersMenu />
            <OverlaysMenu />
            <button type="button" onClick={() => controls.current?.zoomBy(1 / BUTTON_ZOOM)} aria-label="Zoom in" title="Zoom in (or turn the mouse wheel over the map)">
              +
            </button>
            <button type="button" onClick={() => controls.current?.zoomBy(BUTTON_ZOOM)} aria-label="Zoom out" title="Zoom out">
              −
            </button>
            <button type="button" onClick={() => controls.current?.resetView()} title="Back to the problem's own domain (or double-click the map)">
              Reset view
            </button>
          </div>
        </div>
      )}
      <div ref={frameRef} className="map-frame" style={dimension === 2 && mapView !== '3d' ? undefined : { display: 'none' }}>
        {/* a figure, not an img: an img's children are hidden from assistive technology, and the start points inside are buttons */}
        <svg ref={svgRef} role="figure" aria-label="Contour map of the loss surface with each run's trajectory" data-testid="map" />
      </div>
      {mapView !== 'contour' && (
        <Suspense fallback={null}>
          <Surface3DPanel />
        </Suspense>
      )}
      {dimension !== 2 && (
        <Suspense fallback={null}>
          <LandscapeSliceView dimension={dimension} />
        </Suspense>
      )}
      <OverlayReadouts />
      <BasinLegend />
      {dimension === 2 && mapView === 'contour' && <MapHint />}
    </figure>
  );
}
