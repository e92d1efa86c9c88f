import { describe, expect, test } from 'vitest';
import { locateJsonError } from './json-location';

// The oracle for "is it valid" is JSON.parse itself; the positions are counted by hand.

describe('locateJsonError', () => {
  test.each([
    ['{"a": }', 1, 7, "unexpected character '}'"],
    ['{"a": 1,}', 1, 9, "trailing comma before '}'"],
    ['[1, 2,\n]', 2, 1, "trailing comma before ']'"],
    ['{"a": 1', 1, 8, "expected ',' or '}' after the property value"],
    ['{\n  "a": tru\n}', 2, 8, "unexpected character 't'"],
    ["{'a': 1}", 1, 2, 'expected a property name in double quotes'],
    ['{"a": \'x\'}', 1, 7, "unexpected character ''' (JSON strings take double quotes)"],
    ['{"a": "x\ny"}', 1, 9, 'line break or control character inside a string'],
    ['{"a": "\\q"}', 1, 8, "bad escape '\\q'"],
    ['{"a": "\\u12G4"}', 1, 8, 'bad \\u escape'],
    ['{"a": 01}', 1, 8, 'bad number (JSON numbers have no leading zeros, and need digits around the point)'],
    ['{"a": -}', 1, 7, 'bad number'],
    ['{"a": 1.}', 1, 8, 'bad number (JSON numbers have no leading zeros, and need digits around the point)'],
    ['{"a" 1}', 1, 6, "expected ':' after the property name"],
    ['[1 2]', 1, 4, "expected ',' or ']' after the array element"],
    ['{"a": "open', 1, 7, 'unterminated string'],
    ['{} x', 1, 4, 'unexpected text after the end of the JSON value'],
    ['', 1, 1, 'unexpected end of the file (is something cut off?)'],
  ])('%j: line %i, column %i', (text, line, column, reason) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(locateJsonError(text)).toEqual({ line, column, reason });
  });

  test('valid JSON has no error', () => {
    for (const text of ['{}', '[]', ' {"a": [1, -2.5e3, true, false, null, "\\u00e9\\n"]} ', '0', '"x"']) {
      expect(() => JSON.parse(text)).not.toThrow();
      expect(locateJsonError(text)).toBeUndefined();
    }
  });
});
