import { CopyLinkButton } from './CopyLinkButton';
import { problemTitle } from './labels';
import { LossPanel } from './LossPanel';
import { MapPanel } from './MapPanel';
import { RunList } from './RunList';
import { UrlProblems } from './UrlProblems';
import { useAppStore } from './use-app-store';

/** The page: the problem, its map with trajectories, the runs and their loss curves. */
export function App() {
  const problem = useAppStore((state) => state.experiment.problem);
  const steps = useAppStore((state) => state.experiment.steps);
  const elapsedMs = useAppStore((state) => state.runElapsedMs);
  const engineError = useAppStore((state) => state.engineError);
  return (
    <div className="app">
      <header>
        <h1>Optimizer Playground</h1>
        <CopyLinkButton />
      </header>
      <UrlProblems />
      {engineError && (
        <div className="engine-error" role="alert">
          The engine could not run this experiment: {engineError}
        </div>
      )}
      <p className="problem-title" data-testid="problem-title">
        {problemTitle(problem)} · {steps} steps
      </p>
      <main>
        <MapPanel />
        <div className="side">
          <RunList />
          <LossPanel />
        </div>
      </main>
      <footer>
        <span data-testid="engine-info">
          Engine: float64 TypeScript in a Web Worker{elapsedMs === null ? '' : ` · ${elapsedMs.toFixed(1)} ms`}
        </span>
      </footer>
    </div>
  );
}
