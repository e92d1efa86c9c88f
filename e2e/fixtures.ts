import { test as base, expect, type Locator, type Page } from '@playwright/test';

/** The playground page as the specs see it: named controls and drawn runs. */
export class PlaygroundPage {
  readonly map: Locator;
  readonly lossChart: Locator;
  readonly mapRuns: Locator;
  readonly lossCurves: Locator;
  readonly runItems: Locator;
  readonly urlProblems: Locator;
  readonly copyLink: Locator;

  constructor(readonly page: Page) {
    this.map = page.getByRole('img', { name: /contour map/i });
    this.lossChart = page.getByRole('img', { name: /loss against step/i });
    this.mapRuns = this.map.locator('g.run');
    this.lossCurves = this.lossChart.locator('path.loss-curve');
    this.runItems = page.getByTestId('run');
    this.urlProblems = page.getByRole('alert');
    this.copyLink = page.getByRole('button', { name: 'Copy link' });
  }

  /** Opens the page with this hash (without '#') and waits until every run is drawn. */
  async open(hash: string, expectedRuns: number): Promise<void> {
    await this.page.goto(`/#${hash}`);
    await this.waitForRuns(expectedRuns);
  }

  async waitForRuns(expectedRuns: number): Promise<void> {
    await expect(this.mapRuns).toHaveCount(expectedRuns);
    await expect(this.lossCurves).toHaveCount(expectedRuns);
    await expect(this.map.locator('.contour-fills path').first()).toBeAttached();
  }

  /** Points drawn for each run on the map, in run order. */
  async pointsPerRun(): Promise<number[]> {
    return this.mapRuns.evaluateAll((groups) => groups.map((group) => Number(group.getAttribute('data-points'))));
  }

  /** Points in each run's loss curve, in run order. */
  async lossPointsPerRun(): Promise<number[]> {
    return this.lossCurves.evaluateAll((paths) => paths.map((path) => Number(path.getAttribute('data-points'))));
  }
}

export const test = base.extend<{ playground: PlaygroundPage }>({
  playground: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await use(new PlaygroundPage(page));
    expect(errors, 'uncaught errors on the page').toEqual([]);
  },
});

export { expect };
