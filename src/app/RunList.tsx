import { useRunTraces } from './run-traces';
import { useAppStore } from './use-app-store';

function formatLoss(value: number): string {
  return Number.isFinite(value) ? value.toPrecision(6) : String(value);
}

/** Each run with its colour, final loss, and where and why it diverged. */
export function RunList() {
  const traces = useRunTraces();
  const steps = useAppStore((state) => state.experiment.steps);
  return (
    <section className="panel run-list" aria-label="Runs">
      <h2>Runs</h2>
      <ul>
        {traces.map((trace, index) => {
          const points = trace.trajectory.length / 2;
          const last = points - 1;
          return (
            <li key={index} className={trace.diverged ? 'run diverged' : 'run'} data-testid="run">
              <span className="swatch" style={{ background: trace.color }} aria-hidden="true" />
              <span className="run-label">{trace.label}</span>
              <span className="run-status">
                {trace.diverged ? (
                  <strong className="diverged-note" role="status">
                    diverged at step {trace.diverged.step}: {trace.diverged.reason}
                  </strong>
                ) : (
                  <>
                    f = {formatLoss(trace.loss[last])} after {Math.min(last, steps)} steps at ({trace.trajectory[2 * last].toPrecision(5)},{' '}
                    {trace.trajectory[2 * last + 1].toPrecision(5)})
                  </>
                )}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
