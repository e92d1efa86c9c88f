import type { Page } from '@playwright/test';
import { expect, test, type PlaygroundPage } from './fixtures';

// Undo and redo (the toolbar's buttons and the keys) and the browser's Back and Forward walk the
// same edits of the experiment; the link and the run cards say what the experiment is.

const TWO_RUNS = 'v=1&surface=rosenbrock&steps=60&run=sgd(lr=0.001)@-1.5,2&run=adam(lr=0.05)@-1.5,2';
const APART = 'v=1&surface=rosenbrock&steps=60&run=sgd(lr=0.001)@-1.5,2&run=adam(lr=0.05)@1,-0.5';

/** The experiment part of the page's link: every `run=` spec, in order. */
function urlRuns(page: Page): string[] {
  return Array.from(decodeURIComponent(new URL(page.url()).hash).matchAll(/run=([^&]+)/g), (match) => match[1]);
}

function controls(page: Page) {
  return {
    undo: page.getByRole('button', { name: 'Undo', exact: true }),
    redo: page.getByRole('button', { name: 'Redo', exact: true }),
    optimizer: (run: number) => page.getByRole('combobox', { name: `Optimizer of run ${run}` }),
    learningRate: page.getByRole('textbox', { name: /^lr \(/ }),
  };
}

/** Waits until the link holds exactly these runs (it is written a moment after each change). */
async function expectRuns(page: Page, playground: PlaygroundPage, runs: string[]): Promise<void> {
  await expect.poll(() => urlRuns(page)).toEqual(runs);
  await expect(playground.runItems).toHaveCount(runs.length);
}

test('Undo and Redo buttons take edits back and do them again, naming each, and are off when there is nothing to do', async ({ playground, page }) => {
  await playground.open(TWO_RUNS, 2);
  const { undo, redo, optimizer } = controls(page);
  await expect(undo).toBeDisabled();
  await expect(redo).toBeDisabled();
  await expect(undo).toHaveAttribute('title', 'Nothing to undo');

  await optimizer(1).selectOption('lion');
  await expect.poll(() => urlRuns(page)[0]).toMatch(/^lion\(/);
  await playground.addPresetRun('momentum');
  await playground.waitForRuns(3);
  await expect(undo).toBeEnabled();
  await expect(undo).toHaveAttribute('title', /^Undo: add run 3 \((Ctrl\+Z|⌘Z)\)$/);
  const edited = urlRuns(page);

  await undo.click();
  await expectRuns(page, playground, edited.slice(0, 2));
  await expect(undo).toHaveAttribute('title', /^Undo: switch run 1 to Lion /);
  await expect(redo).toHaveAttribute('title', /^Redo: add run 3 /);
  await undo.click();
  await expectRuns(page, playground, ['sgd(lr=0.001)@-1.5,2', 'adam(lr=0.05)@-1.5,2']);
  await expect(optimizer(1)).toHaveValue('sgd');
  await expect(undo).toBeDisabled();
  await playground.waitForRuns(2);

  await redo.click();
  await expect(optimizer(1)).toHaveValue('lion');
  await redo.click();
  await expectRuns(page, playground, edited);
  await expect(redo).toBeDisabled();
  await expect(page.getByRole('status').filter({ hasText: 'Redid: add run 3' })).toBeAttached();
});

test('Ctrl+Z and Ctrl+Shift+Z undo and redo, but leave a focused text field its own undo; a typed value is one edit', async ({ playground, page }) => {
  await playground.open(TWO_RUNS, 2);
  const { undo, redo, learningRate } = controls(page);
  await page.getByRole('button', { name: 'Settings of run 1' }).click();
  await learningRate.selectText();
  await learningRate.pressSequentially('0.0025', { delay: 80 });
  await expect.poll(() => urlRuns(page)[0]).toBe('sgd(lr=0.0025)@-1.5,2');
  await expect(undo).toHaveAttribute('title', /^Undo: change lr of run 1 /);

  // inside the field the keys are the field's own (text undo): the experiment's undo list is untouched
  await learningRate.press('Control+z');
  await page.waitForTimeout(300); // time for a wrongly taken undo to show
  await expect(redo).toBeDisabled();

  await learningRate.blur(); // focus leaves the field: what was typed there is one settled edit
  // the field's own undo may have changed the text (and so lr): wait until the link has what the field shows
  await expect.poll(async () => urlRuns(page)[0] === `sgd(lr=${await learningRate.inputValue()})@-1.5,2`).toBe(true);
  const typed = urlRuns(page)[0];
  expect(typed).not.toBe('sgd(lr=0.001)@-1.5,2');
  await page.keyboard.press('Control+z');
  await expect.poll(() => urlRuns(page)[0]).toBe('sgd(lr=0.001)@-1.5,2');
  await expect(learningRate).toHaveValue('0.001');
  await expect(undo).toBeDisabled(); // all the keystrokes were one edit
  await page.keyboard.press('Control+Shift+Z');
  await expect.poll(() => urlRuns(page)[0]).toBe(typed);
  await expect(learningRate).toHaveValue(/lr=([^)]+)/.exec(typed)![1]);
  await page.keyboard.press('Control+z');
  await expect.poll(() => urlRuns(page)[0]).toBe('sgd(lr=0.001)@-1.5,2');
  await page.keyboard.press('Control+y');
  await expect.poll(() => urlRuns(page)[0]).toBe(typed);
});

test('one drag of a start is one undo step, however many moves and pauses it has', async ({ playground, page }) => {
  await playground.open(APART, 2);
  const { undo } = controls(page);
  const handle = playground.map.getByRole('button', { name: 'Start of run 1: -1.5, 2' });
  const box = (await handle.boundingBox())!;
  const [x0, y0] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.mouse.move(x0, y0);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++) {
    await page.mouse.move(x0 + 10 * i, y0 + 4 * i);
    if (i === 6) await page.waitForTimeout(1_300); // a pause longer than typing's
  }
  await page.mouse.up();
  await expect.poll(() => urlRuns(page)[0]).not.toBe('sgd(lr=0.001)@-1.5,2');
  expect(urlRuns(page)[1]).toBe('adam(lr=0.05)@1,-0.5');
  await expect(undo).toHaveAttribute('title', /^Undo: move the start of run 1 /);

  await undo.click();
  await expect.poll(() => urlRuns(page)).toEqual(['sgd(lr=0.001)@-1.5,2', 'adam(lr=0.05)@1,-0.5']);
  await expect(playground.map.getByRole('button', { name: 'Start of run 1: -1.5, 2' })).toBeAttached();
  await expect(undo).toBeDisabled();
});

test('Back and Forward walk the deliberate edits (one per typed value), agree with Undo, and Back from the first state leaves the app', async ({ playground, page }) => {
  await page.goto('data:text/html,<title>before the playground</title>');
  await playground.open(TWO_RUNS, 2);
  const { undo, redo, optimizer, learningRate } = controls(page);
  const entriesAtLoad = await page.evaluate(() => history.length);

  await playground.addPresetRun('adam');
  await playground.waitForRuns(3);
  const added = await expect.poll(() => urlRuns(page)).toHaveLength(3).then(() => urlRuns(page));
  await optimizer(2).selectOption('rmsprop');
  await expect.poll(() => urlRuns(page)[1]).toMatch(/^rmsprop\(/);
  const switched = urlRuns(page);
  await page.getByRole('button', { name: 'Settings of run 2' }).click();
  await learningRate.selectText();
  await learningRate.pressSequentially('0.0123', { delay: 60 });
  await learningRate.press('Enter');
  await expect.poll(() => urlRuns(page)[1]).toMatch(/^rmsprop\(lr=0\.0123\)/);
  const typed = urlRuns(page);
  // three edits, three entries: the keystrokes of "0.0123" made one
  expect(await page.evaluate(() => history.length)).toBe(entriesAtLoad + 3);

  await page.goBack();
  expect(urlRuns(page)).toEqual(switched);
  await expect(learningRate).not.toHaveValue('0.0123');
  await page.goBack();
  expect(urlRuns(page)).toEqual(added);
  await expect(optimizer(2)).toHaveValue('adam');
  await page.goBack();
  await expectRuns(page, playground, ['sgd(lr=0.001)@-1.5,2', 'adam(lr=0.05)@-1.5,2']);
  await expect(undo).toBeDisabled();
  await expect(redo).toHaveAttribute('title', /^Redo: add run 3 /);

  await page.goForward();
  await expectRuns(page, playground, added);
  // Redo is Forward: both move along the same list
  await redo.click();
  await expect(optimizer(2)).toHaveValue('rmsprop');
  await page.goForward();
  await expect.poll(() => urlRuns(page)).toEqual(typed);
  await expect(redo).toBeDisabled();
  await undo.click();
  await expect.poll(() => urlRuns(page)).toEqual(switched);
  await page.goForward();
  await expect.poll(() => urlRuns(page)).toEqual(typed);

  // after a reload the entries still hold their links: Back opens the one before
  await page.reload();
  await playground.waitForRuns(3);
  await page.goBack();
  await expect.poll(() => urlRuns(page)).toEqual(switched);
  await expect(optimizer(2)).toHaveValue('rmsprop');

  await page.goBack();
  await page.goBack();
  await expectRuns(page, playground, ['sgd(lr=0.001)@-1.5,2', 'adam(lr=0.05)@-1.5,2']);
  // the page as it was opened is the first entry: Back from there leaves the app
  await page.goBack();
  await expect(page).toHaveTitle('before the playground');
});
