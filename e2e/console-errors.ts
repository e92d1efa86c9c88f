// Every spec's `test` is built on this one: a test fails when anything in its browser context
// (a page or one of its workers) logs a console error or throws an uncaught error, breaks the
// Content-Security-Policy, or asks another origin for anything. Chromium logs an SVG attribute it
// cannot parse ("<text> attribute y: Expected length, \"NaN\"") as a console error and carries on
// drawing, so without this a broken picture passes every assertion; and the app promises that it
// runs under its strict policy (scripts/csp.mjs) and never calls a third party at run time.
import { test as base, expect, type ConsoleMessage, type Request } from '@playwright/test';

/** A console error as the failure lists it: the text and where it was logged. */
export function describeConsoleError(message: Pick<ConsoleMessage, 'text' | 'location'>): string {
  const { url, lineNumber } = message.location();
  return url ? `${message.text()} (${url}:${lineNumber})` : message.text();
}

/**
 * What went wrong in the test's browser context. Each list fails the test when it is not empty at
 * the end; a test that provokes a fault on purpose asserts on it and then empties the list.
 */
export interface PageFaults {
  /** Console errors and uncaught errors, other than the policy's. */
  consoleErrors: string[];
  /** Content-Security-Policy violations: the page's `securitypolicyviolation` events and the messages Chromium prints for them (workers included). */
  policyViolations: string[];
  /** Requests to any origin but the app's (data: and blob: URLs are the page's own). */
  foreignRequests: string[];
}

/** Whether a request loads a tab's page (not a frame's, a worker's or a resource): the test chose its origin. */
function isTopLevelNavigation(request: Request): boolean {
  try {
    return request.isNavigationRequest() && request.frame().parentFrame() === null;
  } catch {
    return false; // a service worker's request has no frame
  }
}

/** The prefix of the console error the init script logs for a `securitypolicyviolation` event. */
export const VIOLATION_EVENT_PREFIX = 'securitypolicyviolation:';

// Chromium's own words for a blocked load or inline code ("Refused to ...", "... violates the
// following Content Security Policy directive ..."), in the page and in workers.
const POLICY_MESSAGE = /Content Security Policy|^securitypolicyviolation:/;

/**
 * Playwright's test, failing on any console error, uncaught error, policy violation or third-party
 * request in the test's browser context, except console errors a test provokes on purpose and names
 * with `test.use({ expectedConsoleErrors: [...] })` (a panel made to fail, to show its error
 * boundary): each pattern lets matching errors through, and must match at least one, so the
 * allowance cannot outlive the failure it was for.
 */
export const test = base.extend<{ pageFaults: PageFaults; expectedConsoleErrors: readonly RegExp[] }>({
  expectedConsoleErrors: [[], { option: true }],
  pageFaults: [
    async ({ context, baseURL, expectedConsoleErrors }, use) => {
      const faults: PageFaults = { consoleErrors: [], policyViolations: [], foreignRequests: [] };
      // the app's origin, and any other a test opens a tab on (a build served under a sub-path, say)
      const appOrigins = new Set([new URL(baseURL ?? 'http://localhost/').origin]);
      // The event reaches scripts only; logging it makes it a console message this fixture reads.
      await context.addInitScript((prefix) => {
        document.addEventListener('securitypolicyviolation', (event) => {
          const where = event.sourceFile ? ` (${event.sourceFile}:${event.lineNumber})` : '';
          console.error(`${prefix} ${event.effectiveDirective} refused ${event.blockedURI}${where}`);
        });
      }, VIOLATION_EVENT_PREFIX);
      context.on('console', (message) => {
        if (message.type() !== 'error') return;
        const description = describeConsoleError(message);
        (POLICY_MESSAGE.test(message.text()) ? faults.policyViolations : faults.consoleErrors).push(description);
      });
      context.on('weberror', (error) => faults.consoleErrors.push(`uncaught: ${error.error().message}`));
      context.on('request', (request) => {
        const url = new URL(request.url());
        if (url.protocol === 'data:' || url.protocol === 'blob:' || url.protocol === 'about:') return;
        if (isTopLevelNavigation(request)) appOrigins.add(url.origin);
        else if (!appOrigins.has(url.origin)) faults.foreignRequests.push(request.url());
      });
      await use(faults);
      const expected = (error: string) => expectedConsoleErrors.some((pattern) => pattern.test(error));
      expect(faults.consoleErrors.filter((error) => !expected(error)), 'console errors and uncaught errors on the page').toEqual([]);
      for (const pattern of expectedConsoleErrors) expect(faults.consoleErrors.some((error) => pattern.test(error)), `an expected console error matching ${pattern}`).toBe(true);
      expect(faults.policyViolations, 'Content-Security-Policy violations').toEqual([]);
      expect(faults.foreignRequests, 'requests to other origins').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
