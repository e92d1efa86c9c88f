import { useId } from 'react';
import './Segmented.css';

/** Props of a Segmented switch; name it with `label` or with `labelledBy`. */
export interface SegmentedProps<T extends string | number> {
  choices: readonly { value: T; label: string; title?: string }[];
  value: T;
  onChange: (value: T) => void;
  /** The accessible name, when no visible label names the switch through `labelledBy`. */
  label?: string;
  /** Id of the element that names the switch. */
  labelledBy?: string;
}

/** A row of radio buttons that look like one segmented switch (the loss chart's scale and axis, an analysis's options). */
export function Segmented<T extends string | number>({ choices, value, onChange, label, labelledBy }: SegmentedProps<T>) {
  const name = useId();
  return (
    <div className="segmented" role="radiogroup" aria-label={label} aria-labelledby={labelledBy}>
      {choices.map((choice) => (
        <label key={String(choice.value)} title={choice.title} className={choice.value === value ? 'checked' : undefined}>
          <input type="radio" name={name} value={String(choice.value)} checked={choice.value === value} onChange={() => onChange(choice.value)} />
          <span>{choice.label}</span>
        </label>
      ))}
    </div>
  );
}
