import type { BatchFeature } from '../../store/batch-slice';
import { describeAwaiting, describeOutcome, describeProgress, percentDone } from './analysis-format';
import { useAppStore } from '../use-app-store';

/**
 * Where an analysis's job is: the estimate and Start for a costly one a link opened; a progress bar with the time left and Cancel while it runs; then
 * which engine ran it, on which adapter or how many workers, how fast, and any notice (a fallback
 * to the TypeScript path); or why it failed, or that it was cancelled. Also says when the results
 * no longer match the experiment.
 */
export function JobStatus({ feature, name, unit }: { feature: BatchFeature; name: string; unit: string }) {
  const job = useAppStore((state) => state[feature].job);
  const stale = useAppStore((state) => state[feature].stale);
  const hasResults = useAppStore((state) => state[feature].results !== null);
  const cancelBatch = useAppStore((state) => state.cancelBatch);
  const runBatch = useAppStore((state) => state.runBatch);

  return (
    <div className="batch-status" data-testid={`${feature}-status`} data-status={job.status}>
      {job.status === 'awaiting' && (
        <div className="batch-awaiting" role="status" data-testid={`${feature}-awaiting`} data-estimated-ms={Math.round(job.cost.estimatedMs)}>
          <p>
            {describeAwaiting(name, job.cost)} It came with a link, so it waits for you to start it.
          </p>
          <button type="button" className="primary" onClick={() => runBatch(feature)} aria-label={`Start ${name}`}>
            Start
          </button>
        </div>
      )}
      {job.status === 'running' && (
        <div className="batch-progress-row">
          <div
            className="batch-progress"
            role="progressbar"
            aria-label={`${name} progress`}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percentDone(job.progress)}
            aria-valuetext={`${percentDone(job.progress)}%: ${describeProgress(job.progress, unit)}`}
          >
            <div className="batch-progress-fill" style={{ width: `${percentDone(job.progress)}%` }} />
          </div>
          <button type="button" onClick={() => cancelBatch(feature)} aria-label={`Cancel ${name}`}>
            Cancel
          </button>
          <p className="batch-progress-text">{describeProgress(job.progress, unit)}</p>
        </div>
      )}
      {job.status === 'done' && (
        <>
          <p className="batch-outcome" data-testid={`${feature}-outcome`} data-engine={job.outcome.engine} title={`Why this engine: ${job.outcome.reason}`}>
            {describeOutcome(job.outcome)}
          </p>
          {job.outcome.notice && (
            <p className="batch-notice" role="status">
              {job.outcome.notice}
            </p>
          )}
        </>
      )}
      {job.status === 'failed' && (
        <p className="batch-failed" role="alert">
          The {name} could not be computed: {job.message}
        </p>
      )}
      {job.status === 'cancelled' && <p className="batch-cancelled">Cancelled{hasResults ? ': what was computed before stays shown.' : '.'}</p>}
      {stale && job.status !== 'running' && (
        <p className="batch-stale" role="status">
          The experiment or the view changed since this {name} was computed: recompute it to match.
        </p>
      )}
    </div>
  );
}
