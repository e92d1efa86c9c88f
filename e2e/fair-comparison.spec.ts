import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

// Comparing runs fairly: the loss chart's x axis counts evaluations of f, of ∇f, or a weighted
// cost, and budget mode stops every run at the same cost on the map, the chart and the cards.
// Oracles: counts worked out by hand. A first-order method evaluates f and ∇f once at the start
// and once per step (Oracle.valueAndGradient), so after 100 steps it has made 101 of each; with
// forward differences in 2-D a gradient costs n = 2 on top of its f: 3 per point, 303 in all.

const TWO_RUNS = 'v=1&surface=rosenbrock&steps=100&run=sgd(lr=0.001)@-1.5,2;label=GD&run=adam(lr=0.05)@-1.5,2;label=Adam';

function chart(page: Page) {
  const image = page.getByTestId('loss-chart');
  return {
    image,
    xTitle: image.locator('text.x-label'),
    curves: image.locator('path.loss-curve'),
    /** Where each curve ends on the x axis, in the axis's units. */
    ends: () => image.locator('path.loss-curve').evaluateAll((paths) => paths.map((path) => Number(path.getAttribute('data-end-x')))),
    axis: page.getByRole('combobox', { name: 'Loss x axis' }),
  };
}

test('the x axis counts steps, evaluations of f or ∇f, or a weighted cost, and the link keeps it', async ({ playground, page }) => {
  await playground.open(TWO_RUNS, 2);
  const loss = chart(page);
  await expect(loss.xTitle).toHaveText('step');
  expect(await loss.ends()).toEqual([100, 100]);

  await loss.axis.selectOption('evaluations');
  await expect(loss.xTitle).toHaveText('function evaluations');
  await expect(loss.image).toHaveAttribute('aria-label', 'Loss against function evaluations for every run');
  await expect.poll(loss.ends).toEqual([101, 101]);

  await loss.axis.selectOption('gradients');
  await expect(loss.xTitle).toHaveText('gradient evaluations');
  await expect.poll(loss.ends).toEqual([101, 101]);

  await loss.axis.selectOption('hessians');
  await expect(loss.xTitle).toHaveText('Hessian evaluations');
  await expect.poll(loss.ends).toEqual([0, 0]);

  // weighted: a gradient priced as automatic differentiation (1), then as forward differences (n = 2)
  await loss.axis.selectOption('cost');
  await expect(loss.xTitle).toHaveText('weighted cost (f = 1, ∇f = 1, ∇²f = n = 2)');
  await expect.poll(loss.ends).toEqual([202, 202]);
  await page.getByRole('combobox', { name: 'Gradient cost' }).selectOption('forward');
  await expect(loss.xTitle).toHaveText('weighted cost (f = 1, ∇f = n = 2, ∇²f = n(n+1)/2 = 3)');
  await expect.poll(loss.ends).toEqual([303, 303]);
  // the ticks follow: the axis now reaches 300
  const ticks = (await loss.image.locator('g.axis-x .tick text').allTextContents()).map((text) => Number(text.replace(/,/g, '')));
  expect(Math.max(...ticks)).toBe(300);
  await expect(page).toHaveURL(/&x=cost&gradient_cost=forward/);

  // the link opens on the same axis
  await page.reload();
  await playground.waitForRuns(2);
  await expect(loss.axis).toHaveValue('cost');
  await expect(loss.xTitle).toHaveText('weighted cost (f = 1, ∇f = n = 2, ∇²f = n(n+1)/2 = 3)');
});

test('budget mode stops every run at the same cost on the map, the chart and the cards', async ({ playground, page }) => {
  await playground.open(`${TWO_RUNS}&x=evaluations`, 2);
  const loss = chart(page);
  const pathLengths = () =>
    playground.mapRuns.locator('path.trajectory').evaluateAll((paths) => paths.map((path) => (path as SVGPathElement).getTotalLength()));
  const fullLengths = await pathLengths();
  expect(await playground.pointsPerRun()).toEqual([101, 101]);

  await page.getByRole('checkbox', { name: 'Budget' }).check();
  // the first budget is the least any run spent, to two digits: 100 of the 101 evaluations
  const field = page.getByRole('textbox', { name: 'Budget in function evaluations' });
  await expect(field).toHaveValue('100');
  await field.fill('50');
  await page.keyboard.press('Enter');

  // evaluations ≤ 50: the start and 49 steps, 50 points
  await expect.poll(() => playground.pointsPerRun()).toEqual([50, 50]);
  await expect.poll(() => playground.lossPointsPerRun()).toEqual([50, 50]);
  await expect.poll(loss.ends).toEqual([50, 50]);
  const cutLengths = await pathLengths();
  cutLengths.forEach((length, index) => expect(length).toBeLessThan(fullLengths[index]));
  for (const card of await playground.runItems.all()) {
    await expect(card.getByRole('status')).toContainText('after 49 steps');
    await expect(card.getByRole('status')).toContainText('stopped at budget 50 function evaluations');
  }
  await expect(loss.image.locator('g.budget-line')).toHaveAttribute('data-budget', '50');
  await expect(page).toHaveURL(/&x=evaluations&budget=50/);

  // the same budget in steps: 50 steps, 51 points
  await loss.axis.selectOption('step');
  await expect.poll(() => playground.pointsPerRun()).toEqual([51, 51]);
  await expect(playground.runItems.first().getByRole('status')).toContainText('stopped at budget 50 steps');

  // off: the whole runs again, and no note
  await page.getByRole('checkbox', { name: 'Budget' }).uncheck();
  await expect.poll(() => playground.pointsPerRun()).toEqual([101, 101]);
  await expect(playground.runItems.first().getByRole('status')).not.toContainText('budget');
  await expect(page).not.toHaveURL(/budget=/);
});

test('the optimizer picker groups methods by family', async ({ playground, page }) => {
  await playground.open(TWO_RUNS, 2);
  const picker = page.getByRole('combobox', { name: 'Optimizer of run 1' });
  const groups = await picker.locator('optgroup').evaluateAll((elements) => elements.map((element) => element.getAttribute('label')));
  // only families with methods appear, in the family order; first-order is always there
  expect(groups[0]).toBe('First-order (gradient)');
  expect(new Set(groups).size).toBe(groups.length);
  await expect(picker.locator('optgroup').first().locator('option[value="adam"]')).toHaveCount(1);

  // a gradient method with a learning rate shows the schedule and clipping, and what it evaluates
  await page.getByRole('button', { name: 'Settings of run 2' }).click();
  await expect(page.getByTestId('method-evaluates')).toHaveText('Evaluates f and ∇f at each point it tries');
  await expect(page.getByRole('combobox', { name: 'Learning-rate schedule of run 2' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Gradient clipping of run 2' })).toBeVisible();
});
