import type { ReactNode } from 'react';
import './controls.css';

/** Props of a Select. */
export interface SelectProps {
  /** The visible label, which is also the accessible name unless `accessibleName` overrides it. */
  label: string;
  /** A fuller name for screen readers where the visible label relies on its surroundings ("Optimizer of run 2"). */
  accessibleName?: string;
  /** Keep the label for screen readers only (the row around the select already says what it is). */
  hideLabel?: boolean;
  value: string;
  onChange(value: string): void;
  /** <option> and <optgroup> elements. */
  children: ReactNode;
  disabled?: boolean;
  className?: string;
}

/** A labelled native <select>: keyboard, screen readers and touch get the platform's own picker. */
export function Select({ label, accessibleName, hideLabel, value, onChange, children, disabled, className }: SelectProps) {
  return (
    <label className={`select-control ${className ?? ''}`}>
      <span className={hideLabel ? 'visually-hidden' : 'control-name'}>{label}</span>
      <select value={value} disabled={disabled} aria-label={accessibleName} onChange={(event) => onChange(event.target.value)}>
        {children}
      </select>
    </label>
  );
}
