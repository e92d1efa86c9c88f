// Issue 12, finding 1: a share link of ~300 characters whose formula typesets ~1,000 elements deep
// took the whole page down (the renderer died, or KaTeX overflowed the stack and React unmounted
// everything). A link is a stranger's input: the page must stay up, show the formula as text and
// say why, and every control must keep working.
import type { Page } from '@playwright/test';
import { MAX_TYPESET_DEPTH, MAX_TYPESET_LENGTH, measureLatex } from '../src/app/controls/typeset-limit';
import { parseFormula, toLatex } from '../src/engine/expression';
import { expect, test } from './fixtures';

/** `count` x's joined by `separator`: x^x^...^x or x/x/.../x. */
function chain(count: number, separator: string): string {
  return Array.from({ length: count }, () => 'x').join(separator);
}

const HOSTILE_FORMULAS: readonly { name: string; formula: string }[] = [
  { name: '150 x joined by ^', formula: chain(150, '^') },
  { name: '160 nested sqrt', formula: `${'sqrt('.repeat(160)}x${')'.repeat(160)}` },
  { name: '150 x joined by /', formula: chain(150, '/') },
  { name: '250 x joined by / (KaTeX overflows the stack)', formula: chain(250, '/') },
  { name: '100 x joined by ^ (froze the page)', formula: chain(100, '^') },
];

/** The share link of a formula problem, as the issue gave it: nothing but the formula. */
function formulaLink(formula: string): string {
  return `v=1&f=${encodeURIComponent(formula)}`;
}

/** The LaTeX the formula panel typesets for a formula ("f(x, y) = ..."). */
function typesetLatex(formula: string): string {
  const parsed = parseFormula(formula);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return `f(x, y) = ${toLatex(parsed.ast)}`;
}

/**
 * The largest formula the page still typesets: roots nested to the depth limit, then terms added
 * while the LaTeX stays within the length limit.
 */
function largestTypesetFormula(): string {
  let formula = `${'sqrt('.repeat(MAX_TYPESET_DEPTH - 1)}x^2 + y^2${')'.repeat(MAX_TYPESET_DEPTH - 1)}`;
  for (let term = 1; ; term++) {
    const longer = `${formula} + sin(${term}*x*y)/(1 + x^2)`;
    if (typesetLatex(longer).length > MAX_TYPESET_LENGTH) return formula;
    formula = longer;
  }
}

/** Counts main-thread tasks (and their longest) from the page's first script on: a frozen page shows up here. */
async function recordLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const tasks: number[] = [];
    (window as unknown as { longTasks: number[] }).longTasks = tasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
}

for (const { name, formula } of HOSTILE_FORMULAS) {
  test(`a link whose formula is ${name} keeps the page up, shows the formula as text and says why`, async ({ playground, page }) => {
    await recordLongTasks(page);
    await page.goto(`/#${formulaLink(formula)}`);

    // the page is mounted: the formula field holds the link's formula and the panels are there
    await expect(page.getByRole('textbox', { name: 'Formula f(x, y)' })).toHaveValue(formula);
    await expect(playground.map).toBeVisible();
    await expect(playground.lossChart).toBeVisible();

    // the formula is shown as text, with the reason it is not typeset
    const shown = page.locator('.problem-formula');
    await expect(shown.locator('.katex-fallback')).toHaveText(formula);
    await expect(shown).toContainText('Too deeply nested to typeset');
    // so is the gradient, whose typeset form would be deeper still
    await page.getByText('Gradient ∇f').click();
    await expect(page.locator('.gradient-details .typeset-refused').first()).toBeVisible();

    // the controls still work: Play runs the runs, Pause stops them
    const play = page.getByRole('button', { name: 'Play', exact: true });
    await expect(play).toBeVisible();
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    await expect(page.getByTestId('step-counter')).toHaveText(/^step 0 \//);
    await play.click();
    await expect(page.getByTestId('step-counter')).not.toHaveText(/^step 0 \//);

    // and nothing froze the page for long (typesetting the gradient of 100 x's alone froze it 1.8 s)
    const longest = await page.evaluate(() => Math.max(0, ...(window as unknown as { longTasks: number[] }).longTasks));
    console.info(`${name}: longest main-thread task ${longest.toFixed(0)} ms`);
    expect(longest).toBeLessThan(1_000);
  });
}

test('a formula within the limits is still typeset, and its gradient too', async ({ playground, page }) => {
  await playground.open('v=1&f=(1-x)^2+100*(y-x^2)^2&steps=20&run=adam(lr=0.05)@-1,1', 1);
  await expect(page.locator('.problem-formula .katex').first()).toBeVisible();
  await expect(page.locator('.problem-formula .typeset-refused')).toHaveCount(0);
  await page.getByText('Gradient ∇f').click();
  await expect(page.locator('.gradient-details .katex')).toHaveCount(2);
});

test('the largest formula within the limits is typeset without freezing the page', async ({ playground, page }) => {
  const formula = largestTypesetFormula();
  const size = measureLatex(typesetLatex(formula));
  expect(size.depth).toBe(MAX_TYPESET_DEPTH);
  expect(size.length).toBeGreaterThan(MAX_TYPESET_LENGTH - 60);
  await recordLongTasks(page);
  await playground.open('v=1&f=x^2+y^2&steps=20&run=adam(lr=0.05)@-1,1', 1);
  await expect(page.locator('.problem-formula .katex').first()).toBeVisible();
  // from here on, only what following the link costs: parsing, the map, the runs and the typesetting
  await page.evaluate((hash) => {
    (window as unknown as { longTasks: number[] }).longTasks.length = 0;
    location.hash = hash;
  }, formulaLink(formula));
  await expect(page.getByRole('textbox', { name: 'Formula f(x, y)' })).toHaveValue(formula);
  await expect(page.locator('.problem-formula .katex-html')).toContainText('sin');
  await expect(page.locator('.problem-formula .typeset-refused')).toHaveCount(0);
  await page.waitForTimeout(500);
  const tasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
  const longest = Math.max(0, ...tasks);
  console.info(`largest typeset formula (${formula.length} characters, LaTeX ${size.length} characters, depth ${size.depth}): longest main-thread task ${longest.toFixed(0)} ms, long tasks ${tasks.map((task) => task.toFixed(0)).join(', ')}`);
  expect(longest).toBeLessThan(1_000);
});
