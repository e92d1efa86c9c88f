import { useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import { browserStorage } from '../../sync/saved-session';
import { pageHash } from '../../sync/url-sync';
import { LessonsContext, type LessonsMode } from './lessons-context';
import { lessonOfHash } from './lesson-link';
import { readOpenLesson, writeOpenLesson } from './lesson-progress';

/**
 * Holds the lessons panel's state for the toolbar button and the panel. The page opens on a lesson
 * its link names (`#lesson=<id>`), or on the lesson this tab had open before a reload.
 */
export function LessonsProvider({ children }: { children: ReactNode }) {
  const [mode, setMode] = useState<LessonsMode>(initialMode);
  const panelId = useId();

  // the tab remembers its open lesson (not the list), so a reload comes back to it
  useEffect(() => {
    writeOpenLesson(browserStorage('sessionStorage'), mode.kind === 'lesson' ? mode.id : null);
  }, [mode]);

  const navigation = useMemo(() => ({ mode, setMode, panelId }), [mode, panelId]);
  return <LessonsContext.Provider value={navigation}>{children}</LessonsContext.Provider>;
}

/** The lesson the page's link names (its experiment to load), else the one this tab had open (its experiment restored with the session), else closed. */
function initialMode(): LessonsMode {
  const linked = lessonOfHash(pageHash());
  if (linked !== null) return { kind: 'lesson', id: linked, fromPageLink: true };
  const open = readOpenLesson(browserStorage('sessionStorage'));
  return open === null ? { kind: 'closed' } : { kind: 'lesson', id: open, fromPageLink: false };
}
