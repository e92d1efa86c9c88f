import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { LAST_SESSION_KEY, SESSION_KEY } from '../src/sync/saved-session';

// Never lose work (issue 12, finding 7): an edit made a moment before a reload, a crash or a closed
// tab is still there afterwards, and storage the page cannot use never breaks it.

const LINK = 'v=1&surface=rosenbrock&steps=20&run=sgd(lr=0.001)@-1.5,2';
const label = (page: Page, run = 1) => page.getByRole('textbox', { name: `Label of run ${run}` });

/** Types a label the way a person does: the first key opens an edit (the URL follows at once), the rest join it (the URL follows 250 ms later). */
async function typeLabel(page: Page, text: string): Promise<void> {
  await label(page).click();
  await page.keyboard.type(text);
}

test('an edit followed at once by a reload is kept, and leaving the page writes the URL at once', async ({ playground, page }) => {
  await playground.open(LINK, 1);
  await typeLabel(page, 'Edited');
  await page.reload();
  await playground.waitForRuns(1);
  await expect(label(page)).toHaveValue('Edited');
  // the address caught up with the restored copy, so a link copied now is the experiment on screen
  expect(decodeURIComponent(new URL(page.url()).hash)).toContain('label=Edited');

  // within the 250 ms the URL waits for, hiding or leaving the page writes it
  await typeLabel(page, ' again');
  await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true })));
  expect(decodeURIComponent(await page.evaluate(() => location.hash))).toContain('label=Edited again');
});

test('a link opened in the tab wins over what the tab saved before', async ({ playground, page }) => {
  await playground.open(LINK, 1);
  await typeLabel(page, 'Mine');
  await page.goto('about:blank');
  await playground.open('v=1&surface=booth&steps=20&run=adam(lr=0.1)@1,1;label=Theirs', 1);
  await expect(label(page)).toHaveValue('Theirs');
});

test('a closed tab: opening the app again offers the last experiment, and restoring it is one undoable edit', async ({ playground, page, context }) => {
  await playground.open(LINK, 1);
  await typeLabel(page, 'Closed tab');
  await page.close();

  const again = await context.newPage();
  await again.goto('/');
  // the default experiment opens as it always does: a visitor may have come to start afresh
  await expect(again.getByTestId('run')).toHaveCount(3);
  const prompt = again.getByRole('region', { name: 'Saved work' });
  await expect(prompt).toContainText('Your last experiment');
  await expect(prompt).toContainText('Closed tab');
  await prompt.getByRole('button', { name: 'Restore your last experiment' }).click();
  await expect(again.getByTestId('run')).toHaveCount(1);
  await expect(label(again)).toHaveValue('Closed tab');
  await expect(prompt).toHaveCount(0);
  expect(decodeURIComponent(new URL(again.url()).hash)).toContain('label=Closed tab');
  await again.getByRole('button', { name: /^Undo/ }).click();
  await expect(again.getByTestId('run')).toHaveCount(3);
});

test('a crashed tab: its edit, saved before the crash and never in its URL, is offered when its link opens again', async ({ playground, page, context }) => {
  await playground.open(LINK, 1);
  await typeLabel(page, 'Crashed');
  // the crash comes within the 250 ms before the URL is written: the address has the first key only
  const shown = page.url();
  const crashed = page.waitForEvent('crash');
  await page.goto('chrome://crash').catch(() => {});
  await crashed;
  expect(decodeURIComponent(new URL(shown).hash)).not.toContain('label=Crashed');

  // Playwright cannot reload a crashed page, so the tab is restored as a browser restores one
  // whose storage for the tab did not survive: a new page with the address the tab showed
  const restored = await context.newPage();
  await restored.goto(shown);
  const prompt = restored.getByRole('region', { name: 'Saved work' });
  await prompt.getByRole('button', { name: 'Restore your last experiment' }).click();
  await expect(label(restored)).toHaveValue('Crashed');
});

test('corrupted, blocked or full storage never breaks the page; an unreadable saved copy is set aside and said once', async ({ playground, page, context }) => {
  const corrupted = ['{', 'null', '[]', '{"version":1,"hash":7}', '"v=1"', '{"version":9,"hash":"v=1","url":"","savedAt":1}'];
  await context.addInitScript(
    ([keys, values]) => {
      if (sessionStorage.getItem('corrupted-once') !== null) return;
      sessionStorage.setItem('corrupted-once', '1');
      sessionStorage.setItem(keys[0], values[0]);
      localStorage.setItem(keys[1], values[5]);
      localStorage.setItem('optimizer-playground:preferences', '{"theme": 12, "largeText": "yes"');
      localStorage.setItem('optimizer-playground:recent', '[{"title": 1}, null, "x", {"title":"t","hash":"%%%","time":1}]');
    },
    [[SESSION_KEY, LAST_SESSION_KEY], corrupted] as const,
  );
  await playground.open(LINK, 1);
  const prompt = page.getByRole('region', { name: 'Saved work' });
  await expect(prompt).toContainText('could not be read');
  await prompt.getByRole('button', { name: 'Dismiss' }).click();
  await expect(prompt).toHaveCount(0);
  await page.reload();
  await playground.waitForRuns(1);
  await expect(prompt).toHaveCount(0);

  for (const text of corrupted) {
    await page.evaluate(([key, value]) => sessionStorage.setItem(key, value), [SESSION_KEY, text]);
    await page.reload();
    await playground.waitForRuns(1);
    await expect(prompt).toContainText('could not be read');
  }
});

test('storage that throws on every call (disabled or full) leaves the page working', async ({ playground, page, context }) => {
  await context.addInitScript(() => {
    const refuse = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    Storage.prototype.setItem = refuse;
    Storage.prototype.getItem = () => {
      throw new DOMException('denied', 'SecurityError');
    };
  });
  await playground.open(LINK, 1);
  await typeLabel(page, 'Still works');
  await expect(page.getByRole('heading', { name: /Run 1: Still works/ })).toBeVisible();
});

test('a lone surrogate in a label is shown as � with a note naming the run and the position', async ({ playground, page }) => {
  await playground.open(LINK, 1);
  // a lone surrogate cannot be typed on a keyboard; it arrives by paste from a broken source
  await label(page).evaluate((input: HTMLInputElement) => {
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    setValue.call(input, 'Adam\uD800');
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await expect(label(page)).toHaveValue('Adam\uFFFD');
  const note = page.getByRole('status').filter({ hasText: 'broken character' });
  await expect(note).toContainText('The label of run 1 had a broken character at position 5');
  await expect(label(page)).toHaveAccessibleDescription(/broken character at position 5/);
  await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pagehide')));
  expect(new URL(page.url()).hash).toContain('label=Adam%EF%BF%BD');
  await label(page).fill('Adam');
  await expect(note).toHaveCount(0);
});
