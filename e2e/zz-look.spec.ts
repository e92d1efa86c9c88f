import { test } from './fixtures';
test('look', async ({ playground, page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await playground.open('v=1&surface=rosenbrock&run=sgd(lr=1)@-1.5,2&run=adam(lr=10)@-1.5,2', 2);
  await page.getByTestId('run-diagnosis').first().waitFor();
  await page.screenshot({ path: '/tmp/look-full.png' });
  await playground.runItems.first().screenshot({ path: '/tmp/look-card1.png' });
  await playground.runItems.nth(1).screenshot({ path: '/tmp/look-card2.png' });
  const area = page.getByTestId('loss-chart-frame').locator('rect.hover-area');
  await area.scrollIntoViewIfNeeded();
  const box = (await area.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
  await page.getByTestId('loss-chart-frame').screenshot({ path: '/tmp/look-chart.png' });
});
