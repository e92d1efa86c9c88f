import { useId, useState, type FormEvent } from 'react';
import { urlHash } from '../../sync/url-sync';
import { useAppStoreApi } from '../use-app-store';
import { compareUrl, hashOfLink } from './classroom-link';
import { ModalDialog } from './ModalDialog';

/** "A/B compare": the experiment on this page is A; the reader pastes B's link and opens both side by side. */
export function CompareDialog({ onClose }: { onClose(): void }) {
  const store = useAppStoreApi();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const fieldId = useId();
  const messageId = useId();

  const open = (event: FormEvent) => {
    event.preventDefault();
    const b = hashOfLink(text);
    if (b === null) {
      setProblem("Paste the link of experiment B (a playground link, as Copy link makes it).");
      return;
    }
    // a new query is a new page load: the A/B page's own composition (main.tsx), and Back returns here
    location.assign(compareUrl(location.pathname, urlHash(store.getState()), b));
  };

  return (
    <ModalDialog title="A/B compare" onClose={onClose}>
      <p className="dialog-intro">
        This experiment is A. Paste the link of experiment B: both open side by side, and one Play, Step or scrub moves both, step for step.
      </p>
      <form onSubmit={open} className="compare-form">
        <label htmlFor={fieldId}>Link of experiment B</label>
        <input
          id={fieldId}
          type="url"
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setProblem(null);
          }}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? messageId : undefined}
          placeholder="https://…#v=1&surface=…"
        />
        {problem && (
          <p id={messageId} className="field-error" role="alert">
            {problem}
          </p>
        )}
        <button type="submit">Open A/B compare</button>
      </form>
    </ModalDialog>
  );
}
