import { spawnSync } from 'node:child_process';
import { expect, test } from './fixtures';
import { serveFolder, type StaticHost } from './static-server';

// The app built as a static folder for a sub-path (`npm run build -- --base=/x/`) and served there
// by a plain static host: every URL the app makes (chunks, workers, KaTeX's fonts, the bundled data
// sets, the service worker and its scope, the share link) stays under /x/. The host answers 404
// outside /x/, which the console check turns into a failure, and the spec also checks the host's
// log. The build takes a few seconds, once for the file.

test.use({ serviceWorkers: 'allow' });

const OUT_DIR = `${process.env.E2E_OUT_DIR ?? 'dist'}-subpath`;
const IRIS_LINK = `v=1&problem=${encodeURIComponent(JSON.stringify({ dataset: { name: 'iris', validation: 0.2 }, model: { kind: 'softmax' } }))}&steps=30&run=adam(lr=0.1)`;
const FORMULA_LINK = `v=1&f=${encodeURIComponent('(x-1)^2 + 3*sin(y)^2')}&steps=40&run=adam(lr=0.1)@-2,2`;

let host: StaticHost;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  // exactly as a user builds it: the options after `--` must reach `vite build`
  const build = spawnSync('npm', ['run', 'build', '--', '--base=/x/', `--outDir=${OUT_DIR}`, '--emptyOutDir', '--logLevel=warn'], { encoding: 'utf8' });
  expect(build.status, `npm run build -- --base=/x/ failed:\n${build.stdout}\n${build.stderr}`).toBe(0);
  host = await serveFolder(OUT_DIR, '/x/');
});

test.afterAll(async () => {
  await host?.close();
});

test('built with --base=/x/, the app runs under /x/: a bundled data set, a formula, the share link, offline', async ({ playground, page, context }) => {
  test.setTimeout(120_000);
  await page.goto(`${host.url}#${IRIS_LINK}`);
  await expect(playground.lossCurves).toHaveCount(1);
  expect(await playground.lossPointsPerRun()).toEqual([31]);
  await expect(playground.urlProblems).toHaveCount(0);
  await expect(page.getByTestId('problem-title')).toContainText('Iris');
  expect(host.requests).toContain('/x/datasets/iris.csv');

  // a formula: KaTeX's lazy chunk and fonts, the engine worker
  await page.goto(`${host.url}#${FORMULA_LINK}`);
  await playground.waitForRuns(1);
  await expect(page.locator('.katex').first()).toBeVisible();
  await expect.poll(() => page.evaluate(() => document.fonts.check('16px KaTeX_Main'))).toBe(true);

  // the share link points at /x/
  await playground.copyLink.click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toMatch(new RegExp(`^${host.url.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}#v=1&`));

  // the service worker lives at /x/sw.js, its scope is /x/, and it serves the app offline there
  await page.evaluate(() => navigator.serviceWorker.ready);
  expect(await page.evaluate(() => navigator.serviceWorker.ready.then((registration) => registration.scope))).toBe(host.url);
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null)).toBe(`${host.url}sw.js`);
  expect(host.requests.filter((path) => !path.startsWith('/x/')), 'requests outside /x/').toEqual([]);
  await host.close();
  await context.setOffline(true);
  await page.reload();
  await playground.waitForRuns(1);
  await expect(playground.urlProblems).toHaveCount(0);
});
