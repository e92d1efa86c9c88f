import { useEffect, useRef } from 'react';
import { useAppStore } from '../use-app-store';
import './HelpButton.css';

/**
 * The toolbar's "?": opens the introduction (app/intro), and takes focus when the introduction
 * closes, so keyboard users land where they can find it again.
 */
export function HelpButton() {
  const open = useAppStore((state) => state.introOpen);
  const setIntroOpen = useAppStore((state) => state.setIntroOpen);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(open);

  useEffect(() => {
    if (wasOpen.current && !open) buttonRef.current?.focus();
    wasOpen.current = open;
  }, [open]);

  return (
    <button
      ref={buttonRef}
      type="button"
      className="help-button"
      aria-label="Help: show the introduction"
      aria-haspopup="dialog"
      aria-expanded={open}
      title="Show the introduction"
      onClick={() => setIntroOpen(true)}
    >
      <span aria-hidden="true">?</span>
    </button>
  );
}
