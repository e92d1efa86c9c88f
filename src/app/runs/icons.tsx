// Line icons for the run cards' buttons (the buttons carry the words in aria-label and title).
// 16 × 16 viewBox, stroked in currentColor so both themes and hover states colour them.

const STROKE = { fill: 'none', stroke: 'currentColor', strokeWidth: 1.5, strokeLinecap: 'round', strokeLinejoin: 'round' } as const;

/** An open eye: the run is drawn (the button hides it). */
export function EyeIcon() {
  return (
    <svg className="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path {...STROKE} d="M1.5 8s2.4-4.5 6.5-4.5S14.5 8 14.5 8 12.1 12.5 8 12.5 1.5 8 1.5 8z" />
      <circle {...STROKE} cx="8" cy="8" r="2" />
    </svg>
  );
}

/** A struck-out eye: the run is hidden (the button shows it). */
export function EyeOffIcon() {
  return (
    <svg className="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path {...STROKE} d="M1.5 8s2.4-4.5 6.5-4.5S14.5 8 14.5 8 12.1 12.5 8 12.5 1.5 8 1.5 8z" />
      <path {...STROKE} d="M2.5 13.5l11-11" />
    </svg>
  );
}

/** Two overlapping sheets: duplicate. */
export function CopyIcon() {
  return (
    <svg className="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <rect {...STROKE} x="5.5" y="5.5" width="8" height="8" rx="1.5" />
      <path {...STROKE} d="M10.5 3.5v-0.5a1.5 1.5 0 0 0-1.5-1.5H4a1.5 1.5 0 0 0-1.5 1.5V9A1.5 1.5 0 0 0 4 10.5h0.5" />
    </svg>
  );
}

/** A cross: remove. */
export function RemoveIcon() {
  return (
    <svg className="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path {...STROKE} d="M4 4l8 8M12 4l-8 8" />
    </svg>
  );
}
