import { useState } from 'react';
import { shareUrl } from '../experiment/url-sync';
import { useAppStoreApi } from './use-app-store';

/** Copies the link that reproduces the current experiment. */
export function CopyLinkButton() {
  const store = useAppStoreApi();
  const [status, setStatus] = useState<string>('');
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
      <span role="status" aria-live="polite">
        {status}
      </span>
    </span>
  );
}
