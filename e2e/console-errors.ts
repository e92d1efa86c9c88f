// Every spec's `test` is built on this one: a test fails when anything in its browser context
// (a page or one of its workers) logs a console error or throws an uncaught error. Chromium logs an
// SVG attribute it cannot parse ("<text> attribute y: Expected length, \"NaN\"") as a console error
// and carries on drawing, so without this a broken picture passes every assertion.
import { test as base, expect, type ConsoleMessage } from '@playwright/test';

/** A console error as the failure lists it: the text and where it was logged. */
export function describeConsoleError(message: Pick<ConsoleMessage, 'text' | 'location'>): string {
  const { url, lineNumber } = message.location();
  return url ? `${message.text()} (${url}:${lineNumber})` : message.text();
}

/**
 * Playwright's test, failing on any console error or uncaught error in the test's browser context,
 * except those a test provokes on purpose and names with `test.use({ expectedConsoleErrors: [...] })`
 * (a panel made to fail, to show its error boundary): each pattern lets matching errors through,
 * and must match at least one, so the allowance cannot outlive the failure it was for.
 */
export const test = base.extend<{ noConsoleErrors: void; expectedConsoleErrors: readonly RegExp[] }>({
  expectedConsoleErrors: [[], { option: true }],
  noConsoleErrors: [
    async ({ context, expectedConsoleErrors }, use) => {
      const errors: string[] = [];
      context.on('console', (message) => {
        if (message.type() === 'error') errors.push(describeConsoleError(message));
      });
      context.on('weberror', (error) => errors.push(`uncaught: ${error.error().message}`));
      await use();
      const expected = (error: string) => expectedConsoleErrors.some((pattern) => pattern.test(error));
      expect(errors.filter((error) => !expected(error)), 'console errors and uncaught errors on the page').toEqual([]);
      for (const pattern of expectedConsoleErrors) expect(errors.some((error) => pattern.test(error)), `an expected console error matching ${pattern}`).toBe(true);
    },
    { auto: true },
  ],
});

export { expect };
