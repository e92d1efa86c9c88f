import { describe, expect, it } from 'vitest';
import { featureAt } from '../dataset';
import { generateDataset } from './index';

// Noise-free geometry, checked against each construction's definition (a circle's equation, the XOR
// sign rule, y = X·w + bias), not against the generator's own formulas.

describe('noise-free geometry', () => {
  it('two_moons: class 0 on the upper unit half circle, class 1 on the lower one centred at (1, 0.5); ⌊n/2⌋ / ⌈n/2⌉', () => {
    for (const samples of [1, 2, 5, 9, 100, 101]) {
      const moons = generateDataset('two_moons', { samples, noise: 0 }, 7);
      const counts = [0, 0];
      for (let i = 0; i < samples; i++) {
        const x = featureAt(moons, i, 0);
        const y = featureAt(moons, i, 1);
        const label = moons.targets[i];
        counts[label]++;
        if (label === 0) {
          expect(Math.abs(x * x + y * y - 1)).toBeLessThan(1e-14);
          expect(y).toBeGreaterThanOrEqual(0);
        } else {
          expect(Math.abs((x - 1) * (x - 1) + (y - 0.5) * (y - 0.5) - 1)).toBeLessThan(1e-14);
          expect(y).toBeLessThanOrEqual(0.5);
        }
      }
      expect(counts).toEqual([Math.floor(samples / 2), Math.ceil(samples / 2)]);
    }
  });

  it('circles: radius 1 for class 0 and `factor` for class 1, angles evenly spaced', () => {
    for (const factor of [0, 0.3, 0.8]) {
      const samples = 41;
      const circles = generateDataset('circles', { samples, noise: 0, factor }, 3);
      for (let i = 0; i < samples; i++) {
        const radius = Math.hypot(featureAt(circles, i, 0), featureAt(circles, i, 1));
        expect(Math.abs(radius - (circles.targets[i] === 0 ? 1 : factor))).toBeLessThan(1e-14);
      }
      // 20 outer points: consecutive ones 2π/20 apart on the unit circle (chord 2 sin(π/20)).
      for (let i = 1; i < 20; i++) {
        const chord = Math.hypot(featureAt(circles, i, 0) - featureAt(circles, i - 1, 0), featureAt(circles, i, 1) - featureAt(circles, i - 1, 1));
        expect(Math.abs(chord - 2 * Math.sin(Math.PI / 20))).toBeLessThan(1e-14);
      }
    }
  });

  it('xor: class 1 exactly where x·y ≥ 0, points at least 0.3 from the axes within 5.3, all four quadrants used', () => {
    const xor = generateDataset('xor', { samples: 2000, noise: 0 }, 11);
    const quadrants = [0, 0, 0, 0];
    for (let i = 0; i < xor.rows; i++) {
      const x = featureAt(xor, i, 0);
      const y = featureAt(xor, i, 1);
      expect(xor.targets[i]).toBe(x * y >= 0 ? 1 : 0);
      for (const value of [x, y]) {
        expect(Math.abs(value)).toBeGreaterThanOrEqual(0.3);
        expect(Math.abs(value)).toBeLessThanOrEqual(5.3);
      }
      quadrants[(x > 0 ? 1 : 0) + (y > 0 ? 2 : 0)]++;
    }
    // Each quadrant has probability 1/4: within 4 standard errors of 500.
    const standardError = Math.sqrt(2000 * 0.25 * 0.75);
    for (const count of quadrants) expect(Math.abs(count - 500)).toBeLessThan(4 * standardError);
  });

  it('xor noise moves only labels, and only near the axes (noise·5 is the largest shift)', () => {
    // noise 0.05 shifts by < 0.25, less than the 0.3 padding: no label can change.
    const small = generateDataset('xor', { samples: 2000, noise: 0.05 }, 5);
    for (let i = 0; i < small.rows; i++) expect(small.targets[i]).toBe(featureAt(small, i, 0) * featureAt(small, i, 1) >= 0 ? 1 : 0);
    const large = generateDataset('xor', { samples: 2000, noise: 0.5 }, 5);
    let flipped = 0;
    for (let i = 0; i < large.rows; i++) {
      const x = featureAt(large, i, 0);
      const y = featureAt(large, i, 1);
      if (large.targets[i] !== (x * y >= 0 ? 1 : 0)) {
        flipped++;
        expect(Math.min(Math.abs(x), Math.abs(y))).toBeLessThan(2.5);
      }
    }
    expect(flipped).toBeGreaterThan(0);
  });

  it('spiral: the two arms are point reflections of each other, radii 5i/m rising from 0', () => {
    const samples = 100;
    const spiral = generateDataset('spiral', { samples, noise: 0 }, 2);
    const arm = samples / 2;
    for (let i = 0; i < arm; i++) {
      expect(spiral.targets[i]).toBe(0);
      expect(spiral.targets[arm + i]).toBe(1);
      // Angle + π: (r sin(t + π), r cos(t + π)) = −(r sin t, r cos t).
      expect(Math.abs(featureAt(spiral, i, 0) + featureAt(spiral, arm + i, 0))).toBeLessThan(1e-13);
      expect(Math.abs(featureAt(spiral, i, 1) + featureAt(spiral, arm + i, 1))).toBeLessThan(1e-13);
      expect(Math.abs(Math.hypot(featureAt(spiral, arm + i, 0), featureAt(spiral, arm + i, 1)) - (5 * i) / arm)).toBeLessThan(1e-13);
    }
    // Odd n: class 0 gets ⌊n/2⌋ rows.
    const odd = generateDataset('spiral', { samples: 7, noise: 0 }, 2);
    expect(Array.from(odd.targets)).toEqual([0, 0, 0, 1, 1, 1, 1]);
  });

  it('regression: targets equal X·w + bias exactly, w nonzero only on the informative features', () => {
    const data = generateDataset('regression', { samples: 50, n_features: 6, n_informative: 3, bias: 4.5, noise: 0 }, 9);
    const weights = data.truth.coefficients;
    expect(weights).toBeDefined();
    if (!weights) return;
    for (let j = 0; j < 6; j++) {
      if (j < 3) expect(weights[j] > 0 && weights[j] < 100).toBe(true);
      else expect(weights[j]).toBe(0);
    }
    for (let i = 0; i < data.rows; i++) {
      let prediction = 4.5;
      for (let j = 0; j < 6; j++) prediction += featureAt(data, i, j) * weights[j];
      expect(Math.abs(data.targets[i] - prediction)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(prediction)));
    }
  });

  it('linear_1d and polynomial: targets on the line / curve exactly at noise 0', () => {
    const line = generateDataset('linear_1d', { samples: 30, noise: 0, slope: -3, intercept: 2, x_range: [-2, 5] }, 4);
    for (let i = 0; i < line.rows; i++) {
      const x = line.features[i];
      expect(x >= -2 && x < 5).toBe(true);
      expect(line.targets[i]).toBe(-3 * x + 2);
    }
    const curve = generateDataset('polynomial', { samples: 30, noise: 0, degree: 4 }, 4);
    const c = curve.truth.coefficients ?? new Float64Array();
    expect(c.length).toBe(5);
    for (let i = 0; i < curve.rows; i++) {
      const x = curve.features[i];
      const expected = c[0] + c[1] * x + c[2] * x * x + c[3] * x * x * x + c[4] * x * x * x * x;
      expect(Math.abs(curve.targets[i] - expected)).toBeLessThan(1e-13);
    }
  });

  it('classification: redundant features are exact linear combinations of the informative ones', () => {
    const informative = 3;
    const redundant = 2;
    const data = generateDataset('classification', { samples: 300, n_features: 7, n_informative: informative, n_redundant: redundant, n_classes: 3, flip_y: 0 }, 21);
    for (let r = 0; r < redundant; r++) {
      // Least squares of the redundant column on the informative ones (normal equations, 3×3).
      const gram = [0, 0, 0, 0, 0, 0, 0, 0, 0];
      const rhs = [0, 0, 0];
      for (let i = 0; i < data.rows; i++) {
        for (let a = 0; a < informative; a++) {
          rhs[a] += featureAt(data, i, a) * featureAt(data, i, informative + r);
          for (let b = 0; b < informative; b++) gram[a * 3 + b] += featureAt(data, i, a) * featureAt(data, i, b);
        }
      }
      const solution = solve3(gram, rhs);
      let worst = 0;
      for (let i = 0; i < data.rows; i++) {
        let fit = 0;
        for (let a = 0; a < informative; a++) fit += solution[a] * featureAt(data, i, a);
        worst = Math.max(worst, Math.abs(fit - featureAt(data, i, informative + r)));
      }
      expect(worst).toBeLessThan(1e-10);
      for (const weight of solution) expect(Math.abs(weight)).toBeLessThanOrEqual(1 + 1e-9); // B is uniform on [−1, 1)
    }
    // Cluster centers: distinct vertices of [−class_sep, class_sep]^3 (class_sep 1).
    const centers = Array.from(data.truth.centers ?? []);
    expect(centers.length).toBe(3 * informative);
    for (const value of centers) expect(Math.abs(value)).toBe(1);
    const vertices = new Set([0, 1, 2].map((cluster) => centers.slice(cluster * 3, cluster * 3 + 3).join(',')));
    expect(vertices.size).toBe(3);
  });
});

/** Solves a 3×3 system by Cramer's rule. */
function solve3(matrix: number[], rhs: number[]): number[] {
  const det = (m: number[]): number => m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6]) + m[2] * (m[3] * m[7] - m[4] * m[6]);
  const whole = det(matrix);
  return [0, 1, 2].map((column) => {
    const replaced = [...matrix];
    for (let row = 0; row < 3; row++) replaced[row * 3 + column] = rhs[row];
    return det(replaced) / whole;
  });
}
