import { deflateRawSync } from 'node:zlib';
import { AnalysisPanel, expect, test } from './fixtures';

// Data problems opened from a link: a generated two-moons MLP (no start in the link: the model's
// default initialization) that plays; a CSV travelling compressed inside the link (compressed here
// with Node's zlib, an independent raw-DEFLATE writer); and a link whose CSV was too large to travel,
// which names the file to open again; a bundled set named alone, which the page fetches; and digits
// trained on WebGPU: a learning-rate sweep of softmax regression, every rate's model at once in one
// tensor program on the GPU worker.

/** The hash of an experiment with this problem JSON and these runs. */
function dataLink(problem: unknown, steps: number, runs: string[]): string {
  return `v=1&problem=${encodeURIComponent(JSON.stringify(problem))}&steps=${steps}${runs.map((run) => `&run=${run}`).join('')}`;
}

const MOONS = { dataset: { name: 'two_moons', samples: 100, noise: 0.1, seed: 3, validation: 0.2 }, model: { kind: 'mlp', hidden: [8], activation: 'tanh' }, batch_size: 10 };
const HOUSES = 'area,rooms,price\n50,2,150.5\n72,3,210.25\n95,4,290\n120,4,355.75\n64,2,180\n';

test('a two-moons MLP link opens with its default starts and plays', async ({ playground, page }) => {
  await page.goto(`/#${dataLink(MOONS, 60, ['sgd(lr=0.3)', 'adam(lr=0.03)'])}`);
  await expect(playground.lossCurves).toHaveCount(2);
  expect(await playground.lossPointsPerRun()).toEqual([61, 61]);
  await expect(playground.urlProblems).toHaveCount(0);
  await expect(page.getByTestId('problem-title')).toContainText('Two moons');

  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible({ timeout: 20_000 });
  // the link the page writes back still has no start: an MLP's 33 weights stay out of it
  await expect.poll(() => decodeURIComponent(new URL(page.url()).hash)).toContain('&run=sgd(lr=0.3)&run=adam(lr=0.03)');
  expect(new URL(page.url()).hash).not.toContain('@');
});

test('a link carrying a small CSV compressed opens it', async ({ playground, page }) => {
  const compressed = deflateRawSync(Buffer.from(HOUSES)).toString('base64url');
  const problem = { dataset: { csv: 'houses.csv', target: 'price', standardize: true, compressed }, model: { kind: 'linear' } };
  await page.goto(`/#${dataLink(problem, 40, ['adam(lr=0.5)'])}`);
  await expect(playground.lossCurves).toHaveCount(1);
  expect(await playground.lossPointsPerRun()).toEqual([41]);
  await expect(playground.urlProblems).toHaveCount(0);
  await expect(page.getByTestId('problem-title')).toContainText('houses.csv');
});

test('a link whose CSV was too large to travel says which file to open again', async ({ playground, page }) => {
  const problem = { dataset: { csv: 'houses.csv', target: 'price' }, model: { kind: 'linear' } };
  await page.goto(`/#${dataLink(problem, 40, ['adam(lr=0.5)'])}`);
  await expect(playground.urlProblems).toContainText('this link used "houses.csv", which is too large to travel in a link: open it again');
});

test('a link naming a bundled data set fetches it and opens', async ({ playground, page }) => {
  const problem = { dataset: { name: 'iris', validation: 0.2 }, model: { kind: 'softmax' } };
  const fetched = page.waitForRequest((request) => request.url().endsWith('/datasets/iris.csv'));
  await page.goto(`/#${dataLink(problem, 30, ['adam(lr=0.1)'])}`);
  await fetched;
  await expect(playground.lossCurves).toHaveCount(1);
  expect(await playground.lossPointsPerRun()).toEqual([31]);
  await expect(playground.urlProblems).toHaveCount(0);
  // the page writes the link back with the set's name alone
  await expect.poll(() => decodeURIComponent(new URL(page.url()).hash)).toContain('"dataset":{"name":"iris","validation":0.2}');
});

test('digits trains on WebGPU: a learning-rate sweep of softmax regression runs on the GPU worker and lowers the loss', async ({ page }) => {
  const problem = { dataset: { name: 'digits', validation: 0.2, standardize: true }, model: { kind: 'softmax' } };
  await page.goto(`/#${dataLink(problem, 10, ['sgd(lr=0.1)'])}&sweep=1,0.001,1,8&engine=webgpu`);
  const analysis = new AnalysisPanel(page);
  await expect(analysis.outcome('sweep')).toHaveText(/^WebGPU · /, { timeout: 120_000 });
  await expect(analysis.outcome('sweep')).toHaveAttribute('data-engine', 'webgpu');
  await expect(page.locator('.batch-notice')).toHaveCount(0);
  await expect(page.getByTestId('sweep-status')).toHaveAttribute('data-status', 'done');
  // every rate trained: 8 final losses, each below softmax's start at zero weights (ln 10)
  const finals = (await page.getByTestId('sweep-chart').getAttribute('data-losses'))?.split(',').map(Number) ?? [];
  expect(finals).toHaveLength(8);
  for (const loss of finals) expect(loss).toBeLessThan(Math.log(10));
});
