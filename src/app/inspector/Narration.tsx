import type { NarratedSubstep } from '../../engine/methods/inspection';
import { Katex } from '../controls/Katex';

/** Props of Narration. */
export interface NarrationProps {
  /** The step x_k was reached by. */
  step: number;
  /** Its sub-steps; null for a method that does not tell its steps (yet). */
  narration: readonly NarratedSubstep[] | null;
  /** While playing the narration changes every frame: it is shown but not spoken (as the step counter), and spoken again once paused. */
  playing: boolean;
}

/**
 * The latest step told sub-step by sub-step: a sentence in plain words with the numbers, and the
 * rule with the values substituted. A polite live region, read whole, so a screen reader says the
 * new step as stepping or scrubbing moves it (and a newer step replaces an unread one).
 */
export function Narration({ step, narration, playing }: NarrationProps) {
  return (
    <div className="inspector-narration" aria-live={playing ? 'off' : 'polite'} aria-atomic="true" data-testid="inspector-narration">
      {narration === null ? (
        <p>This method does not narrate its steps yet.</p>
      ) : step === 0 || narration.length === 0 ? (
        <p>Step 0 is the start: no step has been taken yet.</p>
      ) : (
        <>
          <p className="visually-hidden">Step {step}:</p>
          <ol>
            {narration.map(({ sentence, rule }, i) => (
              <li key={i}>
                <span className="inspector-sentence">{sentence}</span>
                <Katex tex={rule} fallback={rule} display className="inspector-rule" />
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
