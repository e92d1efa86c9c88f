import type { StateCreator } from 'zustand';
import type { Domain } from '../engine/objective';
import type { CostAxis, GradientCost } from '../experiment/cost';
import type { MapView } from '../experiment/map-view';
import type { AppState } from './store';

/** How the loss chart's y axis is drawn: log f, linear f, or log (f − f*) where f* is known. */
export type LossScale = 'log' | 'linear' | 'gap';
/** What the loss chart's x axis counts (and the budget's unit). */
export type LossAxis = CostAxis;
/** The method-state drawings on the map that can be switched off one by one. */
export type MethodLayer = 'simplex' | 'population' | 'ellipse' | 'proposals' | 'probes' | 'trials' | 'newton';
/** Which method-state drawings the map shows. */
export type MethodLayers = Readonly<Record<MethodLayer, boolean>>;

/** Every method-state drawing on. */
export const ALL_METHOD_LAYERS: MethodLayers = { simplex: true, population: true, ellipse: true, proposals: true, probes: true, trials: true, newton: true };
/** Colour theme of the page. */
export type Theme = 'light' | 'dark';

/** f and its gradient at the point under the cursor. */
export interface HoverProbe {
  readonly x: number;
  readonly y: number;
  readonly value: number;
  readonly gradientNorm: number;
}

/** How the experiment is looked at: zoom, theme, chart modes, hover. Not part of the experiment. */
export interface ViewSlice {
  /** The map's visible domain; null means the problem's own (resolveDomain). In the URL as `view`. */
  viewDomain: Domain | null;
  setViewDomain(domain: Domain | null): void;
  /** The run a click on the map moves the start of (and whose controls are open). */
  selectedRun: number;
  selectRun(index: number): void;
  /** When true every run shares one start point: moving one moves all. */
  linkStarts: boolean;
  setLinkStarts(linked: boolean): void;
  theme: Theme;
  setTheme(theme: Theme): void;
  /** Presenter mode: larger text and thicker lines. */
  largeText: boolean;
  setLargeText(large: boolean): void;
  lossScale: LossScale;
  setLossScale(scale: LossScale): void;
  lossAxis: LossAxis;
  setLossAxis(axis: LossAxis): void;
  /** What a gradient (and a Hessian) costs on the weighted-cost axis. In the URL as `gradient_cost`. */
  gradientCost: GradientCost;
  setGradientCost(cost: GradientCost): void;
  /** Budget mode: every run is cut at the last point whose cost on the x axis is within it; null when off. In the URL as `budget`. */
  budget: number | null;
  setBudget(budget: number | null): void;
  /** The contour map, the 3-D surface or both (2-D problems). In the URL as `view3d`. */
  mapView: MapView;
  setMapView(mapView: MapView): void;
  /** Which method-state drawings (simplex, population, ellipses, ...) the map shows. */
  methodLayers: MethodLayers;
  setMethodLayer(layer: MethodLayer, shown: boolean): void;
  /** The point under the cursor over the map (engine-sync answers it with `hover`), null elsewhere. */
  hoverRequest: { readonly x: number; readonly y: number } | null;
  /** Asks for f and ‖∇f‖ at a point; null clears the readout. */
  requestHover(point: { readonly x: number; readonly y: number } | null): void;
  /** f and ‖∇f‖ at the cursor, as the engine computed them. */
  hover: HoverProbe | null;
  setHover(hover: HoverProbe | null): void;
  /**
   * True while a start marker is dragged or a slider moves: runs are recomputed only up to the
   * current step, every frame (live recompute); the whole run follows when it ends.
   */
  live: boolean;
  setLive(live: boolean): void;
  /** True while the introduction (app/intro) is shown: on a first visit, and from the toolbar's "?". */
  introOpen: boolean;
  setIntroOpen(open: boolean): void;
}

/** Creates the view slice with the given preferences (theme and text size come from localStorage). */
export const createViewSlice =
  (preferences: { theme: Theme; largeText: boolean }): StateCreator<AppState, [], [], ViewSlice> =>
  (set, get) => ({
    viewDomain: null,
    setViewDomain: (viewDomain) => set({ viewDomain }),
    selectedRun: 0,
    selectRun: (selectedRun) => set({ selectedRun }),
    linkStarts: false,
    setLinkStarts: (linkStarts) => set({ linkStarts }),
    theme: preferences.theme,
    setTheme: (theme) => set({ theme }),
    largeText: preferences.largeText,
    setLargeText: (largeText) => set({ largeText }),
    lossScale: 'log',
    setLossScale: (lossScale) => set({ lossScale }),
    lossAxis: 'step',
    setLossAxis: (lossAxis) => set({ lossAxis }),
    gradientCost: 'autodiff',
    setGradientCost: (gradientCost) => set({ gradientCost }),
    budget: null,
    setBudget: (budget) => set({ budget: budget !== null && Number.isFinite(budget) && budget > 0 ? budget : null }),
    mapView: 'contour',
    setMapView: (mapView) => set({ mapView }),
    methodLayers: ALL_METHOD_LAYERS,
    setMethodLayer: (layer, shown) => set((state) => ({ methodLayers: { ...state.methodLayers, [layer]: shown } })),
    hoverRequest: null,
    requestHover: (hoverRequest) => set(hoverRequest ? { hoverRequest } : { hoverRequest, hover: null }),
    hover: null,
    // an answer that arrives after the cursor left the map is dropped
    setHover: (hover) => set((state) => (state.hoverRequest ? { hover } : {})),
    live: false,
    setLive: (live) => {
      set({ live });
      // the drag or slide is over: it is one edit, closed now
      if (!live) get().settleEdit();
    },
    introOpen: false,
    setIntroOpen: (introOpen) => set({ introOpen }),
  });
