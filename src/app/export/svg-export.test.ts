import { describe, expect, test } from 'vitest';
import { pinnedStyle, withPinnedStyles } from './svg-export';

// Oracle: the style attributes written out by hand from the SVG 1.1 initial values.

/** A computed style where every property holds its initial value except those given. */
function computed(overrides: Record<string, string>): (property: string) => string {
  const initial: Record<string, string> = {
    fill: 'rgb(0, 0, 0)',
    stroke: 'none',
    'stroke-width': '1px',
    opacity: '1',
    visibility: 'visible',
    'font-family': 'system-ui',
    'font-size': '16px',
    'font-weight': '400',
    'text-anchor': 'start',
  };
  return (property) => overrides[property] ?? initial[property] ?? '';
}

describe('pinnedStyle', () => {
  test('writes only what differs from the initial values', () => {
    expect(pinnedStyle('path', computed({}))).toBe('');
    expect(pinnedStyle('path', computed({ fill: 'none', stroke: 'rgb(230, 159, 0)', 'stroke-width': '1.8px' }))).toBe('fill:none;stroke:rgb(230, 159, 0);stroke-width:1.8px');
    expect(pinnedStyle('circle', computed({ opacity: '0.5', visibility: 'hidden' }))).toBe('opacity:0.5;visibility:hidden');
  });

  test('pins fonts on text only, where the file has no stylesheet to inherit them from', () => {
    const read = computed({ fill: 'rgb(92, 92, 102)', 'font-size': '11px', 'text-anchor': 'middle' });
    expect(pinnedStyle('text', read)).toBe('fill:rgb(92, 92, 102);font-family:system-ui;font-size:11px;text-anchor:middle');
    expect(pinnedStyle('g', read)).toBe('fill:rgb(92, 92, 102)');
  });
});

describe('withPinnedStyles', () => {
  test('turns the pinned-style attribute into style inside tags, and nowhere else', () => {
    // text carries '"' unescaped, and a label can spell anything; '<' and '>' in text are always escaped
    const serialized = '<svg xmlns="http://www.w3.org/2000/svg" data-pinned-style="font-size:11px"><g class="run" data-pinned-style="fill:none;stroke:rgb(230, 159, 0)"><text data-pinned-style="fill:rgb(1, 2, 3)">a data-pinned-style="x" &lt;b data-pinned-style="y"&gt;</text></g></svg>';
    expect(withPinnedStyles(serialized)).toBe(
      '<svg xmlns="http://www.w3.org/2000/svg" style="font-size:11px"><g class="run" style="fill:none;stroke:rgb(230, 159, 0)"><text style="fill:rgb(1, 2, 3)">a data-pinned-style="x" &lt;b data-pinned-style="y"&gt;</text></g></svg>',
    );
  });
});
