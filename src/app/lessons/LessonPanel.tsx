import { useEffect, useId, useRef } from 'react';
import { useAppStore } from '../use-app-store';
import type { Lesson } from './lesson';
import { LessonQuestion } from './LessonQuestion';

/** Props of one lesson's panel. */
export interface LessonPanelProps {
  readonly lesson: Lesson;
  /** 0-based place in the list, and the list's length. */
  readonly index: number;
  readonly count: number;
  /** Whether the reader has revealed this lesson's answer (now or before). */
  readonly revealed: boolean;
  onReveal(): void;
  onChoose(id: string): void;
  readonly previous: string | undefined;
  readonly next: string | undefined;
  onBack(): void;
  onClose(): void;
}

/** One lesson: its text, play and step through its experiment, its question and answer, and the way to the others. */
export function LessonPanel({ lesson, index, count, revealed, onReveal, onChoose, previous, next, onBack, onClose }: LessonPanelProps) {
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const playing = useAppStore((state) => state.playing);
  const step = useAppStore((state) => state.step);
  const steps = useAppStore((state) => state.experiment.steps);
  const togglePlay = useAppStore((state) => state.togglePlay);
  const stepForward = useAppStore((state) => state.stepForward);
  // a lesson opened (from the list, Previous or Next) takes focus, so a screen reader reads it from the top
  useEffect(() => headingRef.current?.focus(), []);

  return (
    <section className="panel lessons-panel lesson" aria-labelledby={headingId} data-lesson={lesson.id}>
      <div className="lessons-heading">
        <p className="lesson-count">
          Lesson {index + 1} of {count}
        </p>
        <button type="button" className="quiet" onClick={onClose}>
          Close lessons
        </button>
      </div>
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        {lesson.title}
      </h2>
      {lesson.text.map((paragraph) => (
        <p key={paragraph}>{paragraph}</p>
      ))}
      <p className="lesson-look">
        <strong>Look:</strong> {lesson.lookAt}
      </p>
      <div className="lesson-playback" role="group" aria-label="Play the lesson's experiment">
        <button type="button" onClick={togglePlay} aria-label={playing ? 'Pause the lesson' : 'Play the lesson'}>
          {playing ? 'Pause' : 'Play'}
        </button>
        <button type="button" onClick={stepForward} disabled={step >= steps} aria-label="Step the lesson">
          Step
        </button>
        <span className="lesson-step" data-testid="lesson-step">
          step {step} of {steps}
        </span>
      </div>
      <LessonQuestion key={lesson.id} lesson={lesson} revealed={revealed} onReveal={onReveal} />
      <nav className="lesson-navigation" aria-label="Other lessons">
        <button type="button" disabled={previous === undefined} onClick={() => previous !== undefined && onChoose(previous)}>
          Previous lesson
        </button>
        <button type="button" disabled={next === undefined} onClick={() => next !== undefined && onChoose(next)}>
          Next lesson
        </button>
        <button type="button" className="quiet" onClick={onBack}>
          Back to lessons
        </button>
      </nav>
    </section>
  );
}
