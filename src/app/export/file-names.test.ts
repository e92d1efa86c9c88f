import { describe, expect, test } from 'vitest';
import { exportFileName, problemSlug } from './file-names';

// Oracle: the names written out by hand, and the characters Windows, macOS and Linux all accept.

describe('export file names', () => {
  test('name the surface by its id', () => {
    expect(exportFileName({ kind: 'surface', surface: 'rosenbrock', params: {} }, 'trajectories', 'csv')).toBe('optimizer-playground-rosenbrock-trajectories.csv');
    expect(exportFileName({ kind: 'surface', surface: 'goldstein-price', params: { a: 1 } }, 'map', 'png')).toBe('optimizer-playground-goldstein-price-map.png');
    expect(exportFileName({ kind: 'surface', surface: 'himmelblau', params: {} }, 'loss-chart', 'svg')).toBe('optimizer-playground-himmelblau-loss-chart.svg');
  });

  test('name animations like the pictures, with their format', () => {
    expect(exportFileName({ kind: 'surface', surface: 'rosenbrock', params: {} }, 'map-and-loss-chart', 'webm')).toBe('optimizer-playground-rosenbrock-map-and-loss-chart.webm');
    expect(exportFileName({ kind: 'surface', surface: 'himmelblau', params: {} }, 'map', 'gif')).toBe('optimizer-playground-himmelblau-map.gif');
    expect(exportFileName({ kind: 'formula', expression: 'x^2 + y^2' }, 'loss-chart', 'gif')).toBe('optimizer-playground-formula-x-2-y-2-loss-chart.gif');
  });

  test('name a typed formula by its letters and digits, cut to a sensible length', () => {
    expect(problemSlug({ kind: 'formula', expression: '(1-x)^2 + 100*(y-x^2)^2' })).toBe('formula-1-x-2-100-y-x-2-2');
    expect(problemSlug({ kind: 'formula', expression: 'x^2 + y^2' })).toBe('formula-x-2-y-2');
    expect(problemSlug({ kind: 'formula', expression: '  ' })).toBe('formula');
    const long = problemSlug({ kind: 'formula', expression: 'sin(x)*cos(y) + exp(-(x^2 + y^2)/10) + log(1 + x^2*y^2)' });
    expect(long.length).toBeLessThanOrEqual(40);
    expect(long).toMatch(/^formula-sin-x-cos-y-exp/);
    expect(long.endsWith('-')).toBe(false);
  });

  test('only ever use characters every file system accepts', () => {
    const hostile = ['../../etc/passwd', 'C:\\con', 'x"<>|?*:y', 'été λ 😀', '.', '-x-'];
    for (const expression of hostile) {
      const name = exportFileName({ kind: 'formula', expression }, 'experiment', 'json');
      expect(name).toMatch(/^optimizer-playground-[a-z0-9-]+-experiment\.json$/);
      expect(name).not.toMatch(/--/);
    }
  });
});
