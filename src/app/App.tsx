import { Suspense } from 'react';
import { AnalysisPanel } from './analyses/AnalysisPanel';
import { LossPanel } from './loss/LossPanel';
import { MapPanel } from './map/MapPanel';
import { PlaybackBar } from './playback/PlaybackBar';
import { ProblemPanel } from './problem/ProblemPanel';
import { Intro } from './intro/Intro';
import { RunsPanel } from './runs/RunsPanel';
import { Toolbar } from './toolbar/Toolbar';
import { RestorePrompt } from './toolbar/RestorePrompt';
import { UrlProblems } from './toolbar/UrlProblems';
import { useDocumentPreferences } from './preferences';
import { lazyComponent } from './lazy-component';
import { useAppStore, useAppStoreApi } from './use-app-store';

// shown only for a data problem: its view, scene and fit load with the first one
const DataPanel = lazyComponent(() => import('./data/DataPanel'), 'DataPanel');

/**
 * The playground: problem and runs in a sidebar; the stage holds the map, the loss chart, playback
 * and the (collapsed) Analysis panel. On a desktop or projector the page is one screen: the map and
 * the chart share the stage's height beside the sidebar, which scrolls on its own, so the cause (a
 * run's settings) and the effect (map and chart) are in view together. On a phone it is one column,
 * the map first (see styles.css).
 */
export function App() {
  useDocumentPreferences(useAppStoreApi());
  const engineError = useAppStore((state) => state.engineError);
  const isData = useAppStore((state) => state.experiment.problem.kind === 'data');
  return (
    <div className="app">
      <Toolbar />
      <RestorePrompt />
      <UrlProblems />
      {engineError && (
        <div className="engine-error" role="alert">
          The engine could not run this experiment: {engineError}
        </div>
      )}
      <div className="workspace">
        <aside className="sidebar" aria-label="Problem and runs">
          <ProblemPanel />
          <RunsPanel />
        </aside>
        <main className="stage">
          <MapPanel />
          {isData && (
            <Suspense fallback={null}>
              <DataPanel />
            </Suspense>
          )}
          <LossPanel />
          <PlaybackBar />
          <AnalysisPanel />
        </main>
      </div>
      <footer>
        <EngineInfo />
      </footer>
      <Intro />
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
