import { useEffect, useState } from 'react';
import { encodeExperiment } from '../../experiment/url-codec';
import { DisclosureMenu } from '../controls/DisclosureMenu';
import { formatWhen, loadRecent, saveRecent, startRecentRecording, type RecentEntry } from './recent';
import { useAppStoreApi } from '../use-app-store';

/** The "Recent" menu: the last experiments opened here, newest first; choosing one opens it. */
export function RecentMenu() {
  const store = useAppStoreApi();
  const [entries, setEntries] = useState<RecentEntry[]>([]);
  // Read when the menu opens, not subscribed: a drag changes the experiment every frame, and
  // this menu has no reason to re-render for that.
  const [opened, setOpened] = useState({ now: 0, currentHash: '' });

  useEffect(() => startRecentRecording(store), [store]);

  const refresh = () => {
    setEntries(loadRecent());
    setOpened({ now: Date.now(), currentHash: encodeExperiment(store.getState().experiment) });
  };

  return (
    <DisclosureMenu label="Recent" onOpen={refresh} className="recent-menu">
      {(close) =>
        entries.length === 0 ? (
          <p className="menu-empty">No recent experiments yet. Each experiment you settle on for a moment is remembered here.</p>
        ) : (
          <>
            <ul className="menu-list recent-list" aria-label="Recent experiments">
              {entries.map((entry) => {
                const current = entry.hash === opened.currentHash;
                return (
                  <li key={entry.hash}>
                    {/* A plain link: url-sync follows the hash change, Back returns, and it opens in a new tab too. */}
                    <a href={`#${entry.hash}`} aria-current={current ? 'page' : undefined} onClick={() => close()}>
                      <span className="recent-title">{entry.title}</span>
                      <span className="recent-when">
                        {current ? 'open now · ' : ''}
                        {formatWhen(entry.time, opened.now)}
                      </span>
                    </a>
                  </li>
                );
              })}
            </ul>
            <button
              type="button"
              className="quiet menu-footer"
              onClick={() => {
                saveRecent([]);
                setEntries([]);
              }}
            >
              Clear recent experiments
            </button>
          </>
        )
      }
    </DisclosureMenu>
  );
}
