import type { Locator, Page } from '@playwright/test';
import { decodeExperiment } from '../src/experiment/url-codec';
import { runExperiment } from '../src/experiment/run-experiment';
import { expect, test } from './fixtures';

// Rosenbrock with three runs, 200 steps: long enough to watch, short enough to play through.
const RACE =
  'v=1&surface=rosenbrock&steps=200' +
  '&run=sgd(lr=0.001)@-1.5,2;label=SGD&run=sgd(lr=0.001,momentum=0.9)@-1.5,2;label=Momentum&run=adam(lr=0.05)@-1.5,2;label=Adam';

/** The controls this spec drives, by their accessible names. */
function controls(page: Page) {
  return {
    play: page.getByRole('button', { name: 'Play', exact: true }),
    pause: page.getByRole('button', { name: 'Pause', exact: true }),
    step: page.getByRole('button', { name: 'Step', exact: true }),
    stepBack: page.getByRole('button', { name: 'Step back', exact: true }),
    reset: page.getByRole('button', { name: 'Reset', exact: true }),
    scrubber: page.getByRole('slider', { name: 'Step', exact: true }),
    speed: page.getByRole('slider', { name: 'Speed (steps per second)' }),
    maxSteps: page.getByRole('spinbutton', { name: 'Maximum steps' }),
    counter: page.getByTestId('step-counter'),
    /** Both layers of the loss chart: the curves and axes, and the step line, crosshair and tooltip above them. */
    chart: page.getByTestId('loss-chart-frame'),
    chartImage: page.getByTestId('loss-chart'),
  };
}

/** The step the counter shows ("step 57 / 200" → 57). */
async function shownStep(counter: Locator): Promise<number> {
  const text = (await counter.textContent()) ?? '';
  const match = /step\s+([\d,]+)\s*\//.exec(text);
  if (!match) throw new Error(`no step in the counter: '${text}'`);
  return Number(match[1].replace(/,/g, ''));
}

/** Each run's current-step marker on the map, as drawn (pixels). */
async function markerPixels(page: Page): Promise<string[]> {
  return page
    .locator('g.run circle.step-marker')
    .evaluateAll((markers) => markers.map((marker) => `${marker.getAttribute('cx')},${marker.getAttribute('cy')}`));
}

test('Play advances the step counter and the markers, Pause stops them, and playing stops at the end', async ({ playground, page }) => {
  const ui = controls(page);
  await playground.open(`${RACE}&step=0`, 3);
  await expect(ui.counter).toHaveText('step 0 / 200');
  const markersAtStart = await markerPixels(page);

  await ui.play.click();
  await expect(ui.pause).toBeVisible();
  await expect.poll(() => shownStep(ui.counter)).toBeGreaterThan(5);
  await expect.poll(() => markerPixels(page)).not.toEqual(markersAtStart);
  await ui.pause.click();
  await expect(ui.play).toBeVisible();
  const pausedAt = await shownStep(ui.counter);
  expect(pausedAt).toBeLessThan(200);
  await page.waitForTimeout(400);
  expect(await shownStep(ui.counter)).toBe(pausedAt);
  await expect(ui.chart.locator('line.step-line')).toHaveAttribute('data-step', String(pausedAt));

  // the fastest speed plays to the end, where Pause turns back into Play
  await ui.speed.fill('100');
  await expect(page.locator('.speed-value')).toHaveText('5,000 steps/s');
  await ui.play.click();
  await expect(ui.counter).toHaveText('step 200 / 200');
  await expect(ui.play).toBeVisible();

  // Play at the end starts again from step 0
  await ui.speed.fill('0');
  await expect(page.locator('.speed-value')).toHaveText('1 step/s');
  await ui.play.click();
  await expect.poll(() => shownStep(ui.counter)).toBeLessThanOrEqual(2);
  await ui.pause.click();
});

test('Step, Step back and Reset move one step at a time and back to 0, on the map and in the chart', async ({ playground, page }) => {
  const ui = controls(page);
  await playground.open(`${RACE}&step=0`, 3);
  await ui.stepBack.click();
  await expect(ui.counter).toHaveText('step 0 / 200');
  for (let i = 0; i < 3; i++) await ui.step.click();
  await expect(ui.counter).toHaveText('step 3 / 200');
  await ui.stepBack.click();
  await expect(ui.counter).toHaveText('step 2 / 200');
  await expect(ui.scrubber).toHaveValue('2');
  await expect(ui.chart.locator('line.step-line')).toHaveAttribute('data-step', '2');
  // the map's trajectories are drawn up to the step shown
  const markersAtTwo = await markerPixels(page);
  await ui.reset.click();
  await expect(ui.counter).toHaveText('step 0 / 200');
  await expect.poll(() => markerPixels(page)).not.toEqual(markersAtTwo);
});

test('scrubbing shows step k everywhere without recomputing: every marker is at trajectory point k', async ({ playground, page }) => {
  const ui = controls(page);
  await playground.open(RACE, 3);
  await expect(ui.counter).toHaveText('step 200 / 200');
  const curvesBefore = await playground.lossCurves.evaluateAll((paths) => paths.map((path) => path.getAttribute('d')));
  const engineInfo = await page.getByTestId('engine-info').textContent();

  const k = 57;
  await ui.scrubber.fill(String(k));
  await expect(ui.counter).toHaveText(`step ${k} / 200`);
  await expect(ui.chart.locator('line.step-line')).toHaveAttribute('data-step', String(k));
  await expect(ui.chart.locator('circle.step-dot')).toHaveCount(3);
  // the scrubber reads the keyboard too
  await ui.scrubber.press('ArrowRight');
  await expect(ui.counter).toHaveText(`step ${k + 1} / 200`);
  await ui.scrubber.fill(String(k));

  // nothing was recomputed: the loss curves and the engine's timing are as they were
  expect(await playground.lossCurves.evaluateAll((paths) => paths.map((path) => path.getAttribute('d')))).toEqual(curvesBefore);
  await expect(page.getByTestId('engine-info')).toHaveText(engineInfo ?? '');

  // every marker sits on trajectory point k of the same experiment run here in Node
  const markers = page.locator('g.run circle.step-marker');
  const { experiment } = decodeExperiment(RACE);
  const expected = runExperiment(experiment).runs.map((run) => [run.trajectory[2 * k], run.trajectory[2 * k + 1]]);
  const shown = await markers.evaluateAll((circles) => circles.map((circle) => [Number(circle.getAttribute('data-x')), Number(circle.getAttribute('data-y'))]));
  expect(shown).toHaveLength(3);
  shown.forEach(([x, y], index) => {
    expect(x).toBeCloseTo(expected[index][0], 9);
    expect(y).toBeCloseTo(expected[index][1], 9);
  });
});

test('keyboard: space plays and pauses, arrows step (shift: 10), R resets; not while typing', async ({ playground, page }) => {
  const ui = controls(page);
  await playground.open(`${RACE}&step=100`, 3);
  // keys go to the page itself, not to a control
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('ArrowRight');
  await expect(ui.counter).toHaveText('step 101 / 200');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(ui.counter).toHaveText('step 111 / 200');
  await page.keyboard.press('ArrowLeft');
  await expect(ui.counter).toHaveText('step 110 / 200');
  await page.keyboard.press('Shift+ArrowLeft');
  await expect(ui.counter).toHaveText('step 100 / 200');
  await page.keyboard.press('End');
  await expect(ui.counter).toHaveText('step 200 / 200');
  await page.keyboard.press('r');
  await expect(ui.counter).toHaveText('step 0 / 200');

  await page.keyboard.press('Space');
  await expect(ui.pause).toBeVisible();
  await expect.poll(() => shownStep(ui.counter)).toBeGreaterThan(0);
  await page.keyboard.press('Space');
  await expect(ui.play).toBeVisible();
  const pausedAt = await shownStep(ui.counter);

  // on the scrubber the arrows move the scrubber (one step), and space still plays
  await ui.scrubber.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(ui.counter).toHaveText(`step ${pausedAt - 1} / 200`);
  await page.keyboard.press('Space');
  await expect(ui.pause).toBeVisible();
  await page.keyboard.press('Space');
  await expect(ui.play).toBeVisible();
  const pausedAgainAt = await shownStep(ui.counter);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

  // chords belong to the browser
  await page.keyboard.press('Control+ArrowRight');
  await page.keyboard.press('Control+ArrowLeft');
  await expect(ui.counter).toHaveText(`step ${pausedAgainAt} / 200`);

  // keys typed into a field stay in the field
  await ui.maxSteps.focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('r');
  await expect(ui.play).toBeVisible();
  await expect(ui.counter).toHaveText(`step ${pausedAgainAt} / 200`);
  await expect(ui.maxSteps).toHaveValue('200');
});

test('space belongs to what has focus: a text field types a space, a focused button is pressed, and play is not toggled', async ({ playground, page }) => {
  const ui = controls(page);
  await playground.open(`${RACE}&step=50`, 3);
  await page.getByRole('button', { name: 'Settings of run 1' }).click();
  const stillPaused = async (what: string, step = 50) => {
    // playing would have moved the counter within this time (60 steps/s)
    await page.waitForTimeout(150);
    await expect(ui.play, what).toBeVisible();
    await expect(ui.counter, what).toHaveText(`step ${step} / 200`);
  };

  // every text field on the page: labels, starts, hyperparameters, schedule, seed, ...
  const fields = page.locator('input[type="text"]:visible, input:not([type]):visible, textarea:visible');
  const count = await fields.count();
  expect(count).toBeGreaterThanOrEqual(10);
  for (let index = 0; index < count; index++) {
    const field = fields.nth(index);
    const name = await field.evaluate((element) => element.getAttribute('aria-label') ?? element.getAttribute('placeholder') ?? element.outerHTML.slice(0, 80));
    await field.focus();
    await page.keyboard.press('End');
    const before = await field.inputValue();
    await page.keyboard.press('Space');
    await expect(field, name).toHaveValue(`${before} `);
    await stillPaused(name);
    await page.keyboard.press('Backspace');
    await expect(field, name).toHaveValue(before);
  }
  // a select and a number field take space too (a select opens, a number field ignores it)
  for (const control of [page.getByRole('combobox', { name: 'Optimizer of run 1' }), ui.maxSteps]) {
    await control.focus();
    await page.keyboard.press('Space');
    await stillPaused(await control.evaluate((element) => element.outerHTML.slice(0, 60)));
    await page.keyboard.press('Escape');
  }

  // a focused button is pressed by space, and only pressed
  const settings = page.getByRole('button', { name: 'Settings of run 2' });
  await settings.focus();
  await page.keyboard.press('Space');
  await expect(settings).toHaveAttribute('aria-expanded', 'true');
  await stillPaused('Settings of run 2');
  await ui.step.focus();
  await page.keyboard.press('Space');
  await stillPaused('Step', 51);
  await ui.play.focus();
  await page.keyboard.press('Space');
  await expect(ui.pause).toBeVisible();
  await expect(ui.pause).toBeFocused();
  await page.keyboard.press('Space');
  await expect(ui.play).toBeVisible();

  // a text field inside a shadow root (a web component, such as a maths input) is typed into as well:
  // the key's target is then the component, so the rule must look at the innermost focused element
  await page.evaluate(() => {
    const host = document.createElement('div');
    const field = document.createElement('input');
    field.setAttribute('aria-label', 'Field in a shadow root');
    host.attachShadow({ mode: 'open' }).append(field);
    document.body.append(host);
  });
  const pausedAt = await shownStep(ui.counter);
  const shadowField = page.getByRole('textbox', { name: 'Field in a shadow root' });
  await shadowField.focus();
  await page.keyboard.press('Space');
  await expect(shadowField).toHaveValue(' ');
  await stillPaused('a field in a shadow root', pausedAt);
});

test('the loss chart: scale and x-axis switches change the axis titles, and f − f* is only offered where f* is known', async ({ playground, page }) => {
  const ui = controls(page);
  await playground.open(RACE, 3);
  const yTitle = ui.chart.locator('text.y-label');
  const xTitle = ui.chart.locator('text.x-label');
  const scale = page.getByRole('radiogroup', { name: 'Loss scale' });
  const axis = page.getByRole('combobox', { name: 'Loss x axis' });
  await expect(yTitle).toHaveText('loss f (log scale)');
  await expect(xTitle).toHaveText('step');
  const yTicks = () => ui.chart.locator('g.axis-y .tick text').allTextContents();
  expect((await yTicks()).some((tick) => tick.startsWith('10'))).toBe(true);

  await scale.getByRole('radio', { name: 'linear' }).check();
  await expect(yTitle).toHaveText('loss f');
  await scale.getByRole('radio', { name: 'f − f*' }).check();
  // Rosenbrock's minimum: f(1, 1) = 0
  await expect(yTitle).toHaveText('f − f* (log scale, f* = 0)');

  await axis.selectOption('evaluations');
  await expect(xTitle).toHaveText('function evaluations');
  await expect(ui.chartImage).toHaveAttribute('aria-label', /function evaluations/);
  await axis.selectOption('time');
  await expect(xTitle).toHaveText(/^wall time \(ms; the clock ticks every [\d.]+ ms\)$/);
  // switching axes redraws; the data keep every point
  expect(await ui.chart.locator('path.loss-curve').evaluateAll((paths) => paths.map((path) => path.getAttribute('data-points')))).toEqual(['201', '201', '201']);
  await axis.selectOption('step');
  await expect(xTitle).toHaveText('step');

  // a typed formula has no known minimum: no f − f*, and the chart falls back to log f
  await page.evaluate(() => {
    location.hash = 'v=1&f=x^2%2B3*y^2&steps=50&run=sgd(lr=0.1)@2,1';
  });
  await playground.waitForRuns(1);
  await expect(scale.getByRole('radio')).toHaveCount(2);
  await expect(yTitle).toHaveText('loss f (log scale)');
});

test('the wall-time axis states the clock it was read from, and says when runs were too short for it to tell apart', async ({ playground, page, context }) => {
  const ui = controls(page);
  // runs of 20 steps take microseconds: far below the browser's clock (0.1 ms in Chromium here).
  // On a busy machine a run now and then takes over a millisecond (the worker's thread paused, a
  // garbage collection), and then it is rightly not "too short": the test failed by chance. So the
  // engine worker reads a clock of our own that moves 1 µs per reading, and its runs are as short
  // as the test means them to be, whatever else the machine is doing. The page's clock is real.
  let clocksServed = 0;
  await context.route('**/engine.worker*.js', async (route) => {
    clocksServed++;
    const response = await route.fetch();
    const fakeClock = 'performance.now = ((time) => () => (time += 0.001))(performance.now());\n';
    await route.fulfill({ response, body: fakeClock + (await response.text()) });
  });
  await playground.open('v=1&surface=rosenbrock&steps=20&run=sgd(lr=0.001)@-1.5,2;label=SGD&run=adam(lr=0.05)@-1.5,2;label=Adam', 2);
  expect(clocksServed, 'the engine worker ran on the test clock').toBeGreaterThan(0);
  const note = page.getByTestId('loss-time-note');
  await expect(note).toHaveCount(0);
  await page.getByRole('combobox', { name: 'Loss x axis' }).selectOption('time');
  const xTitle = ui.chart.locator('text.x-label');
  await expect(xTitle).toHaveText(/^wall time \(ms; the clock ticks every [\d.]+ ms\)$/);
  const tick = Number(/every ([\d.]+) ms/.exec((await xTitle.textContent()) ?? '')?.[1]);
  expect(tick).toBeGreaterThan(0);

  // recompute once more with the engine warm (the first run after loading pays for compiling it)
  await page.getByRole('textbox', { name: 'Start x of run 1' }).fill('-1.4');
  await page.keyboard.press('Enter');
  await expect(note).toBeVisible();
  await expect(note).toHaveAttribute('role', 'note');
  await expect(note).toContainText(`less than 10 ticks of the browser's ${tick} ms clock`);
  await expect(note).toContainText('timer noise, not speed');
  // the axis spans at least ten ticks, so a run of one tick is not drawn as twice as slow as the other across the whole width
  const ticks = (await ui.chart.locator('g.axis-x .tick text').allTextContents()).map(Number);
  expect(Math.max(...ticks)).toBeGreaterThanOrEqual(10 * tick - 1e-9);

  // the step axis is as it was, with no note
  await page.getByRole('combobox', { name: 'Loss x axis' }).selectOption('step');
  await expect(xTitle).toHaveText('step');
  await expect(note).toHaveCount(0);
});

test('hovering the chart shows a crosshair and every run’s loss; a click shows that step', async ({ playground, page }) => {
  const ui = controls(page);
  await playground.open(RACE, 3);
  const tooltip = ui.chart.locator('g.chart-tooltip');
  await expect(tooltip).toBeHidden();
  const area = ui.chart.locator('rect.hover-area');
  await area.scrollIntoViewIfNeeded();
  const box = (await area.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.4, box.y + box.height * 0.5);
  await expect(tooltip).toBeVisible();
  await expect(ui.chart.locator('g.crosshair')).toBeVisible();
  const header = await tooltip.locator('text.tooltip-header').textContent();
  const hovered = Number(/step (\d+)/.exec(header ?? '')?.[1]);
  expect(hovered).toBeGreaterThanOrEqual(70);
  expect(hovered).toBeLessThanOrEqual(90);
  const rows = await tooltip.locator('text.tooltip-row').allTextContents();
  expect(rows).toHaveLength(3);
  ['SGD', 'Momentum', 'Adam'].forEach((label, index) => expect(rows[index]).toMatch(new RegExp(`^${label}\\b[^:]*: \\d`)));

  // the tooltip's loss is the engine's loss at that step
  const { experiment } = decodeExperiment(RACE);
  const sgdLoss = runExperiment(experiment).runs[0].loss[hovered];
  expect(Math.abs(Number(rows[0].split(': ')[1]) - sgdLoss) / sgdLoss).toBeLessThan(1e-3);

  await page.mouse.click(box.x + box.width * 0.4, box.y + box.height * 0.5);
  await expect(ui.counter).toHaveText(`step ${hovered} / 200`);
  await page.mouse.move(box.x - 40, box.y - 40);
  await expect(tooltip).toBeHidden();
});

test('a long run is drawn downsampled but keeps every data point, and a diverged run ends with ✕', async ({ playground, page }) => {
  const ui = controls(page);
  await playground.open('v=1&surface=rosenbrock&steps=20000&run=adam(lr=0.01)@-1.5,2&run=sgd(lr=0.01)@-1.5,2', 2);
  const curves = ui.chart.locator('path.loss-curve');
  const first = curves.first();
  await expect(first).toHaveAttribute('data-points', '20001');
  expect(Number(await first.getAttribute('data-drawn'))).toBeLessThan(4 * 600);
  const diverged = ui.chart.locator('text.diverged-marker');
  await expect(diverged).toHaveCount(1);
  await expect(diverged.locator('title')).toContainText(/diverged at step \d+/);
  // on a linear axis the diverging curve is astronomically far off the plot, and still a valid path
  await page.getByRole('radiogroup', { name: 'Loss scale' }).getByRole('radio', { name: 'linear' }).check();
  await expect(ui.chart.locator('text.y-label')).toHaveText('loss f');
  const path = (await curves.nth(1).getAttribute('d')) ?? '';
  expect(path).toMatch(/^M[\d.-]+,[\d.-]+(L[\d.-]+,[\d.-]+)+$/);
});

test('Maximum steps recomputes for a valid number and keeps an invalid one, with a message, changing nothing', async ({ playground, page }) => {
  const ui = controls(page);
  await playground.open(RACE, 3);
  await ui.maxSteps.fill('0');
  await expect(page.getByRole('alert').filter({ hasText: 'Maximum steps' })).toContainText('1 to 100,000');
  await expect(ui.maxSteps).toHaveValue('0');
  await expect(ui.maxSteps).toHaveAttribute('aria-invalid', 'true');
  expect(await playground.lossPointsPerRun()).toEqual([201, 201, 201]);
  await ui.maxSteps.fill('2.5');
  await expect(page.getByRole('alert').filter({ hasText: 'Maximum steps' })).toContainText('"2.5"');

  await ui.maxSteps.fill('150');
  await expect(page.getByRole('alert').filter({ hasText: 'Maximum steps' })).toHaveCount(0);
  await expect.poll(() => playground.lossPointsPerRun()).toEqual([151, 151, 151]);
  // it was showing the last step, so it shows the new last step
  await expect(ui.counter).toHaveText('step 150 / 150');
  await expect(ui.scrubber).toHaveAttribute('max', '150');
  await expect(page).toHaveURL(/steps=150/);
});
