import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

// The acceptance race: Nelder-Mead, CMA-ES, zeroth-order SGD and Adam on Rastrigin from
// one start, compared by function evaluations, with each method's state drawn on the map while
// scrubbing (the simplex, the search ellipses at 1σ and 2σ, the probe pair). Oracles: what each
// method is, not our numbers: a simplex in 2-D has 3 vertices, CMA-ES draws two ellipses, the
// 2σ one containing the 1σ one, zo_sgd probes in pairs, Adam draws no state at all, and gradient-free
// runs make no gradient evaluations.
//
// It needs the methods nelder_mead, cma_es and zo_sgd in the registry (issue 10's other parts).

const START = '-2.3,1.8';
const RACE =
  `v=1&surface=rastrigin&steps=60` +
  `&run=nelder_mead@${START}&run=cma_es@${START}&run=zo_sgd@${START}&run=adam(lr=0.05)@${START}&x=evaluations`;

/** The method-state group of run `index` (0-based) on the map. */
function stateOf(page: Page, index: number) {
  return page.getByTestId('map').locator(`g.method-state g.run-state[data-index="${index}"]`);
}

/** The bounding box of an SVG element in the map's user units. */
function boxOf(page: Page, selector: string) {
  return page
    .getByTestId('map')
    .locator(selector)
    .evaluate((element) => {
      const box = (element as SVGGraphicsElement).getBBox();
      return { x: box.x, y: box.y, width: box.width, height: box.height };
    });
}

test('Nelder-Mead, CMA-ES, zo_sgd and Adam on Rastrigin: by evaluations, with the simplex and ellipses drawn while scrubbing', async ({
  playground,
  page,
}) => {
  await playground.open(RACE, 4);
  await expect(page.getByRole('combobox', { name: 'Loss x axis' })).toHaveValue('evaluations');
  await expect(page.getByTestId('loss-chart').locator('text.x-label')).toHaveText('function evaluations');

  // the gradient-free runs evaluate no gradient: on the gradient axis their curves stay at 0
  await page.getByRole('combobox', { name: 'Loss x axis' }).selectOption('gradients');
  const ends = await page
    .getByTestId('loss-chart')
    .locator('path.loss-curve')
    .evaluateAll((paths) => paths.map((path) => Number(path.getAttribute('data-end-x'))));
  expect(ends.slice(0, 3)).toEqual([0, 0, 0]);
  expect(ends[3]).toBe(61);
  await page.getByRole('combobox', { name: 'Loss x axis' }).selectOption('evaluations');

  const scrubber = page.getByRole('slider', { name: 'Step', exact: true });
  await scrubber.fill('5');
  const simplex = stateOf(page, 0).locator('path.simplex');
  await expect(simplex).toHaveCount(1);
  await expect(simplex).toHaveAttribute('data-vertices', '3');
  await expect(stateOf(page, 0)).toHaveAttribute('data-step', '5');
  const simplexAt5 = await simplex.getAttribute('d');

  const ellipses = stateOf(page, 1).locator('path.search-ellipse');
  await expect(ellipses).toHaveCount(2);
  const inner = await boxOf(page, 'g.run-state[data-index="1"] path.search-ellipse[data-sigma="1"]');
  const outer = await boxOf(page, 'g.run-state[data-index="1"] path.search-ellipse[data-sigma="2"]');
  // the 2σ ellipse is the 1σ one scaled by two about the same mean
  expect(outer.width).toBeCloseTo(2 * inner.width, 0);
  expect(outer.height).toBeCloseTo(2 * inner.height, 0);
  expect(outer.x + outer.width / 2).toBeCloseTo(inner.x + inner.width / 2, 0);
  const ellipseAt5 = await ellipses.first().getAttribute('d');

  // zeroth-order SGD: its probe pair, joined through the iterate
  await expect(stateOf(page, 2).locator('circle.probe')).toHaveCount(2);
  await expect(stateOf(page, 2).locator('path.probe-direction')).toHaveCount(1);
  // Adam draws no method state
  await expect(stateOf(page, 3)).toHaveCount(0);

  // scrubbing moves every drawing to the step shown
  await scrubber.fill('20');
  await expect(stateOf(page, 0)).toHaveAttribute('data-step', '20');
  await expect(simplex).not.toHaveAttribute('d', simplexAt5!);
  await expect(ellipses.first()).not.toHaveAttribute('d', ellipseAt5!);

  // each kind can be switched off in the map's Layers menu
  await page.getByRole('button', { name: 'Layers' }).click();
  await page.getByRole('checkbox', { name: 'Show simplex' }).uncheck();
  await expect(simplex).toHaveCount(0);
  await expect(ellipses).toHaveCount(2);
  await page.getByRole('checkbox', { name: 'Show search ellipse' }).uncheck();
  await expect(ellipses).toHaveCount(0);
  await page.getByRole('checkbox', { name: 'Show simplex' }).check();
  await expect(simplex).toHaveCount(1);
});
