// Issue 12, finding 1: a share link of ~300 characters whose formula typesets ~1,000 elements deep
// took the whole page down (the renderer died, or KaTeX overflowed the stack and React unmounted
// everything). A link is a stranger's input: the page must stay up, show the formula as text and
// say why, and every control must keep working.
import type { Page } from '@playwright/test';
import { MAX_TYPESET_GROUPS, MAX_TYPESET_LENGTH, measureLatex, typesetRefusal } from '../src/app/controls/typeset-limit';
import { compileFormula, toLatex } from '../src/engine/expression';
import { MAX_EXPRESSION_LENGTH } from '../src/experiment/experiment';
import { expect, test } from './fixtures';

/** `count` x's joined by `separator`: x^x^...^x or x/x/.../x. */
function chain(count: number, separator: string): string {
  return Array.from({ length: count }, () => 'x').join(separator);
}

/** The issue's links: deeper than a formula may be (src/engine/limits.ts), so refused before anything else. */
const HOSTILE_FORMULAS: readonly { name: string; formula: string }[] = [
  { name: '150 x joined by ^', formula: chain(150, '^') },
  { name: '160 nested sqrt', formula: `${'sqrt('.repeat(160)}x${')'.repeat(160)}` },
  { name: '150 x joined by /', formula: chain(150, '/') },
  { name: '250 x joined by / (KaTeX overflows the stack)', formula: chain(250, '/') },
  { name: '100 x joined by ^ (froze the page)', formula: chain(100, '^') },
];

/** The same shapes at the deepest the parser accepts: they open, and their typeset forms are still far too deep for KaTeX. */
const DEEPEST_ACCEPTED: readonly { name: string; formula: string }[] = [
  { name: '64 x joined by ^', formula: chain(64, '^') },
  { name: '63 nested sqrt', formula: `${'sqrt('.repeat(63)}x${')'.repeat(63)}` },
  { name: '64 x joined by /', formula: chain(64, '/') },
];

/** The share link of a formula problem, as the issue gave it: nothing but the formula. */
function formulaLink(formula: string): string {
  return `v=1&f=${encodeURIComponent(formula)}`;
}

/** The LaTeX the gradient disclosure typesets for a formula: ∂f/∂x and ∂f/∂y. */
function gradientLatex(formula: string): string[] {
  const compiled = compileFormula(formula);
  if (!compiled.ok) throw new Error(compiled.error.message);
  return compiled.gradient.map((partial, index) => String.raw`\frac{\partial f}{\partial ${'xy'[index]}} = ${toLatex(partial)}`);
}

/**
 * A formula whose gradient is as large as the page still typesets: roots nested as deep as the
 * limit allows, then fractions of powers while both partial derivatives stay within the limits.
 */
function largestTypesetGradient(): string {
  const within = (formula: string) =>
    formula.length <= MAX_EXPRESSION_LENGTH && gradientLatex(formula).every((tex) => typesetRefusal(measureLatex(tex)) === null);
  let formula = 'x^2+y^2';
  while (within(`sqrt(${formula})`)) formula = `sqrt(${formula})`;
  for (let term = 1; within(`${formula}+x^${term}/y^2`); term++) formula = `${formula}+x^${term}/y^2`;
  return formula;
}

/** How deep the page's elements nest: KaTeX's output for the hostile links nested about 1,000 deep and the renderer died. */
async function domDepth(page: Page): Promise<number> {
  return page.evaluate(() => {
    let deepest = 0;
    const stack: [Element, number][] = [[document.documentElement, 1]];
    while (stack.length > 0) {
      const [element, depth] = stack.pop()!;
      deepest = Math.max(deepest, depth);
      for (const child of element.children) stack.push([child, depth + 1]);
    }
    return deepest;
  });
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

/**
 * The controls still work (Reset, then Play moves the step), nothing on the page nests anywhere near
 * the depth that killed the renderer, and the longest main-thread task is logged (not asserted:
 * what remains is the first paint and the map drawing the surface, not typesetting).
 */
async function expectWorkingPage(page: Page, name: string): Promise<void> {
  const play = page.getByRole('button', { name: 'Play', exact: true });
  await expect(play).toBeVisible();
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(page.getByTestId('step-counter')).toHaveText(/^step 0 \//);
  await play.click();
  await expect(page.getByTestId('step-counter')).not.toHaveText(/^step 0 \//);
  expect(await domDepth(page)).toBeLessThan(100);
  const longest = await page.evaluate(() => Math.max(0, ...(window as unknown as { longTasks: number[] }).longTasks));
  console.info(`${name}: longest main-thread task ${longest.toFixed(0)} ms`);
}

for (const { name, formula } of HOSTILE_FORMULAS) {
  test(`a link whose formula is ${name} keeps the page up and names the depth limit`, async ({ playground, page }) => {
    await recordLongTasks(page);
    await page.goto(`/#${formulaLink(formula)}`);
    await expect(page.getByText(/levels deep is over the limit of 64/).first()).toBeVisible();
    await expect(playground.map).toBeVisible();
    await expect(playground.lossChart).toBeVisible();
    await expectWorkingPage(page, name);
  });
}

for (const { name, formula } of DEEPEST_ACCEPTED) {
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

    await expectWorkingPage(page, name);
  });
}

test('a formula within the limits is still typeset, and its gradient too', async ({ playground, page }) => {
  await playground.open('v=1&f=(1-x)^2+100*(y-x^2)^2&steps=20&run=adam(lr=0.05)@-1,1', 1);
  await expect(page.locator('.problem-formula .katex').first()).toBeVisible();
  await expect(page.locator('.problem-formula .typeset-refused')).toHaveCount(0);
  await page.getByText('Gradient ∇f').click();
  await expect(page.locator('.gradient-details .katex')).toHaveCount(2);
});

test('the largest gradient within the limits is typeset when opened', async ({ playground, page }) => {
  const formula = largestTypesetGradient();
  const sizes = gradientLatex(formula).map(measureLatex);
  // at one of the limits: the next term would be refused
  expect(sizes.some((size) => size.groups > MAX_TYPESET_GROUPS - 10 || size.length > MAX_TYPESET_LENGTH - 100)).toBe(true);
  await recordLongTasks(page);
  await playground.open(`${formulaLink(formula)}&steps=20&run=adam(lr=0.05)@-1,1`, 1);
  await expect(page.locator('.problem-formula .katex').first()).toBeVisible();
  await page.waitForTimeout(1_000);
  // opening the disclosure does nothing but typeset the two partial derivatives
  await page.evaluate(() => ((window as unknown as { longTasks: number[] }).longTasks.length = 0));
  await page.getByText('Gradient ∇f').click();
  await expect(page.locator('.gradient-details .katex')).toHaveCount(2);
  await expect(page.locator('.gradient-details .typeset-refused')).toHaveCount(0);
  await page.waitForTimeout(300);
  const longest = await page.evaluate(() => Math.max(0, ...(window as unknown as { longTasks: number[] }).longTasks));
  console.info(
    `largest typeset gradient (formula ${formula.length} characters; LaTeX ${sizes.map((size) => `${size.length} characters, depth ${size.depth}, ${size.groups} groups`).join(' and ')}): ` +
      `longest main-thread task on opening ${longest.toFixed(0)} ms (0: none over 50 ms)`,
  );
  // reported, not asserted: on the shared 2-core machine that runs e2e (load 30 at times) a time
  // bound would fail for the machine's sake; typeset-limit.test.ts bounds KaTeX's own time
});

test('a formula KaTeX throws on is shown as text with the reason, and the next formula is typeset afresh', async ({ playground, page }) => {
  await playground.open('v=1&f=x^2+y^2&steps=20&run=adam(lr=0.05)@-1,1', 1);
  const shown = page.locator('.problem-formula');
  await expect(shown.locator('.katex').first()).toBeVisible();
  // KaTeX's last act is to put its output in the page: make that throw once, as its stack overflow did
  await page.evaluate(() => {
    const appendChild = Node.prototype.appendChild;
    Node.prototype.appendChild = function (this: Node, child: Node) {
      if (child instanceof Element && child.classList.contains('katex-display') && this instanceof Element && this.closest('.problem-formula')) {
        Node.prototype.appendChild = appendChild;
        throw new RangeError('Maximum call stack size exceeded');
      }
      return appendChild.call(this, child);
    } as typeof appendChild;
  });
  const field = page.getByRole('textbox', { name: 'Formula f(x, y)' });
  await field.fill('x^2 + 2*y^2');
  await expect(shown.locator('.katex-fallback')).toHaveText('x^2 + 2*y^2');
  await expect(shown).toContainText('Could not be typeset (Maximum call stack size exceeded): shown as text.');
  await playground.waitForRuns(1);

  await field.fill('x^2 + 3*y^2');
  await expect(shown.locator('.katex').first()).toBeVisible();
  await expect(shown.locator('.typeset-refused')).toHaveCount(0);
});
