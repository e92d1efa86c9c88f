import { useEffect, useId, useRef, type ReactNode } from 'react';
import './classroom-lazy.css';

/** A modal <dialog>: the page behind is inert, Esc and the Close button call onClose, focus returns to the opener. */
export function ModalDialog({ title, onClose, children }: { title: string; onClose(): void; children: ReactNode }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  useEffect(() => {
    const element = dialog.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    element?.showModal();
    return () => {
      element?.close();
      opener?.focus();
    };
  }, []);
  return (
    <dialog
      ref={dialog}
      className="classroom-dialog"
      aria-labelledby={headingId}
      onCancel={(event) => {
        event.preventDefault(); // React closes it, by unmounting
        onClose();
      }}
    >
      <h2 id={headingId}>{title}</h2>
      {children}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </dialog>
  );
}
