import { expect, test, type PlaygroundPage } from './fixtures';

// Switching the problem: starts left at the old surface's suggestion move to the new surface's, so
// each surface opens on a picture that shows its character (before, the saddle kept Rosenbrock's
// (-1.5, 2) on its top edge and every path left the map at once); a start the user placed stays
// while the new map shows it.

const SADDLE_START = [-1.5, 0.05];
const ROSENBROCK_START = [-1.5, 2];

/** True once every run's path has been computed from its current start (its first point is under the start marker). */
function pathsFromStarts(playground: PlaygroundPage): Promise<boolean> {
  return playground.mapRuns.evaluateAll((groups) =>
    groups.every((group) => {
      const match = /^M(-?[\d.]+),(-?[\d.]+)/.exec(group.querySelector('path.trajectory')?.getAttribute('d') ?? '');
      const centre = group.querySelector<SVGGElement>('g.start-point')!.transform.baseVal.consolidate()!.matrix;
      return match !== null && Math.hypot(Number(match[1]) - centre.e, Number(match[2]) - centre.f) < 0.5;
    }),
  );
}

/** Each run's point at the step shown, in parameter space. */
function shownPoints(playground: PlaygroundPage): Promise<number[][]> {
  return playground.map
    .locator('g.run circle.step-marker')
    .evaluateAll((markers) => markers.map((marker) => [Number(marker.getAttribute('data-x')), Number(marker.getAttribute('data-y'))]));
}

test('switching the default experiment to the saddle starts every run beside the saddle point, and the paths stay on the map', async ({ playground, page }) => {
  await page.goto('/');
  await playground.waitForRuns(3);
  await page.getByRole('combobox', { name: 'Surface' }).selectOption('saddle');
  await expect(page.getByTestId('problem-title')).toHaveText('Saddle');
  await expect.poll(() => playground.urlStarts()).toEqual([SADDLE_START, SADDLE_START, SADDLE_START]);
  await expect(playground.map.getByRole('button', { name: 'Start of run 1: -1.5, 0.05' })).toBeAttached();
  await expect.poll(() => pathsFromStarts(playground)).toBe(true);

  // the first 30 steps of every run are on the map, [−2, 2]²: SGD and momentum slide towards the
  // saddle point, Adam is on its way out along y
  await page.getByRole('slider', { name: 'Step', exact: true }).fill('30');
  const points = await shownPoints(playground);
  expect(points).toHaveLength(3);
  for (const [x, y] of points) {
    expect(Math.abs(x)).toBeLessThanOrEqual(2);
    expect(Math.abs(y)).toBeLessThanOrEqual(2);
  }
  // and they have moved: towards the saddle point along x, away from it along y
  for (const [x, y] of points) {
    expect(Math.abs(x)).toBeLessThan(1.5);
    expect(Math.abs(y)).toBeGreaterThan(0.05);
  }
});

test('a start placed on the map stays through switches whose map shows it; the suggested starts follow each surface', async ({ playground, page }) => {
  await page.goto('/');
  await playground.waitForRuns(3);
  const surface = page.getByRole('combobox', { name: 'Surface' });

  // a click places run 1's start (the selected run) at about (0.8, 0.6) of Rosenbrock's [−2, 2] × [−1, 3]
  const plot = (await playground.map.locator('.contour-fills').boundingBox())!;
  await page.mouse.click(plot.x + plot.width * 0.7, plot.y + plot.height * 0.6);
  // the default page's link has no runs until something changes
  await expect.poll(() => playground.urlStarts()[0] ?? ROSENBROCK_START).not.toEqual(ROSENBROCK_START);
  const placed = playground.urlStarts()[0];
  expect(Math.abs(placed[0] - 0.8)).toBeLessThan(0.2);
  expect(Math.abs(placed[1] - 0.6)).toBeLessThan(0.2);

  // Himmelblau's map, [−5, 5]², and the quadratic's, [−2, 2]², both show it: it stays
  for (const [id, suggestion] of [
    ['himmelblau', [-0.35, -0.75]],
    ['quadratic', [-1.5, 1]],
    ['rosenbrock', ROSENBROCK_START],
    ['saddle', SADDLE_START],
    ['himmelblau', [-0.35, -0.75]],
  ] as const) {
    await surface.selectOption(id);
    await expect.poll(() => playground.urlStarts(), { message: `starts on ${id}` }).toEqual([placed, suggestion, suggestion]);
  }
  await expect.poll(() => pathsFromStarts(playground)).toBe(true);

  // placed at about (4, 4) on Himmelblau's map, off the saddle's: switching moves it to the saddle's suggestion
  await page.mouse.click(plot.x + plot.width * 0.9, plot.y + plot.height * 0.1);
  await expect.poll(() => playground.urlStarts()[0]).not.toEqual(placed);
  expect(playground.urlStarts()[0][0]).toBeGreaterThan(2);
  await surface.selectOption('saddle');
  await expect.poll(() => playground.urlStarts()).toEqual([SADDLE_START, SADDLE_START, SADDLE_START]);
  await expect.poll(() => pathsFromStarts(playground)).toBe(true);
});
