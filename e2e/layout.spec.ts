import type { Page } from '@playwright/test';
import { expect, test, type PlaygroundPage } from './fixtures';
import { coveredBy, outsideWindow, pageScroll } from './viewport';

// Issue 9, finding 1: cause and effect on one screen. On a laptop (1280x800) and a projector
// (1920x1080), while a run's lr is typed in, the map, the loss chart, Play and that field are all in
// the window at once and the page itself never scrolls (the sidebar scrolls in its own column).

const SEVEN_RUNS =
  'v=1&surface=rosenbrock&steps=300&run=sgd(lr=0.001)@-1.5,2&run=adam(lr=0.05)@-1.5,2&run=rmsprop(lr=0.01)@-1.5,2' +
  '&run=sgd(lr=0.001,momentum=0.9)@-1.5,2&run=adagrad(lr=0.5)@-1.5,2&run=adamw(lr=0.05)@-1.5,2&run=lion(lr=0.01)@-1.5,2';

/** Opens run `number`'s settings, types a new lr into its field and leaves the field focused. */
async function editLearningRate(page: Page, number: number, value: string) {
  await page.getByRole('button', { name: `Settings of run ${number}` }).click();
  const field = page.getByRole('textbox', { name: /^lr \(/ });
  await field.fill(value);
  await expect(field).toBeFocused();
  await expect(page).toHaveURL(new RegExp(`lr=${value.replace('.', '\\.')}`));
  return field;
}

/** The four things finding 1 asks to see together, each wholly inside the window and not covered. */
async function expectCauseAndEffectInView(playground: PlaygroundPage, page: Page, field: ReturnType<Page['getByRole']>) {
  const play = page.getByRole('button', { name: 'Play', exact: true });
  for (const [name, locator] of [
    ['map', playground.map],
    ['loss chart', playground.lossChart],
    ['Play', play],
    ['lr field', field],
  ] as const) {
    expect(await outsideWindow(locator), `${name} sticks out of the window by`).toBe(0);
  }
  expect(await coveredBy(play), 'what covers Play').toBeNull();
  expect(await coveredBy(field), 'what covers the lr field').toBeNull();
  // the page did not scroll to show the field, and has nothing to scroll to
  expect(await pageScroll(page)).toEqual({ scrollX: 0, scrollY: 0, overflowX: 0, overflowY: 0 });
  // nor do the columns scroll sideways (a long update rule scrolls in its own box)
  for (const column of ['.sidebar', '.stage']) {
    expect(await page.locator(column).evaluate((element) => element.scrollWidth - element.clientWidth), `${column} sideways overflow`).toBeLessThanOrEqual(0);
  }
}

/** The share of the window's area the map and chart panels cover, and the map's drawing area (plot) in pixels. */
async function figureSizes(playground: PlaygroundPage, page: Page): Promise<{ share: number; plot: { width: number; height: number } }> {
  const { width, height } = page.viewportSize()!;
  const area = async (selector: string) => {
    const box = (await page.locator(selector).boundingBox())!;
    return box.width * box.height;
  };
  const plot = (await playground.map.locator('rect.plot-frame').boundingBox())!;
  return { share: ((await area('.map-panel')) + (await area('.loss-panel'))) / (width * height), plot };
}

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
]) {
  test.describe(`at ${viewport.width}x${viewport.height}`, () => {
    test.use({ viewport });

    test('editing a run’s lr keeps the map, the loss chart, Play and the field in view, without scrolling the page', async ({ playground, page }) => {
      await playground.open('', 3);
      const field = await editLearningRate(page, 1, '0.002');
      await expectCauseAndEffectInView(playground, page, field);
      // the width goes to the figures: together they cover most of the window beside the sidebar,
      // and the map is drawn large, not as a thumbnail beside the controls
      const sizes = await figureSizes(playground, page);
      expect(sizes.share).toBeGreaterThan(0.4);
      expect(Math.min(sizes.plot.width, sizes.plot.height)).toBeGreaterThan(viewport.height * 0.4);
    });

    test('with seven runs, the last run’s lr too, and no gap between the figures and Play', async ({ playground, page }) => {
      await playground.open(SEVEN_RUNS, 7);
      const field = await editLearningRate(page, 7, '0.02');
      await expectCauseAndEffectInView(playground, page, field);
      // the sidebar scrolled to the field in its own column
      expect(await page.locator('.sidebar').evaluate((sidebar) => sidebar.scrollTop)).toBeGreaterThan(0);
      // the map and the chart fill their row: Play follows them closely, with no empty band between
      const play = (await page.getByRole('region', { name: 'Playback' }).boundingBox())!;
      const chartPanel = (await page.locator('.loss-panel').boundingBox())!;
      const mapPanel = (await page.locator('.map-panel').boundingBox())!;
      for (const panel of [chartPanel, mapPanel]) {
        const gap = play.y - (panel.y + panel.height);
        expect(gap).toBeGreaterThanOrEqual(0);
        expect(gap).toBeLessThan(24);
      }
    });

    test('in large-text (presenter) mode the four stay in view while lr is edited', async ({ playground, page }) => {
      await playground.open('', 3);
      await playground.largeText.click();
      await expect(page.locator('html')).toHaveAttribute('data-text-size', 'large');
      const field = await editLearningRate(page, 2, '0.003');
      await expectCauseAndEffectInView(playground, page, field);
    });
  });
}

test('the Analysis panel opens below the figures without pushing the page: the stage scrolls in its own column', async ({ playground, page }) => {
  await playground.open('', 3);
  await page.getByRole('button', { name: 'Analysis', exact: true }).click();
  await page.getByRole('tab', { name: 'Learning-rate sweep' }).click();
  await expect(page.getByRole('tabpanel')).toBeVisible();
  expect(await pageScroll(page)).toEqual({ scrollX: 0, scrollY: 0, overflowX: 0, overflowY: 0 });
  // the figures keep a usable size above it
  expect((await playground.lossChart.boundingBox())!.height).toBeGreaterThan(150);
  expect((await playground.map.locator('rect.plot-frame').boundingBox())!.height).toBeGreaterThan(150);
});
