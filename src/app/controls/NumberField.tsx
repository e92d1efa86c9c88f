import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import type { NumberRange } from '../../engine/checks';
import { formatNumber, parseNumberText } from './slider-scale';
import './controls.css';

/** How long a bad value may sit in the field before it is called out (so "0.05" is not flagged at "0."). */
const MESSAGE_DELAY_MS = 700;

/** Props of a NumberField. */
export interface NumberFieldProps {
  /** The value in the experiment; the field follows it unless the user is typing. */
  value: number;
  /** What validation allows (a value outside never reaches `onCommit`). */
  range: NumberRange;
  /** The field as messages name it: "lr", "seed", "start x". */
  fieldName: string;
  /** Called with each valid value as it is typed. */
  onCommit(value: number): void;
  /** A further rule after the range (SGD's nesterov needs momentum > 0): a message, or undefined. */
  check?(value: number): string | undefined;
  /** The accessible name, when no visible label names the field through `labelledBy`. */
  label?: string;
  /** Id of the element that names the field. */
  labelledBy?: string;
  integer?: boolean;
  disabled?: boolean;
  className?: string;
}

/**
 * A text field for one number. Valid values are committed as they are typed; a bad one stays in
 * the field (nothing typed is lost) with a message naming the field and the allowed range, shown
 * once typing pauses or on Enter or leaving the field, and never reaches the experiment. Escape
 * puts the experiment's value back.
 */
export function NumberField({ value, range, fieldName, onCommit, check, label, labelledBy, integer, disabled, className }: NumberFieldProps) {
  const messageId = useId();
  const [text, setText] = useState(() => formatNumber(value));
  const [followedValue, setFollowedValue] = useState(value);
  const [editing, setEditing] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [messageShown, setMessageShown] = useState(false);

  // the value this field last sent: the experiment coming back with it is the field's own typing
  const [typedValue, setTypedValue] = useState<number | null>(null);

  // The experiment changed under the field (a slider, a link, a drag on the map, undo or Back): show
  // the new value, unless it is the one being typed here (its text, "0.50" say, stays as typed).
  if (!Object.is(value, followedValue)) {
    setFollowedValue(value);
    if (!editing || !Object.is(value, typedValue)) {
      setText(formatNumber(value));
      setMessage(null);
    }
  }

  useEffect(() => {
    if (message === null || messageShown) return;
    const timer = setTimeout(() => setMessageShown(true), MESSAGE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [message, messageShown]);

  const validate = (typed: string): { value: number } | { message: string } => {
    const parsed = parseNumberText(typed, range, fieldName);
    if (!parsed.ok) return { message: parsed.message };
    const problem = check?.(parsed.value);
    return problem === undefined ? { value: parsed.value } : { message: problem };
  };

  const onChange = (typed: string) => {
    setText(typed);
    const result = validate(typed);
    if ('message' in result) {
      if (result.message !== message) setMessageShown(false);
      setMessage(result.message);
      return;
    }
    setMessage(null);
    setMessageShown(false);
    setTypedValue(result.value);
    if (!Object.is(result.value, value)) onCommit(result.value);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' && message !== null) setMessageShown(true);
    if (event.key === 'Escape' && message !== null) {
      // back to what the experiment holds
      event.stopPropagation();
      setText(formatNumber(value));
      setMessage(null);
      setMessageShown(false);
    }
  };

  const showMessage = message !== null && messageShown;
  return (
    <span className={`number-field ${className ?? ''}`}>
      <input
        type="text"
        inputMode={integer ? 'numeric' : 'decimal'}
        autoComplete="off"
        spellCheck={false}
        value={text}
        disabled={disabled}
        aria-label={labelledBy ? undefined : label}
        aria-labelledby={labelledBy}
        aria-invalid={showMessage || undefined}
        aria-describedby={showMessage ? messageId : undefined}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={onKeyDown}
        onFocus={() => setEditing(true)}
        onBlur={() => {
          setEditing(false);
          if (message !== null) setMessageShown(true);
          else setText(formatNumber(value));
        }}
      />
      {showMessage && (
        <span id={messageId} className="field-error" role="alert">
          {message}
        </span>
      )}
    </span>
  );
}
