import type { Locator, Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { INTRO_STORAGE_KEY, INTRO_VERSION } from '../src/app/intro/intro-seen';
import { test as base, expect } from './console-errors';

/** The playground page as the specs see it: named controls and drawn runs. */
export class PlaygroundPage {
  readonly map: Locator;
  readonly lossChart: Locator;
  readonly mapRuns: Locator;
  readonly lossCurves: Locator;
  readonly runItems: Locator;
  readonly urlProblems: Locator;
  readonly copyLink: Locator;
  readonly exportButton: Locator;
  readonly recentButton: Locator;
  readonly darkTheme: Locator;
  readonly largeText: Locator;

  constructor(readonly page: Page) {
    this.map = page.getByRole('figure', { name: /contour map/i });
    this.lossChart = page.getByRole('img', { name: /^loss against /i });
    this.mapRuns = this.map.locator('g.run');
    this.lossCurves = this.lossChart.locator('path.loss-curve');
    this.runItems = page.getByTestId('run');
    this.urlProblems = page.getByRole('alert');
    this.copyLink = page.getByRole('button', { name: 'Copy link' });
    this.exportButton = page.getByRole('button', { name: 'Export', exact: true });
    this.recentButton = page.getByRole('button', { name: 'Recent', exact: true });
    this.darkTheme = page.getByRole('button', { name: 'Dark theme' });
    this.largeText = page.getByRole('button', { name: 'Large text' });
  }

  /** Opens the page with this hash (without '#') and waits until every run is drawn and playback is at rest (the page with no link plays once on opening). */
  async open(hash: string, expectedRuns: number): Promise<void> {
    await this.page.goto(`/#${hash}`);
    await this.waitForRuns(expectedRuns);
    await expect(this.page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
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

  /** Chooses an item of the Export menu ("Export trajectories CSV") and returns the file it downloads. */
  async exportFile(item: string): Promise<{ name: string; content: Buffer }> {
    await this.exportButton.click();
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByRole('button', { name: item, exact: true }).click()]);
    return { name: download.suggestedFilename(), content: await readFile(await download.path()) };
  }

  /** Adds a run from a preset ("gd", "momentum", "adam", ...) with the runs panel's controls. */
  async addPresetRun(presetId: string): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Preset for the new run' }).selectOption(presetId);
    await this.page.getByRole('button', { name: 'Add run' }).click();
  }

  /** Points in each run's loss curve, in run order. */
  async lossPointsPerRun(): Promise<number[]> {
    return this.lossCurves.evaluateAll((paths) => paths.map((path) => Number(path.getAttribute('data-points'))));
  }

  /** Each run's start as the share link has it (exact numbers), in run order. */
  urlStarts(): number[][] {
    const hash = decodeURIComponent(new URL(this.page.url()).hash);
    return Array.from(hash.matchAll(/run=[^&@]*@([^;&]+)/g), (match) => match[1].split(',').map(Number));
  }
}

/**
 * The specs' test: a `playground` page object, and (from console-errors.ts) failing on any console
 * error. Pages open as for a returning visitor, who has dismissed the introduction; a spec about
 * the first visit sets `test.use({ firstVisit: true })`.
 */
export const test = base.extend<{ playground: PlaygroundPage; firstVisit: boolean; introDismissed: void }>({
  firstVisit: [false, { option: true }],
  introDismissed: [
    async ({ context, firstVisit }, use) => {
      if (!firstVisit) {
        await context.addInitScript(([key, version]) => {
          try {
            localStorage.setItem(key, version);
          } catch {
            // about:blank and other opaque origins have no storage
          }
        }, [INTRO_STORAGE_KEY, INTRO_VERSION] as const);
      }
      await use();
    },
    { auto: true },
  ],
  playground: async ({ page }, use) => {
    await use(new PlaygroundPage(page));
  },
});

export { expect };

/**
 * Reads an exported file's text with `read` in a blank page of the test's browser. The app's page
 * runs under its Content-Security-Policy, which refuses (and reports) every style attribute of an
 * SVG file parsed there; a file is read elsewhere, without the app's policy.
 */
export async function readInBlankPage<R>(page: Page, read: (source: string) => R, source: string): Promise<R> {
  const blank = await page.context().newPage();
  try {
    return await blank.evaluate(read, source);
  } finally {
    await blank.close();
  }
}

/** The Analysis panel (basin map, sweep, many seeds) as the batch specs see it. */
export class AnalysisPanel {
  readonly toggle: Locator;
  readonly basinLayer: Locator;
  readonly basinLegend: Locator;
  readonly seedsLayer: Locator;
  readonly lossBand: Locator;

  constructor(readonly page: Page) {
    this.toggle = page.getByRole('button', { name: 'Analysis', exact: true });
    this.basinLayer = page.getByTestId('map').locator('g.basin-layer');
    this.basinLegend = page.getByTestId('basin-legend');
    this.seedsLayer = page.getByTestId('map').locator('g.seeds-layer');
    this.lossBand = page.getByTestId('loss-chart').locator('path.loss-band-area');
  }

  /** Opens the panel (if closed) on a tab: "Basin map", "Learning-rate sweep" or "Many seeds". */
  async open(tab: string): Promise<void> {
    if ((await this.toggle.getAttribute('aria-expanded')) !== 'true') await this.toggle.click();
    await this.page.getByRole('tab', { name: tab }).click();
  }

  /** What the finished job of 'basin', 'sweep' or 'seeds' reports about its engine. */
  outcome(feature: 'basin' | 'sweep' | 'seeds'): Locator {
    return this.page.getByTestId(`${feature}-outcome`);
  }

  /** The job's status block (data-status: idle, running, done, failed, cancelled). */
  status(feature: 'basin' | 'sweep' | 'seeds'): Locator {
    return this.page.getByTestId(`${feature}-status`);
  }
}

/** The outer HTML of each visible control in `controls` that has no accessible name (empty: all named). */
export async function unnamedControls(controls: Locator): Promise<string[]> {
  const unnamed: string[] = [];
  const count = await controls.count();
  for (let index = 0; index < count; index++) {
    const control = controls.nth(index);
    if (!(await control.isVisible())) continue;
    try {
      await expect(control).toHaveAccessibleName(/\S/, { timeout: 100 });
    } catch {
      unnamed.push(await control.evaluate((element) => element.outerHTML.slice(0, 160)));
    }
  }
  return unnamed;
}
