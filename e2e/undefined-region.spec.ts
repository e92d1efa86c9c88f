import type { Locator, Page } from '@playwright/test';
import { expect, readInBlankPage, test } from './fixtures';
import { pagePoint, svgUnits } from './map-axes';

// Where f is not a finite number (log of a negative x) the map draws a hatched region with a legend
// entry, never a colour of the scale; no NaN reaches an SVG attribute (Chromium logs each one as a
// console error, which fails any test: see console-errors.ts). Positions are read off the map's own
// axis ticks, as map.spec.ts does.

const LOG_X = 'v=1&f=log(x)+y^2';

/** The class of the map's element drawn at parameter-space (x, y). */
async function drawnAt(page: Page, map: Locator, x: number, y: number): Promise<string> {
  const point = await pagePoint(map, x, y);
  return page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('path')?.parentElement?.getAttribute('class') ?? '', point);
}

/** Every attribute of every SVG element on the page that holds NaN or Infinity. */
async function nonNumbersInSvg(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('svg, svg *')).flatMap((element) =>
      Array.from(element.attributes)
        .filter((attribute) => /NaN|Infinity/.test(attribute.value))
        .map((attribute) => `<${element.localName} class="${element.getAttribute('class') ?? ''}"> ${attribute.name}="${attribute.value.slice(0, 60)}"`),
    ),
  );
}

test('log(x) + y² draws x < 0 as a hatched "f undefined" region, keyed in the legend, with no NaN in the picture', async ({ playground, page }) => {
  // the three default runs start at x < 0, where f is undefined: each stops at once
  await playground.open(LOG_X, 3);
  const { map } = playground;
  const region = map.locator('g.undefined-region');
  await expect(region).toBeVisible();

  // x < 0 is the undefined region, x > 0 the contour bands
  expect(await drawnAt(page, map, -1.5, -1)).toBe('undefined-region');
  expect(await drawnAt(page, map, -2.8, 2.8)).toBe('undefined-region');
  expect(await drawnAt(page, map, 1.5, -1)).toBe('contour-fills');
  // its right edge is x = 0 to within a cell of the 161 × 161 sample grid (6/160 = 0.0375)
  const edge = await region.locator('path.undefined-fill').evaluate((path: SVGPathElement) => {
    const box = path.getBBox();
    return { x: box.x, width: box.width };
  });
  const [zero, cell] = await Promise.all([svgUnits(map, 0, 0), svgUnits(map, 0.0375, 0)]);
  expect(Math.abs(edge.x + edge.width - zero.x)).toBeLessThanOrEqual(cell.x - zero.x);
  await expect(region.locator('path.undefined-hatch')).toHaveAttribute('d', /^M[\d.]+,[\d.]+L/);

  // the legend keys it, beside the colour bar
  const entry = map.locator('g.legend-undefined');
  await expect(entry).toBeVisible();
  await expect(entry.locator('text')).toHaveText('f undefined');
  await expect(entry.locator('rect.undefined-fill')).toBeVisible();

  // the hover readout says so, with no number and no gradient
  const at = await pagePoint(map, -1.5, -1);
  await page.mouse.move(at.x, at.y);
  const readout = page.getByTestId('hover-readout');
  await expect(readout).toContainText('f is undefined here (NaN: not a number)');
  await expect(readout).not.toContainText('∇');
  const right = await pagePoint(map, 1, 0);
  await page.mouse.move(right.x, right.y);
  await expect(readout).toContainText('f = 0');

  // no NaN or Infinity in any attribute (the loss chart's ✕ of each run took y="NaN")
  await expect(playground.lossChart.locator('.diverged-marker')).toHaveCount(3);
  expect(await nonNumbersInSvg(page)).toEqual([]);
});

test('a surface that is finite everywhere has no undefined region and no legend entry for one', async ({ playground }) => {
  await playground.open('v=1&f=x^2+y^2', 3);
  for (const layer of ['g.undefined-region', 'g.legend-undefined']) {
    await expect(playground.map.locator(layer)).toBeAttached();
    await expect(playground.map.locator(layer)).toBeHidden();
  }
});

test('the region stays distinct in the dark theme and goes into the exported SVG and PNG, legend entry included', async ({ playground, page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await playground.open(LOG_X, 3);
  const { map } = playground;
  await expect(map.locator('g.undefined-region')).toBeVisible();
  // the plot's own dark background with light hatching, never a colour of viridis
  const look = await map.evaluate((svg) => {
    const style = (selector: string) => getComputedStyle(svg.querySelector(selector)!);
    return {
      fill: style('.undefined-fill').fill,
      hatch: style('.undefined-hatch').stroke,
      bands: Array.from(svg.querySelectorAll('.contour-fills path'), (path) => getComputedStyle(path).fill),
      panel: getComputedStyle(svg.querySelector('.plot-background')!).fill,
    };
  });
  expect(look.fill).toBe(look.panel);
  expect(look.bands).not.toContain(look.fill);
  expect(look.hatch).not.toBe(look.fill);

  const svgFile = await playground.exportFile('Export map SVG');
  const exported = await readInBlankPage(page, (source) => {
    const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
    const fill = doc.querySelector('.undefined-region path.undefined-fill');
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      legend: doc.querySelector('.legend-undefined text')?.textContent ?? null,
      regionPath: fill?.getAttribute('d') ?? '',
      regionStyle: fill?.getAttribute('style') ?? '',
      hatchStyle: doc.querySelector('.undefined-region path.undefined-hatch')?.getAttribute('style') ?? '',
      clipped: doc.querySelector('.undefined-region clipPath path')?.getAttribute('d') === fill?.getAttribute('d'),
    };
  }, svgFile.content.toString('utf8'));
  expect(svgFile.content.toString('utf8')).toContain('>f undefined<');
  expect(exported).toMatchObject({ error: null, legend: 'f undefined', clipped: true });
  expect(exported.regionPath.length).toBeGreaterThan(10);
  // the stylesheet does not travel: the theme's colours are pinned on the elements
  expect(exported.regionStyle).toContain(`fill:${look.fill}`);
  expect(exported.hatchStyle).toContain(`stroke:${look.hatch}`);

  // in the PNG (drawn at twice the SVG's size) x < 0 shows the background and hatching only
  const png = await playground.exportFile('Export map PNG');
  const at = await svgUnits(map, -1.5, -1);
  const colours = await page.evaluate(
    async ({ data, x, y }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${data}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const { data: pixels } = context.getImageData(Math.round(2 * x) - 10, Math.round(2 * y) - 10, 20, 20);
      const seen = new Set<string>();
      for (let i = 0; i < pixels.length; i += 4) seen.add(`rgb(${pixels[i]}, ${pixels[i + 1]}, ${pixels[i + 2]})`);
      return [...seen];
    },
    { data: png.content.toString('base64'), ...at },
  );
  // every pixel is the background, the hatching or (anti-aliased) a blend of the two, and both appear
  const channels = (rgb: string) => rgb.match(/\d+/g)!.map(Number);
  const [background, lines] = [channels(look.fill), channels(look.hatch)];
  for (const colour of colours) {
    channels(colour).forEach((value, k) => {
      expect(value).toBeGreaterThanOrEqual(Math.min(background[k], lines[k]) - 2);
      expect(value).toBeLessThanOrEqual(Math.max(background[k], lines[k]) + 2);
    });
  }
  expect(colours).toContain(look.fill);
  expect(colours.length).toBeGreaterThanOrEqual(2);
});
