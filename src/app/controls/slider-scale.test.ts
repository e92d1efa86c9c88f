import { describe, expect, it } from 'vitest';
import { formatNumber, parseNumberText, positionCount, positionOfValue, valueAtPosition, type SliderRange } from './slider-scale';

const LEARNING_RATE: SliderRange = { min: 1e-5, max: 100, scale: 'log' };
const BETA: SliderRange = { min: 0, max: 0.9999, scale: 'decay' };
const NOISE: SliderRange = { min: 0, max: 100, scale: 'log-zero', logMin: 1e-3 };
const FRACTION: SliderRange = { min: 0, max: 1, scale: 'linear' };
const STEPS: SliderRange = { min: 1, max: 300, scale: 'linear', integer: true };

describe('valueAtPosition', () => {
  it('spaces a log scale evenly in decades, 90 round values to each', () => {
    // 1e-5 .. 100 is 7 decades
    expect(positionCount(LEARNING_RATE)).toBe(630);
    expect([0, 90, 180, 270, 360, 450, 540, 630].map((position) => valueAtPosition(LEARNING_RATE, position))).toEqual([
      1e-5, 1e-4, 1e-3, 0.01, 0.1, 1, 10, 100,
    ]);
    // the rungs after 0.01 and before 1: two significant digits
    expect(valueAtPosition(LEARNING_RATE, 271)).toBe(0.011);
    expect(valueAtPosition(LEARNING_RATE, 449)).toBe(0.99);
  });

  it('has the values a lecture uses exactly on the slider', () => {
    for (const value of [0.05, 0.001, 0.002, 0.5, 3e-4]) expect(valueAtPosition(LEARNING_RATE, positionOfValue(LEARNING_RATE, value))).toBe(value);
    for (const value of [0.5, 0.9, 0.95, 0.99, 0.995, 0.999]) expect(valueAtPosition(BETA, positionOfValue(BETA, value))).toBe(value);
  });

  it('puts 0, 0.9, 0.99, 0.999 and 0.9999 equally far apart on the decay scale', () => {
    expect(positionCount(BETA)).toBe(360);
    expect([0, 90, 180, 270, 360].map((position) => valueAtPosition(BETA, position))).toEqual([0, 0.9, 0.99, 0.999, 0.9999]);
  });

  it('starts a log-zero scale at exactly 0, then covers logMin..max', () => {
    expect(valueAtPosition(NOISE, 0)).toBe(0);
    expect(valueAtPosition(NOISE, 1)).toBe(0.001);
    expect(valueAtPosition(NOISE, positionCount(NOISE))).toBe(100);
  });

  it('rounds linear values to the slider step and integers to whole numbers', () => {
    expect(valueAtPosition(FRACTION, 333)).toBe(0.333);
    // one position per whole number: 299 positions for 1..300
    expect(positionCount(STEPS)).toBe(299);
    expect(valueAtPosition(STEPS, 0)).toBe(1);
    expect(valueAtPosition(STEPS, 149)).toBe(150);
    expect(valueAtPosition(STEPS, 299)).toBe(300);
  });

  it('gives a larger value at every position to the right (so each arrow key press changes it)', () => {
    for (const range of [LEARNING_RATE, BETA, NOISE, FRACTION, STEPS]) {
      let previous = -Infinity;
      for (let position = 0; position <= positionCount(range); position++) {
        const value = valueAtPosition(range, position);
        expect(value).toBeGreaterThan(previous);
        previous = value;
      }
    }
  });
});

describe('positionOfValue', () => {
  it('finds the position each value came from (the thumb never snaps away from where it was put)', () => {
    for (const range of [LEARNING_RATE, BETA, NOISE, FRACTION, STEPS]) {
      for (let position = 0; position <= positionCount(range); position++) {
        expect(positionOfValue(range, valueAtPosition(range, position))).toBe(position);
      }
    }
  });

  it('places values between rungs at the nearest rung', () => {
    // 0.0123 lies between the rungs 0.012 (272) and 0.013 (273)
    expect(positionOfValue(LEARNING_RATE, 0.0123)).toBe(272);
    // 1 − 0.999017 = 0.000983, nearest rung 0.00098 = 1e-4 · 9.8 (272), β = 0.99902
    expect(positionOfValue(BETA, 0.999017)).toBe(272);
    expect(valueAtPosition(BETA, 272)).toBe(0.99902);
  });

  it('rests at the nearest end for values beyond the slider (typed, still valid)', () => {
    expect(positionOfValue(LEARNING_RATE, 1e-9)).toBe(0);
    expect(positionOfValue(LEARNING_RATE, 1e9)).toBe(positionCount(LEARNING_RATE));
    expect(positionOfValue(BETA, 1)).toBe(positionCount(BETA));
    expect(positionOfValue(NOISE, 0)).toBe(0);
    expect(positionOfValue(NOISE, 1e-6)).toBe(1);
  });
});

describe('formatNumber', () => {
  it('drops float noise and keeps small numbers readable', () => {
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(1e-8)).toBe('1e-8');
    expect(formatNumber(-1.5)).toBe('-1.5');
    expect(formatNumber(123.456789)).toBe('123.457');
  });
});

describe('parseNumberText', () => {
  const learningRate = { min: 0, max: 100, exclusiveMin: true };
  const seed = { min: 0, max: 0xffff_ffff, integer: true };

  it('reads decimals and e-notation with surrounding spaces', () => {
    expect(parseNumberText('0.05', learningRate, 'lr')).toEqual({ ok: true, value: 0.05 });
    expect(parseNumberText(' 1e-3 ', learningRate, 'lr')).toEqual({ ok: true, value: 0.001 });
    expect(parseNumberText('.5', learningRate, 'lr')).toEqual({ ok: true, value: 0.5 });
  });

  it('names the field and the allowed range when the value is outside it', () => {
    expect(parseNumberText('-1', learningRate, 'lr')).toEqual({ ok: false, message: 'lr must be > 0, got -1' });
    expect(parseNumberText('200', learningRate, 'lr')).toEqual({ ok: false, message: 'lr must be <= 100, got 200' });
    expect(parseNumberText('1.5', seed, 'seed')).toEqual({ ok: false, message: 'seed must be a whole number, got 1.5' });
  });

  it('refuses what is not a number, quoting it, and empty text', () => {
    expect(parseNumberText('abc', learningRate, 'lr')).toEqual({ ok: false, message: 'lr must be a number like 0.01 or 1e-3, got "abc"' });
    // Number('0x10') would be 16 and Number('') 0: neither is what a person meant
    expect(parseNumberText('0x10', learningRate, 'lr').ok).toBe(false);
    expect(parseNumberText('  ', learningRate, 'lr')).toEqual({ ok: false, message: 'lr needs a value' });
  });
});
