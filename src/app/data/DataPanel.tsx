// The data panel binds the store to the data view: the scene follows the problem, the fit follows
// the step, the runs and the selected run, recomputed at most once a frame (a 64 x 64 grid of an
// MLP's forward passes is a millisecond or two) and straight from the store, never through a React
// render, as the map does. A click on the view adds a row to the data set (an edit, undoable).
import { useEffect, useRef, useState } from 'react';
import type { DataProblem } from '../../engine/problems/data-problem';
import { resolveData } from '../../engine/problems/data-problem';
import { roundToView } from '../../views/view-domain';
import { clampRunIndex } from '../../experiment/run-index';
import type { AppState, AppStore } from '../../store/store';
import { DataView } from '../../views/data-view';
import { classColor } from '../../views/data-fit';
import { followSize } from '../../views/follow-size';
import { Select } from '../controls/Select';
import { visibleRuns } from '../runs/visible-runs';
import { useAppStore, useAppStoreApi } from '../use-app-store';
import { clickedRow, fitAt, prepareScene, type PreparedScene, type RunAtStep } from './data-scene';
import { FitMetrics } from './FitMetrics';
import './DataPanel.css';

/** The data problem of the state, or null. */
export function dataProblemOf(state: Pick<AppState, 'experiment'>): DataProblem | null {
  const problem = state.experiment.problem;
  return problem.kind === 'data' ? (problem as DataProblem) : null;
}

/** The resolved scene of a data problem (null when it cannot be resolved: the problem panel says why). */
function sceneOf(problem: DataProblem): PreparedScene | null {
  try {
    return prepareScene(resolveData(problem), problem.dataset.name);
  } catch {
    return null;
  }
}

/** Every visible run at the step shown (the selected one marked; it is drawn even when hidden). */
export function runsAtStep(state: AppState): RunAtStep[] {
  const results = state.runs;
  if (!results) return [];
  const selectedIndex = clampRunIndex(state.selectedRun, state.experiment.runs.length);
  const visible = visibleRuns(state.experiment.runs, results);
  return visible.map(({ index, label, color, result }) => {
    const last = Math.max(0, result.loss.length - 1);
    const step = Math.min(state.step, last);
    const parameters = result.trajectory.subarray(step * result.dimension, (step + 1) * result.dimension);
    return { label, color, parameters, selected: index === selectedIndex, step };
  });
}

/** Binds a data view to the store; returns its teardown. */
function bindData(svg: SVGSVGElement, frame: HTMLElement, store: AppStore, chosenClass: () => number) {
  let prepared: PreparedScene | null = null;
  let problem: DataProblem | null = null;
  let scheduled = 0;
  const view = new DataView(svg, {
    onAdd: (x, y, shift) => {
      const state = store.getState();
      const current = dataProblemOf(state);
      if (!current || !prepared) return;
      const classes = prepared.scene.classes;
      // Shift: the other class (the next one of k)
      const chosen = classes > 0 ? (shift ? (chosenClass() + 1) % classes : chosenClass()) : 0;
      const { xExtent, yExtent } = prepared.scene;
      const row = clickedRow(prepared.scene, prepared.data.all.columns, roundToView(x, xExtent[1] - xExtent[0]), roundToView(y, yExtent[1] - yExtent[0]), chosen);
      if (!row) return;
      const dataset = { ...current.dataset, added: [...(current.dataset.added ?? []), row] };
      state.setExperiment({ ...state.experiment, problem: { ...current, dataset } });
    },
  });
  const setScene = (state: AppState) => {
    problem = dataProblemOf(state);
    prepared = problem ? sceneOf(problem) : null;
    view.setScene(prepared?.scene ?? null);
  };
  const draw = () => {
    scheduled = 0;
    view.setFit(prepared ? fitAt(prepared, runsAtStep(store.getState())) : null);
  };
  const schedule = () => {
    if (!scheduled) scheduled = requestAnimationFrame(draw);
  };
  setScene(store.getState());
  draw();
  const unsubscribe = store.subscribe((state, previous) => {
    if (dataProblemOf(state) !== problem) setScene(state);
    else if (state.runs === previous.runs && state.step === previous.step && state.selectedRun === previous.selectedRun && state.experiment.runs === previous.experiment.runs) return;
    schedule();
  });
  const stopFollowing = followSize(frame, (width, height) => view.setSize(width, height));
  return () => {
    cancelAnimationFrame(scheduled);
    stopFollowing();
    unsubscribe();
    view.destroy();
  };
}

/** Rows in the data set, in training and held out, and how many were added by clicking. */
function RowCount({ problem }: { problem: DataProblem }) {
  let data;
  try {
    data = resolveData(problem);
  } catch {
    return null;
  }
  const added = problem.dataset.added?.length ?? 0;
  return (
    <span className="data-rows" data-testid="data-rows" data-rows={data.all.rows}>
      {data.all.rows} rows: {data.train.rows} training, {data.validation.rows} validation{added > 0 ? ` · ${added} added by clicking` : ''}
    </span>
  );
}

/** The data a data problem fits, with the selected run's fit at the step shown and its metrics; nothing for other problems. */
export function DataPanel() {
  const problem = useAppStore(dataProblemOf);
  if (!problem) return null;
  return <DataFigure problem={problem} />;
}

function DataFigure({ problem }: { problem: DataProblem }) {
  const store = useAppStoreApi();
  const svgRef = useRef<SVGSVGElement>(null);
  const frameRef = useRef<HTMLDivElement>(null);
  const [chosenClass, setChosenClass] = useState(0);
  const chosen = useRef(chosenClass);
  chosen.current = chosenClass;
  const setExperiment = useAppStore((state) => state.setExperiment);
  const experiment = useAppStore((state) => state.experiment);

  useEffect(() => bindData(svgRef.current!, frameRef.current!, store, () => chosen.current), [store]);

  let prepared: PreparedScene | null = null;
  try {
    prepared = prepareSceneCached(problem);
  } catch {
    prepared = null;
  }
  const scene = prepared?.scene ?? null;
  const columns = prepared?.data.all.columns ?? 0;
  const classes = scene?.classes ?? 0;
  const addable = scene !== null && scene.layout !== 'images' && (classes > 0 ? columns <= 2 : columns === 1);
  const added = problem.dataset.added ?? [];
  const images = scene?.layout === 'images';
  const heldOut = (prepared?.data.validation.rows ?? 0) > 0;
  const shapes = `Circles: training rows${heldOut ? '; diamonds: validation rows' : ''}${classes > 0 ? '; ✕: a wrong prediction' : ''}. `;

  const removeAdded = () => {
    const { added: _added, ...dataset } = problem.dataset;
    setExperiment({ ...experiment, problem: { ...problem, dataset } });
  };

  return (
    <figure className={images ? 'panel data-panel data-panel-images' : 'panel data-panel'}>
      <div className="data-panel-header">
        <figcaption>Data and fit</figcaption>
        <RowCount problem={problem} />
      </div>
      <div ref={frameRef} className="data-view-frame">
        <svg ref={svgRef} role="img" aria-label="Data view" data-testid="data-view" />
      </div>
      <div className="data-panel-footer">
        {classes > 0 && !images && (
          <ul className="data-legend" aria-label="Classes">
            {Array.from({ length: classes }, (_, index) => (
              <li key={index}>
                <span className="data-swatch" style={{ background: classColor(index) }} aria-hidden="true" />
                {prepared?.data.all.classNames?.[index] ?? `class ${index}`}
              </li>
            ))}
          </ul>
        )}
        {addable && classes > 0 && (
          <Select label="Click adds" accessibleName="Class a click adds" className="data-add-class" value={String(chosenClass)} onChange={(value) => setChosenClass(Number(value))}>
            {Array.from({ length: classes }, (_, index) => (
              <option key={index} value={index}>
                {prepared?.data.all.classNames?.[index] ?? `class ${index}`}
              </option>
            ))}
          </Select>
        )}
        {added.length > 0 && (
          <button type="button" onClick={removeAdded}>
            Remove added points ({added.length})
          </button>
        )}
      </div>
      <p className="data-hint">
        {images
          ? 'Held-out digits first, each with the label the selected run predicts at the step shown; a wrong label is red and marked ✕.'
          : `${shapes}${
              addable
                ? classes > 0
                  ? 'Click to add a point of the chosen class, Shift-click for the next class. Adding points needs a pointer; the same rows can be typed into the experiment JSON ("added").'
                  : 'Click to add a point at (x, y). Adding points needs a pointer; the same rows can be typed into the experiment JSON ("added").'
                : 'Points cannot be added by clicking here: a click gives two values, and these rows have more.'
            }`}
      </p>
      <FitMetrics problem={problem} />
    </figure>
  );
}

/** The React side's scene (class names, counts): resolveData is cached per problem, the scene here per problem too. */
const scenes = new WeakMap<DataProblem, PreparedScene | null>();
function prepareSceneCached(problem: DataProblem): PreparedScene | null {
  if (!scenes.has(problem)) scenes.set(problem, sceneOf(problem));
  return scenes.get(problem) ?? null;
}
