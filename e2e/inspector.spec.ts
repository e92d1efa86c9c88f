import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { cliInspect, cliRun, ensureCliBuilt } from './cli';
import { expect, test } from './fixtures';

// The step inspector opened from a link on step 10 of Adam, checked against two oracles: Adam's
// recurrence written out here from torch.optim.Adam's documented update (not our engine's code) on
// f = x² + 10y², whose gradient (2x, 20y) is known by hand; and the CLI's `run`, which must put the
// point bit for bit where the page says it is, and its `inspect`, which must read the same moments. The fixture fails the test on any console error.

const FORMULA = 'x^2 + 10*y^2';
const START = [1, 1] as const;
const LEARNING_RATE = 0.1;
const STEPS = 20;
const STEP = 10;
const LINK = `v=1&f=${encodeURIComponent(FORMULA)}&steps=${STEPS}&run=adam(lr=${LEARNING_RATE})@${START.join(',')}&run=sgd(lr=0.01)@-1,1`;

const f = ([x, y]: readonly number[]) => x * x + 10 * y * y;
const gradientOf = ([x, y]: readonly number[]) => [2 * x, 20 * y];

/** torch.optim.Adam (betas 0.9, 0.999, eps 1e-8, no weight decay) from the start to step k: x_k, exp_avg, exp_avg_sq. */
function adamReference(steps: number) {
  const [beta1, beta2, eps] = [0.9, 0.999, 1e-8];
  let point: number[] = [...START];
  let firstMoment = [0, 0];
  let secondMoment = [0, 0];
  for (let t = 1; t <= steps; t++) {
    const g = gradientOf(point);
    firstMoment = firstMoment.map((m, i) => beta1 * m + (1 - beta1) * g[i]);
    secondMoment = secondMoment.map((v, i) => beta2 * v + (1 - beta2) * g[i] * g[i]);
    // torch: step_size = lr / (1 - beta1^t); denom = sqrt(v) / sqrt(1 - beta2^t) + eps
    const stepSize = LEARNING_RATE / (1 - beta1 ** t);
    const biasCorrection2 = Math.sqrt(1 - beta2 ** t);
    point = point.map((x, i) => x - (stepSize * firstMoment[i]) / (Math.sqrt(secondMoment[i]) / biasCorrection2 + eps));
  }
  return { point, firstMoment, secondMoment };
}

/** The float64 values (each number's data-value) inside a locator, in order. */
async function valuesIn(locator: Locator): Promise<number[]> {
  return locator.locator('[data-value]').evaluateAll((spans) => spans.map((span) => Number(span.getAttribute('data-value'))));
}

function expectClose(actual: readonly number[], expected: readonly number[], relative = 1e-12) {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((value, i) => expect(Math.abs(value - expected[i]), `entry ${i}: ${value} vs ${expected[i]}`).toBeLessThanOrEqual(relative * Math.max(1, Math.abs(expected[i]))));
}

/** The inspector, once it shows the engine's answer for `step`. */
async function inspectorAt(page: Page, step: number): Promise<Locator> {
  const inspector = page.getByTestId('inspector');
  await expect(inspector).toHaveAttribute('data-step', String(step), { timeout: 20_000 });
  await expect(inspector).toHaveAttribute('aria-busy', 'false');
  return inspector;
}

test.beforeAll(ensureCliBuilt);
test.describe.configure({ timeout: 120_000 });

test('a link opens step 10 of Adam inspected: x, f and the exact ∇f equal the recurrence and the CLI', async ({ playground, page }) => {
  await playground.open(`${LINK}&step=${STEP}&inspect=1`, 2);
  const inspector = await inspectorAt(page, STEP);
  await expect(page.getByRole('combobox', { name: 'Inspected run' })).toHaveValue('0');

  const reference = adamReference(STEP);
  const point = await valuesIn(inspector.getByTestId('inspector-point'));
  expectClose(point, reference.point);
  // the CLI runs the same link: the page's point is its trajectory's, to the bit
  const cli = JSON.parse(cliRun(LINK)) as { runs: { trajectory: number[][]; loss: number[]; evaluations: Record<'function' | 'gradient' | 'hessian', number[]> }[] };
  expect(point).toEqual(cli.runs[0].trajectory[STEP]);
  expect(await valuesIn(inspector.getByTestId('inspector-value'))).toEqual([cli.runs[0].loss[STEP]]);
  expectClose(await valuesIn(inspector.getByTestId('inspector-value')), [f(reference.point)]);
  expectClose(await valuesIn(inspector.getByTestId('inspector-gradient')), gradientOf(reference.point));
  // Δ = x_10 − x_9
  const previous = adamReference(STEP - 1).point;
  expectClose(await valuesIn(inspector.getByTestId('inspector-delta')), [reference.point[0] - previous[0], reference.point[1] - previous[1]], 1e-9);
  // the counts the CLI reports at that step: f and ∇f together at the start and once per step, no Hessian
  const { evaluations } = cli.runs[0];
  expect(await valuesIn(inspector.getByTestId('inspector-evaluations'))).toEqual([evaluations.function[STEP], evaluations.gradient[STEP], evaluations.hessian[STEP]]);
  expect(evaluations.gradient[STEP]).toBe(STEP + 1);
  // four significant digits to read, the float64 in the title
  const firstCoordinate = inspector.getByTestId('inspector-point').locator('[data-value]').first();
  await expect(firstCoordinate).toHaveText(String(Number(reference.point[0].toPrecision(4))).replace('-', '−'));
  await expect(firstCoordinate).toHaveAttribute('title', String(point[0]));

  // Next step moves the page and the inspector to step 11, and the link says so
  await inspector.getByRole('button', { name: 'Next step' }).click();
  const next = await inspectorAt(page, STEP + 1);
  expectClose(await valuesIn(next.getByTestId('inspector-point')), adamReference(STEP + 1).point);
  await expect(page).toHaveURL(new RegExp(`step=${STEP + 1}&inspect=1`));
  await inspector.getByRole('button', { name: 'Previous step' }).click();
  await inspectorAt(page, STEP);

  // the other run, picked in the inspector, is run 2 in the link
  await page.getByRole('combobox', { name: 'Inspected run' }).selectOption('1');
  await expect(page).toHaveURL(/inspect=2/);
  await expect(page.getByRole('button', { name: 'Inspect run 2' })).toHaveAttribute('aria-pressed', 'true');

  // narrated steps live in a polite live region
  await inspector.getByRole('checkbox', { name: 'Narrate steps' }).check();
  await expect(inspector.getByTestId('inspector-narration')).toHaveAttribute('aria-live', 'polite');

  const results = await new AxeBuilder({ page }).include('[data-testid="inspector"]').analyze();
  const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(' | ')})`);
  expect(serious).toEqual([]);

  await inspector.getByRole('button', { name: 'Close the step inspector' }).click();
  await expect(page.getByTestId('inspector')).toHaveCount(0);
  await expect(page).not.toHaveURL(/inspect=/);
});

test('Inspect run N on a run card and the playback bar’s toggle open the inspector; a bad inspect= is named', async ({ playground, page }) => {
  await playground.open(`${LINK}&inspect=7`, 2);
  await expect(playground.urlProblems).toContainText("inspect: '7' is not a run number (runs are numbered 1 to 2)");
  await expect(page.getByTestId('inspector')).toHaveCount(0);

  await page.getByRole('button', { name: 'Inspect run 2' }).click();
  await inspectorAt(page, STEPS);
  await expect(page.getByRole('combobox', { name: 'Inspected run' })).toHaveValue('1');
  await expect(page.getByRole('heading', { name: 'Step inspector' })).toBeFocused();
  await expect(page).toHaveURL(/inspect=2/);

  const toggle = page.getByRole('button', { name: 'Step inspector', exact: true });
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await toggle.click();
  await expect(page.getByTestId('inspector')).toHaveCount(0);
  await toggle.click();
  // the playback bar's toggle opens the selected run (run 1, the link's first)
  await expect(page.getByRole('combobox', { name: 'Inspected run' })).toHaveValue('0');
});

// Passes once every method has inspect() (the engine helpers' branches): Adam's moments at step 10
// equal torch's exp_avg and exp_avg_sq from the recurrence above, and the step is narrated.
test("Adam's moments at step 10 equal torch's exp_avg and exp_avg_sq, and the step is narrated", async ({ playground, page }) => {
  await playground.open(`${LINK}&step=${STEP}&inspect=1`, 2);
  const inspector = await inspectorAt(page, STEP);
  const reference = adamReference(STEP);
  expectClose(await valuesIn(inspector.locator('[data-quantity="firstMoment"]').locator('td').last()), reference.firstMoment);
  expectClose(await valuesIn(inspector.locator('[data-quantity="secondMoment"]').locator('td').last()), reference.secondMoment);
  // the CLI's inspect of the same link: the same moments, bit for bit (one engine, two front ends)
  const cli = JSON.parse(cliInspect(page.url(), 1, STEP)) as { step: number; state: Record<string, number[]> };
  expect(cli.step).toBe(STEP);
  expect(await valuesIn(inspector.locator('[data-quantity="firstMoment"]').locator('td').last())).toEqual(cli.state.firstMoment);
  expect(await valuesIn(inspector.locator('[data-quantity="secondMoment"]').locator('td').last())).toEqual(cli.state.secondMoment);
  await inspector.getByRole('checkbox', { name: 'Narrate steps' }).check();
  const sentences = inspector.getByTestId('inspector-narration').getByRole('listitem');
  await expect(sentences.first()).toBeVisible();
  await expect(sentences.first().locator('.katex').first()).toBeAttached();
});
