// The parameter plane of a problem with more than two parameters: a 2-D slice of the loss through
// the selected run (Li et al. 2018) on the same contour map as the surfaces, with every run's path
// projected onto it. Like the map, it binds the store to imperative views, so playback moves only
// the markers.
import { useEffect, useRef } from 'react';
import type { SliceDirections } from '../../engine/landscape/loss-landscape';
import { clampRunIndex } from '../../experiment/run-index';
import type { AppStore } from '../../store/store';
import { ContourMap } from '../../views/contour-map';
import { TrajectoryLayer } from '../../views/trajectory-layer';
import { runLabel } from '../runs/labels';
import { useAppStore, useAppStoreApi } from '../use-app-store';
import { landscapeAxisLabels, landscapeRuns } from './landscape-runs';
import { mapBox } from './map-box';

/** Wires the store's slice and runs to a contour map and its trajectories; returns a teardown. */
function bindLandscape(svg: SVGSVGElement, frame: HTMLElement, store: AppStore): () => void {
  const map = new ContourMap(svg);
  const trajectories = new TrajectoryLayer(map.overlay, false);
  const show = () => {
    const { landscape } = store.getState();
    if (!landscape) return;
    const [x, y] = landscapeAxisLabels(landscape.sample.explainedVarianceRatio);
    map.setAxisLabels(x, y);
    const scales = map.setView(landscape.sample.domain);
    trajectories.setScales(scales);
    map.setSurface(landscape.sample, []);
  };
  const fit = () => {
    const [width, height] = mapBox(frame, svg);
    if (width <= 0 || height <= 0) return;
    const scales = map.setSize(width, height);
    if (scales) trajectories.setScales(scales);
  };
  const resizeObserver = new ResizeObserver(fit);
  resizeObserver.observe(frame);
  fit();
  show();
  const initial = store.getState();
  trajectories.setRuns(landscapeRuns(initial));
  trajectories.setStep(initial.step);
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.landscape !== previous.landscape) show();
    if (state.landscape !== previous.landscape || state.runs !== previous.runs || state.experiment.runs !== previous.experiment.runs) {
      trajectories.setRuns(landscapeRuns(state));
    }
    if (state.step !== previous.step) trajectories.setStep(state.step);
  });
  return () => {
    unsubscribe();
    resizeObserver.disconnect();
    trajectories.destroy();
    map.destroy();
  };
}

/** The slice's selector, map, what it took and what a slice is (and is not). */
export function LandscapeSliceView({ dimension }: { dimension: number }) {
  const store = useAppStoreApi();
  const svgRef = useRef<SVGSVGElement>(null);
  const frameRef = useRef<HTMLDivElement>(null);
  const directions = useAppStore((state) => state.sliceDirections);
  const setDirections = useAppStore((state) => state.setSliceDirections);
  const hasModel = useAppStore((state) => state.experiment.problem.kind === 'data');
  const selectedLabel = useAppStore((state) => {
    const runs = state.experiment.runs;
    const index = clampRunIndex(state.selectedRun, runs.length);
    return runs.length > 0 ? runLabel(runs[index], index, runs) : 'the selected run';
  });
  const shown = useAppStore((state) => state.landscape);

  useEffect(() => bindLandscape(svgRef.current!, frameRef.current!, store), [store]);

  const status = shown
    ? `${shown.sample.columns} × ${shown.sample.rows} samples of the ${hasModel ? 'training loss' : 'loss'} · ${Math.round(shown.sample.elapsedMs)} ms`
    : 'Computing the slice…';
  return (
    <>
      <div className="map-toolbar landscape-toolbar">
        <h3 className="landscape-title">Loss landscape slice</h3>
        <select
          className="landscape-directions"
          aria-label="Slice directions"
          value={directions}
          onChange={(event) => setDirections(event.target.value as SliceDirections)}
        >
            <option value="random">{hasModel ? 'Random (filter-normalized)' : 'Random (scaled to ‖θ‖)'}</option>
            <option value="pca">Principal components of {selectedLabel}&rsquo;s path</option>
        </select>
        <span className="landscape-status" role="status">
          {status}
        </span>
      </div>
      <div ref={frameRef} className="map-frame">
        <svg
          ref={svgRef}
          role="img"
          aria-label={`Loss over a 2-D slice of the ${dimension}-dimensional parameter space, with each run's path projected onto it`}
          data-testid="landscape"
        />
      </div>
      {/* in a short panel the note scrolls: focusable, so the keyboard can scroll it too */}
      <p className="map-note landscape-note" role="note" tabIndex={0} aria-label="About this slice">
        {directions === 'pca'
          ? `f on the plane through ${selectedLabel}'s final point spanned by the top two principal components of its path; `
          : `f on the plane through ${selectedLabel}'s point at the step shown, along two random ${hasModel ? 'filter-normalized ' : ''}directions; `}
        a slice of the {dimension}-dimensional landscape, not the whole of it: paths are projected onto it, and how far they lie off the plane is not shown
        (Li et al. 2018).
      </p>
    </>
  );
}
