// The speed slider is logarithmic: 1 → 10 → 100 → 1,000 steps/s take equal stretches of it, so a
// slow 3 steps/s for a lecture and a fast 2,000 steps/s for a 100,000-step run are both one drag
// away. Positions are whole numbers so arrow keys move by a fixed ratio (about 9% each).
import { SPEED_RANGE } from '../../store/playback-slice';

/** Slider positions: 0 is SPEED_RANGE.min, SPEED_POSITIONS is SPEED_RANGE.max. */
export const SPEED_POSITIONS = 100;

const LOG_MIN = Math.log(SPEED_RANGE.min);
const LOG_SPAN = Math.log(SPEED_RANGE.max) - LOG_MIN;

/** Steps per second (a whole number) at a slider position. */
export function speedAt(position: number): number {
  const clamped = Math.max(0, Math.min(SPEED_POSITIONS, position));
  return Math.round(Math.exp(LOG_MIN + (LOG_SPAN * clamped) / SPEED_POSITIONS));
}

/** The slider position closest to a speed. */
export function positionOf(speed: number): number {
  const clamped = Math.max(SPEED_RANGE.min, Math.min(SPEED_RANGE.max, speed));
  return Math.round(((Math.log(clamped) - LOG_MIN) / LOG_SPAN) * SPEED_POSITIONS);
}
