import { useLocked } from './use-shown';
import './classroom.css';

/** The note a locked link shows above the page: why its controls do not move. */
export function LockedNote() {
  const locked = useLocked();
  if (!locked) return null;
  return (
    <p className="locked-note" role="note" data-testid="locked-note">
      <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <rect x="5" y="11" width="14" height="9" rx="1.5" />
        <path d="M8 11V8a4 4 0 0 1 8 0v3" />
      </svg>
      This link is locked by its author: the experiment cannot be changed here. Playback, the map&apos;s views and the analyses still work.
    </p>
  );
}
