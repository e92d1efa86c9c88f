import { Suspense, useState } from 'react';
import { lazyComponent } from '../lazy-component';
import { useAppStore } from '../use-app-store';
import { DisclosureMenu } from '../controls/DisclosureMenu';

// the editor and the A/B form load when first opened, not with the page
const ClassroomLinkDialog = lazyComponent(() => import('./ClassroomLinkDialog'), 'ClassroomLinkDialog');
const CompareDialog = lazyComponent(() => import('./CompareDialog'), 'CompareDialog');

/** The toolbar's Classroom menu: the link editor, presenter mode and the A/B comparison (one button: the toolbar stays one line on a laptop). */
export function ClassroomTools() {
  const setPresenting = useAppStore((state) => state.setPresenting);
  const [open, setOpen] = useState<'link' | 'compare' | null>(null);
  const close = () => setOpen(null);
  const items: { label: string; dialog: boolean; action: () => void }[] = [
    { label: 'Classroom link…', dialog: true, action: () => setOpen('link') },
    { label: 'Presenter mode', dialog: false, action: () => setPresenting(true) },
    { label: 'A/B compare…', dialog: true, action: () => setOpen('compare') },
  ];
  return (
    <span className="classroom-menu">
      <DisclosureMenu label="Classroom">
        {(closeMenu) => (
          <ul className="menu-list">
            {items.map(({ label, dialog, action }) => (
              <li key={label}>
                <button
                  type="button"
                  {...(dialog && { 'aria-haspopup': 'dialog' as const })}
                  onClick={() => {
                    closeMenu();
                    action();
                  }}
                >
                  {label}
                </button>
              </li>
            ))}
          </ul>
        )}
      </DisclosureMenu>
      <Suspense fallback={null}>
        {open === 'link' && <ClassroomLinkDialog onClose={close} />}
        {open === 'compare' && <CompareDialog onClose={close} />}
      </Suspense>
    </span>
  );
}
