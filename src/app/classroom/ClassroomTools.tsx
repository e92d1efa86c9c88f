import { Suspense, useState } from 'react';
import { lazyComponent } from '../lazy-component';
import { useAppStore } from '../use-app-store';

// the editor and the A/B form load when first opened, not with the page
const ClassroomLinkDialog = lazyComponent(() => import('./ClassroomLinkDialog'), 'ClassroomLinkDialog');
const CompareDialog = lazyComponent(() => import('./CompareDialog'), 'CompareDialog');

/** The toolbar's classroom group: the link editor, presenter mode and the A/B comparison. */
export function ClassroomTools() {
  const setPresenting = useAppStore((state) => state.setPresenting);
  const [open, setOpen] = useState<'link' | 'compare' | null>(null);
  const close = () => setOpen(null);
  return (
    <div className="toolbar-group" role="group" aria-label="Classroom">
      <button type="button" aria-haspopup="dialog" onClick={() => setOpen('link')}>
        Classroom link…
      </button>
      <button type="button" onClick={() => setPresenting(true)}>
        Presenter mode
      </button>
      <button type="button" aria-haspopup="dialog" onClick={() => setOpen('compare')}>
        A/B compare…
      </button>
      <Suspense fallback={null}>
        {open === 'link' && <ClassroomLinkDialog onClose={close} />}
        {open === 'compare' && <CompareDialog onClose={close} />}
      </Suspense>
    </div>
  );
}
