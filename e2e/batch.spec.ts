import { AnalysisPanel, expect, test, unnamedControls } from './fixtures';

// The batch analyses of the "Batch engine" issue in the page: a basin map and a sweep complete and
// say which engine ran them, a running job can be cancelled, the analyses live in the share URL,
// and many seeds draw their band on the map and the loss chart.

const HIMMELBLAU = 'v=1&surface=himmelblau&steps=100&run=adam(lr=0.1)@0,0';
/** What every finished job reports: engine, adapter or workers, throughput. */
const OUTCOME = /^(WebGPU · .+|TypeScript · \d+ workers?) · [\d.]+[kMG]? run-steps\/s · /;

test('the Analysis panel is closed on the default page', async ({ playground, page }) => {
  await playground.open('', 3);
  const analysis = new AnalysisPanel(page);
  await expect(analysis.toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('tab')).toHaveCount(0);
  await expect(analysis.basinLayer).toHaveAttribute('display', 'none');
});

test('a basin map completes cell by cell, with a legend, and reports the engine used', async ({ playground, page }) => {
  await playground.open(HIMMELBLAU, 1);
  const analysis = new AnalysisPanel(page);
  await analysis.open('Basin map');
  await page.getByRole('combobox', { name: 'Basin map grid' }).selectOption('64');
  await page.getByRole('button', { name: 'Compute basin map' }).click();
  await expect(analysis.outcome('basin')).toHaveText(OUTCOME, { timeout: 60_000 });
  await expect(analysis.basinLayer).toHaveAttribute('data-cells', '4096');
  await expect(analysis.basinLayer).toHaveAttribute('data-filled', '4096');
  await expect(analysis.basinLayer.locator('image')).toHaveAttribute('href', /^data:image\/png/);
  // Adam from anywhere in the view reaches one of Himmelblau's four minima
  await expect(analysis.basinLegend).toContainText('minimum (3, 2)');
  await expect(analysis.basinLegend).toContainText('diverged');
  expect(page.url()).toContain('basin=1,64,minimum');

  await analysis.page.getByRole('radio', { name: 'steps to converge' }).check();
  await expect(analysis.basinLayer).toHaveAttribute('data-color-by', 'steps');
  await expect(analysis.basinLegend).toContainText('Steps to converge');
  await page.getByRole('button', { name: 'Remove basin map' }).click();
  await expect(analysis.basinLayer).toHaveAttribute('display', 'none');
  await expect.poll(() => page.url()).not.toContain('basin=');
});

test('a link with engine=webgpu runs the basin map on WebGPU and names the adapter', async ({ playground, page }) => {
  await playground.open(`${HIMMELBLAU}&basin=1,128,minimum&engine=webgpu`, 1);
  const analysis = new AnalysisPanel(page);
  await expect(page.getByRole('tab', { name: /Basin map/ })).toHaveAttribute('aria-selected', 'true');
  await expect(analysis.outcome('basin')).toHaveText(OUTCOME, { timeout: 60_000 });
  await expect(analysis.outcome('basin')).toHaveAttribute('data-engine', 'webgpu');
  await expect(analysis.outcome('basin')).toHaveText(/^WebGPU · /);
  await expect(analysis.basinLayer).toHaveAttribute('data-filled', String(128 * 128));
});

test('a sweep completes, and a click on the chart gives the run that learning rate', async ({ playground, page }) => {
  await playground.open('v=1&steps=200&run=adam(lr=0.05)@-1.5,2&sweep=1,0.0001,1,64&engine=js', 1);
  const analysis = new AnalysisPanel(page);
  await expect(analysis.outcome('sweep')).toHaveText(/^TypeScript · \d+ workers? · /, { timeout: 60_000 });
  const chart = page.getByTestId('sweep-chart');
  await expect(chart).toHaveAttribute('data-points', '64');
  await expect(chart).toHaveAttribute('data-drawn', /^\d+$/);
  await expect(chart.locator('line.sweep-current')).toHaveAttribute('data-learning-rate', '0.05');

  // the middle of the plot is lr = 10^-2 on a 1e-4..1 log axis: the click picks the swept rate
  // nearest to it, 10^(-4 + 4j/63) for j = 31 or 32, within half a grid step
  await chart.locator('rect.hover-area').click();
  const picked = async () => Number(await chart.locator('line.sweep-current').getAttribute('data-learning-rate'));
  await expect.poll(async () => Math.abs(Math.log10(await picked()) + 2)).toBeLessThanOrEqual(2 / 63 + 1e-3);
  await expect.poll(() => page.url()).toMatch(/run=adam\(lr=0\.0(09|10)\d*\)/);

  await page.getByRole('button', { name: 'Use the best setting for run 1' }).click();
  await expect(page.getByTestId('sweep-status')).toHaveAttribute('data-status', 'done');
  // applying a point does not make the sweep stale: it does not depend on the learning rate it sweeps
  await expect(page.locator('.batch-stale')).toHaveCount(0);
});

test('a 2-D sweep over lr x beta1 fills a heatmap, on WebGPU when the link asks for it', async ({ playground, page }) => {
  await playground.open('v=1&steps=100&run=adam(lr=0.05)@-1.5,2&sweep=1,0.001,1,16,final,beta1,0,0.9,4&engine=webgpu', 1);
  const analysis = new AnalysisPanel(page);
  await expect(analysis.outcome('sweep')).toHaveText(OUTCOME, { timeout: 60_000 });
  await expect(analysis.outcome('sweep')).toHaveAttribute('data-engine', 'webgpu');
  await expect(page.locator('.batch-notice')).toHaveCount(0);
  const heatmap = page.getByTestId('sweep-heatmap');
  await expect(heatmap).toHaveAttribute('data-filled', '64');
  await expect(heatmap.locator('image.heatmap-image')).toHaveAttribute('href', /^data:image\/png/);
});

test('a running job shows its progress and can be cancelled; the page keeps working', async ({ playground, page }) => {
  await playground.open(`v=1&steps=5000&run=adam(lr=0.01)@-1.5,2&engine=js`, 1);
  const analysis = new AnalysisPanel(page);
  await analysis.open('Basin map');
  await page.getByRole('combobox', { name: 'Basin map grid' }).selectOption('512');
  await page.getByRole('button', { name: 'Compute basin map' }).click();
  const progress = page.getByRole('progressbar', { name: 'basin map progress' });
  await expect(progress).toHaveAttribute('aria-valuenow', /^\d+$/);
  await expect(page.locator('.batch-progress-text')).toContainText(/of 262,144 cells/);
  await expect(page.locator('.batch-progress-text')).toContainText(/left/, { timeout: 30_000 });
  // cells stream in while the job runs, and the page stays responsive
  const filled = async () => Number(await analysis.basinLayer.getAttribute('data-filled'));
  await expect.poll(filled, { timeout: 30_000 }).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Step', exact: true }).first().click();
  await page.getByRole('button', { name: 'Cancel basin map' }).click();
  await expect(analysis.status('basin')).toHaveAttribute('data-status', 'cancelled');
  await expect(progress).toHaveCount(0);
  // what arrived before the cancel stays on the map
  expect(await filled()).toBeGreaterThan(0);
  expect(await filled()).toBeLessThan(512 * 512);
  await playground.addPresetRun('momentum');
  await playground.waitForRuns(2);
});

test('the analyses round-trip through the URL and re-run on opening it', async ({ playground, page }) => {
  await playground.open('v=1&noise=0.2&steps=100&run=sgd(lr=0.01,momentum=0.9)@-1,1', 1);
  const analysis = new AnalysisPanel(page);
  await analysis.open('Basin map');
  await page.getByRole('combobox', { name: 'Basin map grid' }).selectOption('64');
  await page.getByRole('radio', { name: 'final loss' }).check();
  await page.getByRole('button', { name: 'Compute basin map' }).click();
  await analysis.open('Learning-rate sweep');
  await page.getByRole('textbox', { name: 'Learning rates in the sweep' }).fill('32');
  await page.getByRole('combobox', { name: 'Second axis of the sweep' }).selectOption('momentum');
  await page.getByRole('button', { name: 'Compute sweep' }).click();
  await analysis.open('Many seeds');
  await page.getByRole('textbox', { name: 'Number of seeds' }).fill('40');
  await page.getByRole('button', { name: 'Compute seeds' }).click();
  await expect(analysis.outcome('seeds')).toHaveText(OUTCOME, { timeout: 60_000 });
  await expect
    .poll(() => decodeURIComponent(new URL(page.url()).hash))
    .toContain('basin=1,64,loss&sweep=1,0.0001,1,32,final,momentum,0,0.99,16&seeds=1,40');

  await page.reload();
  await playground.waitForRuns(1);
  await expect(page.getByRole('button', { name: 'Analysis', exact: true })).toHaveAttribute('aria-expanded', 'true');
  await expect(analysis.basinLayer).toHaveAttribute('data-filled', '4096', { timeout: 60_000 });
  await expect(analysis.basinLayer).toHaveAttribute('data-color-by', 'loss');
  await analysis.open('Learning-rate sweep');
  await expect(page.getByTestId('sweep-heatmap')).toHaveAttribute('data-filled', String(32 * 16), { timeout: 60_000 });
  await expect(analysis.seedsLayer).toHaveAttribute('data-seeds', '40', { timeout: 60_000 });
});

test('a bad batch value in a link is named and falls back alone', async ({ playground, page }) => {
  await playground.open(`${HIMMELBLAU}&basin=1,300,minimum&engine=cuda`, 1);
  await expect(playground.urlProblems).toContainText("resolution '300'");
  await expect(playground.urlProblems).toContainText("engine: 'cuda'");
  const analysis = new AnalysisPanel(page);
  await expect(analysis.basinLayer).toHaveAttribute('data-cells', String(128 * 128), { timeout: 60_000 });
});

test('many seeds draw a median path with a band on the map and the loss chart', async ({ playground, page }) => {
  await playground.open('v=1&noise=0.5&steps=150&run=sgd(lr=0.002,momentum=0.9)@-1.5,2&seeds=1,60', 1);
  const analysis = new AnalysisPanel(page);
  await expect(analysis.outcome('seeds')).toHaveText(OUTCOME, { timeout: 60_000 });
  await expect(analysis.seedsLayer).toHaveAttribute('data-seeds', '60');
  await expect(analysis.seedsLayer).toHaveAttribute('data-points', '151');
  await expect(analysis.seedsLayer.locator('path.seeds-band')).toHaveAttribute('d', /^M.+Z$/);
  await expect(analysis.seedsLayer.locator('path.seeds-median')).toHaveAttribute('d', /^M[\d.]+,[\d.]+L/);
  await expect(analysis.lossBand).toHaveAttribute('d', /^M.+Z$/);
  await expect(page.getByTestId('seeds-summary')).toContainText('over 60 seeds');
});

test('every control of the Analysis panel is named, and its tabs work from the keyboard', async ({ playground, page }) => {
  await playground.open('v=1&noise=0.1&steps=50&run=adam(lr=0.05)@-1.5,2&basin=1,64,minimum&sweep=1,0.001,1,16&seeds=1,10', 1);
  const analysis = new AnalysisPanel(page);
  await expect(analysis.outcome('basin')).toBeVisible({ timeout: 60_000 });
  const panel = page.locator('section.batch-panel');
  const unnamed: string[] = [];
  for (const tab of ['Basin map', 'Learning-rate sweep', 'Many seeds']) {
    await analysis.open(tab);
    unnamed.push(...(await unnamedControls(panel.locator('button, input, select, [role="tab"], [role="radio"], [role="progressbar"]'))));
  }
  expect(unnamed, 'controls without an accessible name').toEqual([]);
  await page.getByRole('tab', { name: /Many seeds/ }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: /Basin map/ })).toBeFocused();
  await expect(page.getByRole('tab', { name: /Basin map/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel')).toContainText('grid over the view');
});

test('many seeds explain themselves when there is no gradient noise', async ({ playground, page }) => {
  await playground.open(HIMMELBLAU, 1);
  const analysis = new AnalysisPanel(page);
  await analysis.open('Many seeds');
  await expect(page.getByRole('note')).toContainText('every seed takes the same path');
  await expect(page.getByRole('button', { name: 'Compute seeds' })).toBeDisabled();
  await page.getByRole('button', { name: 'Add gradient noise σ = 0.1' }).click();
  await expect(page.getByRole('button', { name: 'Compute seeds' })).toBeEnabled();
});
