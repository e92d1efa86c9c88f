// The introduction's tour card and its ring, loaded when the tour first opens (Intro.tsx).
import { useEffect, useId, useRef, useState, type CSSProperties } from 'react';
import { INTRO_STEPS } from './intro-steps';
import { prefersReducedMotion } from './first-play';
import { useAnchor } from './use-anchor';
import type { Box } from './placement';
import './Intro.css';

/** The tour itself, from its first step each time it opens. */
export function IntroTour({ onClose }: { onClose: () => void }) {
  const [index, setIndex] = useState(0);
  const step = INTRO_STEPS[index];
  const last = index === INTRO_STEPS.length - 1;
  const cardRef = useRef<HTMLElement>(null);
  const nextRef = useRef<HTMLButtonElement>(null);
  const [smooth] = useState(() => !prefersReducedMotion());
  const anchor = useAnchor(step, cardRef, smooth);
  const kickerId = useId();
  const titleId = useId();
  const bodyId = useId();

  // into the card once it is placed (a hidden button takes no focus); the dialog's name and text
  // are read with the focused button
  const placed = anchor !== null;
  useEffect(() => {
    if (placed) nextRef.current?.focus();
  }, [placed]);

  // Escape ends the tour from the card, or from nowhere in particular (after a click on the page);
  // a menu or a field that has focus keeps its own Escape
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      const focused = document.activeElement;
      if (focused && focused !== document.body && !cardRef.current?.contains(focused)) return;
      event.preventDefault();
      onClose();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [onClose]);

  const back = () => {
    setIndex(index - 1);
    // Back is disabled on the first step: focus moves on to Next rather than being dropped
    if (index === 1) nextRef.current?.focus();
  };
  const next = () => (last ? onClose() : setIndex(index + 1));

  const cardStyle: CSSProperties = placed ? { left: anchor.card.left, top: anchor.card.top } : { visibility: 'hidden' };
  const arrowStyle: CSSProperties | undefined =
    anchor?.card.arrow == null ? undefined : anchor.card.side === 'top' || anchor.card.side === 'bottom' ? { left: anchor.card.arrow } : { top: anchor.card.arrow };

  return (
    <>
      {anchor?.target && <Spotlight target={anchor.target} stepId={step.id} />}
      <section
        ref={cardRef}
        className="intro-card"
        role="dialog"
        aria-labelledby={`${kickerId} ${titleId}`}
        aria-describedby={bodyId}
        data-step={step.id}
        data-side={anchor?.card.side}
        style={cardStyle}
      >
        {arrowStyle && <span className="intro-arrow" aria-hidden="true" style={arrowStyle} />}
        <header className="intro-head">
          <span id={kickerId} className="intro-kicker">
            Introduction
          </span>
          <span className="intro-counter" data-testid="intro-counter">
            {index + 1} of {INTRO_STEPS.length}
          </span>
          <span className="intro-dots" aria-hidden="true">
            {INTRO_STEPS.map((each, dot) => (
              <span key={each.id} className={dot === index ? 'current' : undefined} />
            ))}
          </span>
          <button type="button" className="intro-close quiet" aria-label="Close the introduction" title="Close (Esc)" onClick={onClose}>
            <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
              <path d="M4 4l8 8M12 4l-8 8" />
            </svg>
          </button>
        </header>
        {/* a new step's title and text are read out when Next or Back changes them */}
        <div aria-live="polite">
          <h2 id={titleId} className="intro-title">
            {step.title}
          </h2>
          <div id={bodyId} className="intro-body">
            {step.body.map((paragraph) => (
              <p key={paragraph}>{paragraph}</p>
            ))}
          </div>
        </div>
        <footer className="intro-actions">
          {!last && (
            <button type="button" className="quiet intro-skip" aria-label="Skip the introduction" onClick={onClose}>
              Skip
            </button>
          )}
          <button type="button" onClick={back} disabled={index === 0}>
            Back
          </button>
          <button ref={nextRef} type="button" className="intro-next" onClick={next}>
            {last ? 'Done' : 'Next'}
          </button>
        </footer>
      </section>
    </>
  );
}

/** Space between the element and its ring, in pixels. */
const RING_PAD = 6;

/**
 * A ring around the element a step explains; its shadow dims the rest of the page. Neither takes
 * clicks: the page under the tour stays usable.
 */
function Spotlight({ target, stepId }: { target: Box; stepId: string }) {
  const ring = { left: target.left - RING_PAD, top: target.top - RING_PAD, width: target.width + 2 * RING_PAD, height: target.height + 2 * RING_PAD };
  return <div className="intro-highlight" data-testid="intro-highlight" data-step={stepId} aria-hidden="true" style={ring} />;
}
