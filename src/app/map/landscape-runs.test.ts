import { describe, expect, it } from 'vitest';
import { landscapeAxisLabels } from './landscape-runs';

describe('landscapeAxisLabels', () => {
  it('names random axes α and β, and principal ones with their explained variance', () => {
    expect(landscapeAxisLabels(null)).toEqual(['α', 'β']);
    expect(landscapeAxisLabels([0.8423, 0.1207])).toEqual(['α: 1st PC, 84.2% of variance', 'β: 2nd PC, 12.1% of variance']);
    expect(landscapeAxisLabels([0.9999, 0.0001])).toEqual(['α: 1st PC, 100% of variance', 'β: 2nd PC, 0% of variance']);
  });
});
