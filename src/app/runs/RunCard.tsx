import { memo, useCallback, useId, type CSSProperties } from 'react';
import { METHOD_SPECS, METHOD_FAMILY_NAMES, getMethodSpec, type MethodFamily } from '../../engine/methods/catalogue';
import { methodProblemMismatch } from '../../engine/problems';
import type { ExperimentRun } from '../../experiment/experiment';
import { MAX_RUNS } from '../../experiment/experiment';
import type { RunPayload } from '../../worker/protocol';
import { ColorPicker } from '../controls/ColorPicker';
import { NumberField } from '../controls/NumberField';
import { formatNumber } from '../controls/slider-scale';
import { formatLoss } from './labels';
import { useAppStore, useAppStoreApi } from '../use-app-store';
import { CopyIcon, EyeIcon, EyeOffIcon, RemoveIcon } from './icons';
import { effectiveColor, switchOptimizer } from './run-setup';
import { RunDiagnosis } from './RunDiagnosis';
import { RunLabelField } from './RunLabelField';
import { RunSettings } from './RunSettings';
import { RunMemory, StartSummary } from './RunModelLines';
import { InspectRunButton } from '../inspector/InspectRunButton';
import { Shown } from '../classroom/use-shown';

/** Props of a RunCard. */
export interface RunCardProps {
  index: number;
  run: ExperimentRun;
  /** The run's display name: its typed label, or the automatic one, numbered where names repeat. */
  name: string;
  /** The name it would have without a typed label (the label field's placeholder). */
  automaticName: string;
  /** What the engine computed for this run (cut at the budget in budget mode); undefined while it computes. */
  result: RunPayload | undefined;
  /** "stopped at budget 200 function evaluations" where budget mode cut this run; null otherwise. */
  budgetNote?: string | null;
  selected: boolean;
  expanded: boolean;
  onToggleExpanded(index: number): void;
  onDuplicate(index: number): void;
  onRemove(index: number): void;
}

const ANY_NUMBER = { min: -Infinity, max: Infinity } as const;

/** The picker's groups: one per family in METHOD_FAMILY_NAMES's order, only families that have methods. */
const METHOD_GROUPS = (Object.keys(METHOD_FAMILY_NAMES) as MethodFamily[]).flatMap((family) => {
  const methods = METHOD_SPECS.filter((method) => method.family === family);
  return methods.length > 0 ? [{ family, name: METHOD_FAMILY_NAMES[family], methods }] : [];
});

/**
 * One run in the list: which run the map's clicks move (radio), colour, name, visibility, duplicate,
 * remove, optimizer and a one-line summary, how it ended, and on demand all its settings.
 */
export const RunCard = memo(function RunCard({
  index,
  run,
  name,
  automaticName,
  result,
  budgetNote = null,
  selected,
  expanded,
  onToggleExpanded,
  onDuplicate,
  onRemove,
}: RunCardProps) {
  const store = useAppStoreApi();
  const runCount = useAppStore((state) => state.experiment.runs.length);
  const linkStarts = useAppStore((state) => state.linkStarts);
  const problem = useAppStore((state) => state.experiment.problem);
  const number = index + 1;
  const subject = `run ${number}`;
  const headingId = useId();
  const settingsId = useId();
  const definition = getMethodSpec(run.optimizer);
  // settings just opened come into view in the sidebar's own scroll (their top first when taller than it)
  const revealSettings = useCallback((element: HTMLDivElement | null) => element?.scrollIntoView({ block: 'nearest' }), []);

  const update = (patch: Partial<ExperimentRun>) => store.getState().updateRun(index, patch);
  const setStart = (axis: 0 | 1, value: number) => {
    const start: [number, number] = [run.start[0], run.start[1]];
    start[axis] = value;
    store.getState().setRunStart(index, start);
  };

  return (
    <li
      className={`run-card${selected ? ' selected' : ''}${run.hidden ? ' hidden-run' : ''}${result?.diverged ? ' diverged' : ''}`}
      data-testid="run"
      aria-labelledby={headingId}
      style={{ '--run-color': effectiveColor(run, index) } as CSSProperties}
    >
      <div className="run-card-head">
        <input
          type="radio"
          name="selected-run"
          checked={selected}
          aria-label={`Select run ${number}`}
          title="The selected run's start moves where you click on the map"
          onChange={() => store.getState().selectRun(index)}
        />
        <ColorPicker color={effectiveColor(run, index)} subject={subject} onChange={(color) => update({ color })} />
        <h3 id={headingId} className="run-card-title">
          <span className="run-number" aria-hidden="true">
            {number}
          </span>
          <span className="visually-hidden">Run {number}: </span>
          {name}
        </h3>
      </div>

      <div className="run-card-row">
        <RunLabelField number={number} label={run.label} placeholder={automaticName} onChange={(label) => update({ label })} />
        <Shown name="runs.method">
        <label className="run-field">
          <span className="visually-hidden">Optimizer of run {number}</span>
          <select
            value={run.optimizer}
            onChange={(event) => {
              const switched = switchOptimizer(run, event.target.value);
              update({ optimizer: switched.optimizer, hyper: switched.hyper, schedule: switched.schedule, clip: switched.clip });
            }}
          >
            {METHOD_GROUPS.map(({ family, name: groupName, methods }) => (
              <optgroup key={family} label={groupName}>
                {methods.map((method) => {
                  // a method the problem cannot serve (Newton on an MLP, least squares on a surface) is listed, greyed, with the reason
                  const mismatch = method.id === run.optimizer ? null : methodProblemMismatch(method.needs, problem);
                  return (
                    <option key={method.id} value={method.id} disabled={mismatch !== null} title={mismatch ?? undefined}>
                      {method.name}
                    </option>
                  );
                })}
              </optgroup>
            ))}
          </select>
        </label>
        </Shown>
      </div>

      {run.start.length !== 2 ? (
        <StartSummary run={run} problem={problem} />
      ) : (
      <div className="run-card-row run-start">
        <span className="run-start-label">
          Start{linkStarts ? ' (shared)' : ''}
        </span>
        <NumberField
          value={run.start[0]}
          range={ANY_NUMBER}
          fieldName="start x"
          label={`Start x of run ${number}`}
          onCommit={(value) => setStart(0, value)}
        />
        <NumberField
          value={run.start[1]}
          range={ANY_NUMBER}
          fieldName="start y"
          label={`Start y of run ${number}`}
          onCommit={(value) => setStart(1, value)}
        />
      </div>
      )}

      <RunStatus result={result} hidden={Boolean(run.hidden)} budgetNote={budgetNote} />
      {problem.kind === 'data' && <RunMemory run={run} problem={problem} result={result} />}
      <RunDiagnosis index={index} result={result} />

      <div className="run-card-foot">
        <button
          type="button"
          className="settings-toggle quiet"
          aria-expanded={expanded}
          aria-controls={settingsId}
          aria-label={`Settings of run ${number}`}
          onClick={() => onToggleExpanded(index)}
        >
          <span className="settings-caret" aria-hidden="true">
            ▸
          </span>
          {definition ? `${definition.name} settings` : 'Settings'}
          <span className="settings-summary">{hyperSummary(run)}</span>
        </button>
        <div className="run-card-actions">
          <InspectRunButton index={index} />
          <button
            type="button"
            className="icon-button"
            aria-label={run.hidden ? `Show run ${number}` : `Hide run ${number}`}
            title={run.hidden ? 'Show this run on the map and the chart' : 'Hide this run (it is still computed)'}
            aria-pressed={Boolean(run.hidden)}
            onClick={() => update({ hidden: run.hidden ? undefined : true })}
          >
            {run.hidden ? <EyeOffIcon /> : <EyeIcon />}
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label={`Duplicate run ${number}`}
            title={runCount >= MAX_RUNS ? `At most ${MAX_RUNS} runs` : 'Duplicate this run'}
            disabled={runCount >= MAX_RUNS}
            onClick={() => onDuplicate(index)}
          >
            <CopyIcon />
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label={`Remove run ${number}`}
            title={runCount <= 1 ? 'An experiment keeps at least one run' : 'Remove this run'}
            disabled={runCount <= 1}
            onClick={() => onRemove(index)}
          >
            <RemoveIcon />
          </button>
        </div>
      </div>
      {expanded && definition && (
        <div id={settingsId} ref={revealSettings} className="run-settings">
          <RunSettings index={index} run={run} definition={definition} />
        </div>
      )}
    </li>
  );
});

/** How the run ended, from the engine's result: its final loss, or where and why it diverged; and where a budget stopped it. */
function RunStatus({ result, hidden, budgetNote }: { result: RunPayload | undefined; hidden: boolean; budgetNote: string | null }) {
  if (!result) {
    return (
      <p className="run-status" role="status">
        computing…
      </p>
    );
  }
  if (result.diverged) {
    return (
      <p className="run-status run-diverged" role="status">
        diverged at step {result.diverged.step}: {result.diverged.reason}
      </p>
    );
  }
  const last = result.loss.length - 1;
  const { dimension } = result;
  return (
    <p className="run-status" role="status">
      f = {formatLoss(result.loss[last])} after {last} {last === 1 ? 'step' : 'steps'}
      {dimension === 2 && ` at (${formatNumber(roundTo4(result.trajectory[2 * last]))}, ${formatNumber(roundTo4(result.trajectory[2 * last + 1]))})`}
      {budgetNote ? ` · ${budgetNote}` : ''}
      {hidden ? ' · hidden' : ''}
    </p>
  );
}

function roundTo4(value: number): number {
  return Number(value.toPrecision(4));
}

/** The settings that matter at a glance: the learning rate and what differs from plain. */
function hyperSummary(run: ExperimentRun): string {
  const parts = Object.entries(run.hyper).map(([name, value]) => `${name} ${Array.isArray(value) ? value.join('/') : String(value)}`);
  if (run.schedule) parts.push(run.schedule.type.replace('_', ' '));
  if (run.clip) parts.push(`clip ${run.clip.type}`);
  return parts.join(' · ');
}
