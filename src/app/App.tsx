import { Suspense } from 'react';
import { AnalysisPanel } from './analyses/AnalysisPanel';
import { PanelBoundary } from './errors/PanelBoundary';
import { LossPanel } from './loss/LossPanel';
import { MapPanel } from './map/MapPanel';
import { PlaybackBar } from './playback/PlaybackBar';
import { ProblemPanel } from './problem/ProblemPanel';
import { Intro } from './intro/Intro';
import { LessonsProvider } from './lessons/LessonsProvider';
import { LessonsSlot } from './lessons/LessonsSlot';
import { RunsPanel } from './runs/RunsPanel';
import { EngineStatus } from './toolbar/EngineStatus';
import { Toolbar } from './toolbar/Toolbar';
import { RestorePrompt } from './toolbar/RestorePrompt';
import { UrlProblems } from './toolbar/UrlProblems';
import { useDocumentPreferences } from './preferences';
import { lazyComponent } from './lazy-component';
import { useAppStore, useAppStoreApi } from './use-app-store';
import { LockedNote } from './classroom/LockedNote';
import { Shown, useLocked, useShown } from './classroom/use-shown';

// shown only for a data problem: its view, scene and fit load with the first one
const DataPanel = lazyComponent(() => import('./data/DataPanel'), 'DataPanel');
// shown once a run is inspected (a run card's button, the toolbar, a link's inspect=)
const InspectorPanel = lazyComponent(() => import('./inspector/InspectorPanel'), 'InspectorPanel');
// presenter mode's bar loads when a teacher first presents
const PresenterBar = lazyComponent(() => import('./classroom/PresenterBar'), 'PresenterBar');

/**
 * The playground, inside a last-resort boundary: should anything outside the panels fail, the page
 * says so with a way back instead of going blank.
 */
export function App() {
  return (
    <PanelBoundary name="The playground" className="app">
      <LessonsProvider>
        <Playground />
      </LessonsProvider>
    </PanelBoundary>
  );
}

/**
 * The playground: problem and runs in a sidebar; the stage holds the map, the loss chart, playback
 * and the (collapsed) Analysis panel. On a desktop or projector the page is one screen: the map and
 * the chart share the stage's height beside the sidebar, which scrolls on its own, so the cause (a
 * run's settings) and the effect (map and chart) are in view together. On a phone it is one column,
 * the map first (see styles.css). Each panel has its own error boundary, so a failure in one
 * leaves the others working.
 */
function Playground() {
  useDocumentPreferences(useAppStoreApi());
  const engineError = useAppStore((state) => state.engineError);
  const isData = useAppStore((state) => state.experiment.problem.kind === 'data');
  const inspecting = useAppStore((state) => state.inspectedRun !== null);
  // classroom mode (app/classroom): a link's hide= and presenter mode leave panels out, lock= disables the experiment's controls
  const presenting = useAppStore((state) => state.presenting);
  const locked = useLocked();
  const sidebarShown = [useShown('problem'), useShown('runs')].some(Boolean);
  const dataShown = useShown('data');
  return (
    <div className={presenting ? 'app presenting' : 'app'}>
      <Shown name="toolbar">
        <PanelBoundary name="The toolbar">
          <Toolbar />
        </PanelBoundary>
      </Shown>
      {presenting && (
        <PanelBoundary name="Presenter mode">
          <Suspense fallback={null}>
            <PresenterBar />
          </Suspense>
        </PanelBoundary>
      )}
      <LockedNote />
      <PanelBoundary name="The restore offer">
        <RestorePrompt />
      </PanelBoundary>
      <PanelBoundary name="The list of the link's problems">
        <UrlProblems />
      </PanelBoundary>
      <PanelBoundary name="The engine status">
        <EngineStatus />
      </PanelBoundary>
      {engineError && (
        <div className="engine-error" role="alert">
          The engine could not run this experiment: {engineError}
        </div>
      )}
      <div className={sidebarShown ? 'workspace' : 'workspace without-sidebar'}>
        {sidebarShown && (
          // locked, nothing inside takes focus: the column itself does, so it still scrolls from the keyboard
          <aside className="sidebar" aria-label="Problem and runs" tabIndex={locked ? 0 : undefined}>
            <LessonsSlot />
            <fieldset className="classroom-lock" disabled={locked}>
              <Shown name="problem">
                <PanelBoundary name="The problem panel" className="problem-panel">
                  <ProblemPanel />
                </PanelBoundary>
              </Shown>
              <Shown name="runs">
                <PanelBoundary name="The runs panel" className="runs-panel">
                  <RunsPanel />
                </PanelBoundary>
              </Shown>
            </fieldset>
          </aside>
        )}
        <main className="stage">
          <Shown name="map">
            <PanelBoundary name="The map" className="map-panel">
              <MapPanel />
            </PanelBoundary>
          </Shown>
          {isData && dataShown && (
            <PanelBoundary name="The data panel" className="data-panel">
              <Suspense fallback={null}>
                <DataPanel />
              </Suspense>
            </PanelBoundary>
          )}
          <Shown name="loss">
            <PanelBoundary name="The loss chart" className="loss-panel">
              <LossPanel />
            </PanelBoundary>
          </Shown>
          <Shown name="playback">
            <PanelBoundary name="Playback" className="playback-bar">
              <PlaybackBar />
            </PanelBoundary>
          </Shown>
          <Shown name="analysis">
            <PanelBoundary name="The Analysis panel" className="batch-panel">
              <AnalysisPanel />
            </PanelBoundary>
          </Shown>
          {inspecting && (
            <PanelBoundary name="The step inspector" className="inspector-panel">
              <Suspense fallback={null}>
                <InspectorPanel />
              </Suspense>
            </PanelBoundary>
          )}
        </main>
      </div>
      <footer>
        <EngineInfo />
      </footer>
      <PanelBoundary name="The introduction">
        <Intro />
      </PanelBoundary>
    </div>
  );
}

/** Which engine computed the runs and how long it took: its own component, so a new answer re-renders this line alone, not the page. */
function EngineInfo() {
  const elapsedMs = useAppStore((state) => state.runElapsedMs);
  return (
    <span data-testid="engine-info">
      Engine: float64 TypeScript in a Web Worker{elapsedMs === null ? '' : ` · ${elapsedMs.toFixed(1)} ms`}
    </span>
  );
}
