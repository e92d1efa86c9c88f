// Issue 12, "nothing the user typed or a link carried can take the page down": a panel that throws
// is contained by its own error boundary, which says what failed and offers a way back, while the
// other panels, the experiment and its link stay as they were. Before the boundaries, one throw
// unmounted the whole React tree and left a blank page.
//
// The loss chart is made to fail from outside, with no hook in the app: its frame's `clientWidth`
// is replaced by a getter that throws once, and "Large text" makes the panel read it (LossPanel
// refits the chart in an effect when the text size changes). React routes a throw in an effect to
// the nearest boundary, exactly as it does a throw in rendering.
import type { Page } from '@playwright/test';
import { decodeExperiment } from '../src/experiment/url-codec';
import { expect, test } from './fixtures';

const RACE = 'v=1&surface=rosenbrock&steps=60&run=sgd(lr=0.001)@-1.5,2&run=sgd(lr=0.001,momentum=0.9)@-1.5,2&run=adam(lr=0.05)@-1.5,2';

const FAILURE_MESSAGE = 'the loss chart was made to fail by the test';

/** Makes the loss chart's next read of its frame's width throw; after that one throw the frame is itself again. */
async function makeLossChartFailOnce(page: Page): Promise<void> {
  await page.getByTestId('loss-chart-frame').evaluate((frame, message) => {
    Object.defineProperty(frame, 'clientWidth', {
      configurable: true,
      get() {
        delete (frame as { clientWidth?: number }).clientWidth;
        throw new Error(message);
      },
    });
  }, FAILURE_MESSAGE);
}

test.describe('a panel that throws', () => {
  // React logs the error it caught: expected here, and here alone
  test.use({ expectedConsoleErrors: [new RegExp(FAILURE_MESSAGE)] });

  test('is contained by its boundary: the message names it, the rest of the page works, and Try again brings it back', async ({ playground, page }) => {
    await playground.open(RACE, 3);
    await makeLossChartFailOnce(page);
    await playground.largeText.click();

    const failure = page.getByRole('alert', { name: 'The loss chart failed' });
    await expect(failure).toContainText('The loss chart stopped working.');
    await expect(failure).toContainText(FAILURE_MESSAGE);
    await expect(failure).toContainText('The rest of the page, the experiment and its link are unchanged.');
    await expect(playground.lossChart).toHaveCount(0);

    // the other panels are untouched and still work: the map with its runs, the runs panel, playback
    await expect(playground.mapRuns).toHaveCount(3);
    await expect(playground.runItems).toHaveCount(3);
    await expect(page.getByTestId('problem-title')).toBeVisible();
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    await expect(page.getByTestId('step-counter')).toHaveText(/^step 0 \//);
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect(page.getByTestId('step-counter')).not.toHaveText(/^step 0 \//);
    // nothing of the experiment is lost: the page's link still holds the experiment it opened with
    expect(decodeExperiment(new URL(page.url()).hash.slice(1)).experiment).toEqual(decodeExperiment(RACE).experiment);

    await failure.getByRole('button', { name: 'Try again' }).click();
    await expect(failure).toHaveCount(0);
    await expect(playground.lossCurves).toHaveCount(3);
  });

  test('offers Undo last change, which takes back the edit and brings the panel back with it', async ({ playground, page }) => {
    await playground.open(RACE, 3);
    await playground.addPresetRun('adam');
    await playground.waitForRuns(4);
    await makeLossChartFailOnce(page);
    await playground.largeText.click();

    const failure = page.getByRole('alert', { name: 'The loss chart failed' });
    await expect(failure).toBeVisible();
    await expect(playground.runItems).toHaveCount(4);
    await failure.getByRole('button', { name: 'Undo last change' }).click();

    // the run added last is gone, and the chart is back, drawing the three that remain
    await expect(failure).toHaveCount(0);
    await playground.waitForRuns(3);
    await expect(playground.runItems).toHaveCount(3);
  });
});
