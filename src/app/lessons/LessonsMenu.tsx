import { useEffect, useId, useRef } from 'react';
import type { Lesson } from './lesson';
import type { LessonProgress } from './lesson-progress';

/** Props of the list of lessons. */
export interface LessonsMenuProps {
  readonly lessons: readonly Lesson[];
  readonly progress: LessonProgress;
  onChoose(id: string): void;
  onClose(): void;
}

/** The list of lessons, each with its progress: done (answer revealed), visited, or new. */
export function LessonsMenu({ lessons, progress, onChoose, onClose }: LessonsMenuProps) {
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const done = lessons.filter((lesson) => progress.revealed.includes(lesson.id)).length;
  // the list is where focus goes when it opens (from the toolbar or "Back to lessons")
  useEffect(() => headingRef.current?.focus(), []);

  return (
    <section className="panel lessons-panel" aria-labelledby={headingId}>
      <div className="lessons-heading">
        <h2 id={headingId} ref={headingRef} tabIndex={-1}>
          Lessons
        </h2>
        <button type="button" className="quiet" onClick={onClose}>
          Close lessons
        </button>
      </div>
      <p className="lessons-progress">
        {done} of {lessons.length} done. Each lesson opens an experiment to play, asks a question, and shows the answer the run gives.
      </p>
      <ol className="lessons-list">
        {lessons.map((lesson) => {
          const state = progress.revealed.includes(lesson.id) ? 'done' : progress.visited.includes(lesson.id) ? 'visited' : 'new';
          return (
            <li key={lesson.id} data-state={state}>
              <button type="button" onClick={() => onChoose(lesson.id)}>
                <span className="lesson-tick" aria-hidden="true">
                  {state === 'done' ? '✓' : state === 'visited' ? '○' : ''}
                </span>
                <span className="lesson-name">{lesson.title}</span>
                {state !== 'new' && <span className="visually-hidden"> ({state})</span>}
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
