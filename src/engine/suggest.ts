/** Longest name for which a close known name is looked for; nobody misspells a name longer than this. */
const MAX_SUGGESTED_LENGTH = 100;

/** The known name closest to a misspelt one, or undefined when none is plausibly meant. */
export function closestName(name: string, known: readonly string[]): string | undefined {
  // the distance costs length × length: two 50 KB column names would take seconds
  if (name.length > MAX_SUGGESTED_LENGTH) return undefined;
  const lowered = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  // A third of the name may be wrong (at least one edit, so 'lrr' finds 'lr'); beyond that a
  // suggestion is noise. A one-letter name is too short to be a misspelling of anything.
  const allowed = name.length <= 1 ? 0 : Math.max(1, Math.floor(name.length / 3));
  for (const candidate of known) {
    // the lengths' difference is a lower bound on the distance: a 100 KB name is compared with none
    const loweredCandidate = candidate.toLowerCase();
    if (Math.abs(lowered.length - loweredCandidate.length) > allowed) continue;
    const distance = editDistance(lowered, loweredCandidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= allowed ? best : undefined;
}

/** " (did you mean 'lr'?)" or "" — the tail of an unknown-name message. */
export function didYouMean(name: string, known: readonly string[]): string {
  const suggestion = closestName(name, known);
  return suggestion === undefined ? '' : ` (did you mean '${suggestion}'?)`;
}

/** Levenshtein distance with adjacent transpositions counted as one edit ('lr' vs 'rl'). */
function editDistance(a: string, b: string): number {
  // d[i][j] = edits turning a[0..i) into b[0..j); three rolling rows suffice for transpositions.
  let previousPrevious = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = new Array<number>(b.length + 1);
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const substitution = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + substitution);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        current[j] = Math.min(current[j], previousPrevious[j - 2] + 1);
      }
    }
    previousPrevious = previous;
    previous = current;
  }
  return previous[b.length];
}
