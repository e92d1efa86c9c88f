import type { CDPSession, Page } from '@playwright/test';

// Fingers on the page through the DevTools protocol (Input.dispatchTouchEvent): the browser makes
// the same touchstart/touchmove/touchend and pointer events a phone's screen would, on a context
// with hasTouch. Points are CSS pixels of the page.

type Point = { x: number; y: number };

/** Sends one touch event with these fingers down (none for touchEnd). */
async function touch(session: CDPSession, type: 'touchStart' | 'touchMove' | 'touchEnd', fingers: readonly Point[]) {
  await session.send('Input.dispatchTouchEvent', {
    type,
    touchPoints: fingers.map((point, id) => ({ x: point.x, y: point.y, id, radiusX: 6, radiusY: 6, force: 1 })),
  });
}

/** Points from `from` to `to` in `steps` even steps, `to` last. */
function path(from: Point, to: Point, steps: number): Point[] {
  return Array.from({ length: steps }, (_, i) => ({ x: from.x + ((to.x - from.x) * (i + 1)) / steps, y: from.y + ((to.y - from.y) * (i + 1)) / steps }));
}

/** One finger down at `from`, moved to `to` in steps, lifted. */
export async function fingerDrag(page: Page, from: Point, to: Point, steps = 8): Promise<void> {
  const session = await page.context().newCDPSession(page);
  await touch(session, 'touchStart', [from]);
  for (const point of path(from, to, steps)) await touch(session, 'touchMove', [point]);
  await touch(session, 'touchEnd', []);
  await session.detach();
}

/** Two fingers down at `from`, each moved to its place in `to` in steps, lifted together. */
export async function pinch(page: Page, from: readonly [Point, Point], to: readonly [Point, Point], steps = 8): Promise<void> {
  const session = await page.context().newCDPSession(page);
  await touch(session, 'touchStart', from);
  const first = path(from[0], to[0], steps);
  const second = path(from[1], to[1], steps);
  for (let i = 0; i < steps; i++) await touch(session, 'touchMove', [first[i], second[i]]);
  await touch(session, 'touchEnd', []);
  await session.detach();
}
