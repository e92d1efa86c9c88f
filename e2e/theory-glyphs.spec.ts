import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { pagePoint } from './map-axes';

// The theory overlay and the optimizer-internals glyphs. Oracles: the Hessian computed here,
// independently of the app: a quadratic formula's constant H, and Rosenbrock's analytic Hessian at
// the point under the cursor, whose 2/λmax (and κ) the readout must show to its digits; the Newton
// step of a quadratic lands on its minimiser (0, 0); a two-headed probe segment; the link round-trips.

test.describe.configure({ timeout: 180_000 });

/** The readout's rounding: four significant digits, Unicode minus. */
function shown(value: number): string {
  return String(Number(value.toPrecision(4))).replace('-', '−');
}

/** Eigenvalues of the symmetric 2 × 2 [[a, b], [b, c]], ascending. */
function eigenvalues2(a: number, b: number, c: number): [number, number] {
  const mean = (a + c) / 2;
  const radius = Math.hypot((a - c) / 2, b);
  return [mean - radius, mean + radius];
}

const QUADRATIC = `v=1&f=${encodeURIComponent('3*x^2 + 2*x*y + y^2')}&domain=-3,3,-3,3&steps=20&run=sgd(lr=0.05)@1,-2&run=zo_sgd(lr=0.05)@-2,2`;

async function openOverlays(page: Page): Promise<void> {
  const button = page.getByRole('button', { name: 'Overlays' });
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
}

test('the theory overlay shows 2/λmax, κ and the critical pair of the Hessian at the run’s point; Newton lands on the minimiser', async ({ playground, page }) => {
  await playground.open(`${QUADRATIC}&step=3&theory=1&glyphs=gradient,newton`, 2);
  const panel = page.getByTestId('theory-panel');
  await expect(panel).toBeVisible();
  // H = [[6, 2], [2, 2]] everywhere: λ = 4 ∓ √8
  const [lambdaMin, lambdaMax] = eigenvalues2(6, 2, 2);
  await expect(page.getByTestId('theory-largest-stable-rate')).toHaveText(shown(2 / lambdaMax));
  await expect(page.getByTestId('theory-condition-number')).toHaveText(shown(lambdaMax / lambdaMin));
  await expect(page.getByTestId('theory-optimal-rate')).toContainText(shown(2 / (lambdaMin + lambdaMax)));
  const kappa = lambdaMax / lambdaMin;
  await expect(page.getByTestId('theory-critical-momentum')).toContainText(shown(((Math.sqrt(kappa) - 1) / (Math.sqrt(kappa) + 1)) ** 2));
  await expect(page.getByTestId('theory-critical-learning-rate')).toHaveText(shown((2 / (Math.sqrt(lambdaMax) + Math.sqrt(lambdaMin))) ** 2));
  await expect(page.getByTestId('theory-where')).toContainText('at run 1');
  await expect(page.getByTestId('theory-curvature')).toHaveAttribute('data-curvature', 'positive-definite');
  // the run's own lr against the bounds: 0.05 is below 2/λmax ≈ 0.293
  await expect(page.getByTestId('theory-run')).toContainText(`lr = 0.05 is below 2/λmax = ${shown(2 / lambdaMax)}`);
  // the eigen-axes on the map, labelled with λ
  const axes = playground.map.locator('g.theory-overlay line.theory-axis');
  await expect(axes).toHaveCount(2);
  await expect(playground.map.locator('g.theory-overlay path.theory-level-set')).toHaveCount(1);

  // glyphs at step 3 of run 1: −lr·∇f, and Newton's step onto the quadratic's minimiser (0, 0)
  const run1 = playground.map.locator('g.glyphs g.run-glyphs[data-index="0"]');
  await expect(run1).toHaveAttribute('data-step', '3');
  await expect(run1.locator('path.glyph-arrow[data-role="gradient-step"]')).toHaveCount(1);
  const newton = run1.locator('path.glyph-arrow[data-role="newton"]');
  await expect(newton).toHaveCount(1);
  await expect(newton).toHaveAttribute('data-dashed', 'false');
  const [toX, toY] = (await newton.getAttribute('data-to'))!.split(',').map(Number);
  expect(Math.abs(toX)).toBeLessThan(1e-9);
  expect(Math.abs(toY)).toBeLessThan(1e-9);
  await expect(run1.locator('path.glyph-arrow[data-role="newton-gradient-step"]')).toHaveCount(1);

  const violations = (await new AxeBuilder({ page }).include('.map-panel').analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
});

test('at the cursor on Rosenbrock the overlay’s 2/λmax is the analytic Hessian’s there', async ({ playground, page }) => {
  await playground.open('v=1&surface=rosenbrock&steps=30&run=sgd(lr=0.001,momentum=0.9)@-1.5,2&theory=1', 1);
  await expect(page.getByTestId('theory-where')).toContainText('at run 1');
  const target = await pagePoint(playground.map, 0.5, 1);
  await page.mouse.move(target.x, target.y);
  await page.mouse.move(target.x + 1, target.y);
  await expect(page.getByTestId('theory-where')).toHaveAttribute('data-source', 'cursor');
  const values = page.getByTestId('hover-readout').locator('.hover-values');
  await expect(values).toBeVisible();
  const [x, y] = await Promise.all(['data-x', 'data-y'].map(async (name) => Number(await values.getAttribute(name))));
  // ∇²[(1 − x)² + 100(y − x²)²] = [[2 − 400(y − x²) + 800x², −400x], [−400x, 200]]
  const [lambdaMin, lambdaMax] = eigenvalues2(2 - 400 * (y - x * x) + 800 * x * x, -400 * x, 200);
  await expect(page.getByTestId('theory-largest-stable-rate')).toHaveText(shown(2 / lambdaMax));
  await expect(page.getByTestId('theory-eigenvalue-1')).toHaveText(shown(lambdaMin));
  await expect(page.getByTestId('theory-eigenvalue-2')).toHaveText(shown(lambdaMax));
  await expect(page.getByTestId('theory-where')).toContainText('at the cursor');
  // leaving the map goes back to the selected run's point
  await page.mouse.move(5, 5);
  await expect(page.getByTestId('theory-where')).toHaveAttribute('data-source', 'run');
  // a saddle: (0, 0.5) has λ = 2 − 200 < 0 < 200
  await page.mouse.move((await pagePoint(playground.map, 0, 0.5)).x, (await pagePoint(playground.map, 0, 0.5)).y);
  await expect(page.getByTestId('theory-curvature')).toHaveAttribute('data-curvature', 'saddle');
  await expect(page.getByTestId('theory-curvature')).toContainText('saddle');
  await expect(page.getByTestId('theory-condition-number')).toHaveText('does not apply');
});

test('each glyph toggle draws and removes its marks, and the glyphs and theory overlay round-trip through the URL', async ({ playground, page }) => {
  await playground.open(`${QUADRATIC}&step=5`, 2);
  const glyphs = playground.map.locator('g.glyphs');
  await expect(glyphs.locator('path.glyph-arrow')).toHaveCount(0);
  await openOverlays(page);
  await page.getByRole('checkbox', { name: 'Gradient arrow' }).check();
  await expect(glyphs.locator('path.glyph-arrow[data-glyph="gradient"]')).toHaveCount(2);
  await page.getByRole('checkbox', { name: 'Probe direction' }).check();
  // zo_sgd's probe pair: one two-headed segment for run 2, none for SGD
  await expect(glyphs.locator('g.run-glyphs[data-index="1"] path.glyph-arrow[data-glyph="probeDirection"]')).toHaveCount(1);
  await expect(glyphs.locator('g.run-glyphs[data-index="0"] path.glyph-arrow[data-glyph="probeDirection"]')).toHaveCount(0);
  await page.getByRole('checkbox', { name: 'Newton step' }).check();
  await expect(glyphs.locator('path.glyph-arrow[data-role="newton"]')).toHaveCount(2);
  await expect(page.getByTestId('glyph-legend')).toContainText('−H⁻¹∇f');
  await page.getByRole('checkbox', { name: 'Theory overlay' }).check();
  await expect(page.getByTestId('theory-panel')).toBeVisible();
  await expect.poll(() => page.url()).toMatch(/glyphs=gradient,newton,probe(&|$)/);
  await expect.poll(() => page.url()).toMatch(/theory=1(&|$)/);

  await page.getByRole('checkbox', { name: 'Gradient arrow' }).uncheck();
  await expect(glyphs.locator('path.glyph-arrow[data-glyph="gradient"]')).toHaveCount(0);
  await expect(glyphs.locator('path.glyph-arrow[data-role="newton"]')).toHaveCount(2);
  await expect.poll(() => page.url()).toMatch(/glyphs=newton,probe(&|$)/);

  // the link reopens with the same overlays
  const link = page.url();
  await page.goto('about:blank');
  await page.goto(link);
  await playground.waitForRuns(2);
  await expect(glyphs.locator('path.glyph-arrow[data-role="newton"]')).toHaveCount(2);
  await expect(glyphs.locator('path.glyph-arrow[data-glyph="gradient"]')).toHaveCount(0);
  await expect(page.getByTestId('theory-panel')).toBeVisible();
  await openOverlays(page);
  await expect(page.getByRole('checkbox', { name: 'Newton step' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Gradient arrow' })).not.toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Theory overlay' })).toBeChecked();
  await page.getByRole('checkbox', { name: 'Theory overlay' }).uncheck();
  await expect(page.getByTestId('theory-panel')).toHaveCount(0);
  await expect(playground.map.locator('g.theory-overlay line.theory-axis')).toHaveCount(0);
  await expect.poll(() => page.url()).not.toMatch(/theory=/);
});
