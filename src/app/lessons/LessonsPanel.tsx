import { useCallback, useEffect, useRef, useState } from 'react';
import { browserStorage } from '../../sync/saved-session';
import { useAppStoreApi } from '../use-app-store';
import { LESSONS, getLesson } from './catalog';
import { LessonPanel } from './LessonPanel';
import { LessonsMenu } from './LessonsMenu';
import { useLessons } from './lessons-context';
import { readProgress, withLesson, writeProgress, type LessonProgress } from './lesson-progress';
import { openLesson } from './open-lesson';
import './Lessons.css';

/** The lessons panel beside the map: the list of lessons, or the lesson open. Loaded lazily with the lessons themselves. */
export function LessonsPanel() {
  const store = useAppStoreApi();
  const { mode, setMode, panelId } = useLessons();
  const [progress, setProgress] = useState<LessonProgress>(() => readProgress(browserStorage('localStorage')));
  // a `#lesson=` link's experiment is loaded once, though StrictMode runs effects twice
  const loadedFromLink = useRef<string | null>(null);

  const mark = useCallback((id: string, how: 'visited' | 'revealed') => {
    setProgress((current) => {
      const next = withLesson(current, id, how);
      writeProgress(browserStorage('localStorage'), next);
      return next;
    });
  }, []);

  const lesson = mode.kind === 'lesson' ? getLesson(mode.id) : undefined;

  useEffect(() => {
    if (mode.kind !== 'lesson') return;
    if (!lesson) {
      setMode({ kind: 'menu' }); // a link to a lesson that does not exist (any more) shows the list
      return;
    }
    mark(lesson.id, 'visited');
    if (mode.fromPageLink && loadedFromLink.current !== lesson.id) {
      loadedFromLink.current = lesson.id;
      void openLesson(store, lesson, 'page').then(() => setMode({ kind: 'lesson', id: lesson.id, fromPageLink: false }));
    }
  }, [mode, lesson, mark, setMode, store]);

  const choose = (id: string) => {
    const chosen = getLesson(id);
    if (!chosen) return;
    void openLesson(store, chosen, 'edit');
    setMode({ kind: 'lesson', id, fromPageLink: false });
  };

  return (
    <div id={panelId} className="lessons-panel-frame">
      {lesson ? (
        <LessonPanel
          key={lesson.id}
          lesson={lesson}
          index={LESSONS.indexOf(lesson)}
          count={LESSONS.length}
          revealed={progress.revealed.includes(lesson.id)}
          onReveal={() => mark(lesson.id, 'revealed')}
          onChoose={choose}
          previous={LESSONS[LESSONS.indexOf(lesson) - 1]?.id}
          next={LESSONS[LESSONS.indexOf(lesson) + 1]?.id}
          onBack={() => setMode({ kind: 'menu' })}
          onClose={() => setMode({ kind: 'closed' })}
        />
      ) : (
        <LessonsMenu lessons={LESSONS} progress={progress} onChoose={choose} onClose={() => setMode({ kind: 'closed' })} />
      )}
    </div>
  );
}
