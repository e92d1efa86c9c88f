import { expect, test } from './fixtures';

test('data links open and compute', async ({ page, playground }) => {
  const moons = encodeURIComponent(JSON.stringify({ kind: 'data', dataset: { name: 'two_moons', params: {}, validation: 0.2 }, model: { kind: 'mlp', hidden: [8, 8], activation: 'tanh', loss: 'cross_entropy' }, batch_size: 10 }));
  const line = encodeURIComponent(JSON.stringify({ kind: 'data', dataset: { name: 'linear_1d', params: {} }, model: { kind: 'linear' } }));
  await page.goto(`/#v=1&problem=${line}&run=sgd(lr=0.1)@0,0&run=adam(lr=0.05)@0,0&steps=200`);
  await expect(page.getByTestId('run')).toHaveCount(2);
  await page.waitForTimeout(3000);
  await page.screenshot({ path: '/tmp/smoke-line.png' });
  console.log(await page.getByTestId('run').allInnerTexts());
  await page.goto(`/#v=1&problem=${moons}&steps=200`);
  await page.waitForTimeout(4000);
  await page.screenshot({ path: '/tmp/smoke-moons.png' });
  console.log(await page.getByTestId('run').allInnerTexts());
  console.log(page.url().slice(0, 400));
  void playground;
});
