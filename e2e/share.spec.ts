import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliRun, ensureCliBuilt } from './cli';
import { expect, readInBlankPage, test } from './fixtures';

// Sharing and export, themes and layout. The oracle for the trajectory files is the CLI itself,
// run on the experiment file the page exported.

// A typed formula, noise, a schedule, clipping, a label with a comma and quotes, and a colour:
// everything the CSV must quote or the engine must reproduce exactly.
const EXPORT_LINK =
  'v=1&f=(1-x)^2+100*(y-x^2)^2&domain=-2,2,-1,3&steps=150&seed=7&noise=0.05' +
  '&run=adam(lr=0.05)@-1.5,2;color=cc79a7' +
  '&run=sgd(lr=0.001,momentum=0.9)@-1.5,2;schedule=cosine(T_max=150);label=Momentum,%20%22heavy%20ball%22' +
  '&run=rmsprop(lr=0.01)@1,-0.5;clip=norm(1)';

test.beforeAll(ensureCliBuilt);

test('exports the experiment as JSON, and trajectories that equal the CLI run on it byte for byte', async ({ playground }) => {
  await playground.open(EXPORT_LINK, 3);

  const experimentFile = await playground.exportFile('Export experiment JSON');
  expect(experimentFile.name).toBe('optimizer-playground-formula-1-x-2-100-y-x-2-2-experiment.json');
  const experiment = JSON.parse(experimentFile.content.toString('utf8'));
  expect(experiment).toMatchObject({ version: 1, problem: { kind: 'formula', expression: '(1-x)^2+100*(y-x^2)^2' }, steps: 150, seed: 7, noise: 0.05 });
  expect(experiment.runs).toHaveLength(3);
  expect(experiment.runs[0].color).toBe('#cc79a7');
  expect(experiment.runs[1].label).toBe('Momentum, "heavy ball"');
  const folder = mkdtempSync(join(tmpdir(), 'optimizer-playground-export-'));
  const path = join(folder, experimentFile.name);
  writeFileSync(path, experimentFile.content);

  const json = await playground.exportFile('Export trajectories JSON');
  expect(json.name).toBe('optimizer-playground-formula-1-x-2-100-y-x-2-2-trajectories.json');
  expect(json.content.toString('utf8')).toBe(cliRun(path, 'json'));
  // whole runs, not what the map shows: steps + 1 points each
  expect(JSON.parse(json.content.toString('utf8')).runs.map((run: { loss: number[] }) => run.loss.length)).toEqual([151, 151, 151]);

  const csv = await playground.exportFile('Export trajectories CSV');
  expect(csv.name).toBe('optimizer-playground-formula-1-x-2-100-y-x-2-2-trajectories.csv');
  const csvText = csv.content.toString('utf8');
  expect(csvText).toBe(cliRun(path, 'csv'));
  expect(csvText.split('\n')[0]).toBe('run,optimizer,label,step,x,y,loss');
  await expect(playground.page.getByRole('status').filter({ hasText: 'Saved optimizer-playground-' })).toBeVisible();
});

test('exports whole trajectories even while the map shows an earlier step, and for a hidden run', async ({ playground, page }) => {
  // step=20: the view is scrubbed back; hidden runs are still computed and exported. The Adam
  // family and the decaying schedules raise numbers to the step's power: the browser and Node
  // must agree on those bits too.
  await page.goto(
    '/#v=1&surface=himmelblau&steps=80&run=adam(lr=0.1)@0,0&run=sgd(lr=0.01)@-4,4;hidden&run=nadam(lr=0.05)@1,1' +
      '&run=radam(lr=0.1)@-1,-1;schedule=exponential(gamma=0.99)&run=adamax(lr=0.1)@2,-2;schedule=step(step_size=10,gamma=0.5)&step=20',
  );
  await expect(playground.map.locator('.contour-fills path').first()).toBeAttached();
  const experimentFile = await playground.exportFile('Export experiment JSON');
  expect(experimentFile.name).toBe('optimizer-playground-himmelblau-experiment.json');
  expect(JSON.parse(experimentFile.content.toString('utf8')).runs[1]).toEqual({ optimizer: 'sgd', hyper: { lr: 0.01 }, start: [-4, 4], hidden: true });
  const path = join(mkdtempSync(join(tmpdir(), 'optimizer-playground-export-')), experimentFile.name);
  writeFileSync(path, experimentFile.content);
  const csv = await playground.exportFile('Export trajectories CSV');
  expect(csv.content.toString('utf8')).toBe(cliRun(path, 'csv'));
  expect(csv.content.toString('utf8').trim().split('\n')).toHaveLength(1 + 5 * 81);
  expect(await playground.page.getByRole('alert').count()).toBe(0);
});

test('exports the map and the loss chart as SVG (styles inlined) and as PNG at twice the size', async ({ playground, page }) => {
  await playground.open('v=1&surface=rosenbrock&steps=60&run=adam(lr=0.05)@-1.5,2&run=sgd(lr=0.001,momentum=0.9)@-1.5,2', 2);
  const contourCount = await playground.map.locator('.contour-fills path').count();
  expect(contourCount).toBeGreaterThan(5);
  const viewBoxSize = async (figure: typeof playground.map) => figure.evaluate((svg) => [(svg as SVGSVGElement).viewBox.baseVal.width, (svg as SVGSVGElement).viewBox.baseVal.height]);
  const [mapWidth, mapHeight] = await viewBoxSize(playground.map);
  expect(mapWidth).toBeGreaterThan(100);

  const mapSvg = await playground.exportFile('Export map SVG');
  expect(mapSvg.name).toBe('optimizer-playground-rosenbrock-map.svg');
  const text = mapSvg.content.toString('utf8');
  expect(text.startsWith('<?xml')).toBe(true);
  const parsed = await readInBlankPage(page, (source) => {
    const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
    const root = doc.documentElement;
    const tick = doc.querySelector('.axis text');
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      root: root.localName,
      namespace: root.namespaceURI,
      width: root.getAttribute('width'),
      height: root.getAttribute('height'),
      contours: doc.querySelectorAll('.contour-fills path[d]').length,
      trajectories: doc.querySelectorAll('path.trajectory').length,
      title: doc.querySelector('title')?.textContent,
      tickStyle: tick?.getAttribute('style') ?? '',
      background: root.querySelector(':scope > rect')?.getAttribute('fill'),
    };
  }, text);
  expect(parsed).toMatchObject({ error: null, root: 'svg', namespace: 'http://www.w3.org/2000/svg', width: String(mapWidth), contours: contourCount, trajectories: 2 });
  // the map's file is the map with the legend of the runs under it (e2e/legend.spec.ts)
  const fileHeight = Number(parsed.height);
  expect(fileHeight).toBeGreaterThan(mapHeight);
  expect(parsed.title).toContain('Rosenbrock');
  // the page's stylesheet does not travel with the file, so its look is pinned on each element
  expect(parsed.tickStyle).toMatch(/fill:rgb\(/);
  expect(parsed.tickStyle).toMatch(/font-size:/);
  expect(parsed.background).toBe('rgb(255, 255, 255)');

  const mapPng = await playground.exportFile('Export map PNG');
  expect(mapPng.name).toBe('optimizer-playground-rosenbrock-map.png');
  expect([...mapPng.content.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  // IHDR: width and height, big-endian, right after the signature and the chunk header
  expect([mapPng.content.readUInt32BE(16), mapPng.content.readUInt32BE(20)]).toEqual([2 * mapWidth, 2 * fileHeight]);

  const lossSvg = await playground.exportFile('Export loss chart SVG');
  expect(lossSvg.name).toBe('optimizer-playground-rosenbrock-loss-chart.svg');
  const curves = await readInBlankPage(page, (source) => {
    const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
    return { error: doc.querySelector('parsererror') !== null, curves: [...doc.querySelectorAll('path.loss-curve')].map((path) => path.getAttribute('style') ?? '') };
  }, lossSvg.content.toString('utf8'));
  expect(curves.error).toBe(false);
  expect(curves.curves).toHaveLength(2);

  const lossPng = await playground.exportFile('Export loss chart PNG');
  expect(lossPng.name).toBe('optimizer-playground-rosenbrock-loss-chart.png');
  expect(lossPng.content.subarray(1, 4).toString('ascii')).toBe('PNG');
  const [lossWidth, lossHeight] = await viewBoxSize(playground.lossChart);
  expect([lossPng.content.readUInt32BE(16), lossPng.content.readUInt32BE(20)]).toEqual([2 * lossWidth, 2 * lossHeight]);
  expect(lossPng.content.length).toBeGreaterThan(2000);
});

test('the Export menu works from the keyboard', async ({ playground, page }) => {
  await playground.open('v=1&steps=20', 3);
  await playground.exportButton.focus();
  await page.keyboard.press('Enter');
  await expect(playground.exportButton).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('button', { name: 'Export experiment JSON' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('button', { name: 'Export trajectories JSON' })).toBeFocused();
  await page.keyboard.press('End');
  await expect(page.getByRole('button', { name: 'Export SciPy script' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(playground.exportButton).toHaveAttribute('aria-expanded', 'false');
  await expect(playground.exportButton).toBeFocused();
  await expect(page.getByRole('button', { name: 'Export experiment JSON' })).toBeHidden();
});

test('the dark theme changes the background and persists over a reload; so does large text', async ({ playground, page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await playground.open('v=1&steps=30', 3);
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const rootFontSize = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  const light = await background();
  await expect(playground.darkTheme).toHaveAttribute('aria-pressed', 'false');

  await playground.darkTheme.click();
  await expect(playground.darkTheme).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const dark = await background();
  expect(dark).not.toBe(light);
  // dark means dark: the background's luminance is low
  const [r, g, b] = dark.match(/\d+/g)!.map(Number);
  expect(0.2126 * r + 0.7152 * g + 0.0722 * b).toBeLessThan(40);

  const normalSize = await rootFontSize();
  await playground.largeText.click();
  await expect(playground.largeText).toHaveAttribute('aria-pressed', 'true');
  expect(await rootFontSize()).toBeGreaterThanOrEqual(normalSize * 1.25);

  await page.reload();
  await playground.waitForRuns(3);
  await expect(playground.darkTheme).toHaveAttribute('aria-pressed', 'true');
  await expect(playground.largeText).toHaveAttribute('aria-pressed', 'true');
  expect(await background()).toBe(dark);
  expect(await rootFontSize()).toBeGreaterThanOrEqual(normalSize * 1.25);

  await playground.largeText.click();
  await playground.darkTheme.click();
  await page.reload();
  await playground.waitForRuns(3);
  await expect(playground.darkTheme).toHaveAttribute('aria-pressed', 'false');
  expect(await background()).toBe(light);
  expect(await rootFontSize()).toBe(normalSize);
});

test("the theme follows the system's colour scheme until one is chosen", async ({ playground, page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await playground.open('v=1&steps=30', 3);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  // chosen: a change of the system's scheme no longer moves it
  await playground.darkTheme.click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(playground.darkTheme).toHaveAttribute('aria-pressed', 'true');
  await page.reload();
  await playground.waitForRuns(3);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('Recent lists a previous experiment and opens it; corrupt storage is ignored', async ({ playground, page }) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('optimizer-playground:recent', '{corrupt');
      sessionStorage.setItem('seeded', '1');
    }
  });
  await page.goto('/#v=1&surface=booth&steps=40&run=sgd(lr=0.01)@-5,5');
  // at once, before anything could be recorded: the corrupt list reads as empty
  await playground.recentButton.click();
  await expect(page.getByText('No recent experiments yet')).toBeVisible();
  await page.keyboard.press('Escape');
  await playground.waitForRuns(1);

  await page.waitForTimeout(2_500); // an experiment is recorded once it has stood still for 2 s
  await page.evaluate(() => {
    location.hash = 'v=1&surface=himmelblau&steps=30&run=adam(lr=0.1)@0,0&run=adam(lr=0.01)@0,0';
  });
  await playground.waitForRuns(2);
  await page.waitForTimeout(2_500);

  await playground.recentButton.click();
  const entries = page.getByRole('list', { name: 'Recent experiments' }).getByRole('link');
  await expect(entries).toHaveCount(2);
  await expect(entries.nth(0)).toContainText('Himmelblau');
  await expect(entries.nth(0)).toHaveAttribute('aria-current', 'page');
  await expect(entries.nth(1)).toContainText('Booth');
  await expect(entries.nth(1)).toContainText('SGD lr 0.01');
  await entries.nth(1).click();
  await playground.waitForRuns(1);
  expect(await playground.pointsPerRun()).toEqual([41]);
  expect(await page.evaluate(() => location.hash)).toContain('surface=booth');
  await expect(playground.recentButton).toHaveAttribute('aria-expanded', 'false');
});

test('a link with a bad colour names it in a dismissible message, and only the colour falls back', async ({ playground, page }) => {
  await playground.open('v=1&surface=rosenbrock&steps=50&run=adam(lr=0.05)@-1.5,2;color=purple&run=sgd(lr=0.001)@-1.5,2;hidden=maybe', 2);
  const alert = playground.urlProblems;
  await expect(alert).toContainText('run 1: color');
  await expect(alert).toContainText("'purple'");
  await expect(alert).toContainText('run 2: hidden');
  expect(await playground.pointsPerRun()).toEqual([51, 51]);
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await expect(alert).toHaveCount(0);
});

test('the page survives a reload: experiment and view from the URL, preferences from storage', async ({ playground, page }) => {
  const link = 'v=1&surface=booth&steps=60&run=sgd(lr=0.01)@-5,5&run=adam(lr=0.5)@5,-5&view=-8,8,-8,8&step=25';
  await playground.open(link, 2);
  await playground.darkTheme.click();
  const paths = () => playground.map.locator('path.trajectory').evaluateAll((all) => all.map((path) => path.getAttribute('d')));
  const ticks = () => playground.map.locator('.axis-x .tick text').allTextContents();
  const before = { paths: await paths(), ticks: await ticks(), hash: await page.evaluate(() => location.hash) };
  // the linked view (±8), not Booth's own (±10)
  expect(before.ticks).toContain('5');
  expect(before.ticks).not.toContain('−10');

  await page.reload();
  await playground.waitForRuns(2);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await page.evaluate(() => location.hash)).toBe(before.hash);
  expect(await ticks()).toEqual(before.ticks);
  expect(await paths()).toEqual(before.paths);
});

for (const viewport of [
  { width: 1024, height: 768, largeText: false },
  { width: 1024, height: 768, largeText: true },
  { width: 2560, height: 1440, largeText: false },
]) {
  test(`layout at ${viewport.width}x${viewport.height}${viewport.largeText ? ' with large text' : ''}: no horizontal scrolling, columns in place`, async ({ playground, page }) => {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await playground.open('v=1', 3);
    if (viewport.largeText) await playground.largeText.click();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const box = async (selector: string) => (await page.locator(selector).boundingBox())!;
    const sidebar = await box('.sidebar');
    const stage = await box('.stage');
    const mapPanel = await box('.map-panel');
    const lossPanel = await box('.loss-panel');
    expect(sidebar.x + sidebar.width).toBeLessThanOrEqual(stage.x);
    // the map and the loss chart side by side in the stage (layout.spec.ts checks what is in view)
    expect(lossPanel.x).toBeGreaterThanOrEqual(mapPanel.x + mapPanel.width);
    // the map fits the screen's height
    const map = await playground.map.locator('.contour-fills').boundingBox();
    expect(map!.height).toBeLessThanOrEqual(viewport.height);
    await page.screenshot({ path: test.info().outputPath(`layout-${viewport.width}${viewport.largeText ? '-large' : ''}.png`) });
  });
}

test('a 10-dimensional problem from a link: a landscape slice instead of the map, every run on the loss chart, and the export equals the CLI', async ({ playground, page }) => {
  const start = Array.from({ length: 5 }, () => '-1.2,1').join(',');
  await page.goto(`/#v=1&surface=rosenbrock(dimension=10)&steps=100&run=adam(lr=0.01)@${start}&run=sgd(lr=0.0002,momentum=0.9)@${start}`);
  await expect(page.getByRole('note')).toHaveText(/a slice of the 10-dimensional landscape, not the whole of it/);
  await expect(playground.lossCurves).toHaveCount(2);
  await expect(playground.map).toBeHidden();
  await expect(page.getByRole('button', { name: 'Zoom in' })).toHaveCount(0);
  await expect(page.getByText('Global minimum f = 0 at (1, …, 1) in all 10 coordinates.')).toBeVisible();
  await expect(playground.urlProblems).toHaveCount(0);

  const experimentFile = await playground.exportFile('Export experiment JSON');
  const experiment = JSON.parse(experimentFile.content.toString('utf8'));
  expect(experiment.problem).toEqual({ kind: 'surface', surface: 'rosenbrock', params: {}, dimension: 10 });
  const folder = mkdtempSync(join(tmpdir(), 'optimizer-playground-export-'));
  const path = join(folder, experimentFile.name);
  writeFileSync(path, experimentFile.content);
  const json = await playground.exportFile('Export trajectories JSON');
  expect(json.content.toString('utf8')).toBe(cliRun(path, 'json'));
  const runs = JSON.parse(json.content.toString('utf8')).runs as { trajectory: number[][] }[];
  expect(runs.map((run) => [run.trajectory.length, run.trajectory[100].length])).toEqual([[101, 10], [101, 10]]);
});
