import type { Page } from '@playwright/test';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS, policyText } from '../scripts/csp.mjs';
import { AnalysisPanel, expect, test } from './fixtures';

// The built app under its Content-Security-Policy (scripts/csp.mjs): the preview server sends it
// with frame protection, the built pages carry it as a <meta> tag for static hosts, injected code is
// refused, and everything the app does (workers, WebGPU, KaTeX, data sets, exports) runs under it.
// Every other spec runs under the same policy: console-errors.ts fails a test on any violation.

/** The policy's <meta> tag in the page, as the browser read it. */
async function metaPolicy(page: Page): Promise<string | null> {
  return page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
}

/** Tries, in the page, each kind of code an injection would bring; reports which of them ran. */
async function tryInjections(page: Page): Promise<Record<string, boolean>> {
  return page.evaluate(async () => {
    const ran: Record<string, boolean> = {};
    const flags = window as unknown as Record<string, boolean>;
    const script = document.createElement('script');
    script.textContent = 'window.inlineScriptRan = true';
    document.head.append(script);
    const button = document.createElement('button');
    button.setAttribute('onclick', 'window.handlerRan = true');
    document.body.append(button);
    button.click();
    button.remove();
    // Playwright's evaluate is exempt from the eval check while it runs (DevTools' own evaluation),
    // so eval and new Function are tried in a task of the page's own, after it returns
    const compiled = await new Promise<{ eval: boolean; newFunction: boolean }>((resolve) =>
      setTimeout(() => {
        const attempt = (compile: () => unknown): boolean => {
          try {
            return compile() === true;
          } catch {
            return false;
          }
        };
        // eslint-disable-next-line no-eval -- the test: the policy must refuse it
        const evalRan = attempt(() => (0, eval)('true'));
        // eslint-disable-next-line no-new-func -- the test: the policy must refuse it
        resolve({ eval: evalRan, newFunction: attempt(() => new Function('return true')()) });
      }, 0),
    );
    Object.assign(ran, compiled);
    const styled = document.createElement('div');
    styled.setAttribute('style', 'width: 123px');
    document.body.append(styled);
    ran.styleAttribute = styled.getBoundingClientRect().width === 123;
    styled.remove();
    const styleElement = document.createElement('style');
    styleElement.textContent = 'body { outline: 7px solid red }';
    document.head.append(styleElement);
    ran.styleElement = getComputedStyle(document.body).outlineWidth === '7px';
    styleElement.remove();
    // violations are reported as a task after the refusal
    await new Promise((resolve) => setTimeout(resolve, 100));
    return { ...ran, inlineScript: flags.inlineScriptRan === true, eventHandler: flags.handlerRan === true };
  });
}

const NOTHING_RAN = { inlineScript: false, eventHandler: false, eval: false, newFunction: false, styleAttribute: false, styleElement: false };

test('the policy is strict: no inline code and no eval, frames refused, nothing from another origin', () => {
  const sources = Object.values(CONTENT_SECURITY_POLICY).flat();
  expect(sources).not.toContain("'unsafe-inline'");
  expect(sources).not.toContain("'unsafe-eval'");
  expect(sources).not.toContain('*');
  expect(sources.filter((source) => /^https?:/.test(source))).toEqual([]);
  expect(CONTENT_SECURITY_POLICY).toMatchObject({ 'script-src': ["'self'"], 'object-src': ["'none'"], 'frame-ancestors': ["'none'"], 'base-uri': ["'none'"], 'form-action': ["'none'"] });
});

test('the preview server sends the policy and the security headers with the page and its workers; the built pages carry it as a meta tag', async ({ playground, page }) => {
  const workerResponses: Promise<Record<string, string>>[] = [];
  page.on('response', (response) => {
    if (/\.worker-[\w-]+\.js$/.test(response.url())) workerResponses.push(response.allHeaders());
  });
  const response = await page.goto('/');
  expect(response?.status()).toBe(200);
  const headers = await response!.allHeaders();
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(headers[name.toLowerCase()], name).toBe(value);
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  // a <meta> policy cannot carry frame-ancestors: Chromium would warn and ignore it
  expect(await metaPolicy(page)).toBe(policyText(true));
  expect(await metaPolicy(page)).not.toContain('frame-ancestors');
  // the meta tag comes before any script or stylesheet, so it governs them all
  expect(await page.evaluate(() => document.head.firstElementChild?.nextElementSibling?.getAttribute('http-equiv'))).toBe('Content-Security-Policy');

  await playground.waitForRuns(3);
  // a worker's policy is the one its own script came with
  await expect.poll(() => workerResponses.length).toBeGreaterThan(0);
  for (const workerHeaders of await Promise.all(workerResponses)) expect(workerHeaders['content-security-policy']).toBe(SECURITY_HEADERS['Content-Security-Policy']);

  const bench = await page.goto('/bench.html');
  expect((await bench!.allHeaders())['content-security-policy']).toBe(SECURITY_HEADERS['Content-Security-Policy']);
  expect(await metaPolicy(page)).toBe(policyText(true));
});

test('injected code is refused: an inline script, an event-handler attribute, eval, new Function and inline styles; each refusal is reported', async ({ playground, page, pageFaults }) => {
  await playground.open('', 3);
  expect(await tryInjections(page)).toEqual(NOTHING_RAN);
  const reported = pageFaults.policyViolations.join('\n');
  for (const directive of ['script-src-elem refused inline', 'script-src-attr refused inline', 'script-src refused eval', 'style-src-attr refused inline', 'style-src-elem refused inline']) expect(reported).toContain(`securitypolicyviolation: ${directive}`);
  // this test broke the policy on purpose; the page itself did not
  pageFaults.policyViolations.length = 0;
  await expect(playground.mapRuns).toHaveCount(3);
});

test('a static host sends no headers: the meta tag alone refuses injected code, and the app runs under it', async ({ playground, page, pageFaults }) => {
  // the page is served as a static host would: its own bytes, without the preview server's headers
  await page.route(/\/(#.*)?$/, async (route) => {
    const response = await route.fetch();
    const headers = Object.fromEntries(Object.entries(response.headers()).filter(([name]) => !(name.toLowerCase() in lowerCased(SECURITY_HEADERS))));
    await route.fulfill({ response, headers });
  });
  const response = await page.goto('/#v=1&surface=himmelblau&steps=60&run=adam(lr=0.1)@0,0');
  expect((await response!.allHeaders())['content-security-policy']).toBeUndefined();
  await playground.waitForRuns(1);
  expect(await tryInjections(page)).toEqual(NOTHING_RAN);
  expect(pageFaults.policyViolations.join('\n')).toContain('securitypolicyviolation: script-src-elem refused inline');
  expect(pageFaults.policyViolations.join('\n')).toContain('securitypolicyviolation: script-src refused eval');
  pageFaults.policyViolations.length = 0;
});

test('a request to another origin is refused by the policy, and any that is made fails the test', async ({ playground, page, pageFaults }) => {
  await playground.open('', 3);
  const fetched = await page.evaluate(() => fetch('https://third-party.test/track').then(() => 'fetched', () => 'refused'));
  expect(fetched).toBe('refused');
  await expect.poll(() => pageFaults.policyViolations.join('\n')).toContain('securitypolicyviolation: connect-src refused https://third-party.test/track');
  pageFaults.policyViolations.length = 0;
  // outside the policy (a blank page), the request goes out and the fixture lists it
  await page.route('https://third-party.test/**', (route) => route.fulfill({ status: 204 }));
  const blank = await page.context().newPage();
  await blank.setContent('<img src="https://third-party.test/pixel.png" alt="">');
  await expect.poll(() => pageFaults.foreignRequests).toContain('https://third-party.test/pixel.png');
  pageFaults.foreignRequests.length = 0;
  pageFaults.consoleErrors.length = 0;
});

test('another page cannot frame the app (frame-ancestors and X-Frame-Options)', async ({ page, baseURL, pageFaults }) => {
  await page.setContent(`<iframe src="${baseURL}" width="600" height="400"></iframe>`);
  await expect.poll(() => pageFaults.policyViolations.join('\n')).toContain('frame-ancestors');
  // the refused frame shows Chromium's error page, never the app
  const frame = page.frames().find((candidate) => candidate !== page.mainFrame());
  expect(frame).toBeDefined();
  await expect.poll(async () => frame!.evaluate(() => document.getElementById('root') !== null).catch(() => false)).toBe(false);
  pageFaults.policyViolations.length = 0;
});

test('under the policy the app works: runs play, KaTeX typesets, workers and the WebGPU batch path start, a bundled data set loads', async ({ playground, page }) => {
  await playground.open('v=1&surface=himmelblau&steps=80&run=adam(lr=0.1)@0,0&run=sgd(lr=0.01)@-1,1&basin=1,64,minimum&engine=webgpu', 2);
  // KaTeX typeset the formula (its fonts and stylesheet are the app's own files)
  await expect(page.locator('.problem-formula .katex-html').first()).toBeVisible();
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible({ timeout: 30_000 });
  const analysis = new AnalysisPanel(page);
  await expect(analysis.outcome('basin')).toHaveAttribute('data-engine', 'webgpu', { timeout: 60_000 });
  await expect(analysis.basinLayer.locator('image')).toHaveAttribute('href', /^data:image\/png/);

  const problem = { dataset: { name: 'iris', validation: 0.2 }, model: { kind: 'softmax' } };
  const fetched = page.waitForResponse((response) => response.url().endsWith('/datasets/iris.csv'));
  await page.goto(`/#v=1&problem=${encodeURIComponent(JSON.stringify(problem))}&steps=30&run=adam(lr=0.1)`);
  expect((await fetched).status()).toBe(200);
  await expect(playground.lossCurves).toHaveCount(1);
  await expect(playground.urlProblems).toHaveCount(0);
});

test('under the policy every export works: SVG and PNG of the map and the loss chart, CSV and JSON', async ({ playground }) => {
  await playground.open('v=1&surface=rosenbrock&steps=40&run=adam(lr=0.05)@-1.5,2', 1);
  const svg = (await playground.exportFile('Export map SVG')).content.toString('utf8');
  // the pinned styles reach the file as style attributes though the page may not set one
  expect(svg).toMatch(/<text [^>]*style="[^"]*fill:rgb\(/);
  expect(svg).not.toContain('data-pinned-style');
  const png = (await playground.exportFile('Export loss chart PNG')).content;
  expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
  expect((await playground.exportFile('Export trajectories CSV')).content.toString('utf8').split('\n').length).toBeGreaterThan(40);
  expect(JSON.parse((await playground.exportFile('Export experiment JSON')).content.toString('utf8'))).toHaveProperty('runs');
});

/** The headers' names in lower case, as Playwright reports them. */
function lowerCased(headers: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}
