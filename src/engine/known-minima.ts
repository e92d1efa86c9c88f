/** The lowest known minimum value f* among `minima`, or null when none is known. */
export function lowestMinimumValue(minima: readonly { readonly value: number }[] | undefined): number | null {
  if (!minima || minima.length === 0) return null;
  return Math.min(...minima.map((minimum) => minimum.value));
}
