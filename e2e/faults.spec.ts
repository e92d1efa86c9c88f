import type { Page, Worker } from '@playwright/test';
import { AnalysisPanel, expect, test } from './fixtures';

// Faults injected into the real page's workers (issue 12, "Faults"): the engine worker exits
// (self.close()), throws, or hangs in a busy loop; a batch worker exits mid-job; the GPU device is
// destroyed. Each time the page must notice, restart the worker, redo the work, say so in plain
// words, and show the same results a healthy page shows. Code runs inside a worker through
// Playwright's Worker.evaluate (a worker's module scope is not reachable from there, so faults that
// must strike on the next request wrap the worker's onmessage).

const HIMMELBLAU = 'v=1&surface=himmelblau&steps=100&run=adam(lr=0.1)@0,0';
const AFTER = 'v=1&surface=himmelblau&steps=100&run=adam(lr=0.05)@0,0';

/** The page's worker whose script matches `name` (the built file keeps the source's name). */
async function workerNamed(page: Page, name: RegExp): Promise<Worker> {
  await expect.poll(() => page.workers().some((worker) => name.test(worker.url()))).toBe(true);
  return page.workers().find((worker) => name.test(worker.url()))!;
}

/** The loss curve's path: the same numbers draw the same path. */
function lossPath(page: Page): Promise<string | null> {
  return page.getByRole('img', { name: /^loss against /i }).locator('path.loss-curve').first().getAttribute('d');
}

/** What a healthy page draws for `hash`. */
async function healthyLossPath(page: Page, hash: string): Promise<string | null> {
  const fresh = await page.context().newPage();
  await fresh.goto(`/#${hash}`);
  await expect(fresh.getByRole('img', { name: /^loss against /i }).locator('path.loss-curve')).toHaveCount(1);
  await expect(fresh.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  const path = await lossPath(fresh);
  await fresh.close();
  return path;
}

/** Makes the engine worker fail this way on its next run request (instead of answering it). */
async function failOnNextRun(worker: Worker, fault: 'close' | 'throw'): Promise<void> {
  await worker.evaluate((kind) => {
    const scope = self as unknown as { onmessage: ((event: MessageEvent) => void) | null; close(): void };
    const original = scope.onmessage!;
    scope.onmessage = (event: MessageEvent) => {
      if ((event.data as { type?: string }).type !== 'runExperiment') return original(event);
      if (kind === 'close') return scope.close();
      throw new Error('injected fault');
    };
  }, fault);
}

const engineCases = [
  { fault: 'close' as const, message: 'The engine stopped unexpectedly and was restarted; your runs were recomputed.' },
  { fault: 'throw' as const, message: 'The engine crashed and was restarted; your runs were recomputed.' },
  { fault: 'hang' as const, message: 'The engine stopped answering and was restarted; your runs were recomputed.' },
];

for (const { fault, message } of engineCases) {
  test(`the engine worker that ${fault === 'hang' ? 'hangs' : fault === 'close' ? 'exits (close())' : 'throws'} is restarted, the runs recomputed, and the user told`, async ({ playground, page }) => {
    await playground.open(HIMMELBLAU, 1);
    const engine = await workerNamed(page, /engine\.worker/);
    if (fault === 'hang') {
      // a busy loop that starts once evaluate has returned: the worker answers nothing from then on
      await engine.evaluate(() => void setTimeout(() => {
        for (;;);
      }, 0));
    } else {
      await failOnNextRun(engine, fault);
    }
    await page.evaluate((hash) => (location.hash = hash), AFTER);
    const notice = page.getByTestId('engine-status').locator('[data-source="engine"]');
    await expect(notice.locator('p')).toHaveText(message, { timeout: 20_000 });
    await expect(notice).toHaveAttribute('data-status', 'recovered');
    await page.getByRole('button', { name: `Dismiss: ${message}` }).click();
    await expect(page.getByTestId('engine-status')).toHaveCount(0);
    // the runs drawn are those of a healthy page (compared without the notice, which takes the chart's height)
    await expect.poll(() => lossPath(page)).toBe(await healthyLossPath(page, AFTER));
  });
}

test('the engine worker that keeps failing is given up on with a message and a Retry that brings the runs back', async ({ playground, page }) => {
  await playground.open(HIMMELBLAU, 1);
  // every engine worker started from now on is one that exits on its first run (it answers the
  // watchdog's ping and holds its lock like the real one); the running one is made to exit as well
  const engineScript = /engine\.worker[^/]*\.js$/;
  await page.route(engineScript, (route) =>
    route.fulfill({
      contentType: 'text/javascript',
      body: `self.onmessage = (event) => {
        const message = event.data;
        if (message.type === 'ping') return self.postMessage({ type: 'pong', pingId: message.pingId });
        if (message.type === 'watch') return void navigator.locks.request(message.lock, () => (self.postMessage({ type: 'watching', lock: message.lock }), new Promise(() => {})));
        setTimeout(() => self.close(), 200);
      };`,
    }),
  );
  await failOnNextRun(await workerNamed(page, /engine\.worker/), 'close');
  await page.evaluate((hash) => (location.hash = hash), AFTER);
  const notice = page.getByTestId('engine-status').locator('[data-source="engine"]');
  await expect(notice).toHaveAttribute('data-status', 'failed', { timeout: 45_000 });
  await expect(notice.locator('p')).toHaveText(/^The engine stopped unexpectedly 4 times within a minute \(.+\), so it was not restarted again\.$/);
  await expect(notice).toHaveAttribute('role', 'alert');
  await page.unroute(engineScript);
  await notice.getByRole('button', { name: 'Retry' }).click();
  await expect(notice.locator('p')).toHaveText('The engine stopped unexpectedly and was restarted; your runs were recomputed.');
  await notice.getByRole('button', { name: /^Dismiss/ }).click();
  await expect.poll(() => lossPath(page)).toBe(await healthyLossPath(page, AFTER));
});

test('a batch worker that exits mid-job is replaced and its part of the basin map recomputed', async ({ playground, page }) => {
  await playground.open(`${HIMMELBLAU}&basin=1,64,minimum&engine=js`, 1);
  const analysis = new AnalysisPanel(page);
  await expect(analysis.status('basin')).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  const batch = await workerNamed(page, /batch\.worker/);
  await batch.evaluate(() => {
    const scope = self as unknown as { onmessage: ((event: MessageEvent) => void) | null; close(): void };
    const original = scope.onmessage!;
    scope.onmessage = (event: MessageEvent) => ((event.data as { type?: string }).type === 'summarize' ? scope.close() : original(event));
  });
  const started = Date.now();
  await page.evaluate((hash) => (location.hash = hash), `${HIMMELBLAU}&basin=1,128,minimum&engine=js`);
  await expect(analysis.status('basin')).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  // seen at once (the worker's lock), not after a long wait on a dead worker
  expect(Date.now() - started).toBeLessThan(10_000);
  await expect(analysis.basinLayer).toHaveAttribute('data-filled', String(128 * 128));
  await expect(page.getByTestId('engine-status').locator('[data-source="batch"] p')).toHaveText(
    'A batch worker stopped unexpectedly and was restarted; its part of the job was recomputed.',
  );
});

test('a lost GPU device (device.destroy()) finishes the job on TypeScript, says so, and later jobs choose TypeScript', async ({ playground, page }) => {
  await playground.open(`${HIMMELBLAU}&basin=1,64,minimum&engine=webgpu`, 1);
  const analysis = new AnalysisPanel(page);
  await expect(analysis.outcome('basin')).toHaveAttribute('data-engine', 'webgpu', { timeout: 60_000 });
  const gpu = await workerNamed(page, /gpu\.worker/);
  // the diagnostic request the app never sends (batch-protocol.ts 'loseDevice'), dispatched inside the worker
  await gpu.evaluate(() => self.dispatchEvent(new MessageEvent('message', { data: { type: 'loseDevice', requestId: 0 } })));
  await page.evaluate((hash) => (location.hash = hash), `${HIMMELBLAU}&basin=1,128,minimum&engine=webgpu`);
  await expect(analysis.outcome('basin')).toHaveAttribute('data-engine', 'js', { timeout: 60_000 });
  await expect(analysis.basinLayer).toHaveAttribute('data-filled', String(128 * 128));
  await expect(page.getByTestId('basin-status').getByRole('status')).toHaveText('The GPU was lost; finished on TypeScript (float64).');
  await expect(page.getByTestId('engine-status').locator('[data-source="gpu"] p')).toHaveText('The GPU was lost; finished on TypeScript (float64).');
  // the next job does not try the lost GPU again, and says why
  await page.evaluate((hash) => (location.hash = hash), `${HIMMELBLAU}&basin=1,64,minimum&engine=webgpu`);
  await expect(analysis.basinLayer).toHaveAttribute('data-filled', String(64 * 64), { timeout: 30_000 });
  await expect(analysis.outcome('basin')).toHaveAttribute('data-engine', 'js');
  await expect(analysis.outcome('basin')).toHaveAttribute('title', /GPU was lost earlier on this page/);
});
