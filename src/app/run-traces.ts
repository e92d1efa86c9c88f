import { useMemo } from 'react';
import { runColor } from '../views/scales';
import type { RunTrace } from '../views/run-trace';
import { runLabel } from './labels';
import { useAppStore } from './use-app-store';

/** The current runs as the views draw them: results joined with labels and colours. */
export function useRunTraces(): RunTrace[] {
  const runs = useAppStore((state) => state.runs);
  const experiment = useAppStore((state) => state.experiment);
  return useMemo(
    () =>
      (runs ?? []).map((run, index) => ({
        label: runLabel(experiment.runs[index], index),
        color: runColor(index),
        trajectory: run.trajectory,
        loss: run.loss,
        diverged: run.diverged,
      })),
    [runs, experiment],
  );
}
