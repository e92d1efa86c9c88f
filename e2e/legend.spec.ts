import type { Locator, Page } from '@playwright/test';
import { expect, readInBlankPage, test, type PlaygroundPage } from './fixtures';

// Issue 9, finding 2: the loss chart has a legend (each visible run's colour, name and final f) and
// names the curves at their ends where the names fit; every exported picture carries the legend.

// plain SGD, Adam, and SGD at lr 1, which leaves Rosenbrock's valley within a few steps
const THREE = 'v=1&surface=rosenbrock&steps=100&run=sgd(lr=0.001)@-1.5,2&run=adam(lr=0.05)@-1.5,2&run=sgd(lr=1)@-1.5,2';

type Box = { x: number; y: number; width: number; height: number };

/** True when no two boxes overlap (touching edges allowed). */
function disjoint(boxes: readonly Box[]): boolean {
  return boxes.every((a, i) => boxes.every((b, j) => j <= i || a.x + a.width <= b.x + 0.5 || b.x + b.width <= a.x + 0.5 || a.y + a.height <= b.y + 0.5 || b.y + b.height <= a.y + 0.5));
}

async function boxes(locator: Locator): Promise<Box[]> {
  return locator.evaluateAll((elements) => elements.map((element) => element.getBoundingClientRect().toJSON() as Box));
}

/** The legend's entries as drawn: name, value, swatch colour. */
async function legendOf(chart: Locator): Promise<{ name: string; value: string; color: string }[]> {
  return chart.locator('.loss-legend g.legend-entry').evaluateAll((entries) =>
    entries.map((entry) => ({
      name: entry.querySelector('.legend-name')?.textContent ?? '',
      value: entry.querySelector('.legend-value')?.textContent ?? '',
      color: entry.querySelector('.legend-swatch')?.getAttribute('stroke') ?? '',
    })),
  );
}

/** The final f each run card states ("f = 3.521 after 100 steps ..."), or its divergence step. */
async function cardEndings(playground: PlaygroundPage): Promise<string[]> {
  return playground.runItems.locator('.run-status').allTextContents();
}

/** Records every SVG blob the page makes into an object URL: the PNG export draws its picture from one. */
async function recordSvgBlobs(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const original = URL.createObjectURL.bind(URL);
    const sources: Blob[] = [];
    (window as unknown as { svgSources: Blob[] }).svgSources = sources;
    URL.createObjectURL = (object: Blob | MediaSource) => {
      if (object instanceof Blob && object.type === 'image/svg+xml') sources.push(object);
      return original(object);
    };
  });
}

/** The text of the SVG blobs recorded since the last call. */
async function takeSvgSources(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const sources = (window as unknown as { svgSources: Blob[] }).svgSources;
    const texts = await Promise.all(sources.map((blob) => blob.text()));
    sources.length = 0;
    return texts;
  });
}

/** The legend read out of an SVG file: entries' names and values, and the direct labels. */
async function legendInFile(page: Page, source: string): Promise<{ error: boolean; names: string[]; values: string[]; direct: string[]; nameStyle: string; height: number }> {
  return readInBlankPage(page, (text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const names = [...doc.querySelectorAll('.run-legend .legend-name')];
    return {
      error: doc.querySelector('parsererror') !== null,
      names: names.map((element) => element.textContent ?? ''),
      values: [...doc.querySelectorAll('.run-legend .legend-value')].map((element) => element.textContent ?? ''),
      direct: [...doc.querySelectorAll('.direct-labels text')].map((element) => element.textContent ?? ''),
      nameStyle: names[0]?.getAttribute('style') ?? '',
      height: Number(doc.documentElement.getAttribute('height')),
    };
  }, source);
}

test('the loss chart legend shows each visible run’s colour, name and final f, and follows hidden runs', async ({ playground, page }) => {
  await playground.open(THREE, 3);
  const headings = (await playground.runItems.getByRole('heading').allTextContents()).map((text) => text.replace(/^\d+Run \d+: /, ''));
  expect(headings).toEqual(['SGD lr 0.001', 'Adam lr 0.05', 'SGD lr 1']);
  await expect(playground.lossChart.locator('.loss-legend g.legend-entry')).toHaveCount(3);
  const legend = await legendOf(playground.lossChart);
  expect(legend.map((entry) => entry.name)).toEqual(headings);
  // the swatch is the curve's colour
  const curveColors = await playground.lossCurves.evaluateAll((paths) => paths.map((path) => path.getAttribute('stroke')));
  expect(legend.map((entry) => entry.color)).toEqual(curveColors);

  // final f to three significant digits: the card states it to four
  const endings = await cardEndings(playground);
  for (const index of [0, 1]) {
    const cardLoss = Number(/f = (\S+) after/.exec(endings[index])?.[1]);
    expect(Number.isFinite(cardLoss)).toBe(true);
    const legendLoss = Number(/^f (\S+)$/.exec(legend[index].value)?.[1]);
    expect(Math.abs(legendLoss - cardLoss) / Math.abs(cardLoss)).toBeLessThan(5e-3);
  }
  const divergedAt = /diverged at step (\d+)/.exec(endings[2])?.[1];
  expect(divergedAt).toBeDefined();
  expect(legend[2].value).toBe(`diverged at step ${divergedAt}`);

  // the names of the curves that run to the end stand beside their ends, apart and right of the plot
  const direct = playground.lossChart.locator('.direct-labels g.direct-label');
  await expect(direct).toHaveCount(2);
  await expect(direct.locator('text')).toHaveText(['SGD lr 0.001', 'Adam lr 0.05']);
  const plot = (await playground.lossChart.locator('.curves').boundingBox())!;
  for (const box of await boxes(direct.locator('text'))) expect(box.x).toBeGreaterThanOrEqual(plot.x + plot.width - 1);
  expect(disjoint(await boxes(direct.locator('text')))).toBe(true);
  // and the legend sits above the plot without overlapping it
  const legendBox = (await playground.lossChart.locator('.loss-legend').boundingBox())!;
  const area = (await page.getByTestId('loss-chart-frame').locator('rect.hover-area').boundingBox())!;
  expect(legendBox.y + legendBox.height).toBeLessThanOrEqual(area.y + 1);

  // hiding run 1 takes it out of the legend and its name off the chart; showing it brings both back
  await page.getByRole('button', { name: 'Hide run 1' }).click();
  await expect(playground.lossChart.locator('.loss-legend .legend-name')).toHaveText(['Adam lr 0.05', 'SGD lr 1']);
  await expect(direct.locator('text')).toHaveText(['Adam lr 0.05']);
  await page.getByRole('button', { name: 'Show run 1' }).click();
  await expect(playground.lossChart.locator('.loss-legend .legend-name')).toHaveText(headings);

  // screen readers get the legend as the chart's description
  await expect(playground.lossChart).toHaveAccessibleDescription(/^Legend: SGD lr 0\.001: f \S+; Adam lr 0\.05: f \S+; SGD lr 1: diverged at step \d+\.$/);
});

test('where the names cannot stand apart beside the curves, the legend alone names the runs, on rows that do not overlap', async ({ playground }) => {
  // twelve runs ending at the same loss: their names cannot all sit near that one point
  const runs = Array.from({ length: 12 }, () => 'run=adam(lr=0.05)@-1.5,2').join('&');
  await playground.open(`v=1&surface=rosenbrock&steps=50&${runs}`, 12);
  await expect(playground.lossChart.locator('.loss-legend g.legend-entry')).toHaveCount(12);
  await expect(playground.lossChart.locator('.direct-labels g.direct-label')).toHaveCount(0);
  const names = await playground.lossChart.locator('.loss-legend .legend-name').allTextContents();
  expect(names[0]).toBe('Adam lr 0.05');
  expect(names[11]).toBe('Adam lr 0.05 (12)');
  const entries = await boxes(playground.lossChart.locator('.loss-legend g.legend-entry'));
  expect(disjoint(entries)).toBe(true);
  const chart = (await playground.lossChart.boundingBox())!;
  for (const box of entries) expect(box.x + box.width).toBeLessThanOrEqual(chart.x + chart.width + 0.5);
});

test('exported PNG and SVG pictures of the loss chart and the map carry the legend', async ({ playground, page }) => {
  await recordSvgBlobs(page);
  await playground.open(THREE, 3);
  const legend = await legendOf(playground.lossChart);
  const names = legend.map((entry) => entry.name);
  const values = legend.map((entry) => entry.value);
  expect(values[0]).toMatch(/^f \d/);

  const lossSvg = await playground.exportFile('Export loss chart SVG');
  const lossFile = await legendInFile(page, lossSvg.content.toString('utf8'));
  expect(lossFile).toMatchObject({ error: false, names, values, direct: ['SGD lr 0.001', 'Adam lr 0.05'] });
  // the page's stylesheet does not travel with the file: the legend's colour is pinned on it
  expect(lossFile.nameStyle).toMatch(/fill:rgb\(/);

  // the PNG is the same SVG drawn on a canvas: the SVG it was drawn from has the legend
  await takeSvgSources(page);
  const lossPng = await playground.exportFile('Export loss chart PNG');
  const [lossPngSource] = await takeSvgSources(page);
  expect(lossPngSource).toBeDefined();
  expect(await legendInFile(page, lossPngSource)).toMatchObject({ names, values });
  const [lossWidth, lossHeight] = await playground.lossChart.evaluate((svg) => [(svg as SVGSVGElement).viewBox.baseVal.width, (svg as SVGSVGElement).viewBox.baseVal.height]);
  expect([lossPng.content.readUInt32BE(16), lossPng.content.readUInt32BE(20)]).toEqual([2 * lossWidth, 2 * lossHeight]);

  // the map's file gets the legend under the map, and grows by its height
  const mapHeight = await playground.map.evaluate((svg) => (svg as SVGSVGElement).viewBox.baseVal.height);
  const mapSvg = await playground.exportFile('Export map SVG');
  const mapFile = await legendInFile(page, mapSvg.content.toString('utf8'));
  expect(mapFile).toMatchObject({ error: false, names, values });
  expect(mapFile.height).toBeGreaterThan(mapHeight + 10);

  await takeSvgSources(page);
  const mapPng = await playground.exportFile('Export map PNG');
  const [mapPngSource] = await takeSvgSources(page);
  expect(await legendInFile(page, mapPngSource)).toMatchObject({ names, values, height: mapFile.height });
  expect(mapPng.content.readUInt32BE(20)).toBe(2 * mapFile.height);

  // a hidden run is in no picture
  await page.getByRole('button', { name: 'Hide run 2' }).click();
  await expect(playground.lossCurves).toHaveCount(2);
  const hiddenFile = await legendInFile(page, (await playground.exportFile('Export map SVG')).content.toString('utf8'));
  expect(hiddenFile.names).toEqual([names[0], names[2]]);
});

/** WCAG contrast ratio of two "rgb(r, g, b)" colours. */
function contrast(first: string, second: string): number {
  const luminance = (color: string) => {
    const [r, g, b] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map((channel) => {
      const value = Number(channel) / 255;
      return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [light, dark] = [luminance(first), luminance(second)].sort((a, b) => b - a);
  return (light + 0.05) / (dark + 0.05);
}

test('the legend reads in the dark theme and grows with large text, without overlapping', async ({ playground, page }) => {
  await playground.open(THREE, 3);
  const name = playground.lossChart.locator('.loss-legend .legend-name').first();
  const value = playground.lossChart.locator('.loss-legend .legend-value').first();
  const panelBackground = () => page.locator('.loss-panel').evaluate((element) => getComputedStyle(element).backgroundColor);
  const fill = (locator: Locator) => locator.evaluate((element) => getComputedStyle(element).fill);

  await playground.darkTheme.click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const background = await panelBackground();
  expect(contrast(await fill(name), background)).toBeGreaterThanOrEqual(7);
  expect(contrast(await fill(value), background)).toBeGreaterThanOrEqual(4.5);
  const directText = playground.lossChart.locator('.direct-labels text').first();
  expect(contrast(await fill(directText), background)).toBeGreaterThanOrEqual(7);
  // the dark file keeps its light text on its dark background
  const darkFile = await legendInFile(page, (await playground.exportFile('Export loss chart SVG')).content.toString('utf8'));
  expect(contrast(/fill:(rgb\([^)]*\))/.exec(darkFile.nameStyle)?.[1] ?? '', background)).toBeGreaterThanOrEqual(7);

  const smallSize = await name.evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
  const smallHeight = (await playground.lossChart.locator('.loss-legend').boundingBox())!.height;
  await playground.largeText.click();
  await expect(page.locator('html')).toHaveAttribute('data-text-size', 'large');
  await expect.poll(() => name.evaluate((element) => parseFloat(getComputedStyle(element).fontSize))).toBeGreaterThanOrEqual(smallSize * 1.2);
  await expect.poll(async () => (await playground.lossChart.locator('.loss-legend').boundingBox())!.height).toBeGreaterThan(smallHeight);
  // the names and values, and the direct labels, re-laid out for the larger text: nothing overlaps
  const texts = await boxes(playground.lossChart.locator('.loss-legend text'));
  expect(disjoint(texts)).toBe(true);
  expect(disjoint(await boxes(playground.lossChart.locator('.direct-labels text')))).toBe(true);
  const chart = (await playground.lossChart.boundingBox())!;
  for (const box of texts) expect(box.x + box.width).toBeLessThanOrEqual(chart.x + chart.width + 0.5);
});
