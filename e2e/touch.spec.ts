import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { pagePoint } from './map-axes';
import { fingerDrag, pinch } from './touch-input';
import { coveredBy, pageScroll } from './viewport';

// Issue 9, finding 4: a phone (390x844, touch). One column with the map at full width, nothing
// covering Play, nothing wider than the screen (every panel and menu opened), and fingers that move
// starts, pan and pinch the map as the mouse and wheel do on a desktop.

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });

const TWO_RUNS = 'v=1&surface=rosenbrock&steps=200&run=sgd(lr=0.001,momentum=0.9)@-1.5,2&run=adam(lr=0.05)@0.5,-0.5';

/** The view written in the URL as [xMin, xMax, yMin, yMax], or null when it shows the problem's own domain. */
function urlView(page: Page): number[] | null {
  const match = /[#&]view=([^&]+)/.exec(decodeURIComponent(new URL(page.url()).hash));
  return match ? match[1].split(',').map(Number) : null;
}

/** Fails naming what sticks out when the page is wider than the screen. */
async function expectNoSidewaysScroll(page: Page, state: string) {
  const { overflowX } = await pageScroll(page);
  const widest = await page.evaluate(() =>
    Array.from(document.querySelectorAll('body *'))
      .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 0.5)
      .slice(0, 3)
      .map((element) => `${element.tagName.toLowerCase()}.${element.getAttribute('class') ?? ''}`),
  );
  expect(overflowX, `${state}: the page is wider than the screen (${widest.join(', ')})`).toBeLessThanOrEqual(0);
}

async function centreOf(locator: Locator): Promise<{ x: number; y: number }> {
  const box = (await locator.boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

test('one column: the map spans the screen, Play is not covered, and nothing scrolls sideways', async ({ playground, page }) => {
  await playground.open('', 3);
  const { width } = page.viewportSize()!;
  const map = (await playground.map.boundingBox())!;
  expect(map.width).toBeGreaterThanOrEqual(0.9 * width);
  // the drawing itself, not only its box, is most of the screen's width
  expect((await playground.map.locator('rect.plot-frame').boundingBox())!.width).toBeGreaterThanOrEqual(0.55 * width);
  // the map comes first, Play right under it, then the chart and the runs
  const play = page.getByRole('button', { name: 'Play', exact: true });
  const playBox = (await play.boundingBox())!;
  expect(playBox.y).toBeGreaterThanOrEqual(map.y + map.height);
  expect(playBox.y + playBox.height).toBeLessThanOrEqual(844);
  expect(await coveredBy(play), 'what covers Play').toBeNull();
  expect((await playground.lossChart.boundingBox())!.width).toBeGreaterThanOrEqual(0.85 * width);
  await expectNoSidewaysScroll(page, 'at first');

  // every panel and menu opened in turn: run settings (KaTeX update rule), the problem's formula,
  // the Analysis tabs, Export, Recent, large text
  await page.getByRole('button', { name: 'Settings of run 1' }).click();
  await expect(page.locator('.update-rule .katex').first()).toBeVisible();
  await expectNoSidewaysScroll(page, 'run settings open');
  await page.getByRole('combobox', { name: 'Surface' }).selectOption('formula');
  await page.getByRole('textbox', { name: /^Formula/ }).fill('(x^2+y-11)^2/100+(x+y^2-7)^2/100+sin(3x)/4+cos(2y)/5');
  await expect(page.locator('.problem-formula .katex').first()).toContainText('cos');
  await expectNoSidewaysScroll(page, 'a long typed formula');
  await page.getByRole('button', { name: 'Analysis', exact: true }).click();
  for (const tab of ['Basin map', 'Learning-rate sweep', 'Many seeds']) {
    await page.getByRole('tab', { name: tab }).click();
    await expectNoSidewaysScroll(page, `Analysis: ${tab}`);
  }
  for (const menu of [playground.exportButton, playground.recentButton]) {
    await menu.click();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await expectNoSidewaysScroll(page, `${await menu.textContent()} menu open`);
    await menu.click();
  }
  await playground.largeText.click();
  await expectNoSidewaysScroll(page, 'large text');
});

test('a finger drags a start point to a new place: the card and the link follow', async ({ playground, page }) => {
  await playground.open(TWO_RUNS, 2);
  const handle = playground.map.getByRole('button', { name: 'Start of run 1: -1.5, 2' });
  await handle.scrollIntoViewIfNeeded();
  const from = await centreOf(handle);
  const to = await pagePoint(playground.map, -0.5, 1.5);
  await fingerDrag(page, from, to);

  // dropped at (-0.5, 1.5), to a few pixels (the URL is written debounced: on a loaded machine
  // it may first hold a start from mid-drag, so wait for the drop)
  const distanceToDrop = () => {
    const [x, y] = playground.urlStarts()[0];
    return Math.max(Math.abs(x + 0.5), Math.abs(y - 1.5));
  };
  await expect.poll(distanceToDrop).toBeLessThan(0.05);
  const [x, y] = playground.urlStarts()[0];
  await expect(playground.map.getByRole('button', { name: `Start of run 1: ${x}, ${y}` })).toBeAttached();
  const card = playground.runItems.first();
  await expect(card.getByRole('textbox', { name: /start x/i })).toHaveValue(String(x));
  // only run 1 moved, and the page did not scroll with the finger
  expect(playground.urlStarts()[1]).toEqual([0.5, -0.5]);
  expect(urlView(page)).toBeNull();
});

test('a finger on the empty map pans it; two fingers pinch to zoom about their midpoint', async ({ playground, page }) => {
  await playground.open(TWO_RUNS, 2);
  await playground.map.scrollIntoViewIfNeeded();
  const scrollBefore = await page.evaluate(() => window.scrollY);

  // pan: (0, 2) dragged to where (1, 2) was, so the view moves one unit to the left
  const from = await pagePoint(playground.map, 0, 2);
  const to = await pagePoint(playground.map, 1, 2);
  await fingerDrag(page, from, to);
  const panned = [-3, 1, -1, 3];
  await expect.poll(() => Math.max(...(urlView(page) ?? [Infinity]).map((value, i) => Math.abs(value - panned[i])))).toBeLessThan(0.05);
  // a pan is not a tap: no start moved, and the page stayed where it was
  expect(playground.urlStarts()).toEqual([
    [-1.5, 2],
    [0.5, -0.5],
  ]);
  expect(await page.evaluate(() => window.scrollY)).toBe(scrollBefore);

  // pinch: fingers 60 px apart about (-1, 1) spread to 120 px: the view halves, (-1, 1) stays put
  const middle = await pagePoint(playground.map, -1, 1);
  await pinch(
    page,
    [
      { x: middle.x - 30, y: middle.y },
      { x: middle.x + 30, y: middle.y },
    ],
    [
      { x: middle.x - 60, y: middle.y },
      { x: middle.x + 60, y: middle.y },
    ],
  );
  await expect.poll(() => (urlView(page) ?? [0, 4])[1] - (urlView(page) ?? [0, 4])[0]).toBeLessThan(2.2);
  const [xMin, xMax, yMin, yMax] = urlView(page)!;
  expect(xMax - xMin).toBeCloseTo(2, 1);
  expect(yMax - yMin).toBeCloseTo(2, 1);
  const stillThere = await pagePoint(playground.map, -1, 1);
  expect(Math.abs(stillThere.x - middle.x)).toBeLessThan(3);
  expect(Math.abs(stillThere.y - middle.y)).toBeLessThan(3);
  expect(playground.urlStarts()).toEqual([
    [-1.5, 2],
    [0.5, -0.5],
  ]);
  expect(await page.evaluate(() => window.scrollY)).toBe(scrollBefore);
});
