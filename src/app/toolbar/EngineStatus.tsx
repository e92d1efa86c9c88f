import { useSyncExternalStore } from 'react';
import { workerHealth, type WorkerHealth } from '../../client/worker-health';
import './EngineStatus.css';

/**
 * What happened to the page's workers, in plain words: one that exited, crashed or stopped
 * answering and was restarted (its work redone), one given up on (with Retry), or a lost GPU whose
 * job finished on TypeScript. Nothing shows while the workers are well.
 */
export function EngineStatus({ health = workerHealth }: { health?: WorkerHealth }) {
  const notices = useSyncExternalStore(health.subscribe, health.getSnapshot);
  if (notices.length === 0) return null;
  return (
    <div className="engine-status" data-testid="engine-status">
      {notices.map((notice) => (
        <div
          key={notice.source}
          className={`engine-status-notice engine-status-${notice.status}`}
          role={notice.status === 'failed' ? 'alert' : 'status'}
          data-source={notice.source}
          data-status={notice.status}
        >
          <p>{notice.message}</p>
          {notice.retry && (
            <button type="button" onClick={notice.retry}>
              Retry
            </button>
          )}
          {notice.status !== 'recovering' && notice.status !== 'failed' && (
            <button type="button" onClick={() => health.clear(notice.source)} aria-label={`Dismiss: ${notice.message}`}>
              Dismiss
            </button>
          )}
        </div>
      ))}
    </div>
  );
}
