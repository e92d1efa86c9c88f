import { expect, test } from './fixtures';
import { cliRun, ensureCliBuilt } from './cli';

// The playground's first acceptance item, end to end, with the CLI as the oracle: build a race from
// presets in the UI, play it, pause, scrub back, and compare every marker with the CLI's trajectory
// for the experiment the page's own URL describes.

const ROSENBROCK_ONE_RUN = 'v=1&surface=rosenbrock&steps=150&run=adam(lr=0.05)@-1.5,2';

interface CliResult {
  runs: { optimizer: string; trajectory: [number, number][]; diverged: null | { step: number } }[];
}

test.beforeAll(ensureCliBuilt);

test('three runs (SGD, Momentum, Adam) on Rosenbrock: play, pause, scrub back, and the markers match the CLI', async ({ playground, page }) => {
  await playground.open(ROSENBROCK_ONE_RUN, 1);
  await playground.addPresetRun('gd');
  await playground.addPresetRun('momentum');
  await playground.addPresetRun('adam');
  await page.getByRole('button', { name: 'Remove run 1' }).click();
  await playground.waitForRuns(3);
  await expect(page.getByRole('combobox', { name: 'Optimizer of run 1' })).toHaveValue('sgd');

  const counter = page.getByTestId('step-counter');
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(counter).toHaveText('step 0 / 150');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(counter).not.toHaveText('step 0 / 150');
  await page.waitForTimeout(400);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  const paused = Number(/step (\d+)/.exec((await counter.textContent()) ?? '')?.[1]);
  expect(paused).toBeGreaterThan(0);

  const scrubbedTo = Math.max(1, Math.floor(paused / 2));
  await page.getByRole('slider', { name: 'Step', exact: true }).fill(String(scrubbedTo));
  await expect(counter).toHaveText(`step ${scrubbedTo} / 150`);

  // The URL is the experiment (it is written a moment after each change); the CLI runs it.
  await expect(page).toHaveURL(/run=sgd.*run=sgd.*momentum.*run=adam/);
  const cli = JSON.parse(cliRun(page.url())) as CliResult;
  expect(cli.runs.map((run) => run.optimizer)).toEqual(['sgd', 'sgd', 'adam']);

  const markers = await page
    .locator('g.run circle.step-marker')
    .evaluateAll((circles) => circles.map((circle) => [Number(circle.getAttribute('data-x')), Number(circle.getAttribute('data-y'))]));
  expect(markers).toEqual(cli.runs.map((run) => run.trajectory[scrubbedTo]));
});
