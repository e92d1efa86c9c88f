import type { Page } from '@playwright/test';
import { expect, PlaygroundPage, test } from './fixtures';
import { serveFolder, type StaticHost } from './static-server';

// After the first visit the app works with no network: the service worker (sw.js, built by
// scripts/vite-service-worker.ts) has cached the page, its chunks and workers, KaTeX and the
// bundled data sets. The built folder is served here by a host of the spec's own, which is then
// stopped (and the context set offline) so that nothing can come from a server.

test.use({ serviceWorkers: 'allow' });

const OUT_DIR = process.env.E2E_OUT_DIR ?? 'dist';
const IRIS_LINK = `v=1&problem=${encodeURIComponent(JSON.stringify({ dataset: { name: 'iris', validation: 0.2 }, model: { kind: 'softmax' } }))}&steps=30&run=adam(lr=0.1)`;
const WINE_LINK = `v=1&problem=${encodeURIComponent(JSON.stringify({ dataset: { name: 'wine', validation: 0.2 }, model: { kind: 'softmax' } }))}&steps=20&run=adam(lr=0.1)`;
const FORMULA_LINK = `v=1&f=${encodeURIComponent('(x-1)^2 + 3*sin(y)^2')}&steps=40&run=adam(lr=0.1)@-2,2&run=sgd(lr=0.05,momentum=0.9)@2,-1`;

let host: StaticHost;
test.beforeEach(async () => {
  host = await serveFolder(OUT_DIR);
});
test.afterEach(async () => {
  await host.close();
});

/** Waits until the service worker controls the page and has cached the whole app. */
async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

test('after the first visit the app opens offline, runs a link and loads bundled data sets', async ({ playground, page, context }) => {
  await page.goto(`${host.url}#${IRIS_LINK}`);
  await expect(playground.lossCurves).toHaveCount(1);
  await waitForServiceWorker(page);
  // one cache, named for this build
  expect(await page.evaluate(() => caches.keys())).toEqual([expect.stringMatching(/^optimizer-playground-[0-9a-f]{16}$/)]);

  await host.close();
  await context.setOffline(true);
  // the network is really gone: the host answers no one
  await expect(fetch(host.url)).rejects.toThrow();

  // the data set fetched before, after a reload
  await page.reload();
  await expect(playground.lossCurves).toHaveCount(1);
  expect(await playground.lossPointsPerRun()).toEqual([31]);
  await expect(playground.urlProblems).toHaveCount(0);
  await expect(page.getByTestId('problem-title')).toContainText('Iris');

  // a new tab on a formula link: the page, the engine worker, KaTeX's chunk and fonts, all cached
  const formulaPage = await context.newPage();
  const formula = new PlaygroundPage(formulaPage);
  await formulaPage.goto(`${host.url}#${FORMULA_LINK}`);
  await formula.waitForRuns(2);
  expect(await formula.pointsPerRun()).toEqual([41, 41]);
  await expect(formulaPage.locator('.katex').first()).toBeVisible();
  expect(await formulaPage.evaluate(() => document.fonts.check('16px KaTeX_Main'))).toBe(true);

  // a bundled data set never opened online was cached too
  await formulaPage.goto(`${host.url}#${WINE_LINK}`);
  await expect(formula.lossCurves).toHaveCount(1);
  await expect(formula.urlProblems).toHaveCount(0);
  await expect(formulaPage.getByTestId('problem-title')).toContainText('Wine');
});
