import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { interpolateViridis, rgb } from 'd3';
import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';

// The 3-D view: the surface drawn in the contour map's colours (viridis, checked against d3's own
// scheme, not the app's copy of it), a run's path in its colour that grows with the step shown, and
// the "Map view" switch with its URL field. The canvas is read back as pixels: WebGL 2 keeps its
// drawing buffer, and a WebGPU canvas keeps its last frame until the next one is drawn.

/** Magenta: no colour of viridis, the white minima or the grey of an undefined region comes near it. */
const RUN_COLOUR = [255, 0, 255] as const;
const STEPS = 40;
const LINK = `v=1&surface=himmelblau&steps=${STEPS}&run=sgd(lr=0.01)@0,0;color=ff00ff`;

// SwiftShader draws the first frame of WebGPU or WebGL 2 slowly, and axe takes seconds
test.describe.configure({ timeout: 180_000 });

/** Viridis's chromaticity (r, g, b over their sum) at 64 points: shading scales a colour, which leaves it alone. */
const VIRIDIS = Array.from({ length: 64 }, (_, i) => {
  const { r, g, b } = rgb(interpolateViridis(i / 63));
  return { t: i / 63, chroma: chromaticity(r, g, b) };
});

function chromaticity(r: number, g: number, b: number): [number, number] {
  const sum = r + g + b || 1;
  return [r / sum, g / sum];
}

/** The nearest viridis point to a pixel's chromaticity and how far it is. */
function nearestViridis(r: number, g: number, b: number): { t: number; distance: number } {
  const [x, y] = chromaticity(r, g, b);
  let best = { t: 0, distance: Infinity };
  for (const { t, chroma } of VIRIDIS) {
    const distance = Math.hypot(chroma[0] - x, chroma[1] - y);
    if (distance < best.distance) best = { t, distance };
  }
  return best;
}

interface Pixels {
  readonly width: number;
  readonly height: number;
  readonly data: Buffer;
  /** The PNG the view saved. */
  readonly png: Buffer;
}

/**
 * The 3-D view's picture as RGBA pixels: its "Save image" PNG, decoded by the browser (a WebGPU
 * canvas can be read only in the task that drew it, which the view's snapshot does).
 */
async function readCanvas(page: Page): Promise<Pixels> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save image' }).click()]);
  const png = await readFile(await download.path());
  const { width, height, base64 } = await page.evaluate(async (source) => {
    const image = new Image();
    image.src = source;
    await image.decode();
    const copy = document.createElement('canvas');
    copy.width = image.naturalWidth;
    copy.height = image.naturalHeight;
    const context = copy.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const bytes = context.getImageData(0, 0, copy.width, copy.height).data;
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return { width: copy.width, height: copy.height, base64: btoa(binary) };
  }, `data:image/png;base64,${png.toString('base64')}`);
  return { width, height, data: Buffer.from(base64, 'base64'), png };
}

/** Where the run's colour is drawn: the pixels within a small distance of it, as indices. */
function runPixels({ data }: Pixels): Set<number> {
  const found = new Set<number>();
  for (let i = 0; i < data.length; i += 4) {
    if (data[i + 3] < 200) continue;
    if (Math.hypot(data[i] - RUN_COLOUR[0], data[i + 1] - RUN_COLOUR[1], data[i + 2] - RUN_COLOUR[2]) < 60) found.add(i / 4);
  }
  return found;
}

/** The bounding box of a set of pixel indices: its width and height in pixels. */
function extent(pixels: Set<number>, width: number): { width: number; height: number; centre: [number, number] } {
  let [left, right, top, bottom] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const index of pixels) {
    const x = index % width;
    const y = Math.floor(index / width);
    [left, right, top, bottom] = [Math.min(left, x), Math.max(right, x), Math.min(top, y), Math.max(bottom, y)];
  }
  return { width: right - left + 1, height: bottom - top + 1, centre: [(left + right) / 2, (top + bottom) / 2] };
}

/** The share of pixels that differ between two pictures of the same size. */
function differingPixels(a: Pixels, b: Pixels): number {
  expect([a.width, a.height]).toEqual([b.width, b.height]);
  let differing = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    if (Math.abs(a.data[i] - b.data[i]) + Math.abs(a.data[i + 1] - b.data[i + 1]) + Math.abs(a.data[i + 2] - b.data[i + 2]) + Math.abs(a.data[i + 3] - b.data[i + 3]) > 12) differing++;
  }
  return differing / (a.width * a.height);
}

/** Waits until the 3-D view has drawn step `step` with `vertices` points of the path. */
async function expectDrawn(stage: Locator, step: number): Promise<void> {
  await expect(stage).toHaveAttribute('data-vertices', String(step + 1));
  await expect(stage).toHaveAttribute('data-drawn-step', String(step));
}

function mapViewField(page: Page): string | null {
  const hash = new URL(page.url()).hash.replace(/^#/, '');
  return new URLSearchParams(hash).get('view3d');
}

test('the 3-D view draws the surface in the map colours and the path in the run colour, following the step', async ({ page }) => {
  // the 3-D view alone: the contour map is hidden (playground.open waits for it)
  await page.goto(`/#${LINK}&view3d=1`);
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  const stage = page.getByTestId('view3d');
  await expect(page.getByRole('status').filter({ hasText: /^Drawn with (WebGPU|WebGL 2)/ })).toBeVisible({ timeout: 60_000 });
  const backend = await stage.getAttribute('data-backend');
  test.info().annotations.push({ type: '3-D backend', description: backend ?? '' });
  await expect(page.getByRole('img', { name: /^3-D surface of the loss/ })).toBeVisible();
  await expectDrawn(stage, STEPS);

  const last = await readCanvas(page);
  await test.info().attach('3-D view at the last step', { body: last.png, contentType: 'image/png' });
  const total = last.width * last.height;
  let drawn = 0;
  let viridisLike = 0;
  let low = 0;
  let high = 0;
  for (let i = 0; i < last.data.length; i += 4) {
    if (last.data[i + 3] === 0) continue;
    drawn++;
    const nearest = nearestViridis(last.data[i], last.data[i + 1], last.data[i + 2]);
    if (nearest.distance > 0.035) continue;
    viridisLike++;
    if (nearest.t < 0.25) low++;
    if (nearest.t > 0.75) high++;
  }
  // the surface (a square seen at 54°, a diamond) fills much of the frame, and what is drawn is
  // viridis: the valleys dark, the walls yellow
  expect(drawn / total).toBeGreaterThan(0.25);
  expect(viridisLike / drawn).toBeGreaterThan(0.9);
  expect(low / drawn).toBeGreaterThan(0.02);
  expect(high / drawn).toBeGreaterThan(0.02);

  // the path: many pixels of the run's colour, drawn out far longer than its marker
  const pathAtLast = runPixels(last);
  await page.getByRole('slider', { name: 'Step', exact: true }).focus();
  await page.keyboard.press('Home');
  await expectDrawn(stage, 0);
  const first = await readCanvas(page);
  const markerAtStart = runPixels(first);
  expect(markerAtStart.size).toBeGreaterThan(20);
  expect(pathAtLast.size).toBeGreaterThan(2 * markerAtStart.size);
  const markerBox = extent(markerAtStart, first.width);
  const pathBox = extent(pathAtLast, last.width);
  expect(Math.max(pathBox.width, pathBox.height)).toBeGreaterThan(3 * Math.max(markerBox.width, markerBox.height));
  // pixels along the path changed: most of the path's pixels are not the marker's
  const changed = [...pathAtLast].filter((index) => !markerAtStart.has(index)).length;
  expect(changed / pathAtLast.size).toBeGreaterThan(0.5);
  // the path starts where the marker stood at step 0
  expect(pathBox.width + pathBox.height).toBeGreaterThan(0);
  const [startX, startY] = markerBox.centre;
  const startCovered = [...pathAtLast].some((index) => Math.hypot((index % last.width) - startX, Math.floor(index / last.width) - startY) < 4);
  expect(startCovered).toBe(true);

  // one step on: two vertices
  await page.keyboard.press('ArrowRight');
  await expectDrawn(stage, 1);

  // the keyboard orbits: the picture moves, and Reset camera brings it back
  const canvas = page.getByRole('img', { name: /^3-D surface of the loss/ });
  const before = await readCanvas(page);
  await canvas.focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  const turned = await readCanvas(page);
  expect(differingPixels(turned, before)).toBeGreaterThan(0.1);
  await page.getByRole('button', { name: 'Reset camera' }).click();
  expect(differingPixels(await readCanvas(page), before)).toBeLessThan(0.01);
});

test('Map view switches Contour, 3-D and Both, and the URL field round-trips', async ({ playground, page }) => {
  await playground.open(LINK, 1);
  const stage = page.getByTestId('view3d');
  const switchTo = (name: string) => page.getByRole('radiogroup', { name: 'Map view' }).getByRole('radio', { name, exact: true });
  await expect(switchTo('Contour')).toBeChecked();
  await expect(stage).toHaveCount(0);
  // the 3-D view and three.js are not loaded until asked for
  const scripts = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
  expect(scripts.filter((name) => /Surface3DPanel/.test(name))).toEqual([]);

  await switchTo('3-D').check();
  await expect(stage).toBeVisible();
  await expect(playground.map).toBeHidden();
  await expect.poll(() => mapViewField(page)).toBe('1');

  await switchTo('Both').check();
  await expect(stage).toBeVisible();
  await expect(playground.map).toBeVisible();
  await expect.poll(() => mapViewField(page)).toBe('both');
  await expectDrawn(stage, STEPS);

  // the link opens as it was left
  await page.reload();
  await expect(switchTo('Both')).toBeChecked();
  await expect(playground.map).toBeVisible();
  await expectDrawn(stage, STEPS);
  await expect(page.getByRole('status').filter({ hasText: /^Drawn with/ })).toBeVisible({ timeout: 60_000 });

  const results = await new AxeBuilder({ page }).include('.map-panel').analyze();
  const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => `${violation.id}: ${violation.help}`);
  expect(serious).toEqual([]);

  await switchTo('Contour').check();
  await expect(stage).toHaveCount(0);
  await expect.poll(() => mapViewField(page)).toBeNull();
});
