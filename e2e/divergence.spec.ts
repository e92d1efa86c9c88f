import type { Page } from '@playwright/test';
import { expect, test, unnamedControls } from './fixtures';

// Issue 9, finding 10: a run that diverges, leaves the view or oscillates is named and explained
// with numbers in its card and in the loss chart's tooltip, and offers a fix that, once clicked,
// makes the run converge.

/** The loss chart's tooltip rows while the pointer rests at `fraction` of the chart's width. */
async function tooltipRows(page: Page, fraction: number): Promise<string[]> {
  const frame = page.getByTestId('loss-chart-frame');
  const area = frame.locator('rect.hover-area');
  await area.scrollIntoViewIfNeeded();
  const box = (await area.boundingBox())!;
  await page.mouse.move(box.x + box.width * fraction, box.y + box.height * 0.5);
  const tooltip = frame.locator('g.chart-tooltip');
  await expect(tooltip).toBeVisible();
  const rows = await tooltip.locator('text.tooltip-row').allTextContents();
  await page.mouse.move(0, 0);
  return rows;
}

/** The number after `name = ` in `text` (with the typographic minus read as '-'). */
function numberAfter(text: string, name: string): number {
  const match = new RegExp(`${name.replace(/[()/]/g, '\\$&')} = (−?[\\d.]+(?:e−?\\d+)?)`).exec(text);
  if (!match) throw new Error(`no '${name} = …' in: ${text}`);
  return Number(match[1].replace(/−/g, '-'));
}

test('SGD at lr = 1 on Rosenbrock: the card explains the divergence with λmax and 2/λmax, and its fix converges', async ({ playground, page }) => {
  await playground.open('v=1&surface=rosenbrock&run=sgd(lr=1)@-1.5,2', 1);
  const card = playground.runItems.first();
  const status = card.getByRole('status');
  await expect(status).toContainText('diverged at step');

  const diagnosis = card.getByTestId('run-diagnosis');
  await expect(diagnosis).toBeVisible();
  await expect(diagnosis).toContainText('Diverged');
  const explanation = (await diagnosis.locator('.run-diagnosis-explanation').textContent()) ?? '';
  // The Hessian of (1 − x)² + 100(y − x²)² at the start (−1.5, 2), by hand:
  // ∂²f/∂x² = 2 − 400(y − x²) + 1200x² = 2 + 100 + 2700 − 900 = 1902, ∂²f/∂x∂y = −400x = 600, ∂²f/∂y² = 200;
  // its largest eigenvalue is (1902 + 200)/2 + √(((1902 − 200)/2)² + 600²) = 1051 + √1084201.
  const largestEigenvalue = 1051 + Math.sqrt(851 ** 2 + 600 ** 2);
  expect(numberAfter(explanation, 'λmax')).toBeCloseTo(largestEigenvalue, 0);
  expect(Math.abs(numberAfter(explanation, '2/λmax') - 2 / largestEigenvalue) / (2 / largestEigenvalue)).toBeLessThan(1e-3);
  const ratio = Number(/was (\d+)x larger than 2\/λmax/.exec(explanation)?.[1]);
  expect(ratio).toBe(Math.round(largestEigenvalue / 2));
  expect(explanation).toContain('lr is too large for this curvature');

  // the chart's tooltip says why too, past the run's end
  const rows = await tooltipRows(page, 0.5);
  expect(rows[0]).toMatch(/diverged at step \d+: lr \d+x above 2\/λmax/);

  // the fix: a learning rate inside the bound (momentum carries it along the flat valley floor)
  const fix = card.getByRole('button', { name: /^Use lr = [\d.]+.* for run 1$/ }).first();
  await expect(fix).toBeVisible();
  expect(await unnamedControls(diagnosis.locator('button'))).toEqual([]);
  const label = (await fix.textContent()) ?? '';
  const fixedRate = numberAfter(label, 'lr');
  const fixedMomentum = /momentum/.test(label) ? numberAfter(label, 'momentum') : 0;
  // inside the heavy-ball bound 2(1 + μ)/λmax at the start
  expect(fixedRate).toBeLessThan((2 * (1 + fixedMomentum)) / largestEigenvalue);
  await fix.click();

  // an ordinary edit: the link has the new settings, the run converges and nothing is flagged
  await expect.poll(() => decodeURIComponent(page.url())).toContain(`lr=${fixedRate}`);
  await expect(status).toHaveText(/^f = [\d.e−-]+ after 300 steps/);
  await expect(diagnosis).toHaveCount(0);
  const finalLoss = Number(/f = ([\d.e−-]+)/.exec((await status.textContent()) ?? '')![1].replace(/−/g, '-'));
  expect(finalLoss).toBeLessThan(0.01);
  expect((await tooltipRows(page, 0.5))[0]).not.toContain('⚠');
});

test('Adam at lr = 10 is flagged as leaving the view, in its card and in the tooltip, with a fix that keeps it in', async ({ playground, page }) => {
  await playground.open('v=1&surface=rosenbrock&run=adam(lr=10)@-1.5,2', 1);
  const card = playground.runItems.first();
  // it never diverges: before the diagnosis nothing said anything was wrong
  await expect(card.getByRole('status')).toContainText('after 300 steps');
  const diagnosis = card.getByTestId('run-diagnosis');
  await expect(diagnosis).toContainText('Left the view');
  await expect(diagnosis).toContainText('at step 1');
  // Adam's step is about lr per coordinate whatever the gradient: the first step moved both by 10
  await expect(diagnosis).toContainText('about ±lr = 10 per coordinate');
  await expect(diagnosis).toContainText('Step 1 moved x by 10 and y by 10, while the view is 4 wide and 4 tall');

  const rows = await tooltipRows(page, 0.5);
  expect(rows[0]).toMatch(/^Adam lr 10: .* ⚠ left the view at step 1$/);

  await card.getByRole('button', { name: /^Use lr = [\d.]+ for run 1$/ }).click();
  await expect(diagnosis).toHaveCount(0);
  await expect(card.getByRole('status')).toContainText('after 300 steps');
});

test('SGD bouncing across a bowl at lr = 2/λ is flagged as oscillating; adding a schedule settles it', async ({ playground }) => {
  // f = x² + y² has λ = 2 everywhere: lr = 1 = 2/λ maps x to −x, a two-cycle that never converges
  await playground.open('v=1&surface=quadratic&run=sgd(lr=1)@-1.5,1', 1);
  const card = playground.runItems.first();
  const diagnosis = card.getByTestId('run-diagnosis');
  await expect(diagnosis).toContainText('Oscillating');
  await expect(diagnosis).toContainText('reversed direction');
  await expect(diagnosis).toContainText('λmax = 2');
  await card.getByRole('button', { name: 'Add a cosine schedule for run 1' }).click();
  await expect(diagnosis).toHaveCount(0);
  await expect(card.getByRole('button', { name: /Settings of run 1/ })).toContainText('cosine');
});

test('the default experiment is not flagged', async ({ playground, page }) => {
  await page.goto('/');
  await playground.waitForRuns(3);
  await expect(playground.runItems.nth(2).getByRole('status')).toContainText('after');
  await expect(page.getByTestId('run-diagnosis')).toHaveCount(0);
});
