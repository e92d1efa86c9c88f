import { useId, useMemo, useRef, useState } from 'react';
import { MAX_RUNS } from '../../experiment/experiment';
import { clampRunIndex } from '../../experiment/run-index';
import { Select } from '../controls/Select';
import { Toggle } from '../controls/Toggle';
import { COST_UNITS, dataCostOf } from '../../experiment/cost';
import { budgetedRuns } from './budget';
import { runLabel, runLabels } from './labels';
import { getPreset, RUN_PRESETS } from './presets';
import { RunCard } from './RunCard';
import { nextRunColor, pinColors, runFromPreset } from './run-setup';
import { useAppStore, useAppStoreApi } from '../use-app-store';
import './RunsPanel.css';
import { Shown } from '../classroom/use-shown';

/**
 * The runs: one card per run (selected, colour, name, visibility, optimizer, start, status, settings),
 * "Same start for all runs", and "Add run" from a preset of the common teaching configurations.
 */
export function RunsPanel() {
  const store = useAppStoreApi();
  const runs = useAppStore((state) => state.experiment.runs);
  const results = useAppStore((state) => state.runs);
  const selectedRun = useAppStore((state) => state.selectedRun);
  const linkStarts = useAppStore((state) => state.linkStarts);
  const [presetId, setPresetId] = useState(RUN_PRESETS[0].id);
  const keys = useRunKeys(runs.length);
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(() => new Set());
  const headingId = useId();
  const preset = getPreset(presetId) ?? RUN_PRESETS[0];
  const full = runs.length >= MAX_RUNS;
  const lossAxis = useAppStore((state) => state.lossAxis);
  const gradientCost = useAppStore((state) => state.gradientCost);
  const budget = useAppStore((state) => state.budget);
  // in budget mode each card shows its run cut where the budget stopped it (the same cut the map and chart draw)
  const problem = useAppStore((state) => state.experiment.problem);
  const budgeted = results ? budgetedRuns(results, { lossAxis, gradientCost, budget, data: budget === null ? null : dataCostOf(problem) }) : null;
  // results of an older experiment may have fewer runs than the list while the engine catches up
  const resultFor = (index: number) => (budgeted && budgeted.length === runs.length ? budgeted[index].result : undefined);
  const budgetNote = (index: number) => {
    const stoppedAt = budgeted && budgeted.length === runs.length ? budgeted[index].stoppedAt : null;
    return stoppedAt === null || budget === null ? null : `stopped at budget ${budget} ${COST_UNITS[lossAxis]}`;
  };

  const addRun = () => {
    const state = store.getState();
    const current = state.experiment.runs;
    if (current.length >= MAX_RUNS) return;
    const start = current[clampRunIndex(state.selectedRun, current.length)]?.start ?? [0, 0];
    keys.insert(current.length);
    state.addRun(runFromPreset(preset, current, start));
    state.selectRun(current.length);
  };

  const duplicateRun = (index: number) => {
    const state = store.getState();
    const current = state.experiment.runs;
    if (current.length >= MAX_RUNS) return;
    // the runs after the copy keep their colours; the copy takes a free one
    state.setExperiment({ ...state.experiment, runs: pinColors(current, index + 1) });
    keys.insert(index + 1);
    state.duplicateRun(index);
    state.updateRun(index + 1, { color: nextRunColor(current) });
    state.selectRun(index + 1);
  };

  const removeRun = (index: number) => {
    const state = store.getState();
    const current = state.experiment.runs;
    if (current.length <= 1) return;
    state.setExperiment({ ...state.experiment, runs: pinColors(current, index + 1) });
    keys.remove(index);
    state.removeRun(index);
    if (state.selectedRun > index || state.selectedRun >= current.length - 1) state.selectRun(Math.max(0, state.selectedRun - 1));
  };

  const toggleExpanded = (index: number) => {
    const key = keys.keys[index];
    const next = new Set(expanded);
    if (next.has(key)) next.delete(key);
    else {
      next.add(key);
      store.getState().selectRun(index);
    }
    setExpanded(next);
  };

  // the cards are memoized: they get names and callbacks that stay the same while a start is dragged
  const latest = useRef({ toggleExpanded, duplicateRun, removeRun });
  latest.current = { toggleExpanded, duplicateRun, removeRun };
  const cardActions = useMemo(
    () => ({
      onToggleExpanded: (index: number) => latest.current.toggleExpanded(index),
      onDuplicate: (index: number) => latest.current.duplicateRun(index),
      onRemove: (index: number) => latest.current.removeRun(index),
    }),
    [],
  );
  const names = runLabels(runs);

  const setLinked = (linked: boolean) => {
    const state = store.getState();
    state.setLinkStarts(linked);
    // linking gathers every run at the selected run's start
    const anchor = state.experiment.runs[clampRunIndex(state.selectedRun, state.experiment.runs.length)];
    if (linked && anchor) state.setRunStart(state.selectedRun, [anchor.start[0], anchor.start[1]]);
  };

  return (
    <section className="panel runs-panel" aria-labelledby={headingId}>
      <div className="runs-panel-head">
        <h2 id={headingId}>Runs</h2>
        <span className="runs-count">
          {runs.length} of at most {MAX_RUNS}
        </span>
      </div>
      <Toggle label="Same start for all runs" checked={linkStarts} onChange={setLinked} />
      <p className="runs-hint">Click on the map to move the selected run's start.</p>
      <ul className="run-cards">
        {runs.map((run, index) => (
          <RunCard
            key={keys.keys[index]}
            index={index}
            run={run}
            name={names[index]}
            automaticName={run.label ? runLabel({ ...run, label: undefined }, index, runs) : names[index]}
            result={resultFor(index)}
            budgetNote={budgetNote(index)}
            selected={index === selectedRun}
            expanded={expanded.has(keys.keys[index])}
            {...cardActions}
          />
        ))}
      </ul>
      <Shown name="runs.add">
      <div className="add-run">
        <Select label="Preset" accessibleName="Preset for the new run" value={presetId} onChange={setPresetId} disabled={full}>
          {RUN_PRESETS.map((option) => (
            <option key={option.id} value={option.id}>
              {option.name}
            </option>
          ))}
        </Select>
        <button type="button" className="add-run-button" onClick={addRun} disabled={full}>
          Add run
        </button>
        <p className="add-run-note" aria-live="polite">
          {full ? `At most ${MAX_RUNS} runs: remove one to add another.` : preset.description}
        </p>
      </div>
      </Shown>
    </section>
  );
}

/**
 * Stable React keys for the runs, which have no ids of their own: a run keeps its key (and its open
 * settings) when runs before it are added or removed through this panel. When the count changes
 * some other way (a link was opened), every run gets a fresh key.
 */
function useRunKeys(count: number) {
  const [state, setState] = useState(() => ({ keys: freshKeys(count, 0), next: count }));
  let current = state;
  if (current.keys.length !== count) {
    current = { keys: freshKeys(count, state.next), next: state.next + count };
    setState(current);
  }
  return {
    keys: current.keys,
    insert(index: number) {
      setState((previous) => ({ keys: [...previous.keys.slice(0, index), previous.next, ...previous.keys.slice(index)], next: previous.next + 1 }));
    },
    remove(index: number) {
      setState((previous) => ({ keys: previous.keys.filter((_, i) => i !== index), next: previous.next }));
    },
  };
}

function freshKeys(count: number, first: number): number[] {
  return Array.from({ length: count }, (_, i) => first + i);
}
