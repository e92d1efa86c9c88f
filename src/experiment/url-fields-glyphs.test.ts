import { describe, expect, it } from 'vitest';
import { NO_ANALYSIS_SETTINGS } from './analysis-settings';
import { DEFAULT_EXPERIMENT } from './experiment';
import { decodeUrlState, encodeUrlState } from './url-codec';
import { DEFAULT_URL_VIEW } from './url-field';

// Oracle: the link text written out by hand, as a lesson would write it.

describe('glyphs= and theory= in the share URL', () => {
  it('reads a lesson link with glyphs and the theory overlay', () => {
    const state = decodeUrlState('v=1&surface=booth&run=sgd(lr=0.05)@0,0&glyphs=newton,gradient&theory=1');
    expect(state.problems).toEqual([]);
    expect(state.view.glyphs).toEqual(['gradient', 'newtonStep']);
    expect(state.view.theory).toBe(true);
  });

  it('writes them in one order, and leaves them out when off', () => {
    const view = { ...DEFAULT_URL_VIEW, glyphs: ['probeDirection', 'stepBox', 'velocity'] as const, theory: true };
    const hash = encodeUrlState({ experiment: DEFAULT_EXPERIMENT, view, analyses: NO_ANALYSIS_SETTINGS });
    expect(hash).toContain('glyphs=velocity,box,probe');
    expect(hash).toContain('theory=1');
    expect(decodeUrlState(hash).view.glyphs).toEqual(['velocity', 'stepBox', 'probeDirection']);
    const off = encodeUrlState({ experiment: DEFAULT_EXPERIMENT, view: { ...DEFAULT_URL_VIEW, glyphs: [], theory: false }, analyses: NO_ANALYSIS_SETTINGS });
    expect(off).not.toContain('glyphs=');
    expect(off).not.toContain('theory=');
  });

  it('skips an unknown glyph alone and names it; a bad theory value falls back to off', () => {
    const state = decodeUrlState('v=1&glyphs=gradient,arrows,newton&theory=yes');
    expect(state.view.glyphs).toEqual(['gradient', 'newtonStep']);
    expect(state.view.theory).toBeUndefined();
    expect(state.problems.join('\n')).toMatch(/glyphs: 'arrows' is not one of gradient, velocity, box, newton, probe; left out/);
    expect(state.problems.join('\n')).toMatch(/theory: 'yes' is not 1 or 0; without the theory overlay/);
  });
});
