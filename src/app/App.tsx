import { AnalysisPanel } from './analyses/AnalysisPanel';
import { Intro } from './intro/Intro';
import { LossPanel } from './loss/LossPanel';
import { MapPanel } from './map/MapPanel';
import { PlaybackBar } from './playback/PlaybackBar';
import { ProblemPanel } from './problem/ProblemPanel';
import { RunsPanel } from './runs/RunsPanel';
import { Toolbar } from './toolbar/Toolbar';
import { UrlProblems } from './toolbar/UrlProblems';
import { useDocumentPreferences } from './preferences';
import { useAppStore, useAppStoreApi } from './use-app-store';

/**
 * The playground: problem and runs on the left, the map, playback and the (collapsed) Analysis
 * panel in the middle, the loss chart beside (under the map on screens narrower than 1400 px; see
 * styles.css).
 */
export function App() {
  useDocumentPreferences(useAppStoreApi());
  const elapsedMs = useAppStore((state) => state.runElapsedMs);
  const engineError = useAppStore((state) => state.engineError);
  return (
    <div className="app">
      <Toolbar />
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
          <PlaybackBar />
          <AnalysisPanel />
        </main>
        <aside className="charts" aria-label="Charts">
          <LossPanel />
        </aside>
      </div>
      <footer>
        <span data-testid="engine-info">
          Engine: float64 TypeScript in a Web Worker{elapsedMs === null ? '' : ` · ${elapsedMs.toFixed(1)} ms`}
        </span>
      </footer>
      <Intro />
    </div>
  );
}
