import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

// Issue 9, finding 9: a page that explains itself. A first visit opens a four-step introduction
// that rings the map, a run card, the playback bar and Copy link in turn and sits beside each;
// once closed it stays closed on reload and comes back from the toolbar's "?". The page opened
// with no link plays its experiment from step 0; a link opens on the step it states.

test.use({ firstVisit: true });

type Box = { x: number; y: number; width: number; height: number };

/** What each step points at, in order. */
const STEPS: readonly { id: string; target: (page: Page) => Locator }[] = [
  { id: 'map', target: (page) => page.getByTestId('map') },
  { id: 'run', target: (page) => page.getByTestId('run').first() },
  { id: 'playback', target: (page) => page.getByRole('region', { name: 'Playback' }) },
  { id: 'share', target: (page) => page.getByRole('button', { name: 'Copy link' }) },
];

function tour(page: Page) {
  const dialog = page.getByRole('dialog', { name: /^Introduction/ });
  return {
    dialog,
    counter: dialog.getByTestId('intro-counter'),
    highlight: page.getByTestId('intro-highlight'),
    next: dialog.getByRole('button', { name: 'Next' }),
    back: dialog.getByRole('button', { name: 'Back' }),
    done: dialog.getByRole('button', { name: 'Done' }),
    skip: dialog.getByRole('button', { name: 'Skip the introduction' }),
    close: dialog.getByRole('button', { name: 'Close the introduction' }),
    help: page.getByRole('button', { name: 'Help: show the introduction' }),
  };
}

/** The share of `target`'s area that `ring` covers (1: all of it). */
function covered(ring: Box, target: Box): number {
  const width = Math.min(ring.x + ring.width, target.x + target.width) - Math.max(ring.x, target.x);
  const height = Math.min(ring.y + ring.height, target.y + target.height) - Math.max(ring.y, target.y);
  return width > 0 && height > 0 ? (width * height) / (target.width * target.height) : 0;
}

/** Pixels between two boxes (0 where they touch or overlap). */
function distance(a: Box, b: Box): number {
  const dx = Math.max(0, a.x - (b.x + b.width), b.x - (a.x + a.width));
  const dy = Math.max(0, a.y - (b.y + b.height), b.y - (a.y + a.height));
  return Math.hypot(dx, dy);
}

/** What is wrong with the open step's ring and card for `step` now (empty: it rings the target, and its card is inside the window, beside the target or over it where no side has room). */
async function pointingProblems(page: Page, step: (typeof STEPS)[number]): Promise<string[]> {
  const { dialog, highlight } = tour(page);
  const [ring, target, card] = await Promise.all([highlight.boundingBox(), step.target(page).boundingBox(), dialog.boundingBox()]);
  if (!ring || !target || !card) return ['ring, target or card not on the page'];
  const problems: string[] = [];
  if (covered(ring, target) < 0.97) problems.push(`the ring covers ${covered(ring, target).toFixed(2)} of the target`);
  const viewport = page.viewportSize()!;
  if (card.x < 0 || card.y < 0 || card.x + card.width > viewport.width || card.y + card.height > viewport.height) problems.push(`the card ${JSON.stringify(card)} is not inside the window`);
  if ((await dialog.getAttribute('data-side')) !== 'over' && distance(card, target) >= 30) problems.push(`the card is ${distance(card, target).toFixed(0)} px from the target`);
  return problems;
}

/** Checks that the open step is `step` and points at its element; the ring and card move smoothly (and follow a smooth scroll), so this waits until they have settled. */
async function expectPointsAt(page: Page, step: (typeof STEPS)[number]): Promise<void> {
  const { dialog, highlight } = tour(page);
  await expect(dialog).toHaveAttribute('data-step', step.id);
  await expect(highlight).toHaveAttribute('data-step', step.id);
  await expect.poll(() => pointingProblems(page, step), { message: `step ${step.id}` }).toEqual([]);
}

test('a first visit opens the introduction, which walks through the map, a run, Play and Copy link', async ({ playground, page }) => {
  await page.goto('/');
  await playground.waitForRuns(3);
  const intro = tour(page);
  await expect(intro.dialog).toBeVisible();
  // focus is in the introduction, on its next step
  await expect(intro.next).toBeFocused();
  await expect(intro.back).toBeDisabled();

  for (const [index, step] of STEPS.entries()) {
    await expect(intro.counter).toHaveText(`${index + 1} of 4`);
    await expectPointsAt(page, step);
    if (index === 2) {
      // Back returns to the run card, Next comes back here
      await intro.back.click();
      await expect(intro.counter).toHaveText('2 of 4');
      await expectPointsAt(page, STEPS[1]);
      await intro.next.click();
      await expect(intro.counter).toHaveText('3 of 4');
    }
    if (index < STEPS.length - 1) await intro.next.click();
  }
  // the last step ends the tour: Done instead of Next, nothing left to skip
  await expect(intro.next).toHaveCount(0);
  await expect(intro.skip).toHaveCount(0);
  await expect(intro.done).toBeFocused();

  await page.keyboard.press('Escape');
  await expect(intro.dialog).toHaveCount(0);
  await expect(intro.highlight).toHaveCount(0);
  await expect(intro.help).toBeFocused();

  // dismissed: not shown on the next visit
  await page.reload();
  await playground.waitForRuns(3);
  await page.waitForTimeout(500);
  await expect(intro.dialog).toHaveCount(0);
});

test('"?" opens the introduction again from its first step; Skip, Close and Escape end it and focus goes back to "?"', async ({ playground, page }) => {
  await playground.open('v=1&surface=himmelblau&steps=80&run=adam(lr=0.1)@0,0&run=sgd(lr=0.01)@-1,-1', 2);
  const intro = tour(page);
  await expect(intro.dialog).toBeVisible();
  await intro.skip.click();
  await expect(intro.dialog).toHaveCount(0);
  await expect(intro.help).toBeFocused();
  await expect(intro.help).toHaveAttribute('aria-expanded', 'false');

  await intro.help.click();
  await expect(intro.dialog).toBeVisible();
  await expect(intro.help).toHaveAttribute('aria-expanded', 'true');
  await expect(intro.counter).toHaveText('1 of 4');
  await expect(intro.next).toBeFocused();
  await expectPointsAt(page, STEPS[0]);
  await page.keyboard.press('Enter');
  await expect(intro.counter).toHaveText('2 of 4');
  await intro.close.click();
  await expect(intro.dialog).toHaveCount(0);
  await expect(intro.help).toBeFocused();

  // from the keyboard: Enter on "?" opens it, Escape closes it
  await page.keyboard.press('Enter');
  await expect(intro.counter).toHaveText('1 of 4');
  await page.keyboard.press('Escape');
  await expect(intro.dialog).toHaveCount(0);
  await expect(intro.help).toBeFocused();
});

test('the introduction stays out of the way: the page under it still works', async ({ playground, page }) => {
  await playground.open('v=1&surface=booth&steps=50&run=adam(lr=0.5)@-5,5', 1);
  const intro = tour(page);
  await expect(intro.dialog).toBeVisible();
  // non-modal: the highlighted run card's controls still answer while the tour is open
  await intro.next.click();
  await page.getByRole('combobox', { name: 'Optimizer of run 1' }).selectOption('sgd');
  await expect(page).toHaveURL(/run=sgd/);
  await expect(intro.dialog).toBeVisible();
});

test('where storage throws, the introduction still shows and closes', async ({ playground, page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  await page.goto('/');
  await playground.waitForRuns(3);
  const intro = tour(page);
  await expect(intro.dialog).toBeVisible();
  await intro.close.click();
  await expect(intro.dialog).toHaveCount(0);
  await intro.help.click();
  await expect(intro.dialog).toBeVisible();
});

/** Walks the open introduction from its first step to Done, checking each step's ring and card. */
async function walkThrough(page: Page, press: (button: Locator) => Promise<void>): Promise<void> {
  const intro = tour(page);
  for (const [index, step] of STEPS.entries()) {
    await expect(intro.counter).toHaveText(`${index + 1} of 4`);
    await expectPointsAt(page, step);
    await press(index < STEPS.length - 1 ? intro.next : intro.done);
  }
  await expect(intro.dialog).toHaveCount(0);
}

test('in dark theme with large text every step rings its element and its card fits the window', async ({ playground, page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/');
  await playground.waitForRuns(3);
  const intro = tour(page);
  await intro.skip.click();
  await playground.largeText.click();
  await expect(page.locator('html')).toHaveAttribute('data-text-size', 'large');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');

  await intro.help.click();
  // the dark theme's raised panel, not a white card on a dark page
  await expect(intro.dialog).toHaveCSS('background-color', 'rgb(37, 38, 46)');
  await walkThrough(page, (button) => button.click());
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('every step rings its element and its card fits the screen; buttons answer taps', async ({ playground, page }) => {
    await page.goto('/');
    await playground.waitForRuns(3);
    await expect(tour(page).dialog).toBeVisible();
    // a tap where the button is on screen (locator.tap would first scroll it into view, and the
    // page, wider than the phone until the phone layout lands, pans the card along with it)
    await walkThrough(page, async (button) => {
      const box = (await button.boundingBox())!;
      await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
    });
  });
});

test.describe('the page opened with no link plays', () => {
  /** The step the counter shows ("step 57 / 300" → 57). */
  async function shownStep(page: Page): Promise<number> {
    const text = (await page.getByTestId('step-counter').textContent()) ?? '';
    return Number(/step\s+([\d,]+)/.exec(text)![1].replace(/,/g, ''));
  }
  const play = (page: Page) => page.getByRole('button', { name: 'Play', exact: true });
  const pause = (page: Page) => page.getByRole('button', { name: 'Pause', exact: true });

  test('its experiment from step 0 to the end', async ({ playground, page }) => {
    await page.goto('/');
    await playground.waitForRuns(3);
    await expect(pause(page)).toBeVisible();
    const early = await shownStep(page);
    expect(early).toBeLessThan(300);
    await expect.poll(() => shownStep(page)).toBeGreaterThan(early);
    // it plays to the end once, then rests on the finished picture
    await expect(play(page)).toBeVisible();
    expect(await shownStep(page)).toBe(300);
  });

  test('but shows the finished picture where the reader asked for less motion', async ({ playground, page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto('/');
    await playground.waitForRuns(3);
    await page.waitForTimeout(500);
    await expect(play(page)).toBeVisible();
    expect(await shownStep(page)).toBe(300);
  });

  test('while a link opens paused on the step it states, or on the last', async ({ playground, page }) => {
    await page.goto('/#v=1&step=40');
    await playground.waitForRuns(3);
    await page.waitForTimeout(500);
    await expect(play(page)).toBeVisible();
    expect(await shownStep(page)).toBe(40);

    // the default experiment's own link, as Copy link gives it
    await page.goto('/#v=1');
    await page.reload();
    await playground.waitForRuns(3);
    await page.waitForTimeout(500);
    await expect(play(page)).toBeVisible();
    expect(await shownStep(page)).toBe(300);
  });
});
