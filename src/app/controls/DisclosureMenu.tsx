import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useOutsidePointerDown } from './use-outside-pointer-down';
import './DisclosureMenu.css';

/** Props of a DisclosureMenu. */
export interface DisclosureMenuProps {
  /** The button's text, which is also its accessible name ("Export", "Recent"). */
  label: string;
  /** Called each time the menu opens (to refresh what it lists). */
  onOpen?: () => void;
  /** The menu's content; `close` shuts it and gives focus back to the button. */
  children: (close: () => void) => ReactNode;
  className?: string;
}

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled])';

/**
 * A button that shows and hides a panel of actions (the WAI-ARIA disclosure pattern): the button
 * says whether it is expanded; opening moves focus to the first action, arrow keys move between
 * actions, Escape, a click outside or tabbing away closes it.
 */
export function DisclosureMenu({ label, onOpen, children, className }: DisclosureMenuProps) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);

  const close = useCallback((returnFocus = true) => {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  }, []);

  useEffect(() => {
    if (open) panelRef.current?.querySelector<HTMLElement>(FOCUSABLE)?.focus();
  }, [open]);
  useOutsidePointerDown(rootRef, open, useCallback(() => close(false), [close]));

  const toggle = () => {
    if (!open) onOpen?.();
    setOpen(!open);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape' && open) {
      event.preventDefault();
      event.stopPropagation(); // Escape here closes the menu, nothing else on the page
      close();
      return;
    }
    if (!open || !['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(event.key)) return;
    const items = [...(panelRef.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])];
    if (items.length === 0) return;
    event.preventDefault();
    const current = items.indexOf(document.activeElement as HTMLElement);
    const next =
      event.key === 'Home' ? 0 : event.key === 'End' ? items.length - 1 : (current + (event.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length;
    items[next].focus();
  };

  return (
    <div
      ref={rootRef}
      className={`disclosure-menu ${className ?? ''}`}
      onKeyDown={onKeyDown}
      onBlur={(event) => {
        // Tabbing out of the menu closes it; moving between its own items does not.
        if (open && !rootRef.current?.contains(event.relatedTarget as Node | null) && event.relatedTarget !== null) close(false);
      }}
    >
      <button ref={buttonRef} type="button" aria-expanded={open} aria-controls={panelId} onClick={toggle}>
        {label}
        <span className="disclosure-caret" aria-hidden="true">
          ▾
        </span>
      </button>
      <div ref={panelRef} id={panelId} className="disclosure-panel" hidden={!open}>
        {open && children(() => close())}
      </div>
    </div>
  );
}
