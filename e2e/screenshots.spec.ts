import { expect, test } from './fixtures';

// Golden images of a few states, reviewed by eye when they were taken and whenever they change
// (`node scripts/e2e.mjs e2e/screenshots.spec.ts --update-snapshots` rewrites them; look at the
// diff before committing). The small tolerance absorbs anti-aliasing, not layout changes.

const FOUR_RUNS_ON_A_FORMULA =
  'v=1&f=(x^2+y-11)^2/100+(x+y^2-7)^2/100+sin(3x)/4&domain=-5,5,-5,5&steps=250' +
  '&run=sgd(lr=0.01)@0.5,-4;label=GD&run=sgd(lr=0.01,momentum=0.9)@0.5,-4;label=Momentum' +
  '&run=adam(lr=0.1)@-4.5,4.5;label=Adam&run=rmsprop(lr=0.02)@4.5,4.5;label=RMSprop';

test.use({ viewport: { width: 1440, height: 900 } });

async function settle(page: import('@playwright/test').Page): Promise<void> {
  await page.locator('.katex').first().waitFor();
  await page.evaluate(() => document.fonts.ready);
}

// the engine's timing (masked) changes from run to run
const SCREENSHOT = { maxDiffPixelRatio: 0.01, animations: 'disabled' as const };

test('default experiment', async ({ playground, page }) => {
  await playground.open('', 3);
  await settle(page);
  await expect(page).toHaveScreenshot('default.png', { ...SCREENSHOT, mask: [page.getByTestId('engine-info')] });
});

test('a typed formula with four runs, paused mid-way', async ({ playground, page }) => {
  await playground.open(`${FOUR_RUNS_ON_A_FORMULA}&step=120`, 4);
  await settle(page);
  await expect(page).toHaveScreenshot('formula-four-runs.png', { ...SCREENSHOT, mask: [page.getByTestId('engine-info')] });
});

test('dark theme', async ({ playground, page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await playground.open('v=1&surface=himmelblau&steps=200&run=adam(lr=0.1)@0,0&run=sgd(lr=0.01)@-1,-1&run=rmsprop(lr=0.05)@1,4', 3);
  await settle(page);
  await expect(page).toHaveScreenshot('dark-theme.png', { ...SCREENSHOT, mask: [page.getByTestId('engine-info')] });
});

// The three screens the classroom review used: a laptop, a projector and a phone. The phone is
// emulated as one (touch, 2x pixels) and pictured as far as its first screen reaches.
const SCREENS = [
  { name: 'laptop-1280x800', viewport: { width: 1280, height: 800 } },
  { name: 'projector-1920x1080', viewport: { width: 1920, height: 1080 } },
  { name: 'phone-390x844', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
] as const;

for (const { name, ...screen } of SCREENS) {
  test.describe(`on a ${name.replace('-', ' ')} screen`, () => {
    test.use(screen);
    test('four runs on a typed formula, paused mid-way', async ({ playground, page }) => {
      await playground.open(`${FOUR_RUNS_ON_A_FORMULA}&step=120`, 4);
      await settle(page);
      await expect(page).toHaveScreenshot(`${name}.png`, { ...SCREENSHOT, mask: [page.getByTestId('engine-info')] });
    });
  });
}
