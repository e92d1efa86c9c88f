import { createContext, useContext, useMemo, useState } from 'react';
import { decodeUrlState } from '../../experiment/url-codec';
import type { SavedSession } from '../../sync/saved-session';
import { openHashAsEdit } from '../../sync/url-sync';
import { useAppStoreApi } from '../use-app-store';
import { experimentTitle, formatWhen } from './recent';
import './RestorePrompt.css';

/** What the page found in storage as it opened (main.tsx): the last experiment to offer, and whether a saved copy was unreadable. */
export interface RestoreOffer {
  readonly offer: SavedSession | null;
  readonly corrupted: boolean;
}

/** Provides the opening's restore offer to the prompt. */
export const RestoreOfferContext = createContext<RestoreOffer>({ offer: null, corrupted: false });

/**
 * "Restore your last experiment": offered, not done, when the page opens without a link (or with the
 * link that experiment was edited from) and an experiment edited earlier in this browser was saved.
 * Restoring is an edit of its own, so Undo returns to what the page opened with. Also says, once,
 * that a saved copy in storage could not be read and was set aside.
 */
export function RestorePrompt() {
  const store = useAppStoreApi();
  const { offer, corrupted } = useContext(RestoreOfferContext);
  const [offerOpen, setOfferOpen] = useState(offer !== null);
  const [noteOpen, setNoteOpen] = useState(corrupted);
  const title = useMemo(() => (offer === null ? '' : experimentTitle(decodeUrlState(offer.hash).experiment)), [offer]);
  if (!(offerOpen && offer) && !noteOpen) return null;
  return (
    <section className="restore-prompt" aria-label="Saved work">
      {offerOpen && offer && (
        <div className="restore-prompt-row">
          <p>
            Your last experiment, <strong>{title}</strong>, was saved in this browser {formatWhen(offer.savedAt, Date.now())}.
          </p>
          <button
            type="button"
            onClick={() => {
              setOfferOpen(false);
              void openHashAsEdit(store, offer.hash);
            }}
          >
            Restore your last experiment
          </button>
          <button type="button" onClick={() => setOfferOpen(false)}>
            Not now
          </button>
        </div>
      )}
      {noteOpen && (
        <div className="restore-prompt-row">
          <p>A saved copy of an experiment in this browser’s storage could not be read, so it was set aside.</p>
          <button type="button" onClick={() => setNoteOpen(false)}>
            Dismiss
          </button>
        </div>
      )}
    </section>
  );
}
