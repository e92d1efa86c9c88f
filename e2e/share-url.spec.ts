import { expect, test } from './fixtures';

// Written by hand, as a user would edit it: a typed formula, three runs, 120 steps.
const FORMULA_LINK =
  'v=1&f=(1-x)^2+100*(y-x^2)^2&domain=-2,2,-1,3&steps=120' +
  '&run=adam(lr=0.05)@-1.5,2&run=sgd(lr=0.001,momentum=0.9)@-1.5,2;label=Momentum&run=rmsprop(lr=0.01)@1,-0.5';

test('a share URL draws every run with steps+1 points, and a reload restores it', async ({ playground, page }) => {
  await playground.open(FORMULA_LINK, 3);
  expect(await playground.pointsPerRun()).toEqual([121, 121, 121]);
  expect(await playground.lossPointsPerRun()).toEqual([121, 121, 121]);
  await expect(page.getByTestId('problem-title')).toContainText('(1-x)^2+100*(y-x^2)^2');
  await expect(playground.runItems.nth(1)).toContainText('Momentum');
  await expect(playground.urlProblems).toHaveCount(0);
  const pathsBefore = await playground.map.locator('path.trajectory').evaluateAll((paths) => paths.map((path) => path.getAttribute('d')));

  await page.reload();
  await playground.waitForRuns(3);
  expect(await playground.pointsPerRun()).toEqual([121, 121, 121]);
  const pathsAfter = await playground.map.locator('path.trajectory').evaluateAll((paths) => paths.map((path) => path.getAttribute('d')));
  expect(pathsAfter).toEqual(pathsBefore);
});

test('a built-in surface link with surface parameters opens and marks its minimum', async ({ playground, page }) => {
  await playground.open('v=1&surface=himmelblau&steps=50&run=adam(lr=0.1)@0,0', 1);
  expect(await playground.pointsPerRun()).toEqual([51]);
  await expect(page.getByTestId('problem-title')).toContainText('Himmelblau');
  await expect(playground.map.locator('.known-minimum')).toHaveCount(4);
});

test('a malformed URL names the bad field, falls back for that field alone, and the page still works', async ({ playground, page }) => {
  await playground.open('v=1&surface=rosenbrock&steps=abc&run=adam(lr=0.05)@-1.5,2&run=adamm(lr=0.1)@0,0', 1);
  const alert = playground.urlProblems;
  await expect(alert).toContainText('steps');
  await expect(alert).toContainText('adamm');
  // steps fell back to its default (300); the good run is kept as written.
  expect(await playground.pointsPerRun()).toEqual([301]);
  await expect(page.getByTestId('problem-title')).toContainText('Rosenbrock');

  await page.getByRole('button', { name: 'Dismiss' }).click();
  await expect(alert).toHaveCount(0);

  // The page keeps working: a hand edit of the hash is followed.
  await page.evaluate(() => {
    location.hash = 'v=1&surface=booth&steps=40&run=sgd(lr=0.01)@-5,5&run=adam(lr=0.5)@5,-5';
  });
  await playground.waitForRuns(2);
  expect(await playground.pointsPerRun()).toEqual([41, 41]);
});

test('a bad field in a run falls back alone: the run keeps its optimizer, start and label, and the message names the field and the run', async ({ playground, page }) => {
  // run 1 spoils a hyperparameter pair, its schedule, clip and colour; run 2 is the README's lr=abc
  const link =
    'v=1&surface=rosenbrock&steps=50&step=0' +
    '&run=adam(lr=0.05,betas=0.9)@-1.5,2;schedule=cosin(T_max=10);clip=norm(x);color=zzz' +
    '&run=sgd(lr=abc,momentum=0.9)@-1,1;label=Mine';
  await playground.open(link, 2);
  const alert = playground.urlProblems;
  await expect(alert).toContainText("run 2 (Mine): lr: 'abc' is not a number; using the default 0.001");
  for (const field of ['betas', 'schedule', 'clip', 'color']) await expect(alert).toContainText(`run 1: ${field}`);
  await expect(alert).not.toContainText('dropped');
  await expect(alert).not.toContainText('default runs');

  // both runs are drawn in full, each from its own start, under its own optimizer and label
  expect(await playground.pointsPerRun()).toEqual([51, 51]);
  const startMarkers = playground.mapRuns.locator('circle[data-step="0"]');
  expect(await startMarkers.evaluateAll((markers) => markers.map((marker) => [marker.getAttribute('data-x'), marker.getAttribute('data-y')]))).toEqual([
    ['-1.5', '2'],
    ['-1', '1'],
  ]);
  await expect(playground.mapRuns.nth(1)).toHaveAttribute('data-label', 'Mine');
  await expect(playground.runItems.nth(1)).toContainText('Mine');
  await expect(page.getByRole('combobox', { name: 'Optimizer of run 1' })).toHaveValue('adam');
  await expect(page.getByRole('combobox', { name: 'Optimizer of run 2' })).toHaveValue('sgd');
  await expect(page.getByRole('textbox', { name: 'Start x of run 2' })).toHaveValue('-1');
  await expect(page.getByRole('textbox', { name: 'Start y of run 2' })).toHaveValue('1');

  // the link the page gives back keeps every good field and leaves out only the bad ones
  await playground.copyLink.click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('&run=adam(lr=0.05)@-1.5,2&run=sgd(momentum=0.9)@-1,1;label=Mine');
});

test('garbage in the hash still opens the default experiment with a message', async ({ playground }) => {
  await playground.open('%%%&&==&v=banana', 3);
  await expect(playground.urlProblems).toBeVisible();
  expect(await playground.pointsPerRun()).toEqual([301, 301, 301]);
});

test('a diverging learning rate is shown as diverged with its step, and the other runs are drawn', async ({ playground, page }) => {
  await playground.open('v=1&surface=rosenbrock&steps=100&run=sgd(lr=0.05)@-1.5,2&run=adam(lr=0.05)@-1.5,2', 2);
  const diverged = playground.runItems.nth(0);
  await expect(diverged).toContainText(/diverged at step \d+/);
  const step = Number(await playground.mapRuns.nth(0).getAttribute('data-diverged'));
  expect(step).toBeGreaterThan(0);
  expect(await playground.pointsPerRun()).toEqual([step, 101]);
  await expect(page.getByTestId('engine-info')).toContainText('float64 TypeScript');
});

test('"Copy link" copies a URL that reproduces the experiment', async ({ playground, page }) => {
  await playground.open(FORMULA_LINK, 3);
  await playground.copyLink.click();
  await expect(page.getByText('Link copied')).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/^http:\/\/localhost:\d+\/#v=1&/);
  await page.goto('about:blank');
  await page.goto(copied);
  await playground.waitForRuns(3);
  expect(await playground.pointsPerRun()).toEqual([121, 121, 121]);
});
