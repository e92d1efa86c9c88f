// Batch work of many runs summarised or gathered without drawing each: basin maps, sweeps, seeds.
export * from './types';
export { basinCellStart, checkBasinDimension, convergenceRadius, linearSpaced, logSpaced, sweepCellHyper, sweepCellValues } from './cells';
export { runBatchRange } from './summaries';
export { quantileOfSorted, runSeedRange, seedOfIndex, seedStatistics, type SeedRun } from './seeds';
export { TARGET_PRECISIONS, targetHits, type SeedOutcome } from './targets';
