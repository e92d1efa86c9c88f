// When a run has gone wrong: what the runner checks at every new point, in words for the user.

/** Coordinates beyond this magnitude count as divergence (long before float64 overflows). */
export const DIVERGENCE_BOUND = 1e12;

/** Null for a point that may be recorded; otherwise what is wrong with it, in words. */
export function pointProblem(point: ArrayLike<number>, dimension: number, atStart: boolean): string | null {
  for (let i = 0; i < dimension; i++) {
    const value = point[i];
    if (Number.isNaN(value)) return `${coordinateName(i, dimension)} ${atStart ? 'is NaN at the start point' : 'became NaN'}`;
    if (!Number.isFinite(value)) return `${coordinateName(i, dimension)} ${atStart ? 'is infinite at the start point' : 'became infinite'}`;
    if (Math.abs(value) > DIVERGENCE_BOUND) return atStart ? `|${coordinateName(i, dimension)}| exceeds 1e12 at the start point` : `|${coordinateName(i, dimension)}| exceeded 1e12`;
  }
  return null;
}

/** Null for a loss that may be recorded; otherwise what is wrong with it, with a likely cause. */
export function lossProblem(loss: number, atStart: boolean): string | null {
  const where = atStart ? ' at the start point' : '';
  if (Number.isNaN(loss)) return `f is NaN${where} (log or sqrt of a negative number?)`;
  if (!Number.isFinite(loss)) return `f is infinite${where} (division by zero or overflow?)`;
  return null;
}

/** x, y, z in up to three dimensions, else "parameter i" counting from 1. */
function coordinateName(index: number, dimension: number): string {
  return dimension <= 3 ? 'xyz'[index] : `parameter ${index + 1}`;
}
