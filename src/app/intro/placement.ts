// Where an introduction step's card goes: beside the element it explains, on the first of the
// step's preferred sides where the whole card fits inside the window, centred on the element along
// that side and slid back inside the window where the element is near an edge. An arrow on the
// card's edge points at the element's centre. Where no side has room (a map that fills a phone's
// screen) the card lies over the element, against the window's top or bottom edge, whichever
// covers less of it. All in CSS pixels of the layout viewport (getBoundingClientRect's and
// position: fixed's space); the window is the part of it on screen (the visual viewport, which a
// phone's zoom moves and shrinks).

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

/** The card's placement beside `target` inside the window `screen`, trying `sides` in order; see the file's comment. */
export function placeCard(target: Box, card: Size, screen: Box, sides: readonly Side[]): Placement {
  const right = target.left + target.width;
  const bottom = target.top + target.height;
  const centreX = target.left + target.width / 2;
  const centreY = target.top + target.height / 2;
  // the band the card may use, inside the window's margins
  const minX = screen.left + MARGIN;
  const maxX = screen.left + screen.width - MARGIN;
  const minY = screen.top + MARGIN;
  const maxY = screen.top + screen.height - MARGIN;
  // along an edge of the element: centred on it, slid back inside the band
  const alongX = clamp(centreX - card.width / 2, minX, maxX - card.width);
  const alongY = clamp(centreY - card.height / 2, minY, maxY - card.height);
  const fitsAcross = card.width <= maxX - minX;
  const fitsDown = card.height <= maxY - minY;
  const arrowX = (left: number) => clamp(centreX - left, ARROW_INSET, card.width - ARROW_INSET);
  const arrowY = (top: number) => clamp(centreY - top, ARROW_INSET, card.height - ARROW_INSET);

  for (const side of sides) {
    if (side === 'bottom' && fitsAcross && bottom + GAP >= minY && bottom + GAP + card.height <= maxY)
      return { side, left: alongX, top: bottom + GAP, arrow: arrowX(alongX) };
    if (side === 'top' && fitsAcross && target.top - GAP <= maxY && target.top - GAP - card.height >= minY)
      return { side, left: alongX, top: target.top - GAP - card.height, arrow: arrowX(alongX) };
    if (side === 'right' && fitsDown && right + GAP >= minX && right + GAP + card.width <= maxX)
      return { side, left: right + GAP, top: alongY, arrow: arrowY(alongY) };
    if (side === 'left' && fitsDown && target.left - GAP <= maxX && target.left - GAP - card.width >= minX)
      return { side, left: target.left - GAP - card.width, top: alongY, arrow: arrowY(alongY) };
  }
  // no room beside it: over the element, at the window's edge farther from the element's centre
  const top = centreY > screen.top + screen.height / 2 ? minY : Math.max(minY, maxY - card.height);
  return { side: 'over', left: Math.max(minX, alongX), top, arrow: null };
}

/** The part of `box` inside the window `screen`, or null when none of it is. */
export function visiblePart(box: Box, screen: Box): Box | null {
  const left = Math.max(screen.left, box.left);
  const top = Math.max(screen.top, box.top);
  const right = Math.min(screen.left + screen.width, box.left + box.width);
  const bottom = Math.min(screen.top + screen.height, box.top + box.height);
  return right > left && bottom > top ? { left, top, width: right - left, height: bottom - top } : null;
}
