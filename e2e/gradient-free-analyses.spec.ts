import { AnalysisPanel, expect, test } from './fixtures';

// The analyses take every method (the "Beyond gradient descent" issue): a basin map for
// Nelder-Mead runs on the TypeScript pool (no fused kernel exists for it, so even a link that asks
// for WebGPU gets TypeScript, and says why), and a sweep of a method without a learning rate
// varies its own step size.

const OUTCOME = /^TypeScript · \d+ workers? · [\d.]+[kMG]? run-steps\/s · /;

test('a basin map for Nelder-Mead completes on TypeScript and says why not WebGPU', async ({ playground, page }) => {
  await playground.open('v=1&surface=himmelblau&steps=100&run=nelder_mead@0,0&basin=1,64,minimum&engine=webgpu', 1);
  const analysis = new AnalysisPanel(page);
  await expect(page.getByRole('tab', { name: /Basin map/ })).toHaveAttribute('aria-selected', 'true');
  await expect(analysis.outcome('basin')).toHaveText(OUTCOME, { timeout: 90_000 });
  await expect(analysis.outcome('basin')).toHaveAttribute('data-engine', 'js');
  await expect(analysis.outcome('basin')).toHaveAttribute('title', /Nelder-Mead/);
  await expect(analysis.basinLayer).toHaveAttribute('data-filled', String(64 * 64));
  // the simplex from anywhere in the view settles in one of Himmelblau's four minima
  for (const minimum of ['(3, 2)', '(−2.81, 3.13)', '(−3.78, −3.28)', '(3.58, −1.85)']) await expect(analysis.basinLegend).toContainText(`minimum ${minimum}`);
  await expect(analysis.basinLegend).toContainText('diverged 0%');
});

test('a sweep of CMA-ES varies its step size σ', async ({ playground, page }) => {
  await playground.open('v=1&surface=himmelblau&steps=60&run=cma_es@0,0&sweep=1,0.01,2,16&engine=js', 1);
  const analysis = new AnalysisPanel(page);
  await expect(analysis.outcome('sweep')).toHaveText(OUTCOME, { timeout: 90_000 });
  const chart = page.getByTestId('sweep-chart');
  await expect(chart).toHaveAttribute('data-points', '16');
  await expect(chart).toHaveAccessibleName('Sweep chart of final loss against sigma');
  await expect(chart.locator('text', { hasText: 'sigma (log scale)' })).toHaveCount(1);
});
