import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { AnalysisPanel, expect, test } from './fixtures';

// axe-core on every panel: no serious or critical violation (WCAG 2.2 A and AA, and axe's best
// practices) on the page as opened, with each problem kind, with run settings and the Export menu
// open, on each Analysis tab with its finished job, on the landscape slice and on every step of the
// introduction. A violation lists its rule, the elements and axe's help, so the failure says what to fix.

/** The violations of impact serious or critical on the page as it is now, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.impact} ${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).slice(0, 6).join(' | ')}${violation.nodes.length > 6 ? ` and ${violation.nodes.length - 6} more` : ''})`);
}

async function expectAccessible(page: Page, where: string): Promise<void> {
  expect.soft(await seriousViolations(page), `serious or critical axe violations: ${where}`).toEqual([]);
}

// one axe pass takes seconds (30 s on a busy 2-core machine): room for several per test
test.describe.configure({ timeout: 300_000 });

const SURFACE_LINK = 'v=1&surface=rosenbrock&steps=100&run=adam(lr=0.05)@-1.5,2&run=sgd(lr=0.001,momentum=0.9)@-1,1';
const FORMULA_LINK = `v=1&f=${encodeURIComponent('(x-1)^2 + 3*sin(y)^2')}&steps=40&run=adam(lr=0.1)@-2,2`;
const IRIS_LINK = `v=1&problem=${encodeURIComponent(JSON.stringify({ dataset: { name: 'iris', validation: 0.2 }, model: { kind: 'softmax' } }))}&steps=30&run=adam(lr=0.1)`;
const HIMMELBLAU = 'v=1&surface=himmelblau&steps=60&run=adam(lr=0.1)@0,0';
const SLICE_START = Array.from({ length: 5 }, () => '-1.2,1').join(',');
const SLICE_LINK = `v=1&surface=rosenbrock(dimension=10)&steps=60&run=adam(lr=0.01)@${SLICE_START}`;

test('the page as it opens, in light and dark themes', async ({ playground, page }) => {
  await page.goto('/');
  await playground.waitForRuns(3);
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible({ timeout: 20_000 });
  await expectAccessible(page, 'default page');
  await playground.darkTheme.click();
  await expectAccessible(page, 'default page, dark theme');
});

test('a surface with run settings open, then the Export menu', async ({ playground, page }) => {
  await playground.open(SURFACE_LINK, 2);
  await page.getByRole('button', { name: /^Settings of run 1/ }).click();
  await expectAccessible(page, 'run settings open');
  await playground.exportButton.click();
  await expectAccessible(page, 'Export menu open');
});

test('a typed formula', async ({ playground, page }) => {
  await playground.open(FORMULA_LINK, 1);
  await expect(page.locator('.katex').first()).toBeVisible();
  await expectAccessible(page, 'formula problem');
});

test('a data problem on a bundled data set', async ({ playground, page }) => {
  await page.goto(`/#${IRIS_LINK}`);
  await expect(playground.lossCurves).toHaveCount(1);
  await expect(page.getByTestId('problem-title')).toContainText('Iris');
  await expectAccessible(page, 'data problem (iris)');
});

test('each Analysis tab with its finished job', async ({ playground, page }) => {
  const analysis = new AnalysisPanel(page);
  await playground.open(`${HIMMELBLAU}&basin=1,64,minimum&engine=js`, 1);
  await expect(analysis.status('basin')).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  await analysis.open('Basin map');
  await expectAccessible(page, 'basin map tab');

  await playground.open('v=1&steps=100&run=adam(lr=0.05)@-1.5,2&sweep=1,0.0001,1,16&engine=js', 1);
  await expect(analysis.status('sweep')).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  await analysis.open('Learning-rate sweep');
  await expectAccessible(page, 'learning-rate sweep tab');

  await playground.open('v=1&noise=0.5&steps=100&run=sgd(lr=0.002,momentum=0.9)@-1.5,2&seeds=1,20', 1);
  await expect(analysis.status('seeds')).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  await analysis.open('Many seeds');
  await expectAccessible(page, 'many seeds tab');
});

test('the loss landscape slice of a 10-D problem', async ({ page }) => {
  await page.goto(`/#${SLICE_LINK}`);
  await expect(page.getByRole('heading', { name: 'Loss landscape slice' })).toBeVisible();
  await expect(page.getByTestId('landscape').locator('.contour-fills path').first()).toBeAttached({ timeout: 30_000 });
  await expectAccessible(page, 'landscape slice');
});

test.describe('the introduction', () => {
  test.use({ firstVisit: true });

  test('every step of the introduction, and the help it returns to', async ({ playground, page }) => {
    await page.goto('/');
    await playground.waitForRuns(3);
    const dialog = page.getByRole('dialog', { name: /^Introduction/ });
    await expect(dialog).toBeVisible();
    for (let step = 1; ; step++) {
      await expect(dialog.getByText(new RegExp(`^${step} of \\d+$`))).toBeVisible();
      await expectAccessible(page, `introduction step ${step}`);
      const next = dialog.getByRole('button', { name: 'Next' });
      if ((await next.count()) === 0) break;
      await next.click();
    }
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expectAccessible(page, 'after the introduction');
  });
});
