import { describe, expect, test } from 'vitest';
import { escapeText, unescapeText } from './url-text';

// Oracle: the platform's decodeURIComponent must read back whatever escapeText writes, and the
// WHATWG URL parser (Node's URL) must leave an escaped value in a fragment exactly as it is.

describe('escapeText', () => {
  test('leaves formula characters alone and escapes only what would break the hash', () => {
    expect(escapeText('(1-x)^2+100*(y-x^2)^2/3,min(x,y)!')).toBe('(1-x)^2+100*(y-x^2)^2/3,min(x,y)!');
    expect(escapeText('a b&c#d%e"f<g>h`i\tj\nk')).toBe('a%20b%26c%23d%25e%22f%3Cg%3Eh%60i%09j%0Ak');
    expect(escapeText('été 😀 λ')).toBe('%C3%A9t%C3%A9%20%F0%9F%98%80%20%CE%BB');
    expect(escapeText('a;b(c)', ';(')).toBe('a%3Bb%28c)');
    expect(escapeText('\ud800')).toBe('%EF%BF%BD'); // a lone surrogate has no UTF-8 form
  });

  test('reads back through decodeURIComponent and survives a browser URL parser unchanged', () => {
    const samples = ['plain', 'x^2 + y^2', '100% & #1; "quoted" <tag> `tick`', 'ünïcödé 😀', '\u0000\u001f\u007f', '%20 literally'];
    for (const text of samples) {
      const escaped = escapeText(text, ';');
      expect(decodeURIComponent(escaped)).toBe(text);
      expect(unescapeText(escaped)).toEqual({ ok: true, value: text });
      expect(new URL(`http://localhost/#f=${escaped}`).hash).toBe(`#f=${escaped}`);
    }
  });
});

describe('unescapeText', () => {
  test('reports malformed escapes instead of throwing', () => {
    expect(unescapeText('100%')).toEqual({ ok: false, error: "'100%' is not valid percent-encoding" });
    expect(unescapeText('%E0%A4%A')).toEqual({ ok: false, error: "'%E0%A4%A' is not valid percent-encoding" });
    expect(unescapeText('%zz')).toEqual({ ok: false, error: "'%zz' is not valid percent-encoding" });
    expect(unescapeText('no escapes, + stays')).toEqual({ ok: true, value: 'no escapes, + stays' });
  });
});
