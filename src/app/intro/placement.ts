// Where an introduction step's card goes: beside the element it explains, on the first of the
// step's preferred sides where the whole card fits inside the window, centred on the element along
// that side and slid back inside the window where the element is near an edge. An arrow on the
// card's edge points at the element's centre. Where no side has room (a map that fills a phone's
// screen) the card lies over the element, against the window's top or bottom edge, whichever
// covers less of it. All in CSS pixels of the viewport (getBoundingClientRect's space).

/** A rectangle in viewport pixels. */
export interface Box {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** A width and a height in pixels. */
export interface Size {
  readonly width: number;
  readonly height: number;
}

/** The side of the element the card sits on. */
export type Side = 'top' | 'bottom' | 'left' | 'right';

/** Where the card goes: its top-left corner, the side of the element it is on ('over': on it), and the arrow's offset along the card's facing edge (null: no arrow). */
export interface Placement {
  readonly left: number;
  readonly top: number;
  readonly side: Side | 'over';
  readonly arrow: number | null;
}

/** Space between the element and the card (the arrow sits in it). */
export const GAP = 14;
/** Space kept between the card and the window's edges. */
export const MARGIN = 8;
/** Closest the arrow comes to a corner of the card (it must not overhang the rounded corner). */
export const ARROW_INSET = 18;

function clamp(value: number, low: number, high: number): number {
  return Math.max(low, Math.min(high, value));
}

/** The card's placement beside `target`, trying `sides` in order; see the file's comment. */
export function placeCard(target: Box, card: Size, viewport: Size, sides: readonly Side[]): Placement {
  const right = target.left + target.width;
  const bottom = target.top + target.height;
  const centreX = target.left + target.width / 2;
  const centreY = target.top + target.height / 2;
  // along an edge of the window: centred on the element, slid back inside the margins
  const alongX = clamp(centreX - card.width / 2, MARGIN, viewport.width - MARGIN - card.width);
  const alongY = clamp(centreY - card.height / 2, MARGIN, viewport.height - MARGIN - card.height);
  const fitsAcross = card.width <= viewport.width - 2 * MARGIN;
  const fitsDown = card.height <= viewport.height - 2 * MARGIN;
  const arrowX = (left: number) => clamp(centreX - left, ARROW_INSET, card.width - ARROW_INSET);
  const arrowY = (top: number) => clamp(centreY - top, ARROW_INSET, card.height - ARROW_INSET);

  for (const side of sides) {
    if (side === 'bottom' && fitsAcross && bottom + GAP + card.height <= viewport.height - MARGIN && bottom + GAP >= MARGIN)
      return { side, left: alongX, top: bottom + GAP, arrow: arrowX(alongX) };
    if (side === 'top' && fitsAcross && target.top - GAP - card.height >= MARGIN && target.top - GAP <= viewport.height - MARGIN)
      return { side, left: alongX, top: target.top - GAP - card.height, arrow: arrowX(alongX) };
    if (side === 'right' && fitsDown && right + GAP + card.width <= viewport.width - MARGIN && right + GAP >= MARGIN)
      return { side, left: right + GAP, top: alongY, arrow: arrowY(alongY) };
    if (side === 'left' && fitsDown && target.left - GAP - card.width >= MARGIN && target.left - GAP <= viewport.width - MARGIN)
      return { side, left: target.left - GAP - card.width, top: alongY, arrow: arrowY(alongY) };
  }
  // no room beside it: over the element, at the window's edge farther from the element's centre
  const top = centreY > viewport.height / 2 ? MARGIN : Math.max(MARGIN, viewport.height - MARGIN - card.height);
  return { side: 'over', left: Math.max(MARGIN, alongX), top, arrow: null };
}

/** The part of `box` inside the window, or null when none of it is. */
export function visiblePart(box: Box, viewport: Size): Box | null {
  const left = Math.max(0, box.left);
  const top = Math.max(0, box.top);
  const right = Math.min(viewport.width, box.left + box.width);
  const bottom = Math.min(viewport.height, box.top + box.height);
  return right > left && bottom > top ? { left, top, width: right - left, height: bottom - top } : null;
}
