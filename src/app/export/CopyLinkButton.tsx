import { useEffect, useState } from 'react';
import { shareUrl } from '../../sync/url-sync';
import { useAppStoreApi } from '../use-app-store';

/** How long "Link copied" stays beside the button. */
const STATUS_CLEAR_MS = 4_000;

/** Copies the link that reproduces the current experiment and view. */
export function CopyLinkButton() {
  const store = useAppStoreApi();
  const [status, setStatus] = useState<string>('');

  useEffect(() => {
    if (!status) return;
    const timer = setTimeout(() => setStatus(''), STATUS_CLEAR_MS);
    return () => clearTimeout(timer);
  }, [status]);

  const copy = async () => {
    const url = shareUrl(store.getState());
    try {
      await navigator.clipboard.writeText(url);
      setStatus('Link copied');
    } catch {
      // Clipboard access can be refused (no permission, insecure context): show the link instead.
      window.prompt('Copy this link:', url);
      setStatus('');
    }
  };
  return (
    <span className="copy-link">
      <button type="button" onClick={copy}>
        Copy link
      </button>
      <span className="toolbar-status" role="status" aria-live="polite">
        {status}
      </span>
    </span>
  );
}
