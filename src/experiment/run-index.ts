/**
 * A run index kept inside an experiment of `numRuns` runs: the selected or analysed run, or the last
 * one when runs were removed since (0 when there are none).
 */
export function clampRunIndex(index: number, numRuns: number): number {
  return Math.max(0, Math.min(index, numRuns - 1));
}
