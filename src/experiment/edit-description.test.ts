import { describe, expect, it } from 'vitest';
import { describeEdit } from './edit-description';
import { DEFAULT_EXPERIMENT, type Experiment, type ExperimentRun } from './experiment';

// Oracle: the words written by hand for each edit.

const base = DEFAULT_EXPERIMENT;
const withRuns = (runs: readonly ExperimentRun[]): Experiment => ({ ...base, runs });
const editRun = (index: number, patch: Partial<ExperimentRun>) => withRuns(base.runs.map((run, i) => (i === index ? { ...run, ...patch } : run)));

describe('describeEdit', () => {
  it('names a change of one run by its number and what changed, never the new value', () => {
    expect(describeEdit(base, editRun(1, { hyper: { lr: 0.2, momentum: 0.9 } }))).toBe('change lr of run 2');
    expect(describeEdit(base, editRun(1, { hyper: { lr: 0.2, momentum: 0.5 } }))).toBe('change lr and momentum of run 2');
    expect(describeEdit(base, editRun(0, { optimizer: 'lion' }))).toBe('switch run 1 to Lion');
    expect(describeEdit(base, editRun(2, { start: [0, 0] }))).toBe('move the start of run 3');
    expect(describeEdit(base, editRun(2, { hidden: true }))).toBe('hide run 3');
    expect(describeEdit(editRun(2, { hidden: true }), base)).toBe('show run 3');
    expect(describeEdit(base, editRun(0, { label: 'Plain' }))).toBe('rename run 1');
    expect(describeEdit(base, editRun(0, { schedule: { type: 'step', step_size: 10, gamma: 0.5 } }))).toBe('change the schedule of run 1');
  });

  it('names runs added and removed by their place, ignoring colours pinned on the way', () => {
    const pinned = withRuns(base.runs.map((run, index) => ({ ...run, color: `#00000${index}` })));
    expect(describeEdit(base, withRuns([...base.runs, base.runs[0]]))).toBe('add run 4');
    expect(describeEdit(base, withRuns([base.runs[0], base.runs[0], base.runs[1], base.runs[2]]))).toBe('add run 2');
    expect(describeEdit(base, withRuns([pinned.runs[0], pinned.runs[2]]))).toBe('remove run 2');
    expect(describeEdit(base, withRuns([base.runs[2]]))).toBe('remove 2 runs');
  });

  it('names starts moved together, and the experiment-wide settings', () => {
    expect(describeEdit(base, withRuns(base.runs.map((run) => ({ ...run, start: [1, 1] }))))).toBe('move the starts of runs 1, 2 and 3');
    expect(describeEdit(base, withRuns(base.runs.map((run) => ({ ...run, hyper: { lr: 1 } }))))).toBe('edit runs 1, 2 and 3');
    expect(describeEdit(base, { ...base, steps: 50 })).toBe('change steps');
    expect(describeEdit(base, { ...base, noise: 0.1 })).toBe('change gradient noise');
    expect(describeEdit(base, { ...base, seed: 3 })).toBe('change the noise seed');
  });

  it('names problem switches and edits, before the starts they move', () => {
    const saddle: Experiment = { ...withRuns(base.runs.map((run) => ({ ...run, start: [-1.5, 0.05] }))), problem: { kind: 'surface', surface: 'saddle', params: {} } };
    expect(describeEdit(base, saddle)).toBe('switch to Saddle');
    expect(describeEdit(base, { ...base, problem: { kind: 'surface', surface: 'rosenbrock', params: { a: 2 } } })).toBe('change a of Rosenbrock');
    expect(describeEdit(base, { ...base, problem: { kind: 'surface', surface: 'rosenbrock', params: {}, dimension: 10 } })).toBe('change the dimension of Rosenbrock');
    const formula: Experiment = { ...base, problem: { kind: 'formula', expression: 'x^2+y^2' } };
    expect(describeEdit(base, formula)).toBe('switch to a typed formula');
    expect(describeEdit(formula, { ...base, problem: { kind: 'formula', expression: 'x^2+2*y^2' } })).toBe('edit the formula');
    expect(describeEdit(formula, { ...base, problem: { kind: 'formula', expression: 'x^2+y^2', domain: [[-1, 1], [-1, 1]] } })).toBe("change the formula's domain");
  });
});
