import { describe, expect, it } from 'vitest';
import { Random } from '../random';
import { filterNormalize, randomSliceDirections } from './filter-normalized-direction';

const norm = (values: ArrayLike<number>, start = 0, length = values.length) => {
  let sum = 0;
  for (let i = start; i < start + length; i++) sum += values[i] ** 2;
  return Math.sqrt(sum);
};
const layout = {
  filters: [
    { start: 0, length: 3 },
    { start: 3, length: 3 },
  ],
  biases: [{ start: 6, length: 2 }],
};

describe('filterNormalize', () => {
  it("gives each filter the norm of the centre's same filter, keeps its direction, and zeroes the biases", () => {
    const centre = [3, 0, 4, 0.1, 0.2, -0.2, 5, 5];
    const direction = Float64Array.from([1, 2, 2, -3, 0, 4, 7, 7]);
    filterNormalize(direction, centre, layout);
    expect(norm(direction, 0, 3)).toBeCloseTo(5, 14);
    expect(norm(direction, 3, 3)).toBeCloseTo(0.3, 14);
    expect(direction[1] / direction[0]).toBeCloseTo(2, 14);
    expect(direction[5] / direction[3]).toBeCloseTo(-4 / 3, 14);
    expect([direction[6], direction[7]]).toEqual([0, 0]);
  });

  it('falls back to a unit direction when every filter of the centre is zero (a linear model at its zero start)', () => {
    const direction = filterNormalize(Float64Array.from([1, 1, 1, 1, 1, 1, 1, 1]), new Float64Array(8), layout);
    expect(norm(direction)).toBeCloseTo(1, 14);
  });
});

describe('randomSliceDirections', () => {
  it('draws the same directions for the same seed', () => {
    const centre = [1, 2, 3, 4, 5, 6, 0, 0];
    const [a] = randomSliceDirections(centre, layout, new Random(7));
    const [b] = randomSliceDirections(centre, layout, new Random(7));
    expect(Array.from(a)).toEqual(Array.from(b));
  });

  it("without a model, scales both to ‖θ‖ and makes the second orthogonal to the first", () => {
    const centre = Array.from({ length: 10 }, () => 1);
    const [first, second] = randomSliceDirections(centre, null, new Random(3));
    expect(norm(first)).toBeCloseTo(Math.sqrt(10), 12);
    expect(norm(second)).toBeCloseTo(Math.sqrt(10), 12);
    expect(first.reduce((sum, value, i) => sum + value * second[i], 0)).toBeCloseTo(0, 12);
  });
});
