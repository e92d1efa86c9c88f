import './controls.css';

/** Props of a Toggle. */
export interface ToggleProps {
  /** What turning it on means; the accessible name (with the description when there is one). */
  label: string;
  /** Said after the label, smaller ("(Nesterov momentum: step along g + μb)"). */
  description?: string;
  checked: boolean;
  onChange(checked: boolean): void;
  disabled?: boolean;
  /** Shown in code style, as torch names are. */
  code?: boolean;
}

/** An on/off setting as a labelled checkbox: Space toggles it, screen readers say its state. */
export function Toggle({ label, description, checked, onChange, disabled, code }: ToggleProps) {
  return (
    <label className="toggle-control">
      <input type="checkbox" checked={checked} disabled={disabled} onChange={(event) => onChange(event.target.checked)} />
      <span>
        {code ? <code>{label}</code> : label}
        {description && <span className="control-description"> ({description})</span>}
      </span>
    </label>
  );
}
