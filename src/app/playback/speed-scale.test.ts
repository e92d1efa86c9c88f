import { describe, expect, it } from 'vitest';
import { SPEED_RANGE } from '../../store/playback-slice';
import { positionOf, SPEED_POSITIONS, speedAt } from './speed-scale';

describe('speed slider scale', () => {
  it('runs from the slowest to the fastest speed, never backwards', () => {
    expect(speedAt(0)).toBe(SPEED_RANGE.min);
    expect(speedAt(SPEED_POSITIONS)).toBe(SPEED_RANGE.max);
    for (let position = 1; position <= SPEED_POSITIONS; position++) expect(speedAt(position)).toBeGreaterThanOrEqual(speedAt(position - 1));
  });

  it('is logarithmic: each decade takes the same share of the slider', () => {
    // log(10) / log(5000) of 100 positions per decade = 27.03
    expect(positionOf(10)).toBe(27);
    expect(positionOf(100)).toBe(54);
    expect(positionOf(1000)).toBe(81);
  });

  it('keeps a speed the slider set when the slider is drawn from it again', () => {
    expect(speedAt(positionOf(SPEED_RANGE.default))).toBe(SPEED_RANGE.default);
    // below ~12 steps/s neighbouring positions share a whole speed; any of them shows the same speed
    for (let position = 0; position <= SPEED_POSITIONS; position++) expect(speedAt(positionOf(speedAt(position)))).toBe(speedAt(position));
  });

  it('clamps speeds and positions outside the range', () => {
    expect(positionOf(0.01)).toBe(0);
    expect(positionOf(1e9)).toBe(SPEED_POSITIONS);
    expect(speedAt(-5)).toBe(SPEED_RANGE.min);
  });
});
