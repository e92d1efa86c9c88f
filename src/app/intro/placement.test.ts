import { describe, expect, it } from 'vitest';
import { placeCard, visiblePart } from './placement';

// Oracle: positions worked out by hand from the rule (GAP 14, MARGIN 8, ARROW_INSET 18), in the comments.

const DESKTOP = { left: 0, top: 0, width: 1280, height: 800 };
const PHONE = { left: 0, top: 0, width: 390, height: 844 };

describe('placeCard', () => {
  const button = { left: 100, top: 100, width: 200, height: 50 };
  const card = { width: 300, height: 150 };

  it('puts the card under the element, centred on it, with the arrow at the element centre', () => {
    // top = 100 + 50 + 14 = 164; left = 200 - 150 = 50; arrow = 200 - 50 = 150
    expect(placeCard(button, card, DESKTOP, ['bottom'])).toEqual({ side: 'bottom', left: 50, top: 164, arrow: 150 });
  });

  it('takes the next side when the first has no room', () => {
    // above: 100 - 14 - 150 < 8, so the right: left = 300 + 14 = 314; top = 125 - 75 = 50; arrow = 125 - 50 = 75
    expect(placeCard(button, card, DESKTOP, ['top', 'right'])).toEqual({ side: 'right', left: 314, top: 50, arrow: 75 });
    // the left: 100 - 14 - 300 < 8, no room either; below is last
    expect(placeCard(button, card, DESKTOP, ['left', 'bottom']).side).toBe('bottom');
  });

  it('slides the card inside the window near an edge, and the arrow follows the element', () => {
    const copyLink = { left: 1200, top: 20, width: 60, height: 30 };
    // left = 1230 - 160 = 1070 > 1280 - 8 - 320 = 952, so 952; arrow = 1230 - 952 = 278 (< 320 - 18)
    expect(placeCard(copyLink, { width: 320, height: 200 }, DESKTOP, ['bottom'])).toEqual({ side: 'bottom', left: 952, top: 64, arrow: 278 });
    // an element in the very corner: the arrow stops short of the card's corner (320 - 18 = 302)
    const corner = { left: 1270, top: 20, width: 10, height: 10 };
    expect(placeCard(corner, { width: 320, height: 200 }, DESKTOP, ['bottom']).arrow).toBe(302);
  });

  it('lies over an element that fills a phone, at the window edge away from its centre', () => {
    const map = { left: 8, top: 100, width: 374, height: 600 };
    // no side has room; the map's centre (y = 400) is above the middle (422): the card goes to the
    // bottom, top = 844 - 8 - 260 = 576, left = 195 - 187 = 8
    expect(placeCard(map, { width: 374, height: 260 }, PHONE, ['bottom', 'top', 'right', 'left'])).toEqual({ side: 'over', left: 8, top: 576, arrow: null });
    // a map lower on the page: the card goes to the top
    expect(placeCard({ ...map, top: 300 }, { width: 374, height: 260 }, PHONE, ['bottom']).top).toBe(8);
  });

  it('never places a card beside an element that is off screen', () => {
    const below = { left: 100, top: 900, width: 200, height: 40 };
    expect(placeCard(below, card, DESKTOP, ['top', 'bottom']).side).toBe('over');
    const above = { left: 100, top: -300, width: 200, height: 40 };
    expect(placeCard(above, card, DESKTOP, ['bottom', 'top']).side).toBe('over');
  });

  it('does not go beside when the card is wider than the window (large text on a phone)', () => {
    const runCard = { left: 8, top: 100, width: 374, height: 120 };
    const wide = { width: 500, height: 200 };
    // below would need 500 px of the 390 - 16 there are; it lies over instead, from the left margin
    expect(placeCard(runCard, wide, PHONE, ['bottom'])).toMatchObject({ side: 'over', left: 8 });
  });
});

describe('placeCard on a zoomed phone', () => {
  it('keeps the card inside the part of the page on screen', () => {
    // zoomed in: the screen shows the page from (100, 400), 195 x 422 px; the card may use x 108..287, y 408..814
    const screen = { left: 100, top: 400, width: 195, height: 422 };
    const start = { left: 150, top: 450, width: 20, height: 20 };
    // below: top = 470 + 14 = 484; left = 160 - 85 = 75 < 108, so 108; arrow = 160 - 108 = 52
    expect(placeCard(start, { width: 170, height: 100 }, screen, ['bottom'])).toEqual({ side: 'bottom', left: 108, top: 484, arrow: 52 });
    // above would end at 450 - 14 - 100 = 336, off screen (< 408): over it, at the bottom edge, 822 - 8 - 100 = 714
    expect(placeCard(start, { width: 170, height: 100 }, screen, ['top'])).toEqual({ side: 'over', left: 108, top: 714, arrow: null });
  });
});

describe('visiblePart', () => {
  it('cuts a box to the window, and is null when nothing of it shows', () => {
    expect(visiblePart({ left: -10, top: 700, width: 100, height: 300 }, DESKTOP)).toEqual({ left: 0, top: 700, width: 90, height: 100 });
    expect(visiblePart({ left: 10, top: 810, width: 100, height: 30 }, DESKTOP)).toBeNull();
    expect(visiblePart({ left: 0, top: 0, width: 200, height: 500 }, { left: 100, top: 400, width: 195, height: 422 })).toEqual({ left: 100, top: 400, width: 100, height: 100 });
  });
});
