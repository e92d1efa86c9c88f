import { getMethodSpec } from '../engine/methods/catalogue';
import { getSurface } from '../engine/problems/surfaces';
import type { Experiment, ExperimentRun, Problem } from './experiment';
import { deepEqual } from './url-field';

// Names an edit of the experiment in the words of the Undo and Redo tooltips ("Undo: change lr of
// run 2"). The name is also what tells one edit from the next: typing "0.05" into lr is three changes
// named "change lr of run 2" that the undo list keeps as one, so a name never carries the new value.

/** What changed from `before` to `after`, in a few words ("change lr of run 2", "add run 4"). */
export function describeEdit(before: Experiment, after: Experiment): string {
  if (!deepEqual(before.problem, after.problem)) return describeProblemEdit(before.problem, after.problem);
  if (before.runs.length !== after.runs.length) return describeRunCount(before.runs, after.runs);
  const changed = after.runs.flatMap((run, index) => (deepEqual(run, before.runs[index]) ? [] : [index]));
  if (changed.length === 1) return describeRunEdit(before.runs[changed[0]], after.runs[changed[0]], changed[0]);
  if (changed.length > 1) {
    const onlyStarts = changed.every((index) => deepEqual({ ...after.runs[index], start: null }, { ...before.runs[index], start: null }));
    return onlyStarts ? `move the starts of ${runList(changed)}` : `edit ${runList(changed)}`;
  }
  if (before.steps !== after.steps) return 'change steps';
  if (before.noise !== after.noise) return 'change gradient noise';
  if (before.seed !== after.seed) return 'change the noise seed';
  return 'edit the experiment';
}

function describeProblemEdit(before: Problem, after: Problem): string {
  if (after.kind === 'surface') {
    const name = getSurface(after.surface)?.name ?? after.surface;
    if (before.kind !== 'surface' || before.surface !== after.surface) return `switch to ${name}`;
    if ((before.dimension ?? 2) !== (after.dimension ?? 2)) return `change the dimension of ${name}`;
    const parameters = Object.keys({ ...before.params, ...after.params }).filter((key) => before.params[key] !== after.params[key]);
    if (parameters.length === 1) return `change ${parameters[0]} of ${name}`;
    if (parameters.length > 1) return `change the parameters of ${name}`;
    return `change the domain of ${name}`;
  }
  if (after.kind === 'data') return before.kind === 'data' ? 'change the data or the model' : 'switch to fitting data';
  if (before.kind !== 'formula') return 'switch to a typed formula';
  if (after.kind !== 'formula') return 'edit the experiment';
  return before.expression !== after.expression ? 'edit the formula' : "change the formula's domain";
}

function describeRunCount(before: readonly ExperimentRun[], after: readonly ExperimentRun[]): string {
  const added = after.length > before.length;
  const [longer, shorter] = added ? [after, before] : [before, after];
  const count = longer.length - shorter.length;
  if (count > 1) return `${added ? 'add' : 'remove'} ${count} runs`;
  // the first place the lists part is the run added or removed (colours pinned on the way do not count)
  const sameRun = (a: ExperimentRun, b: ExperimentRun) => deepEqual({ ...a, color: null }, { ...b, color: null });
  let index = 0;
  while (index < shorter.length && sameRun(longer[index], shorter[index])) index++;
  return `${added ? 'add' : 'remove'} run ${index + 1}`;
}

function describeRunEdit(before: ExperimentRun, after: ExperimentRun, index: number): string {
  const run = `run ${index + 1}`;
  if (before.optimizer !== after.optimizer) return `switch ${run} to ${getMethodSpec(after.optimizer)?.name ?? after.optimizer}`;
  const hyper = Object.keys({ ...before.hyper, ...after.hyper }).filter((name) => !deepEqual(before.hyper[name], after.hyper[name]));
  if (hyper.length > 0) return `change ${hyper.join(' and ')} of ${run}`;
  if (!deepEqual(before.start, after.start)) return `move the start of ${run}`;
  if (!deepEqual(before.schedule, after.schedule)) return `change the schedule of ${run}`;
  if (!deepEqual(before.clip, after.clip)) return `change clipping of ${run}`;
  if (Boolean(before.hidden) !== Boolean(after.hidden)) return `${after.hidden ? 'hide' : 'show'} ${run}`;
  if (before.label !== after.label) return `rename ${run}`;
  if (before.color !== after.color) return `recolour ${run}`;
  return `edit ${run}`;
}

// "runs 1 and 3", "runs 1, 2 and 4"
function runList(indices: readonly number[]): string {
  const names = indices.map((index) => String(index + 1));
  return `runs ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
