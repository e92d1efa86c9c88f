import { useId, useState } from 'react';
import type { Lesson } from './lesson';

/** Props of a lesson's question. */
export interface LessonQuestionProps {
  readonly lesson: Lesson;
  /** Revealed before (the answer stays shown when the reader comes back to the lesson). */
  readonly revealed: boolean;
  onReveal(): void;
}

/** The lesson's question (choices, or one to think over), "Reveal answer", and the answer with the run's numbers. */
export function LessonQuestion({ lesson, revealed, onReveal }: LessonQuestionProps) {
  const { question } = lesson;
  const baseId = useId();
  const [choice, setChoice] = useState<number | null>(null);
  const [shown, setShown] = useState(false);
  const answerShown = shown || revealed;

  return (
    <div className="lesson-question">
      {question.kind === 'choice' ? (
        <fieldset>
          <legend>{question.prompt}</legend>
          {question.options.map((option, index) => (
            <label key={option} className="lesson-choice">
              <input type="radio" name={`${baseId}-choice`} value={index} checked={choice === index} onChange={() => setChoice(index)} />
              {option}
            </label>
          ))}
        </fieldset>
      ) : (
        <div className="lesson-thought">
          <p className="lesson-prompt">{question.prompt}</p>
          <p className="lesson-hint">Think it over, then reveal the answer.</p>
        </div>
      )}
      {!answerShown && (
        <button
          type="button"
          className="lesson-reveal-button"
          onClick={() => {
            setShown(true);
            onReveal();
          }}
        >
          Reveal answer
        </button>
      )}
      <div className="lesson-answer" role="region" aria-label="Answer" aria-live="polite" hidden={!answerShown}>
        {answerShown && (
          <>
            {question.kind === 'choice' && (
              <p className="lesson-verdict">
                {choice === null
                  ? `The answer: ${question.options[question.answer]}.`
                  : choice === question.answer
                    ? `Right: ${question.options[question.answer]}.`
                    : `Not quite: the answer is ${question.options[question.answer]}.`}
              </p>
            )}
            {lesson.reveal.map((paragraph) => (
              <p key={paragraph}>{paragraph}</p>
            ))}
          </>
        )}
      </div>
    </div>
  );
}
