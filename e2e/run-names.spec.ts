import type { Page } from '@playwright/test';
import { expect, test, type PlaygroundPage } from './fixtures';

// Issue 9, finding 3: a run the user has not named is named by its optimizer and key settings, and
// the name follows them everywhere it is shown (card, loss chart tooltip and legend, map) and stays
// out of the link; a label the user typed stays through any change, and is in the link.

const DEFAULT_RUNS = 3;

/** The loss chart's tooltip rows ("Lion lr 0.01: 1.234") with the pointer at the middle of the plot. */
async function tooltipRows(page: Page): Promise<string[]> {
  const frame = page.getByTestId('loss-chart-frame');
  const area = frame.locator('rect.hover-area');
  await area.scrollIntoViewIfNeeded();
  const box = (await area.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
  const tooltip = frame.locator('g.chart-tooltip');
  await expect(tooltip).toBeVisible();
  const rows = await tooltip.locator('text.tooltip-row').allTextContents();
  await page.mouse.move(0, 0);
  return rows;
}

/** The link "Copy link" copies, decoded. */
async function copiedLink(playground: PlaygroundPage): Promise<string> {
  await playground.copyLink.click();
  return decodeURIComponent(await playground.page.evaluate(() => navigator.clipboard.readText()));
}

const heading = (playground: PlaygroundPage, index: number) => playground.runItems.nth(index).getByRole('heading');
const legendNames = (playground: PlaygroundPage) => playground.lossChart.locator('.loss-legend .legend-name');

test('a run switched from SGD to Lion is renamed in its card, the tooltip, the legend, the map and the link', async ({ playground, page }) => {
  await page.goto('/');
  await playground.waitForRuns(DEFAULT_RUNS);
  await expect(heading(playground, 0)).toHaveText(/SGD lr 0\.001$/);
  await expect(heading(playground, 1)).toHaveText(/Momentum lr 0\.001 μ 0\.9$/);
  await expect(heading(playground, 2)).toHaveText(/Adam lr 0\.05$/);

  await page.getByRole('combobox', { name: 'Optimizer of run 1' }).selectOption('lion');
  await expect(heading(playground, 0)).toHaveText(/Lion lr 0\.01$/);
  await expect(page.getByRole('textbox', { name: 'Label of run 1' })).toHaveValue('');
  await expect(page.getByRole('textbox', { name: 'Label of run 1' })).toHaveAttribute('placeholder', 'Lion lr 0.01');
  await expect(legendNames(playground).first()).toHaveText('Lion lr 0.01');
  await expect(playground.lossCurves.first()).toHaveAttribute('data-label', 'Lion lr 0.01');
  await expect(playground.mapRuns.first()).toHaveAttribute('data-label', 'Lion lr 0.01');

  const rows = await tooltipRows(page);
  expect(rows).toHaveLength(DEFAULT_RUNS);
  expect(rows[0]).toMatch(/^Lion lr 0\.01: /);
  expect(rows.join('\n')).not.toMatch(/^SGD/m);

  // the automatic name is not in the link, so whoever opens it sees the name follow too
  await expect(page).toHaveURL(/run=lion\(lr=0\.01\)@-1\.5,2&/);
  const link = await copiedLink(playground);
  expect(link).toContain('run=lion(lr=0.01)@-1.5,2');
  expect(link).not.toContain('label=');

  // the name follows a setting as well
  await page.getByRole('button', { name: 'Settings of run 3' }).click();
  const lr = page.getByRole('textbox', { name: /^lr \(/ });
  await lr.fill('0.2');
  await lr.press('Enter');
  await expect(heading(playground, 2)).toHaveText(/Adam lr 0\.2$/);
  await expect(legendNames(playground).nth(2)).toHaveText('Adam lr 0.2');
});

test('a label the user typed survives a switch of optimizer, and the link carries it', async ({ playground, page }) => {
  await page.goto('/');
  await playground.waitForRuns(DEFAULT_RUNS);
  await page.getByRole('textbox', { name: 'Label of run 1' }).fill('Baseline');
  await expect(heading(playground, 0)).toHaveText(/Baseline$/);

  await page.getByRole('combobox', { name: 'Optimizer of run 1' }).selectOption('lion');
  await expect(page.getByRole('combobox', { name: 'Optimizer of run 1' })).toHaveValue('lion');
  await expect(heading(playground, 0)).toHaveText(/Baseline$/);
  await expect(legendNames(playground).first()).toHaveText('Baseline');
  expect((await tooltipRows(page))[0]).toMatch(/^Baseline: /);
  expect(await copiedLink(playground)).toContain('run=lion(lr=0.01)@-1.5,2;label=Baseline');

  // it survives a reload from its link too
  await page.reload();
  await playground.waitForRuns(DEFAULT_RUNS);
  await expect(heading(playground, 0)).toHaveText(/Baseline$/);

  // emptying the field gives the run its automatic name back
  await page.getByRole('textbox', { name: 'Label of run 1' }).fill('');
  await expect(heading(playground, 0)).toHaveText(/Lion lr 0\.01$/);
  await expect(page).not.toHaveURL(/label=/);
});

test('old links: the names the playground wrote by itself follow, a typed one stays', async ({ playground, page }) => {
  // what the old playground wrote after switching the default SGD run to Lion, and a preset's Momentum
  await playground.open(
    'v=1&surface=rosenbrock&steps=100&run=lion(lr=0.01)@-1.5,2;label=SGD&run=sgd(lr=0.001,momentum=0.9)@-1.5,2;label=Momentum&run=sgd(lr=0.001)@-1.5,2;label=Plain%20GD',
    3,
  );
  await expect(heading(playground, 0)).toHaveText(/Lion lr 0\.01$/);
  await expect(heading(playground, 1)).toHaveText(/Momentum lr 0\.001 μ 0\.9$/);
  await expect(heading(playground, 2)).toHaveText(/Plain GD$/);
  await expect(page.getByRole('alert')).toHaveCount(0);

  await page.getByRole('combobox', { name: 'Optimizer of run 2' }).selectOption('adam');
  await expect(heading(playground, 1)).toHaveText(/Adam lr 0\.05$/);
  const link = await copiedLink(playground);
  expect(link).toContain('run=lion(lr=0.01)@-1.5,2&run=adam(lr=0.05)@-1.5,2&run=sgd(lr=0.001)@-1.5,2;label=Plain GD');
});

test('runs with the same automatic name are numbered, so the legend never shows two runs under one name', async ({ playground, page }) => {
  await playground.open('v=1&surface=rosenbrock&steps=50&run=adam(lr=0.05)@-1.5,2&run=adam(lr=0.05)@1,-0.5', 2);
  await expect(heading(playground, 0)).toHaveText(/Adam lr 0\.05$/);
  await expect(heading(playground, 1)).toHaveText(/Adam lr 0\.05 \(2\)$/);
  await expect(legendNames(playground)).toHaveText(['Adam lr 0.05', 'Adam lr 0.05 (2)']);
  await page.getByRole('button', { name: 'Duplicate run 2' }).click();
  await playground.waitForRuns(3);
  await expect(heading(playground, 2)).toHaveText(/Adam lr 0\.05 \(3\)$/);
});
