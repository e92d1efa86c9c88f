import { describe, expect, it } from 'vitest';
import type { StepInspection } from '../../engine/inspect-step';
import { fullNumber, inspectionJson, quantityShape, readableNumber, shownMatrix, shownVector } from './inspector-format';

// Oracles: the numbers written out by hand, and JSON.parse giving back the very float64 bits.

describe('numbers in the inspector', () => {
  it('reads to four significant digits', () => {
    expect(readableNumber(0.123456)).toBe('0.1235');
    expect(readableNumber(-1234.5678)).toBe('−1235');
    expect(readableNumber(-3.0000001e-7)).toBe('−3e-7');
    expect(readableNumber(0)).toBe('0');
  });

  it('keeps the full float64 in a text that parses back to the same bits', () => {
    for (const value of [0.1 + 0.2, Math.PI, -1e-300, 5e-324, Number.MAX_VALUE, 1 / 3]) expect(Number(fullNumber(value))).toBe(value);
    expect(fullNumber(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(fullNumber(-0)).toBe('-0');
    expect(Object.is(Number(fullNumber(-0)), -0)).toBe(true);
  });
});

describe('vectors and matrices', () => {
  it('cuts a long vector and counts the rest', () => {
    expect(shownVector([1, 2, 3])).toEqual({ entries: [1, 2, 3], hidden: 0 });
    expect(shownVector(Float64Array.from({ length: 50 }, (_, i) => i))).toEqual({ entries: [0, 1, 2, 3, 4, 5, 6, 7], hidden: 42 });
  });

  it('cuts a matrix to its top-left corner, row-major', () => {
    // 3 × 4: 0 1 2 3 / 4 5 6 7 / 8 9 10 11
    const values = Float64Array.from({ length: 12 }, (_, i) => i);
    expect(shownMatrix(values, [3, 4], 2, 3)).toEqual({ rows: [[0, 1, 2], [4, 5, 6]], hiddenRows: 1, hiddenColumns: 1 });
    expect(shownMatrix(values, [3, 4])).toEqual({ rows: [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11]], hiddenRows: 0, hiddenColumns: 0 });
  });

  it('sorts quantities by their value and shape', () => {
    expect(quantityShape({ name: 'sigma', label: 'step size', symbol: '\\sigma', value: 0.5 })).toEqual({ kind: 'number', value: 0.5 });
    expect(quantityShape({ name: 'firstMoment', label: 'first moment', symbol: 'm_t', value: Float64Array.of(1, 2) }).kind).toBe('vector');
    expect(quantityShape({ name: 'covariance', label: 'covariance', symbol: 'C', value: Float64Array.of(1, 0, 0, 1), shape: [2, 2] })).toEqual({
      kind: 'matrix',
      matrix: { rows: [[1, 0], [0, 1]], hiddenRows: 0, hiddenColumns: 0 },
      shape: [2, 2],
    });
  });
});

describe('the copied JSON', () => {
  it("has the CLI inspect's shape, matrices as rows and every float64 exact", () => {
    const inspection: StepInspection = {
      step: 3,
      point: Float64Array.of(0.1 + 0.2, -1 / 3),
      value: Math.PI,
      gradient: Float64Array.of(1e-17, 2),
      previousPoint: Float64Array.of(0, 0),
      delta: Float64Array.of(0.1 + 0.2, -1 / 3),
      evaluations: { function: 4, gradient: 3, hessian: 0 },
      method: {
        state: [
          { name: 'learningRate', label: 'learning rate', symbol: '\\eta', value: 0.1 },
          { name: 'covariance', label: 'covariance', symbol: 'C', value: Float64Array.of(1, 2, 3, 4), shape: [2, 2] },
        ],
        narration: [{ sentence: 'steps down', rule: 'x = x - g' }],
      },
    };
    const parsed: unknown = JSON.parse(inspectionJson(1, inspection));
    expect(parsed).toEqual({
      run: 2,
      step: 3,
      point: [0.30000000000000004, -1 / 3],
      value: Math.PI,
      gradient: [1e-17, 2],
      delta: [0.30000000000000004, -1 / 3],
      evaluations: { function: 4, gradient: 3, hessian: 0 },
      state: { learningRate: 0.1, covariance: [[1, 2], [3, 4]] },
      narration: [{ sentence: 'steps down', rule: 'x = x - g' }],
    });
  });

  it('has an empty state for a method that does not inspect', () => {
    const parsed = JSON.parse(
      inspectionJson(0, { step: 0, point: Float64Array.of(1), value: 1, gradient: Float64Array.of(2), previousPoint: null, delta: null, evaluations: { function: 1, gradient: 1, hessian: 0 }, method: null }),
    ) as { state: object; delta: null; narration: unknown[] };
    expect([parsed.state, parsed.delta, parsed.narration]).toEqual([{}, null, []]);
  });
});
