import { expect, test, type PlaygroundPage } from './fixtures';

// The problem panel and the runs panel, driven as a student would: presets, a typed formula with a
// mistake, sliders, hiding, duplicating and removing runs, and a learning rate that diverges.

const ONE_ADAM = 'v=1&surface=rosenbrock&steps=100&run=adam(lr=0.05)@-1.5,2';
const ONE_GD = 'v=1&surface=rosenbrock&steps=100&run=sgd(lr=0.001)@-1.5,2;label=GD';

/** The `d` of every trajectory drawn on the map, in run order. */
function trajectoryPaths(playground: PlaygroundPage): Promise<(string | null)[]> {
  return playground.map.locator('path.trajectory').evaluateAll((paths) => paths.map((path) => path.getAttribute('d')));
}

/** The `d` of every filled contour band (they change when the surface does). */
function contourPaths(playground: PlaygroundPage): Promise<string> {
  return playground.map.locator('.contour-fills path').evaluateAll((paths) => paths.map((path) => path.getAttribute('d')).join('|'));
}


test('three runs added from presets (GD, Momentum, Adam) on Rosenbrock are drawn as three trajectories', async ({ playground, page }) => {
  await playground.open(ONE_ADAM, 1);
  await playground.addPresetRun('gd');
  await playground.addPresetRun('momentum');
  await playground.addPresetRun('adam');
  await playground.waitForRuns(4);
  // the run the page opened with goes; the three from presets stay
  await page.getByRole('button', { name: 'Remove run 1' }).click();
  await playground.waitForRuns(3);

  await expect(playground.runItems).toHaveCount(3);
  await expect(playground.runItems.nth(0).getByRole('heading')).toContainText('GD');
  await expect(playground.runItems.nth(1).getByRole('heading')).toContainText('Momentum');
  await expect(playground.runItems.nth(2).getByRole('heading')).toContainText('Adam');
  await expect(page.getByTestId('problem-title')).toHaveText('Rosenbrock');
  expect(await playground.pointsPerRun()).toEqual([101, 101, 101]);
  const paths = await trajectoryPaths(playground);
  expect(new Set(paths).size).toBe(3);

  // the optimizer pickers say what each preset is
  await expect(page.getByRole('combobox', { name: 'Optimizer of run 2' })).toHaveValue('sgd');
  await expect(page.getByRole('combobox', { name: 'Optimizer of run 3' })).toHaveValue('adam');
  // each preset run got its own palette colour
  const swatches = await page.getByRole('button', { name: /^Colour of run \d/ }).evaluateAll((buttons) => buttons.map((button) => button.getAttribute('aria-label')));
  expect(new Set(swatches).size).toBe(3);
  // and the URL carries them
  await expect(page).toHaveURL(/run=sgd\(lr=0\.001,momentum=0\.9\)/);
});

test('a typed formula with an error names its column and keeps the text; fixing it redraws the map', async ({ playground, page }) => {
  await playground.open(ONE_ADAM, 1);
  const contoursBefore = await contourPaths(playground);

  await page.getByRole('combobox', { name: 'Surface' }).selectOption('formula');
  const field = page.getByRole('textbox', { name: 'Formula f(x, y)' });
  // the formula starts as the surface's own, so the picture is the same
  await expect(field).toHaveValue(/100\*\(y - x\^2\)\^2/);

  await field.fill('(1-x)^2 + 10*(y-x^2');
  const message = page.getByRole('alert').filter({ hasText: 'column' });
  await expect(message).toContainText(/at column \d+/);
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('.formula-echo mark')).toBeVisible();
  // the text with the error stays where the user typed it; the map keeps the last formula that parsed
  await expect(field).toHaveValue('(1-x)^2 + 10*(y-x^2');

  await field.fill('(1-x)^2 + 10*(y-x^2)^2');
  await expect(message).toHaveCount(0);
  await expect(field).toHaveAttribute('aria-invalid', 'false');
  await expect(page.getByTestId('problem-title')).toHaveText('f(x, y) = (1-x)^2 + 10*(y-x^2)^2');
  await expect.poll(() => contourPaths(playground)).not.toBe(contoursBefore);
  await playground.waitForRuns(1);
  await expect(page).toHaveURL(/f=/);

  // an unknown function is named with its column too
  await field.fill('sni(x) + y^2');
  await expect(page.getByRole('alert').filter({ hasText: 'column' })).toContainText("unknown function 'sni' at column 1");
});

test('moving a hyperparameter slider changes the path; a value typed out of range is refused with a message', async ({ playground, page }) => {
  await playground.open(ONE_ADAM, 1);
  const before = await trajectoryPaths(playground);
  await page.getByRole('button', { name: 'Settings of run 1' }).click();
  await expect(page.getByRole('button', { name: 'Settings of run 1' })).toHaveAttribute('aria-expanded', 'true');

  const learningRate = page.getByRole('slider', { name: /^lr \(/ });
  const learningRateField = page.getByRole('textbox', { name: /^lr \(/ });
  await expect(learningRateField).toHaveValue('0.05');

  // drag the thumb: the path follows during the drag, before the button is released
  const box = (await learningRate.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.62, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.52, box.y + box.height / 2, { steps: 5 });
  await expect.poll(() => trajectoryPaths(playground)).not.toEqual(before);
  await page.mouse.up();
  await expect(learningRateField).not.toHaveValue('0.05');
  await playground.waitForRuns(1);
  expect(await playground.pointsPerRun()).toEqual([101]);

  // the keyboard moves it one round value at a time
  const dragged = await learningRateField.inputValue();
  await learningRate.focus();
  await page.keyboard.press('ArrowRight');
  await expect(learningRateField).not.toHaveValue(dragged);

  // β1 is its own slider on the 1 − β scale
  await page.getByRole('textbox', { name: /^β1 \(/ }).fill('0.5');
  await expect(page).toHaveURL(/betas=0\.5/);

  const settled = await trajectoryPaths(playground);
  await learningRateField.fill('-1');
  await learningRateField.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'lr must be > 0, got -1' })).toBeVisible();
  await expect(learningRateField).toHaveAttribute('aria-invalid', 'true');
  // nothing reached the experiment
  expect(await trajectoryPaths(playground)).toEqual(settled);
  await expect(page).not.toHaveURL(/lr=-1/);

  await learningRateField.fill('0.2');
  await expect(page.getByRole('alert').filter({ hasText: 'lr must be' })).toHaveCount(0);
  await expect(page).toHaveURL(/lr=0\.2/);
});

test('a run can be hidden and shown again, and stays computed while hidden', async ({ playground, page }) => {
  await playground.open('', 3);
  const hide = page.getByRole('button', { name: 'Hide run 2' });
  await expect(hide).toHaveAttribute('aria-pressed', 'false');
  await hide.click();

  const show = page.getByRole('button', { name: 'Show run 2' });
  await expect(show).toHaveAttribute('aria-pressed', 'true');
  await expect(playground.mapRuns).toHaveCount(2);
  await expect(playground.lossCurves).toHaveCount(2);
  // still computed: its status shows where it ended
  await expect(playground.runItems.nth(1).getByRole('status')).toContainText(/f = .* after 300 steps/);
  await expect(page).toHaveURL(/hidden/);

  await show.click();
  await playground.waitForRuns(3);
  await expect(page.getByRole('button', { name: 'Hide run 2' })).toHaveAttribute('aria-pressed', 'false');
});

test('a run can be duplicated and removed; the last run cannot be removed', async ({ playground, page }) => {
  await playground.open(ONE_ADAM, 1);
  await expect(page.getByRole('button', { name: 'Remove run 1' })).toBeDisabled();

  await page.getByRole('button', { name: 'Duplicate run 1' }).click();
  await playground.waitForRuns(2);
  await expect(playground.runItems).toHaveCount(2);
  // the copy has the same settings, so the same path, in another colour
  const [original, copy] = await trajectoryPaths(playground);
  expect(copy).toBe(original);
  await expect(page.getByRole('combobox', { name: 'Optimizer of run 2' })).toHaveValue('adam');
  const colours = await page.getByRole('button', { name: /^Colour of run \d/ }).evaluateAll((buttons) => buttons.map((button) => button.getAttribute('aria-label')!.split(': ')[1]));
  expect(colours[0]).not.toBe(colours[1]);

  // change the copy's learning rate through its field: only its path moves
  await page.getByRole('button', { name: 'Settings of run 2' }).click();
  await page.getByRole('textbox', { name: /^lr \(/ }).fill('0.01');
  await expect.poll(async () => (await trajectoryPaths(playground))[1]).not.toBe(original);
  expect((await trajectoryPaths(playground))[0]).toBe(original);

  await page.getByRole('button', { name: 'Remove run 1' }).click();
  await playground.waitForRuns(1);
  await expect(page).toHaveURL(/lr=0\.01/);
  await expect(page.getByRole('button', { name: 'Remove run 1' })).toBeDisabled();
});

test('a diverging learning rate shows "diverged at step k" in the run status, and the page keeps working', async ({ playground, page }) => {
  await playground.open(ONE_GD, 1);
  await page.getByRole('button', { name: 'Settings of run 1' }).click();
  const learningRateField = page.getByRole('textbox', { name: /^lr \(/ });
  await learningRateField.fill('0.05');

  const status = playground.runItems.nth(0).getByRole('status');
  await expect(status).toContainText(/diverged at step \d+: /);
  const step = Number((await status.textContent())!.match(/diverged at step (\d+)/)![1]);
  expect(step).toBeGreaterThan(0);
  await expect.poll(async () => (await playground.pointsPerRun())[0]).toBe(step);
  // in the theme's danger colour
  const danger = await page.evaluate(() => {
    const probe = document.createElement('span');
    probe.style.color = 'var(--danger)';
    document.body.append(probe);
    const color = getComputedStyle(probe).color;
    probe.remove();
    return color;
  });
  await expect(status).toHaveCSS('color', danger);

  // back to a stable rate: the run goes the whole way again, and other controls still answer
  await learningRateField.fill('0.001');
  await expect(status).toContainText(/f = .* after 100 steps/);
  await playground.waitForRuns(1);
  expect(await playground.pointsPerRun()).toEqual([101]);
  await playground.addPresetRun('adam');
  await playground.waitForRuns(2);
});

test('surface parameters are sliders, and noise turns GD into SGD', async ({ playground, page }) => {
  await playground.open(ONE_GD, 1);
  const contoursBefore = await contourPaths(playground);
  const pathBefore = await trajectoryPaths(playground);
  await page.getByRole('textbox', { name: /^b \(valley steepness\)/ }).fill('10');
  await expect.poll(() => contourPaths(playground)).not.toBe(contoursBefore);
  await expect(page).toHaveURL(/b=10/);

  const noise = page.getByRole('textbox', { name: 'Gradient noise σ' });
  const pathWithoutNoise = await trajectoryPaths(playground);
  expect(pathWithoutNoise).not.toEqual(pathBefore);
  await noise.fill('5');
  await expect.poll(() => trajectoryPaths(playground)).not.toEqual(pathWithoutNoise);
  await expect(page).toHaveURL(/noise=5/);
  // the seed fixes the noise: a new seed, a new path
  const noisy = await trajectoryPaths(playground);
  await page.getByRole('textbox', { name: 'Seed' }).fill('7');
  await expect.poll(() => trajectoryPaths(playground)).not.toEqual(noisy);

  // choosing another surface shows its formula and title
  await page.getByRole('combobox', { name: 'Surface' }).selectOption('himmelblau');
  await expect(page.getByTestId('problem-title')).toHaveText('Himmelblau');
  await expect(page.locator('.problem-description')).toContainText('four global minima');
});

test('a run can be recoloured and renamed, and "Same start for all runs" gathers the starts', async ({ playground, page }) => {
  await playground.open('v=1&surface=rosenbrock&steps=50&run=adam(lr=0.05)@-1.5,2&run=sgd(lr=0.001)@1,-0.5', 2);

  await page.getByRole('button', { name: /^Colour of run 1/ }).click();
  await page.getByRole('group', { name: 'Colours for run 1' }).getByRole('button', { name: 'vermilion' }).click();
  await expect(page.getByRole('button', { name: 'Colour of run 1: vermilion' })).toBeFocused();
  await expect(page).toHaveURL(/color=d55e00/);

  await page.getByRole('textbox', { name: 'Label of run 2' }).fill('Plain GD');
  await expect(playground.runItems.nth(1).getByRole('heading')).toContainText('Plain GD');
  await expect(page).toHaveURL(/label=Plain(%20| )GD/);

  await page.getByRole('radio', { name: 'Select run 2' }).check();
  await page.getByRole('checkbox', { name: 'Same start for all runs' }).check();
  await expect(page.getByRole('textbox', { name: 'Start x of run 1' })).toHaveValue('1');
  await expect(page.getByRole('textbox', { name: 'Start y of run 1' })).toHaveValue('-0.5');
  // moving one start moves both
  await page.getByRole('textbox', { name: 'Start x of run 1' }).fill('0.25');
  await expect(page.getByRole('textbox', { name: 'Start x of run 2' })).toHaveValue('0.25');
  await playground.waitForRuns(2);
});
