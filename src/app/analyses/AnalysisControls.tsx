import { useId } from 'react';
import type { BatchFeature } from '../../store/batch-slice';
import { Select } from '../controls/Select';
import { runLabel } from '../runs/labels';
import { useAppStore } from '../use-app-store';

/** The analysis's run picker: "1 · SGD", "2 · Momentum", ... */
export function BatchRunSelect({ feature, accessibleName }: { feature: BatchFeature; accessibleName: string }) {
  const runs = useAppStore((state) => state.experiment.runs);
  const run = useAppStore((state) => state[feature].settings.run);
  const update = useAppStore((state) => state.updateBatchSettings);
  const value = Math.max(0, Math.min(run, runs.length - 1));
  return (
    <Select label="Run" accessibleName={accessibleName} value={String(value)} onChange={(text) => update(feature, { run: Number(text) })}>
      {runs.map((item, index) => (
        <option key={index} value={index}>
          {index + 1} · {runLabel(item, index)}
        </option>
      ))}
    </Select>
  );
}

/** A row of radio buttons that look like one segmented switch (as the loss chart's). */
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
  const name = useId();
  const labelId = useId();
  return (
    <div className="batch-choice">
      <span id={labelId} className="control-name">
        {label}
      </span>
      <div className="segmented" role="radiogroup" aria-labelledby={labelId}>
        {choices.map((choice) => (
          <label key={String(choice.value)} title={choice.title} className={choice.value === value ? 'checked' : undefined}>
            <input type="radio" name={name} value={String(choice.value)} checked={choice.value === value} onChange={() => onChange(choice.value)} />
            <span>{choice.label}</span>
          </label>
        ))}
      </div>
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
