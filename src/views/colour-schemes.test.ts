import { describe, expect, it } from 'vitest';
import * as d3 from 'd3';
import { interpolateViridis, interpolateYlGnBu, interpolateYlOrRd } from './colour-schemes';

describe('colour schemes', () => {
  it('give the colours of d3-scale-chromatic at every t, inside and outside [0, 1]', () => {
    const ts = [-0.5, -1e-9, 1, 1.5, ...Array.from({ length: 2001 }, (_, k) => k / 2000)];
    for (const t of ts) {
      expect(interpolateViridis(t)).toBe(d3.interpolateViridis(t));
      expect(interpolateYlGnBu(t)).toBe(d3.interpolateYlGnBu(t));
      expect(interpolateYlOrRd(t)).toBe(d3.interpolateYlOrRd(t));
    }
  });
});
