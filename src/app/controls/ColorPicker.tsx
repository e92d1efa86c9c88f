import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { RUN_COLORS } from '../../views/scales';
import { colorName } from '../runs/labels';
import { useOutsidePointerDown } from './use-outside-pointer-down';
import './controls.css';

/** Props of a ColorPicker. */
export interface ColorPickerProps {
  /** The colour now, "#rrggbb". */
  color: string;
  /** What is being coloured, for the accessible names: "run 2". */
  subject: string;
  /** Called with "#rrggbb" in lower case. */
  onChange(color: string): void;
}

/**
 * A swatch button that opens the palette: the eight Okabe-Ito colours (told apart with the common
 * colour-vision deficiencies), each a button named for its colour, and a custom colour field.
 * Escape or a click elsewhere closes it; focus returns to the swatch.
 */
export function ColorPicker({ color, subject, onChange }: ColorPickerProps) {
  const [open, setOpen] = useState(false);
  const paletteId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const current = color.toLowerCase();

  useEffect(() => {
    if (open) rootRef.current?.querySelector<HTMLButtonElement>('.palette button[aria-pressed="true"], .palette button')?.focus();
  }, [open]);
  useOutsidePointerDown(rootRef, open, useCallback(() => setOpen(false), []));

  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape' && open) {
      event.preventDefault();
      event.stopPropagation();
      close();
    }
  };

  return (
    <div className="color-picker" ref={rootRef} onKeyDown={onKeyDown}>
      <button
        ref={buttonRef}
        type="button"
        className="swatch-button"
        aria-label={`Colour of ${subject}: ${colorName(current)}`}
        aria-expanded={open}
        aria-controls={paletteId}
        onClick={() => setOpen(!open)}
      >
        <span className="color-swatch" style={{ background: current }} />
      </button>
      {open && (
        <div id={paletteId} className="palette" role="group" aria-label={`Colours for ${subject}`}>
          <div className="palette-swatches">
            {RUN_COLORS.map((option) => {
              const value = option.toLowerCase();
              return (
                <button
                  key={value}
                  type="button"
                  aria-label={colorName(value)}
                  title={colorName(value)}
                  aria-pressed={value === current}
                  onClick={() => {
                    onChange(value);
                    close();
                  }}
                >
                  <span className="color-swatch" style={{ background: value }} />
                </button>
              );
            })}
          </div>
          <label className="palette-custom">
            <input type="color" aria-label={`Custom colour for ${subject}`} value={current} onChange={(event) => onChange(event.target.value.toLowerCase())} />
            <span>Custom colour</span>
          </label>
        </div>
      )}
    </div>
  );
}
