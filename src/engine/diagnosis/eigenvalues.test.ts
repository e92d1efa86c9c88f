import { describe, expect, it } from 'vitest';
import golden from './eigenvalues.golden.json';
import { JACOBI_MAX_DIMENSION, largestEigenvalue, symmetricEigenvalues } from './eigenvalues';

// Against numpy.linalg.eigvalsh (LAPACK), written by scripts/golden/eigenvalues.py, and closed forms.

interface GoldenCase {
  name: string;
  dimension: number;
  matrix: number[];
  eigenvalues: number[];
}

const cases = golden.cases as GoldenCase[];

/** Agreement relative to the matrix's largest eigenvalue magnitude (rounding grows with the spread). */
function expectClose(actual: number, expected: number, scale: number, relative = 1e-10): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.max(1, scale));
}

describe('symmetricEigenvalues', () => {
  for (const golden of cases.filter((entry) => entry.dimension <= JACOBI_MAX_DIMENSION)) {
    it(`matches numpy's eigvalsh: ${golden.name}`, () => {
      const values = symmetricEigenvalues(golden.matrix, golden.dimension);
      const scale = Math.max(...golden.eigenvalues.map(Math.abs));
      expect(values).toHaveLength(golden.dimension);
      golden.eigenvalues.forEach((expected, index) => expectClose(values[index], expected, scale));
    });
  }

  it('solves 2 × 2 in closed form, λ = (a + d)/2 ± √(((a − d)/2)² + b²)', () => {
    // [[2, 1], [1, 2]]: eigenvalues 1 and 3 (eigenvectors (1, −1) and (1, 1))
    expect(Array.from(symmetricEigenvalues([2, 1, 1, 2], 2))).toEqual([1, 3]);
    // Rosenbrock at the minimum (1, 1): [[802, −400], [−400, 200]], λ = 501 ± √(301² + 400²) = 501 ± √250601
    const [low, high] = symmetricEigenvalues([802, -400, -400, 200], 2);
    expect(high).toBeCloseTo(501 + Math.sqrt(250601), 10);
    expect(low).toBeCloseTo(501 - Math.sqrt(250601), 10);
  });

  it('reads only the upper triangle', () => {
    // diag(1, 2, 3) plus a 4 above the diagonal: [[1, 4, 0], [4, 2, 0], [0, 0, 3]] whatever lies below
    const values = symmetricEigenvalues([1, 4, 0, 999, 2, 0, 999, 999, 3], 3);
    const radius = Math.hypot(0.5, 4);
    expect(values[0]).toBeCloseTo(1.5 - radius, 12);
    expect(values[1]).toBeCloseTo(3, 12);
    expect(values[2]).toBeCloseTo(1.5 + radius, 12);
  });

  it('gives NaN for a matrix that is not finite', () => {
    expect(Number.isNaN(symmetricEigenvalues([1, Infinity, 0, 0, 1, 0, 0, 0, 1], 3)[0])).toBe(true);
  });
});

describe('largestEigenvalue', () => {
  for (const golden of cases) {
    it(`matches numpy's largest eigenvalue: ${golden.name}`, () => {
      const expected = golden.eigenvalues[golden.eigenvalues.length - 1];
      const scale = Math.max(...golden.eigenvalues.map(Math.abs));
      // power iteration (past JACOBI_MAX_DIMENSION) stops on a settled Rayleigh quotient
      const tolerance = golden.dimension > JACOBI_MAX_DIMENSION ? 1e-6 : 1e-10;
      expectClose(largestEigenvalue(golden.matrix, golden.dimension), expected, scale, tolerance);
    });
  }

  it('finds λmax, not the eigenvalue of largest magnitude, past the Jacobi size', () => {
    // diag(−10, 1, 1, ..., 1, 2) in 80 dimensions: λmax = 2 although |−10| dominates
    const n = 80;
    const matrix = new Float64Array(n * n);
    for (let i = 0; i < n; i++) matrix[i * n + i] = 1;
    matrix[0] = -10;
    matrix[n * n - 1] = 2;
    expect(largestEigenvalue(matrix, n)).toBeCloseTo(2, 6);
  });
});
