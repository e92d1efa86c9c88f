import { test } from './fixtures';

for (const [width, height] of [[1280, 800], [1920, 1080], [390, 844]] as const) {
  test(`shot ${width}x${height}`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await page.goto('/#v=1&surface=rosenbrock&steps=200&run=adam(lr=0.05)@-1.5,2&run=sgd(lr=0.001,momentum=0.9)@-1.5,2&step=40&inspect=1&glyphs=gradient,velocity&theory=1');
    await page.waitForTimeout(4000);
    await page.screenshot({ path: `/tmp/shot-${width}.png`, fullPage: false });
    await page.goto('/#v=1&surface=himmelblau&steps=100&run=adam(lr=0.1)@-1,1&view3d=both');
    await page.waitForTimeout(6000);
    await page.screenshot({ path: `/tmp/shot3d-${width}.png`, fullPage: false });
    await page.goto('/#v=1&surface=rosenbrock&run=adam(lr=0.05)@-1.5,2');
    await page.waitForTimeout(2500);
    await page.getByRole('button', { name: 'Lessons' }).click();
    await page.waitForTimeout(1500);
    await page.screenshot({ path: `/tmp/shotlessons-${width}.png`, fullPage: false });
  });
}
