// Keeps an introduction card beside the element its step explains while the page moves under it:
// the element and the card are measured again on scroll (any scroll container: the runs column can
// scroll on its own), on window resize, when a phone's visual viewport moves, and when either
// changes size (a run card growing, large text switched on), at most once a frame. The element is looked up again at each measure, so a
// panel that React re-created is followed too. When a step opens, its element is scrolled into view.
import { useLayoutEffect, useState, type RefObject } from 'react';
import type { IntroStep } from './intro-steps';
import { placeCard, visiblePart, type Box, type Placement } from './placement';

/** Where the highlight ring and the card go, in viewport pixels. */
export interface Anchor {
  /** The element's box, or null where the page does not show the step's element (the card is then centred). */
  readonly target: Box | null;
  readonly card: Placement;
}

/** The part of the page on screen, in getBoundingClientRect's coordinates: the visual viewport (a phone's zoom moves it), without scrollbars. */
function screenBox(): Box {
  const visual = window.visualViewport;
  if (visual) return { left: visual.offsetLeft, top: visual.offsetTop, width: visual.width, height: visual.height };
  return { left: 0, top: 0, width: document.documentElement.clientWidth, height: document.documentElement.clientHeight };
}

/** Places the card beside the element (centred in the window where there is none). */
function measure(target: Element | null, card: HTMLElement, step: IntroStep): Anchor {
  const screen = screenBox();
  const size = { width: card.offsetWidth, height: card.offsetHeight };
  if (!target) {
    const centred = { left: screen.left + (screen.width - size.width) / 2, top: screen.top + (screen.height - size.height) / 2 };
    return { target: null, card: { ...centred, side: 'over', arrow: null } };
  }
  const rect = target.getBoundingClientRect();
  const box = { left: rect.left, top: rect.top, width: rect.width, height: rect.height };
  // beside the part of the element on screen, not beside its middle far below the fold
  return { target: box, card: placeCard(visiblePart(box, screen) ?? box, size, screen, step.sides) };
}

/** Brings the element into the window where part of it is outside (as little scrolling as will do). */
function reveal(target: Element, smooth: boolean): void {
  const rect = target.getBoundingClientRect();
  const screen = screenBox();
  const inside = rect.left >= screen.left && rect.top >= screen.top && rect.right <= screen.left + screen.width && rect.bottom <= screen.top + screen.height;
  if (inside) return;
  target.scrollIntoView({ block: rect.height > screen.height ? 'start' : 'nearest', inline: 'nearest', behavior: smooth ? 'smooth' : 'auto' });
}

/** Tracks where the card in `cardRef` goes for `step` (see the file's comment); null until first measured. */
export function useAnchor(step: IntroStep, cardRef: RefObject<HTMLElement | null>, smoothScroll: boolean): Anchor | null {
  const [anchor, setAnchor] = useState<Anchor | null>(null);

  useLayoutEffect(() => {
    if (!cardRef.current) return;
    const card: HTMLElement = cardRef.current;
    let observed: Element | null = null;
    let frame = 0;
    // declarations: the observer and the measure call each other
    function schedule() {
      if (!frame) frame = requestAnimationFrame(update);
    }
    function update() {
      frame = 0;
      const target = step.find(document);
      if (target !== observed) {
        if (observed) resized.unobserve(observed);
        if (target) resized.observe(target);
        observed = target;
      }
      setAnchor(measure(target, card, step));
    }
    const resized = new ResizeObserver(schedule);
    resized.observe(card);

    const target = step.find(document);
    if (target) reveal(target, smoothScroll);
    update();
    window.addEventListener('resize', schedule);
    // capture: the scroll events of inner containers do not bubble
    window.addEventListener('scroll', schedule, { capture: true, passive: true });
    // a phone's zoom, and a page wider than the phone, move the visual viewport without scrolling the document
    window.visualViewport?.addEventListener('scroll', schedule);
    window.visualViewport?.addEventListener('resize', schedule);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('resize', schedule);
      window.removeEventListener('scroll', schedule, { capture: true });
      window.visualViewport?.removeEventListener('scroll', schedule);
      window.visualViewport?.removeEventListener('resize', schedule);
      resized.disconnect();
    };
  }, [step, cardRef, smoothScroll]);

  return anchor;
}
