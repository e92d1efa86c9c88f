import { useId } from 'react';
import { clampRunIndex } from '../../experiment/run-index';
import type { BatchFeature } from '../../store/batch-slice';
import { Segmented } from '../controls/Segmented';
import { Select } from '../controls/Select';
import { runLabel } from '../runs/labels';
import { useAppStore } from '../use-app-store';

/** The analysis's run picker: "1 · SGD", "2 · Momentum", ... */
export function BatchRunSelect({ feature, accessibleName }: { feature: BatchFeature; accessibleName: string }) {
  const runs = useAppStore((state) => state.experiment.runs);
  const run = useAppStore((state) => state[feature].settings.run);
  const update = useAppStore((state) => state.updateBatchSettings);
  const value = clampRunIndex(run, runs.length);
  return (
    <Select label="Run" accessibleName={accessibleName} value={String(value)} onChange={(text) => update(feature, { run: Number(text) })}>
      {runs.map((item, index) => (
        <option key={index} value={index}>
          {index + 1} · {runLabel(item, index, runs)}
        </option>
      ))}
    </Select>
  );
}

/** An analysis's choice: its name over a segmented switch. */
export function BatchChoice<T extends string | number>({
  label,
  choices,
  value,
  onChange,
}: {
  label: string;
  choices: readonly { value: T; label: string; title?: string }[];
  value: T;
  onChange: (value: T) => void;
}) {
  const labelId = useId();
  return (
    <div className="batch-choice">
      <span id={labelId} className="control-name">
        {label}
      </span>
      <Segmented choices={choices} value={value} onChange={onChange} labelledBy={labelId} />
    </div>
  );
}

/** "Compute …" (or "Recompute …" once on) and "Remove" for one analysis. */
export function BatchActions({ feature, name, disabled }: { feature: BatchFeature; name: string; disabled?: boolean }) {
  const active = useAppStore((state) => state[feature].active);
  const running = useAppStore((state) => state[feature].job.status === 'running');
  const runBatch = useAppStore((state) => state.runBatch);
  const closeBatch = useAppStore((state) => state.closeBatch);
  return (
    <div className="batch-actions">
      <button type="button" className="primary" disabled={disabled} onClick={() => runBatch(feature)}>
        {active ? `Recompute ${name}` : `Compute ${name}`}
      </button>
      {active && (
        <button type="button" onClick={() => closeBatch(feature)} title={running ? `Stop and remove the ${name}` : `Remove the ${name}`}>
          Remove {name}
        </button>
      )}
    </div>
  );
}
