import { expect, test, unnamedControls } from './fixtures';

// Every control has an accessible name, so screen readers (and these tests) can find it by what it
// does; and the page can be worked from the keyboard alone.

const CONTROLS = 'button, input, select, textarea, [role="slider"], [role="button"], [role="radio"], [role="switch"], [role="menuitem"], a[href], [tabindex="0"]';

test('every control on the page has an accessible name, menus and run settings open', async ({ playground, page }) => {
  await playground.open('v=1&surface=rosenbrock&steps=100&run=adam(lr=0.05)@-1.5,2&run=sgd(lr=0.001,momentum=0.9)@-1,1', 2);
  // open what is folded away so its controls are checked too
  await page.getByRole('button', { name: /^Settings of run 1/ }).click();
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const controls = page.locator(CONTROLS);
  const count = await controls.count();
  expect(count).toBeGreaterThan(40);
  const unnamed = await unnamedControls(controls);
  expect(unnamed, 'controls without an accessible name').toEqual([]);
});

test('the main controls are reachable with Tab alone', async ({ playground, page }) => {
  await playground.open('v=1&surface=booth&steps=50&run=adam(lr=0.5)@-5,5', 1);
  const wanted = ['Copy link', 'Play', 'Add run', 'Reset view'];
  const reached = new Set<string>();
  for (let press = 0; press < 200 && reached.size < wanted.length; press++) {
    await page.keyboard.press('Tab');
    const name = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      return element ? (element.getAttribute('aria-label') ?? element.textContent ?? '').trim() : '';
    });
    for (const label of wanted) if (name === label || name.endsWith(label)) reached.add(label);
  }
  expect([...reached].sort()).toEqual([...wanted].sort());
});
