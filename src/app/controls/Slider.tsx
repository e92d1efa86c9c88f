import { useEffect, useId, useRef, useState } from 'react';
import type { NumberRange } from '../../engine/checks';
import { NumberField } from './NumberField';
import { formatNumber, positionCount, positionOfValue, valueAtPosition, type SliderRange } from './slider-scale';
import './controls.css';

/** Props of a Slider. */
export interface SliderProps {
  /** The name shown first and read out first: torch's name ("lr") or the parameter's label. */
  name: string;
  /** What it is, shown after the name in parentheses and part of the accessible name. */
  description?: string;
  /** Show the name in code style, as torch's names are. */
  code?: boolean;
  value: number;
  /** The stretch the thumb covers and its scale (log for learning rates). */
  slider: SliderRange;
  /** What validation allows; the number field accepts any of it, beyond the thumb's stretch too. */
  valid: NumberRange;
  onChange(value: number): void;
  /** Called with true when a drag starts and false when it ends (live recompute follows the drag). */
  onLive?(live: boolean): void;
  /** A further rule after the range (SGD's nesterov needs momentum > 0): a message, or undefined. */
  check?(value: number): string | undefined;
  disabled?: boolean;
}

/**
 * A number with a slider and a typed field side by side, named "name (description)" for screen
 * readers. The slider reports every movement (the paths follow each frame while it is dragged) and
 * announces the value itself, not the thumb's position, on log scales too.
 */
export function Slider({ name, description, code, value, slider, valid, onChange, onLive, check, disabled }: SliderProps) {
  const labelId = useId();
  const refusalId = useId();
  // why the last slide was refused (a cross-field rule), until the next one goes through
  const [refusal, setRefusal] = useState<string | null>(null);
  const dragging = useRef(false);
  // the latest onLive, for the window listener that ends a drag
  const onLiveRef = useRef(onLive);
  useEffect(() => {
    onLiveRef.current = onLive;
  }, [onLive]);

  // A drag may end anywhere on the page (or the component may go away mid-drag): always end live mode.
  const endDrag = useRef(() => {
    if (!dragging.current) return;
    dragging.current = false;
    window.removeEventListener('pointerup', endDrag.current);
    window.removeEventListener('pointercancel', endDrag.current);
    onLiveRef.current?.(false);
  });
  useEffect(() => {
    const end = endDrag.current;
    return end;
  }, []);

  const startDrag = () => {
    if (dragging.current || disabled) return;
    dragging.current = true;
    window.addEventListener('pointerup', endDrag.current);
    window.addEventListener('pointercancel', endDrag.current);
    onLiveRef.current?.(true);
  };

  const onSlide = (position: number) => {
    const next = valueAtPosition(slider, position);
    const problem = check?.(next);
    setRefusal(problem ?? null);
    if (problem !== undefined || Object.is(next, value)) return;
    onChange(next);
  };

  return (
    <div className="slider-control">
      <span id={labelId} className="control-name">
        {code ? <code>{name}</code> : name}
        {description && <span className="control-description"> ({description})</span>}
      </span>
      <div className="slider-row">
        <input
          type="range"
          min={0}
          max={positionCount(slider)}
          step={1}
          value={positionOfValue(slider, value)}
          disabled={disabled}
          aria-labelledby={labelId}
          aria-valuetext={formatNumber(value)}
          aria-describedby={refusal ? refusalId : undefined}
          onPointerDown={startDrag}
          onChange={(event) => onSlide(Number(event.target.value))}
        />
        <NumberField
          value={value}
          range={valid}
          fieldName={name}
          labelledBy={labelId}
          onCommit={onChange}
          check={check}
          integer={slider.integer}
          disabled={disabled}
        />
      </div>
      {refusal && (
        <span id={refusalId} className="field-error" role="alert">
          {refusal}
        </span>
      )}
    </div>
  );
}
