import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { pagePoint } from './map-axes';

// Positions on the map are worked out from the axes the reader sees (map-axes.ts), never from the
// app's own scales, so these tests check the drawing against its labels.

async function tickLabels(map: Locator): Promise<string[]> {
  return map.locator('.axis .tick text').allTextContents();
}

/** The numbers in path data, for comparing pictures to a fraction of a pixel. */
function pathNumbers(paths: (string | null)[]): number[][] {
  return paths.map((d) => Array.from((d ?? '').matchAll(/-?[\d.]+/g), (match) => Number(match[0])));
}

async function trajectoryPaths(map: Locator): Promise<(string | null)[]> {
  return map.locator('path.trajectory').evaluateAll((paths) => paths.map((path) => path.getAttribute('d')));
}

/** Each run's start as the URL has it, in run order. */
function urlStarts(page: Page): [number, number][] {
  return Array.from(decodeURIComponent(new URL(page.url()).hash).matchAll(/run=[^&@]*@(-?[\d.e+-]+),(-?[\d.e+-]+)/g), (match) => [Number(match[1]), Number(match[2])]);
}

/** The view written in the URL as [xMin, xMax, yMin, yMax], or null when it shows the problem's own domain. */
function urlView(page: Page): number[] | null {
  const match = /[#&]view=([^&]+)/.exec(decodeURIComponent(new URL(page.url()).hash));
  return match ? match[1].split(',').map(Number) : null;
}

const TWO_RUNS = 'v=1&surface=rosenbrock&steps=200&run=sgd(lr=0.001,momentum=0.9)@-1.5,2&run=adam(lr=0.05)@-1.5,2';

test('dragging a start point redraws the trajectories during the drag, then the URL and a reload keep the new picture', async ({ playground, page }) => {
  await playground.open(TWO_RUNS, 2);
  const before = await trajectoryPaths(playground.map);
  const urlBefore = page.url();
  // two runs start at the same point: the marker on top picks up both
  const handle = playground.map.getByRole('button', { name: 'Start of run 2: -1.5, 2' });
  const box = (await handle.boundingBox())!;
  const [x0, y0] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.mouse.move(x0, y0);
  await page.mouse.down();
  for (let i = 1; i <= 6; i++) await page.mouse.move(x0 + 12 * i, y0 + 5 * i);

  // still holding the button: the paths already follow
  await expect.poll(async () => (await trajectoryPaths(playground.map)).every((d, k) => d !== before[k])).toBe(true);
  const duringDrag = await trajectoryPaths(playground.map);
  for (let i = 7; i <= 10; i++) await page.mouse.move(x0 + 12 * i, y0 + 5 * i);
  await expect.poll(async () => (await trajectoryPaths(playground.map))[0]).not.toBe(duringDrag[0]);
  await page.mouse.up();

  await expect.poll(() => page.url()).not.toBe(urlBefore);
  // the URL is written debounced, so on a loaded machine it may first hold a start from mid-drag:
  // wait until it names the start the marker was dropped at
  await expect
    .poll(async () => {
      const [start] = urlStarts(page);
      return start !== undefined && (await playground.map.getByRole('button', { name: `Start of run 1: ${start[0]}, ${start[1]}` }).count()) === 1;
    })
    .toBe(true);
  const starts = urlStarts(page);
  expect(starts).toHaveLength(2);
  expect(starts[0]).toEqual(starts[1]);
  expect(starts[0][0]).toBeGreaterThan(-1.5);
  expect(starts[0][1]).toBeLessThan(2);
  await expect(playground.map.getByRole('button', { name: `Start of run 1: ${starts[0][0]}, ${starts[0][1]}` })).toBeAttached();
  expect(await playground.pointsPerRun()).toEqual([201, 201]);
  const after = await trajectoryPaths(playground.map);

  await page.reload();
  await playground.waitForRuns(2);
  expect(await trajectoryPaths(playground.map)).toEqual(after);
});

test('the wheel zooms about the cursor and writes view= to the URL; double-click and "Reset view" go back', async ({ playground, page }) => {
  await playground.open(TWO_RUNS, 2);
  const homeTicks = await tickLabels(playground.map);
  const homePaths = await trajectoryPaths(playground.map);
  const startsBefore = urlStarts(page);
  const cursor = await pagePoint(playground.map, 1, 1);
  await page.mouse.move(cursor.x, cursor.y);
  await page.mouse.wheel(0, -400);

  await expect.poll(() => tickLabels(playground.map)).not.toEqual(homeTicks);
  await expect.poll(() => page.url()).toContain('view=');
  // the point under the cursor stayed there
  const stillThere = await pagePoint(playground.map, 1, 1);
  expect(Math.abs(stillThere.x - cursor.x)).toBeLessThan(2);
  expect(Math.abs(stillThere.y - cursor.y)).toBeLessThan(2);
  // the trajectories are drawn again on the new scales
  expect((await trajectoryPaths(playground.map))[0]).not.toBe(homePaths[0]);
  await expect(playground.map.locator('.known-minimum')).toHaveCount(1);

  // the link opens the same view (the URL keeps six digits: the same picture to a tenth of a pixel)
  const zoomedTicks = await tickLabels(playground.map);
  const zoomedPaths = pathNumbers(await trajectoryPaths(playground.map));
  await page.reload();
  await playground.waitForRuns(2);
  expect(await tickLabels(playground.map)).toEqual(zoomedTicks);
  const reloadedPaths = pathNumbers(await trajectoryPaths(playground.map));
  expect(reloadedPaths.map((numbers) => numbers.length)).toEqual(zoomedPaths.map((numbers) => numbers.length));
  reloadedPaths.forEach((numbers, run) => numbers.forEach((value, i) => expect(Math.abs(value - zoomedPaths[run][i])).toBeLessThan(0.1)));

  await page.mouse.dblclick(cursor.x, cursor.y);
  await expect.poll(() => tickLabels(playground.map)).toEqual(homeTicks);
  await expect.poll(() => page.url()).not.toContain('view=');
  expect(await trajectoryPaths(playground.map)).toEqual(homePaths);
  // a double-click is not two clicks: no start moved
  await page.waitForTimeout(500);
  expect(urlStarts(page)).toEqual(startsBefore);

  await page.mouse.wheel(0, 300);
  await expect.poll(() => page.url()).toContain('view=');
  await page.getByRole('button', { name: 'Reset view' }).click();
  await expect.poll(() => page.url()).not.toContain('view=');
  await expect.poll(() => tickLabels(playground.map)).toEqual(homeTicks);
});

test('dragging the background pans the view; "Zoom in" zooms about the centre', async ({ playground, page }) => {
  await playground.open(TWO_RUNS, 2);
  const from = await pagePoint(playground.map, 0, 0);
  const to = await pagePoint(playground.map, 1, 0);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, from.y, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 4 });
  await page.mouse.up();
  // (0, 0) now sits where (1, 0) was: the view moved one unit to the left (to within a pixel)
  // the URL is written debounced, so on a loaded machine it may first hold a view from mid-drag
  const panned = [-3, 1, -1, 3];
  await expect.poll(() => Math.max(...(urlView(page) ?? [Infinity]).map((value, i) => Math.abs(value - panned[i])))).toBeLessThan(0.02);
  const moved = await pagePoint(playground.map, 0, 0);
  expect(Math.abs(moved.x - to.x)).toBeLessThan(2);
  // a pan is not a click: the starts stayed
  expect(urlStarts(page)).toEqual([
    [-1.5, 2],
    [-1.5, 2],
  ]);

  await page.getByRole('button', { name: 'Reset view' }).click();
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect.poll(() => page.url()).toMatch(/view=-1\.333333,1\.333333,-0\.333333,2\.333333(&|$)/);
});

test('hovering shows (x, y), f and ‖∇f‖ under the cursor', async ({ playground, page }) => {
  await playground.open('v=1&surface=quadratic&steps=20&run=sgd(lr=0.1)@1.5,1.5', 1);
  const readout = page.getByTestId('hover-readout');
  await expect(readout).toHaveAttribute('role', 'status');
  await expect(readout).toHaveAttribute('aria-live', 'polite');
  const target = await pagePoint(playground.map, 1, 0.5);
  await page.mouse.move(target.x, target.y);

  const values = readout.locator('.hover-values');
  await expect(values).toBeVisible();
  const [x, y, f, gradientNorm] = await Promise.all(['data-x', 'data-y', 'data-f', 'data-gradient-norm'].map(async (name) => Number(await values.getAttribute(name))));
  // within a pixel of the point aimed at (the view is 4 wide on about 500 pixels)
  expect(Math.abs(x - 1)).toBeLessThan(0.02);
  expect(Math.abs(y - 0.5)).toBeLessThan(0.02);
  // the quadratic bowl: f = x² + y², ∇f = (2x, 2y)
  expect(f).toBeCloseTo(x * x + y * y, 12);
  expect(gradientNorm).toBeCloseTo(2 * Math.hypot(x, y), 12);
  await expect(readout).toContainText(`f = ${Number(f.toPrecision(5))}`);
  await expect(readout).toContainText(`(x, y) = (${Number(x.toPrecision(5))}, ${Number(y.toPrecision(5))})`);

  await page.mouse.move(5, 5);
  await expect(values).toHaveCount(0);
  await expect(readout).toContainText('Point at the map');
});

test('a click on the map moves the selected run’s start there and no other run', async ({ playground, page }) => {
  await playground.open(TWO_RUNS, 2);
  const target = await pagePoint(playground.map, 0.5, -0.5);
  await page.mouse.click(target.x, target.y);
  await expect.poll(() => urlStarts(page)[0]).not.toEqual([-1.5, 2]);
  const [first, second] = urlStarts(page);
  expect(Math.abs(first[0] - 0.5)).toBeLessThan(0.02);
  expect(Math.abs(first[1] + 0.5)).toBeLessThan(0.02);
  expect(second).toEqual([-1.5, 2]);
  // the run's path now starts at the click
  await expect(playground.map.getByRole('button', { name: `Start of run 1: ${first[0]}, ${first[1]}` })).toBeAttached();
  const gapBetweenMarkerAndPath = () =>
    playground.mapRuns.first().evaluate((group) => {
      const [, x, y] = /^M(-?[\d.]+),(-?[\d.]+)/.exec(group.querySelector('path.trajectory')!.getAttribute('d')!)!;
      const centre = group.querySelector<SVGGElement>('g.start-point')!.transform.baseVal.consolidate()!.matrix;
      return Math.hypot(Number(x) - centre.e, Number(y) - centre.f);
    });
  await expect.poll(gapBetweenMarkerAndPath).toBeLessThan(0.02);
});

test('arrow keys nudge a focused start point by a hundredth of the view (Shift: a tenth)', async ({ playground, page }) => {
  await playground.open(TWO_RUNS, 2);
  const handle = playground.map.getByRole('button', { name: /^Start of run 2:/ });
  await handle.focus();
  await page.keyboard.press('ArrowRight');
  await expect(handle).toHaveAccessibleName('Start of run 2: -1.46, 2');
  await expect(handle).toBeFocused();
  await page.keyboard.press('Shift+ArrowUp');
  await expect(handle).toHaveAccessibleName('Start of run 2: -1.46, 2.4');
  await page.keyboard.press('ArrowDown');
  await expect(handle).toHaveAccessibleName('Start of run 2: -1.46, 2.36');
  // only run 2 moved, and the URL has it
  await expect.poll(() => urlStarts(page)).toEqual([
    [-1.5, 2],
    [-1.46, 2.36],
  ]);
  // the runs were computed again from there
  await expect(playground.mapRuns.nth(1).locator('circle.step-marker')).not.toHaveAttribute('data-x', '-1.5');
});

test('hidden runs are not drawn, colours follow the run, and a diverged run is marked with its step and reason', async ({ playground }) => {
  await playground.open('v=1&surface=rosenbrock&steps=100&run=sgd(lr=0.05)@-1.5,2;color=0072b2&run=adam(lr=0.05)@-1.5,2;hidden&run=adam(lr=0.05)@1,-0.5', 2);
  const [diverged, adam] = [playground.mapRuns.nth(0), playground.mapRuns.nth(1)];
  await expect(diverged.locator('path.trajectory')).toHaveAttribute('stroke', '#0072b2');
  await expect(adam).toHaveAttribute('data-index', '2');
  const step = await diverged.getAttribute('data-diverged');
  expect(Number(step)).toBeGreaterThan(0);
  const mark = diverged.locator('text.diverged-marker');
  await expect(mark).toBeVisible();
  await expect(mark).toHaveText(/✕/);
  await expect(mark.locator('title')).toHaveText(new RegExp(`diverged at step ${step}: .+`));
  // the step marker sits on the last finite point, with its coordinates for comparison with the CLI
  const marker = diverged.locator('circle.step-marker');
  await expect(marker).toHaveAttribute('data-step', String(Number(step) - 1));
  expect(Number.isFinite(Number(await marker.getAttribute('data-x')))).toBe(true);
});
