import type { Page } from '@playwright/test';
import { AnalysisPanel, expect, test } from './fixtures';

// Issue 12 finding 2: a link could start minutes to hours of work on the reader's machine (a
// 512×512 basin map of 100,000 steps; the same on a 1,153-character formula; 1,000 seeds of 100,000
// steps, 2.4 GB of paths). Such an analysis now waits, stating its estimate, for a click on Start;
// a cheap one still runs by itself.

const ADAM = 'run=adam(lr=0.01)@0.5,0.5';

/** A typed formula of exactly 1,153 characters, as in the issue: whole terms, then spaces. */
function longFormula(): string {
  let formula = 'x*y';
  for (let index = 0; ; index++) {
    const term = `+sin(${(index % 9) + 1}*x+y)*cos(x-${(index % 5) + 1}*y)`;
    if (formula.length + term.length > 1_153) break;
    formula += term;
  }
  return formula.padEnd(1_153, ' ');
}

/** Opens a link whose own runs are long (100,000 steps): the analysis's status is what is awaited, not the drawn runs. */
async function openLong(page: Page, hash: string): Promise<void> {
  await page.goto(`/#${hash}`);
}

test('a 512×512 basin map of 100,000 steps from a link waits for Start, with its estimate', async ({ page }) => {
  await openLong(page, `v=1&surface=himmelblau&steps=100000&${ADAM}&basin=1,512,minimum`);
  const analysis = new AnalysisPanel(page);
  await expect(analysis.status('basin')).toHaveAttribute('data-status', 'awaiting', { timeout: 30_000 });
  const awaiting = page.getByTestId('basin-awaiting');
  await expect(awaiting).toContainText(/This basin map would take about \d+ (min|h) on this machine \(512×512 starts × 100,000 steps, \d+ workers?\)/);
  expect(Number(await awaiting.getAttribute('data-estimated-ms'))).toBeGreaterThan(10_000);
  await expect(page.getByRole('progressbar', { name: 'basin map progress' })).toHaveCount(0);
  // nothing was computed while it waited
  await page.waitForTimeout(1_000);
  await expect(analysis.basinLayer).not.toHaveAttribute('data-filled', /^[1-9]/);

  // started by the reader, it runs as before, with Cancel
  await page.getByRole('button', { name: 'Start basin map' }).click();
  await expect(page.getByRole('progressbar', { name: 'basin map progress' })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel basin map' }).click();
  await expect(analysis.status('basin')).toHaveAttribute('data-status', 'cancelled');
});

test('the same map of a 1,153-character formula states hours, and runs nothing', async ({ playground, page }) => {
  expect(longFormula()).toHaveLength(1_153);
  await openLong(page, `v=1&f=${encodeURIComponent(longFormula())}&steps=100000&${ADAM}&basin=1,512,minimum`);
  await expect(playground.urlProblems).toHaveCount(0);
  const awaiting = page.getByTestId('basin-awaiting');
  await expect(awaiting).toContainText(/would take about \d+ (h|days) on this machine/);
  await expect(page.getByRole('button', { name: 'Start basin map' })).toBeVisible();
});

test('1,000 seeds of 100,000 steps from a link wait for Start', async ({ page }) => {
  // three compared runs, so that the estimate is above 10 s even on the pool's largest size (8 workers)
  await openLong(page, `v=1&surface=himmelblau&noise=0.1&steps=100000&${ADAM}&run=sgd(lr=0.01)@0.5,0.5&run=rmsprop(lr=0.01)@0.5,0.5&seeds=1,1000`);
  const analysis = new AnalysisPanel(page);
  await expect(analysis.status('seeds')).toHaveAttribute('data-status', 'awaiting', { timeout: 30_000 });
  await expect(page.getByTestId('seeds-awaiting')).toContainText(/would take about \d+ (s|min|h) on this machine \(1,000 seeds × 3 runs × 100,000 steps/);
  await expect(page.getByRole('button', { name: 'Start seeds' })).toBeVisible();
});

test('a cheap analysis from a link still runs by itself', async ({ playground, page }) => {
  await playground.open(`v=1&surface=himmelblau&steps=100&${ADAM}&basin=1,64,minimum`, 1);
  const analysis = new AnalysisPanel(page);
  await expect(analysis.outcome('basin')).toHaveText(/run-steps\/s/, { timeout: 60_000 });
  await expect(analysis.basinLayer).toHaveAttribute('data-filled', String(64 * 64));
  await expect(page.getByTestId('basin-awaiting')).toHaveCount(0);
});

test('many seeds of a long run keep their quartiles at evenly spaced steps and say what is kept', async ({ playground, page }) => {
  await playground.open(`v=1&surface=himmelblau&noise=0.1&steps=5000&${ADAM}&seeds=1,20`, 1);
  const analysis = new AnalysisPanel(page);
  await expect(analysis.outcome('seeds')).toHaveText(/run-steps\/s/, { timeout: 60_000 });
  await expect(analysis.seedsLayer).toHaveAttribute('data-points', '2001');
  await expect(analysis.lossBand).toHaveAttribute('d', /^M.+Z$/);
  await expect(page.getByTestId('seeds-memory')).toContainText(/^20 seeds × 5,000 steps: quartiles at 2,001 evenly spaced steps and each seed’s outcome, [\d.]+ kB kept; no seed’s whole path is kept\.$/);
});
