import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

// Classroom mode (app/classroom): a link hides panels and controls (hide=) and locks the
// experiment (lock=1), an editor makes such links, presenter mode keeps the map and the chart in
// large type stepped from the keyboard, and the A/B page plays two experiments on one clock.
// Oracles: the accessibility tree (what is hidden is not in it), the link's own text, the root's
// computed font size, and the two sides' step counters against each other and the arithmetic of the keys.

test.describe.configure({ timeout: 240_000 });

const LINK = 'v=1&surface=himmelblau&steps=60&run=adam(lr=0.1)@0,0&run=sgd(lr=0.01,momentum=0.9)@-1,1';

/** The violations of impact serious or critical on the page as it is now, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.impact} ${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).slice(0, 6).join(' | ')})`);
}

const stepCounter = (page: Page) => page.getByTestId('step-counter');

test('a hide= link leaves out what it names (not in the accessibility tree) and the rest works; an unknown name is said', async ({ playground, page }) => {
  await playground.open(`${LINK}&hide=runs.lr,analysis,toolbar.share`, 2);
  const tree = await page.locator('body').ariaSnapshot();
  expect(tree).not.toMatch(/button "Analysis"/);
  expect(tree).not.toMatch(/button "Copy link"/);
  await expect(page.locator('.batch-panel')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Analysis', exact: true })).toHaveCount(0);
  await expect(playground.copyLink).toHaveCount(0);
  // lr is gone from both runs' settings; momentum and the rest of the run stay
  await page.getByRole('button', { name: 'Settings of run 2' }).click();
  await expect(page.getByRole('slider', { name: /^momentum \(/ })).toBeVisible();
  await expect(page.getByRole('slider', { name: /^lr \(/ })).toHaveCount(0);
  expect(await page.locator('body').ariaSnapshot()).not.toMatch(/slider "lr \(/);
  // what is shown still works: a change recomputes, playback plays
  await page.getByRole('slider', { name: /^momentum \(/ }).press('ArrowLeft');
  await expect.poll(() => decodeURIComponent(page.url())).not.toContain('momentum=0.9)');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(stepCounter(page)).toHaveText('step 60 / 60', { timeout: 20_000 });
  expect(await seriousViolations(page), 'axe on the hide= link').toEqual([]);
  // the link keeps what it hides
  expect(decodeURIComponent(page.url())).toContain('hide=toolbar.share,runs.lr,analysis');

  await playground.open(`${LINK}&hide=runs.lrr,analysis`, 2);
  await expect(playground.urlProblems).toContainText("'runs.lrr' is not a panel or control of the page (did you mean 'runs.lr'?)");
  await expect(page.getByRole('button', { name: 'Analysis', exact: true })).toHaveCount(0);
});

test('lock=1 disables every edit with a note, while playback, inspection of the step and the map view work', async ({ playground, page }) => {
  await playground.open(`${LINK}&lock=1&step=30`, 2);
  await expect(page.getByRole('note')).toContainText('This link is locked by its author');
  await expect(page.getByRole('combobox', { name: 'Surface' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Add run' })).toBeDisabled();
  await expect(page.getByRole('textbox', { name: 'Start x of run 1' })).toBeDisabled();
  await expect(page.getByRole('spinbutton', { name: 'Maximum steps' })).toBeDisabled();
  // the map refuses to move a start (the store refuses the edit, whatever asks for it)
  const before = playground.urlStarts();
  const box = (await playground.map.boundingBox())!;
  await page.mouse.click(box.x + box.width * 0.35, box.y + box.height * 0.6);
  await page.waitForTimeout(400);
  expect(playground.urlStarts()).toEqual(before);
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
  // playback and the view are the reader's
  await expect(stepCounter(page)).toHaveText('step 30 / 60');
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(stepCounter(page)).toHaveText('step 31 / 60');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(stepCounter(page)).toHaveText('step 60 / 60', { timeout: 20_000 });
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect.poll(() => page.url()).toContain('view=');
  expect(playground.urlStarts()).toEqual(before);
  expect(await seriousViolations(page), 'axe on the locked link').toEqual([]);
});

test('the Classroom link editor makes a link that opens as chosen and reads back into the editor', async ({ playground, page }) => {
  await playground.open(LINK, 2);
  await page.getByRole('button', { name: 'Classroom', exact: true }).click();
  await page.getByRole('button', { name: 'Classroom link…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Classroom link' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('checkbox', { name: 'Hide learning rate (lr)' }).check();
  await dialog.getByRole('checkbox', { name: 'Hide the analysis panel' }).check();
  await dialog.getByRole('checkbox', { name: /^Lock the experiment/ }).check();
  // hiding a panel covers its controls
  await dialog.getByRole('checkbox', { name: 'Hide the playback bar' }).check();
  await expect(dialog.getByRole('checkbox', { name: 'Hide playback speed' })).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: 'Hide playback speed' })).toBeDisabled();
  await dialog.getByRole('checkbox', { name: 'Hide the playback bar' }).uncheck();
  const link = await dialog.getByRole('textbox', { name: 'Classroom link' }).inputValue();
  expect(link).toBe(`${new URL(page.url()).origin}/#${LINK}&hide=runs.lr,analysis&lock=1`);
  expect(await seriousViolations(page), 'axe with the editor open').toEqual([]);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
  // this page is unchanged by the editor
  await expect(page.getByRole('button', { name: 'Analysis', exact: true })).toBeVisible();

  await page.goto(link);
  await playground.waitForRuns(2);
  await expect(page.getByRole('note')).toContainText('locked');
  await expect(page.getByRole('button', { name: 'Analysis', exact: true })).toHaveCount(0);
  await page.getByRole('button', { name: 'Classroom', exact: true }).click();
  await page.getByRole('button', { name: 'Classroom link…' }).click();
  const again = page.getByRole('dialog', { name: 'Classroom link' });
  await expect(again.getByRole('checkbox', { name: 'Hide learning rate (lr)' })).toBeChecked();
  await expect(again.getByRole('checkbox', { name: /^Lock the experiment/ })).toBeChecked();
  expect(await again.getByRole('textbox', { name: 'Classroom link' }).inputValue()).toBe(link);
});

test('presenter mode: the map and the chart alone in large type, the keys step, Esc leaves; present=1 opens it', async ({ playground, page }) => {
  await playground.open(`${LINK}&step=10`, 2);
  const rootFontSize = () => page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
  const normalSize = await rootFontSize();
  await page.getByRole('button', { name: 'Classroom', exact: true }).click();
  await page.getByRole('button', { name: 'Presenter mode' }).click();
  await expect(page.getByRole('region', { name: 'Presenter mode' })).toBeVisible();
  // only the map and the chart (and the presenter's line) are left
  await expect(page.getByRole('banner')).toHaveCount(0);
  await expect(page.getByRole('complementary', { name: 'Problem and runs' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Playback' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Analysis', exact: true })).toHaveCount(0);
  await expect(playground.map).toBeVisible();
  await expect(playground.lossChart).toBeVisible();
  // large type: the largeText preference's 137.5 % root
  await expect(page.locator('html')).toHaveAttribute('data-text-size', 'large');
  expect(parseFloat(await rootFontSize())).toBeCloseTo(parseFloat(normalSize) * 1.375, 5);
  const presenterStep = page.getByTestId('presenter-step');
  await expect(presenterStep).toHaveText('step 10 / 60');
  for (const [key, expected] of [
    ['ArrowRight', 11],
    ['PageDown', 12],
    ['PageDown', 13],
    ['ArrowLeft', 12],
    ['PageUp', 11],
    ['Home', 0],
    ['End', 60],
  ] as const) {
    await page.keyboard.press(key);
    await expect(presenterStep).toHaveText(`step ${expected} / 60`);
  }
  await page.keyboard.press('Home');
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect(presenterStep).toHaveText('step 60 / 60', { timeout: 20_000 });
  await expect.poll(() => page.url()).toContain('present=1');
  expect(await seriousViolations(page), 'axe in presenter mode').toEqual([]);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('banner')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-text-size', 'normal');
  await expect.poll(() => page.url()).not.toContain('present=1');

  await playground.open(`${LINK}&present=1`, 2);
  await expect(page.getByRole('region', { name: 'Presenter mode' })).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Problem and runs' })).toHaveCount(0);
});

test('A/B: the current experiment and a pasted link side by side, one Play and one Step move both to the same step', async ({ playground, page }) => {
  const linkB = 'v=1&surface=himmelblau&steps=60&run=rmsprop(lr=0.05)@0,0';
  await playground.open(LINK, 2);
  await page.getByRole('button', { name: 'Classroom', exact: true }).click();
  await page.getByRole('button', { name: 'A/B compare…' }).click();
  const dialog = page.getByRole('dialog', { name: 'A/B compare' });
  await dialog.getByRole('button', { name: 'Open A/B compare' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Paste the link of experiment B');
  await dialog.getByRole('textbox', { name: 'Link of experiment B' }).fill(`${new URL(page.url()).origin}/#${linkB}`);
  await dialog.getByRole('button', { name: 'Open A/B compare' }).click();
  await page.waitForURL(/\/\?compare#a=/);

  const sideA = page.getByRole('region', { name: 'Experiment A' });
  const sideB = page.getByRole('region', { name: 'Experiment B' });
  await expect(sideA.getByRole('figure', { name: /contour map/i }).locator('g.run')).toHaveCount(2);
  await expect(sideB.getByRole('figure', { name: /contour map/i }).locator('g.run')).toHaveCount(1);
  await expect(sideA.getByRole('img', { name: /^loss against /i }).locator('path.loss-curve')).toHaveCount(2);
  await expect(sideB.getByRole('img', { name: /^loss against /i }).locator('path.loss-curve')).toHaveCount(1);
  const stepA = page.getByTestId('step-A');
  const stepB = page.getByTestId('step-B');
  await expect(stepA).toHaveText('step 0 / 60');
  await expect(stepB).toHaveText('step 0 / 60');

  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(stepA).toHaveText('step 2 / 60');
  await expect(stepB).toHaveText('step 2 / 60');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  // while playing, every frame shows both at one step
  for (let sample = 0; sample < 5; sample++) {
    // both read in one task of the page: one frame's DOM
    const [a, b] = await page.evaluate(() => ['step-A', 'step-B'].map((id) => document.querySelector(`[data-testid="${id}"]`)?.textContent));
    expect(a).toBe(b);
    await page.waitForTimeout(80);
  }
  await expect(stepA).toHaveText('step 60 / 60', { timeout: 20_000 });
  await expect(stepB).toHaveText('step 60 / 60');
  // each side draws its points up to that step: the paths grow together
  await page.getByRole('slider', { name: 'Step of A and B' }).fill('25');
  await expect(stepA).toHaveText('step 25 / 60');
  await expect(stepB).toHaveText('step 25 / 60');
  await page.keyboard.press('ArrowLeft');
  await expect(stepA).toHaveText('step 24 / 60');
  await expect(stepB).toHaveText('step 24 / 60');
  expect(await seriousViolations(page), 'axe on the A/B page').toEqual([]);
  // each side opens alone in the playground
  await expect(sideB.getByRole('link', { name: 'Open B in the playground' })).toHaveAttribute('href', `/#${linkB}`);
});
