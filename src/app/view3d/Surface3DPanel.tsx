// The 3-D view of a 2-D problem: the contour map's surface as a lit mesh with every run's path on
// it. Loaded on first use (three.js is several times the size of the rest of the page). Like the
// map, it binds the store to an imperative view directly, so playback runs only its cheap setStep.
import { useEffect, useRef, useState } from 'react';
import type { AppStore } from '../../store/store';
import type { HeightScale } from '../../views/surface3d-geometry';
import { Surface3DView } from '../../views/surface3d';
import { Select } from '../controls/Select';
import { downloadFile, MIME_TYPES } from '../export/download';
import { useAppStoreApi } from '../use-app-store';
import { surfaceRuns } from './surface-runs';
import './Surface3D.css';

/** The canvas's accessible name: what it draws. */
const CANVAS_LABEL = "3-D surface of the loss, height and colour f as on the contour map, with each run's path and its current point; the known minima are white";

/** Wires the store's surface, runs and step to the view; returns a teardown. */
function bindSurface(view: Surface3DView, store: AppStore): () => void {
  const initial = store.getState();
  if (initial.surface) view.setSurface(initial.surface, initial.surface.minima);
  view.setRuns(surfaceRuns(initial));
  view.setStep(initial.step);
  return store.subscribe((state, previous) => {
    if (state.surface !== previous.surface && state.surface) view.setSurface(state.surface, state.surface.minima);
    const budgetChanged = state.budget !== previous.budget || (state.budget !== null && (state.lossAxis !== previous.lossAxis || state.gradientCost !== previous.gradientCost));
    if (state.runs !== previous.runs || state.experiment.runs !== previous.experiment.runs || budgetChanged) view.setRuns(surfaceRuns(state));
    if (state.step !== previous.step) view.setStep(state.step);
  });
}

/** Offers the picture the view shows as a PNG. */
async function savePicture(view: Surface3DView | null): Promise<void> {
  if (!view) return;
  const picture = await view.snapshot();
  const blob = await new Promise<Blob | null>((resolve) => picture.toBlob(resolve, MIME_TYPES.png));
  if (blob) downloadFile(blob, 'surface-3d.png', MIME_TYPES.png);
}

/** The 3-D surface with its height scale, a camera reset and which renderer drew it. */
export function Surface3DPanel() {
  const store = useAppStoreApi();
  const stageRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<Surface3DView | null>(null);
  const [height, setHeight] = useState<HeightScale | 'auto'>('auto');
  const [backend, setBackend] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    const view = new Surface3DView(stageRef.current!, CANVAS_LABEL);
    viewRef.current = view;
    let open = true;
    view.ready.then(
      (name) => open && setBackend(name),
      (error: unknown) => open && setFailure(error instanceof Error ? error.message : String(error)),
    );
    const unbind = bindSurface(view, store);
    return () => {
      open = false;
      unbind();
      view.destroy();
      viewRef.current = null;
    };
  }, [store]);

  useEffect(() => viewRef.current?.setHeightScale(height), [height]);

  return (
    <section className="surface3d" aria-label="3-D view">
      <div className="surface3d-toolbar">
        <Select label="Height" value={height} onChange={(value) => setHeight(value as HeightScale | 'auto')}>
          <option value="auto">Auto</option>
          <option value="linear">f</option>
          <option value="log">log f</option>
        </Select>
        <button type="button" onClick={() => viewRef.current?.resetCamera()} title="The camera back to where it started (or Home when the view is focused)">
          Reset camera
        </button>
        <button type="button" onClick={() => void savePicture(viewRef.current)} disabled={backend === null} title="The 3-D view as it is drawn now, as a PNG">
          Save image
        </button>
        <span className="surface3d-backend" role="status">
          {failure ?? (backend ? `Drawn with ${backend}` : 'Starting the renderer…')}
        </span>
      </div>
      <div ref={stageRef} className="surface3d-stage" data-testid="view3d" />
      <p className="surface3d-hint">Drag to orbit, right-drag to pan, scroll to zoom · when focused: arrow keys orbit, + and − zoom, Home resets</p>
    </section>
  );
}
