// The introduction: a short tour of four steps, shown on a first visit and from the toolbar's "?"
// button. Each step rings the element it explains (the map, a run card, the playback bar, Copy
// link) and sits beside it. It is a non-modal dialog on purpose: the tour asks the reader to try
// things ("drag a start point"), so the page stays usable under it; focus moves into the card when
// it opens, Escape or Close or Skip ends it from any step, and focus then goes to the "?" button
// (HelpButton), which is where the tour can be found again. Ending it is remembered (intro-seen.ts).
import { Suspense, useEffect } from 'react';
import { createPortal } from 'react-dom';
import { introSeen, rememberIntroSeen } from './intro-seen';
import { lazyComponent } from '../lazy-component';
import { useAppStore, useAppStoreApi } from '../use-app-store';

// the tour's card and steps load when it first opens (a first visit, or the "?" button)
const IntroTour = lazyComponent(() => import('./IntroTour'), 'IntroTour');

/** The introduction, opened on a first visit and by the store's `introOpen` (the "?" button). */
export function Intro() {
  const store = useAppStoreApi();
  const open = useAppStore((state) => state.introOpen);

  useEffect(() => {
    if (!introSeen()) store.getState().setIntroOpen(true);
  }, [store]);

  if (!open) return null;
  const close = () => {
    rememberIntroSeen();
    store.getState().setIntroOpen(false);
  };
  // on <body>, above the layout: its fixed position must not depend on the panels' own stacking
  return createPortal(
    <Suspense fallback={null}>
      <IntroTour onClose={close} />
    </Suspense>,
    document.body,
  );
}

