import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { svgUnits } from './map-axes';

// The parameter plane of a problem with more than two parameters: a 2-D slice of the loss (Li et
// al. 2018) with every run's path projected onto it, random directions or the selected path's
// principal components.

const MOONS_MLP = { dataset: { name: 'two_moons', samples: 200, noise: 0.1, seed: 3 }, model: { kind: 'mlp', hidden: [4], activation: 'tanh' } };
// 2-4-1: 8 weights and 4 biases, then 4 weights and 1 bias (the start written out: a link's run needs one)
const MLP_START = [0.6, -0.4, -0.7, 0.3, 0.5, 0.8, -0.2, -0.9, 0, 0, 0, 0, 0.7, -0.6, 0.4, -0.5, 0];
const MLP_LINK = `v=1&problem=${encodeURIComponent(JSON.stringify(MOONS_MLP))}&steps=100&run=sgd(lr=0.1)@${MLP_START.join(',')}&run=adam(lr=0.01)@${MLP_START.join(',')}`;
const ROSENBROCK_START = Array.from({ length: 5 }, () => '-1.2,1').join(',');
const ROSENBROCK_LINK = `v=1&surface=rosenbrock(dimension=10)&steps=100&run=adam(lr=0.01)@${ROSENBROCK_START}&run=sgd(lr=0.0002,momentum=0.9)@${ROSENBROCK_START}`;

function landscape(page: Page): Locator {
  return page.getByTestId('landscape');
}

async function axisLabels(page: Page): Promise<string[]> {
  return landscape(page).locator('text.axis-label').allTextContents();
}

async function picture(page: Page): Promise<string> {
  return (await landscape(page).locator('.contour-fills path').evaluateAll((paths) => paths.map((path) => path.getAttribute('d')).join(' '))) ?? '';
}

async function trajectories(page: Page): Promise<(string | null)[]> {
  return landscape(page).locator('path.trajectory').evaluateAll((paths) => paths.map((path) => path.getAttribute('d')));
}

/** Where run `index`'s current-step marker is, in SVG units. */
async function stepMarker(page: Page, index: number): Promise<{ x: number; y: number }> {
  const marker = landscape(page).locator(`g.run[data-index="${index}"] .step-marker`);
  return { x: Number(await marker.getAttribute('cx')), y: Number(await marker.getAttribute('cy')) };
}

async function openSlice(page: Page, link: string): Promise<void> {
  await page.goto(`/#${link}`);
  await expect(page.getByRole('heading', { name: 'Loss landscape slice' })).toBeVisible();
  await expect(landscape(page).locator('g.run')).toHaveCount(2);
  await expect(landscape(page).locator('.contour-fills path').first()).toBeAttached();
}

test('an MLP on two moons: a random filter-normalized slice with both paths, and the principal components redraw it', async ({ playground, page }) => {
  await openSlice(page, MLP_LINK);
  await expect(playground.lossCurves).toHaveCount(2);
  // the 2-D map and its controls are not shown for 17 parameters
  await expect(playground.map).toBeHidden();
  await expect(page.getByRole('button', { name: 'Zoom in' })).toHaveCount(0);
  const selector = page.getByRole('combobox', { name: 'Slice directions' });
  await expect(selector).toHaveValue('random');
  await expect(selector.locator('option')).toHaveText(['Random (filter-normalized)', /^Principal components of .+’s path$/]);
  await expect(page.getByRole('status').filter({ hasText: 'samples of the training loss' })).toHaveText(/^41 × 41 samples of the training loss · \d+ ms$/);
  await expect(page.getByRole('note')).toHaveText(/a slice of the 17-dimensional landscape, not the whole of it.*\(Li et al\. 2018\)/);
  expect(await axisLabels(page)).toEqual(['α', 'β']);
  const points = await landscape(page)
    .locator('g.run')
    .evaluateAll((groups) => groups.map((group) => Number(group.getAttribute('data-points'))));
  expect(points).toEqual([101, 101]);
  await expect(landscape(page).locator('.step-marker')).toHaveCount(2);
  // the slice goes through the selected run's current point: its marker sits at α = β = 0 by the axes' ticks
  const origin = await svgUnits(landscape(page), 0, 0);
  const current = await stepMarker(page, 0);
  expect(Math.abs(current.x - origin.x)).toBeLessThan(1);
  expect(Math.abs(current.y - origin.y)).toBeLessThan(1);
  // the contours have several levels: the slice is not flat
  expect(await landscape(page).locator('.contour-fills path').count()).toBeGreaterThan(5);
  const randomPicture = await picture(page);
  const randomPaths = await trajectories(page);
  await page.screenshot({ path: test.info().outputPath('landscape-random.png') });

  await selector.selectOption('pca');
  await expect.poll(() => axisLabels(page)).toEqual([expect.stringMatching(/^α: 1st PC, [\d.]+% of variance$/), expect.stringMatching(/^β: 2nd PC, [\d.]+% of variance$/)]);
  await expect.poll(() => picture(page)).not.toBe(randomPicture);
  expect(await trajectories(page)).not.toEqual(randomPaths);
  await expect(landscape(page).locator('g.run')).toHaveCount(2);
  const [first, second] = (await axisLabels(page)).map((label) => Number(/([\d.]+)%/.exec(label)![1]));
  expect(first).toBeGreaterThanOrEqual(second);
  expect(first + second).toBeLessThanOrEqual(100.1);
  await expect(page.getByRole('note')).toHaveText(/final point spanned by the top two principal components/);
  await page.screenshot({ path: test.info().outputPath('landscape-pca.png') });
});

test('a random slice goes through the point at the step shown: stepping back recentres it', async ({ page }) => {
  await openSlice(page, MLP_LINK);
  const before = await picture(page);
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect.poll(() => picture(page)).not.toBe(before);
});

test('10-D Rosenbrock from a link: the slice with both paths, random and principal components', async ({ playground, page }) => {
  await openSlice(page, ROSENBROCK_LINK);
  await expect(playground.lossCurves).toHaveCount(2);
  const selector = page.getByRole('combobox', { name: 'Slice directions' });
  await expect(selector.locator('option').first()).toHaveText('Random (scaled to ‖θ‖)');
  await expect(page.getByRole('status').filter({ hasText: 'samples of the loss' })).toHaveText(/^41 × 41 samples of the loss · \d+ ms$/);
  await expect(page.getByRole('note')).toHaveText(/a slice of the 10-dimensional landscape/);
  const randomPicture = await picture(page);
  await selector.selectOption('pca');
  await expect.poll(() => axisLabels(page)).toEqual([expect.stringMatching(/% of variance$/), expect.stringMatching(/% of variance$/)]);
  await expect.poll(() => picture(page)).not.toBe(randomPicture);
  await expect(landscape(page).locator('g.run')).toHaveCount(2);
});
