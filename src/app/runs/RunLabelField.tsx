import { useId, useState } from 'react';
import { MAX_LABEL_LENGTH } from '../../experiment/experiment';
import { REPLACEMENT_CHARACTER, loneSurrogatePosition, withLoneSurrogatesReplaced } from '../../experiment/broken-text';

/** Props of a run's label field. */
export interface RunLabelFieldProps {
  /** The run's number as the list shows it (1-based). */
  number: number;
  label: string | undefined;
  /** The automatic name, shown while no label is typed. */
  placeholder: string;
  onChange(label: string | undefined): void;
}

/**
 * A run's label. A lone surrogate (half of a character pair, which a link cannot carry and a file
 * refuses: experiment/broken-text.ts) is replaced by "�" where the reader can see it, and a note under
 * the field says where it was, so the label the link keeps is the label on screen.
 */
export function RunLabelField({ number, label, placeholder, onChange }: RunLabelFieldProps) {
  const noteId = useId();
  const [brokenAt, setBrokenAt] = useState<number | null>(null);
  // the note stays while the replacement it explains is still in the label
  const showNote = brokenAt !== null && (label ?? '').includes(REPLACEMENT_CHARACTER);
  return (
    <>
      <label className="run-field run-label-field">
        <span className="visually-hidden">Label of run {number}</span>
        <input
          type="text"
          value={label ?? ''}
          placeholder={placeholder}
          maxLength={MAX_LABEL_LENGTH}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={showNote ? noteId : undefined}
          onChange={(event) => {
            const typed = event.target.value;
            const position = loneSurrogatePosition(typed);
            if (position !== null) setBrokenAt(position);
            const whole = position === null ? typed : withLoneSurrogatesReplaced(typed);
            onChange(whole === '' ? undefined : whole);
          }}
        />
      </label>
      {showNote && (
        <p id={noteId} className="run-label-note" role="status">
          The label of run {number} had a broken character at position {brokenAt} (a lone surrogate, half of a character pair); it is shown as “
          {REPLACEMENT_CHARACTER}” and kept that way.
        </p>
      )}
    </>
  );
}
