import { describe, expect, test } from 'vitest';
import { parsePreferences, resolvePreferences } from './preferences';

// Oracle: the rule written out by hand: a chosen theme wins, otherwise the system's; normal text unless chosen.

describe('preferences', () => {
  test('read back what was chosen, and only that', () => {
    expect(parsePreferences('{"theme":"dark","largeText":true}')).toEqual({ theme: 'dark', largeText: true });
    expect(parsePreferences('{"largeText":false}')).toEqual({ largeText: false });
    expect(parsePreferences(null)).toEqual({});
  });

  test('ignore corrupt or ill-typed storage', () => {
    expect(parsePreferences('{oops')).toEqual({});
    expect(parsePreferences('[1,2]')).toEqual({});
    expect(parsePreferences('"dark"')).toEqual({});
    expect(parsePreferences('{"theme":"purple","largeText":"yes"}')).toEqual({});
  });

  test("follow the system's theme until one is chosen", () => {
    expect(resolvePreferences({}, 'dark')).toEqual({ theme: 'dark', largeText: false });
    expect(resolvePreferences({}, 'light')).toEqual({ theme: 'light', largeText: false });
    expect(resolvePreferences({ theme: 'light' }, 'dark')).toEqual({ theme: 'light', largeText: false });
    expect(resolvePreferences({ largeText: true }, 'dark')).toEqual({ theme: 'dark', largeText: true });
  });
});
