import type { Locator } from '@playwright/test';
import { checkProblem, problemSuggestedStarts } from '../src/engine/problems';
import { expect, test } from './fixtures';

// Issue 11: what a data problem shows while it trains. Two moons with an MLP: the points over the
// decision regions, which change as training plays; a click adds a point; the selected run's
// metrics; the validation loss on the loss chart.

const PROBLEM = {
  dataset: { name: 'two_moons', params: { samples: 120, noise: 0.15 }, seed: 1, validation: 0.25 },
  model: { kind: 'mlp', hidden: [8, 8], activation: 'tanh', loss: 'cross_entropy' },
};

/** The model's default start (its seeded Glorot initialization, or zeros): a link's run needs its start written out. */
function defaultStart(problem: unknown): string {
  const checked = checkProblem(problem, 'problem');
  if (!checked.ok) throw new Error(checked.errors.join('; '));
  return problemSuggestedStarts(checked.value)[0].join(',');
}
const HASH = `v=1&problem=${encodeURIComponent(JSON.stringify(PROBLEM))}&steps=300&run=adam(lr=0.05)@${defaultStart(PROBLEM)}`;

/** The decision regions' picture as shown now (a data: URL of its PNG). */
async function regionsPicture(view: Locator): Promise<string> {
  return (await view.locator('image.data-regions-image').getAttribute('href')) ?? '';
}

test('two moons with an MLP: points over decision regions that change while playing, a click adds a point, metrics and a validation curve', async ({ page }) => {
  await page.goto(`/#${HASH}`);
  const view = page.getByRole('img', { name: /^Decision regions of / });
  await expect(view).toBeVisible();
  // every row is a point; 30 of the 120 are held out (diamonds)
  await expect(view.locator('path.data-point')).toHaveCount(120);
  await expect(view.locator('path.data-point[data-validation="1"]')).toHaveCount(30);
  await expect(page.getByTestId('data-rows')).toHaveAttribute('data-rows', '120');
  await expect.poll(() => regionsPicture(view)).toMatch(/^data:image\/png/);

  // the loss chart has the run's training curve and its validation curve, dashed
  const chart = page.getByRole('img', { name: /^loss against /i });
  await expect(chart.locator('path.loss-curve')).toHaveCount(1);
  await expect(chart.locator('path.validation-curve')).toHaveCount(1);
  await expect(chart.locator('path.validation-curve')).toHaveAttribute('stroke-dasharray', /\d/);

  // at step 0 (Reset) and later while playing the regions differ, and the description follows the step
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(view).toHaveAttribute('aria-label', /at step 0, validation accuracy \d\.\d\d/);
  const atStart = await regionsPicture(view);
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect.poll(async () => Number(/at step (\d+)/.exec((await view.getAttribute('aria-label')) ?? '')?.[1] ?? 0)).toBeGreaterThan(60);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect.poll(() => regionsPicture(view)).not.toBe(atStart);

  // the metrics: accuracy on the training and validation rows, and a confusion matrix with headers
  const metrics = page.getByTestId('fit-metrics');
  await expect(metrics.getByTestId('metrics-training').getByTestId('accuracy')).toHaveText(/^(0\.\d+|1)$/);
  await expect(metrics.getByTestId('metrics-validation').getByTestId('accuracy')).toHaveText(/^(0\.\d+|1)$/);
  await expect(metrics.getByRole('table', { name: /confusion matrix/i }).getByRole('rowheader')).toHaveCount(2);

  // a click on the view adds a row (shift-click: the other class); the count grows and the point is drawn
  const area = view.locator('rect.data-click-area');
  const box = (await area.boundingBox())!;
  await area.click({ position: { x: box.width * 0.2, y: box.height * 0.2 } });
  await expect(page.getByTestId('data-rows')).toHaveAttribute('data-rows', '121');
  await area.click({ position: { x: box.width * 0.8, y: box.height * 0.8 }, modifiers: ['Shift'] });
  await expect(page.getByTestId('data-rows')).toHaveAttribute('data-rows', '122');
  await expect(view.locator('path.data-point')).toHaveCount(122);
  await expect(page).toHaveURL(/added/);
  // the added rows are in data units: the first click's class is the chosen one (0), the Shift-click's the other
  await expect(view.locator('path.data-point[data-class="1"]')).toHaveCount(61);
  await expect(page.getByRole('button', { name: 'Remove added points (2)' })).toBeVisible();
});

test('the loss chart counts epochs and examples seen for a data problem, and shows training and validation accuracy', async ({ page }) => {
  const batched = { ...PROBLEM, batch_size: 10 };
  await page.goto(`/#v=1&problem=${encodeURIComponent(JSON.stringify(batched))}&steps=90&run=sgd(lr=0.1)@${defaultStart(batched)}`);
  const chart = page.getByRole('img', { name: /^loss against /i });
  await expect(chart.locator('path.loss-curve')).toHaveCount(1);
  // 90 training rows in batches of 10: 9 steps an epoch, so 90 steps end at epoch 10
  const axis = page.getByRole('combobox', { name: 'Loss x axis' });
  await axis.selectOption('epoch');
  await expect(chart.locator('path.loss-curve')).toHaveAttribute('data-end-x', '10');
  await expect(page).toHaveURL(/x=epoch/);
  // each SGD step reads one batch of 10 rows: 900 examples
  await axis.selectOption('examples');
  await expect(chart.locator('path.loss-curve')).toHaveAttribute('data-end-x', '900');
  await expect(chart.locator('path.validation-curve')).toHaveCount(1);
  // accuracy instead of the loss: the solid training curve and the dashed validation one, on a linear axis
  await page.getByRole('checkbox', { name: /^Accuracy/ }).check();
  const accuracyChart = page.getByRole('img', { name: /^accuracy against /i });
  await expect(accuracyChart.locator('path.validation-curve')).toHaveCount(1);
  await expect(accuracyChart.locator('text.y-label')).toHaveText(/^accuracy/);
});

test('a line fitted to one feature: every run’s line over the points, R² and RMSE', async ({ page }) => {
  const line = { dataset: { name: 'linear_1d', params: { samples: 50 }, validation: 0.2 }, model: { kind: 'linear' } };
  const start = defaultStart(line);
  await page.goto(`/#v=1&problem=${encodeURIComponent(JSON.stringify(line))}&steps=100&run=sgd(lr=0.1)@${start}&run=adam(lr=0.1)@${start}`);
  const view = page.getByRole('img', { name: /^Fitted line of each run/ });
  await expect(view.locator('path.data-point')).toHaveCount(50);
  await expect(view.locator('path.data-curve')).toHaveCount(2);
  await expect(page.getByTestId('metrics-validation').getByTestId('r-squared')).toHaveText(/^-?\d/);
  // a click adds the point (x, y) itself
  const area = view.locator('rect.data-click-area');
  await area.click({ position: { x: 20, y: 20 } });
  await expect(page.getByTestId('data-rows')).toHaveAttribute('data-rows', '51');
});
