import { Suspense } from 'react';
import { PanelBoundary } from '../errors/PanelBoundary';
import { lazyComponent } from '../lazy-component';
import { useLessons } from './lessons-context';

// the lessons (their texts and links) and their panel load the first time the panel opens
const LessonsPanel = lazyComponent(() => import('./LessonsPanel'), 'LessonsPanel');

/** Where the lessons panel goes, beside the map: nothing while it is closed. */
export function LessonsSlot() {
  const { mode } = useLessons();
  if (mode.kind === 'closed') return null;
  return (
    <PanelBoundary name="The lessons panel" className="lessons-slot">
      <Suspense fallback={<p className="lazy-loading">Loading the lessons…</p>}>
        <LessonsPanel />
      </Suspense>
    </PanelBoundary>
  );
}
