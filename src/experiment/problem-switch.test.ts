import { describe, expect, it } from 'vitest';
import { DEFAULT_EXPERIMENT, type ExperimentRun, type Problem } from './experiment';
import { moveStarts, startsForProblem } from './problem-switch';

const surface = (id: string, extra: Partial<Problem> = {}): Problem => ({ kind: 'surface', surface: id, params: {}, ...extra }) as Problem;
const ROSENBROCK = surface('rosenbrock');
const SADDLE = surface('saddle');
const HIMMELBLAU = surface('himmelblau');
const run = (start: readonly number[], patch: Partial<ExperimentRun> = {}): ExperimentRun => ({ optimizer: 'adam', hyper: { lr: 0.05 }, start, ...patch });
const starts = (runs: readonly ExperimentRun[]) => runs.map((moved) => moved.start);

describe('startsForProblem', () => {
  it('moves the default experiment, which starts at Rosenbrock’s suggestion, to the saddle’s, keeping everything else', () => {
    const runs = startsForProblem(DEFAULT_EXPERIMENT.runs, DEFAULT_EXPERIMENT.problem, SADDLE);
    expect(starts(runs)).toEqual([
      [-1.5, 0.05],
      [-1.5, 0.05],
      [-1.5, 0.05],
    ]);
    runs.forEach((moved, index) => expect({ ...moved, start: null }).toEqual({ ...DEFAULT_EXPERIMENT.runs[index], start: null }));
  });

  it('keeps a start the user placed inside the new view, and follows the suggestions back and forth', () => {
    const placed = run([0.5, 1.5]);
    let runs: readonly ExperimentRun[] = [placed, run([-1.5, 2])];
    runs = startsForProblem(runs, ROSENBROCK, HIMMELBLAU);
    expect(runs[0]).toBe(placed);
    expect(runs[1].start).toEqual([-0.35, -0.75]);
    runs = startsForProblem(runs, HIMMELBLAU, SADDLE);
    expect(runs[0]).toBe(placed);
    expect(runs[1].start).toEqual([-1.5, 0.05]);
    runs = startsForProblem(runs, SADDLE, ROSENBROCK);
    expect(starts(runs)).toEqual([
      [0.5, 1.5],
      [-1.5, 2],
    ]);
  });

  it('moves a start the user placed outside the new view to the new suggestion', () => {
    // (4, 4) is on Himmelblau's map, [−5, 5]², but off the saddle's, [−2, 2]²
    const runs = startsForProblem([run([4, 4]), run([-2, 2])], HIMMELBLAU, SADDLE);
    expect(starts(runs)).toEqual([
      [-1.5, 0.05],
      [-2, 2],
    ]);
  });

  it('returns the runs themselves when no start moves', () => {
    const runs = [run([0.5, 0.5]), run([1, -1])];
    expect(startsForProblem(runs, ROSENBROCK, SADDLE)).toBe(runs);
  });

  it('a typed formula suggests its domain’s quarter point; a new formula on the same domain keeps it', () => {
    const formula: Problem = { kind: 'formula', expression: 'x^2 + y^2' };
    let runs = startsForProblem([run([-1.5, 2])], ROSENBROCK, formula);
    expect(starts(runs)).toEqual([[-1.5, 1.5]]);
    const edited: Problem = { kind: 'formula', expression: 'x^2 + 3*y^2' };
    runs = startsForProblem(runs, formula, edited);
    expect(starts(runs)).toEqual([[-1.5, 1.5]]);
    runs = startsForProblem(runs, edited, ROSENBROCK);
    expect(starts(runs)).toEqual([[-1.5, 2]]);
  });

  it('a new domain for the same function is a new view: starts it still shows stay, even at the old suggestion', () => {
    const formula: Problem = { kind: 'formula', expression: 'x^2 + y^2' };
    const runs = [run([-1.5, 1.5]), run([2.5, 2.5])];
    const wider = startsForProblem(runs, formula, { ...formula, domain: [[-6, 6], [-6, 6]] });
    expect(wider).toBe(runs);
    // narrowed to [−2, 2]²: the start at (2.5, 2.5) is off the map and goes to the new quarter point
    const narrower = startsForProblem(runs, formula, { ...formula, domain: [[-2, 2], [-2, 2]] });
    expect(starts(narrower)).toEqual([
      [-1.5, 1.5],
      [-1, 1],
    ]);
  });

  it('a surface turned into its own typed formula is the same function: the starts stay, and stay on the way back', () => {
    const asFormula: Problem = { kind: 'formula', expression: '(1 - x)^2 + 100*(y - x^2)^2', domain: [[-2, 2], [-1, 3]] };
    const runs = [run([-1.5, 2])];
    expect(startsForProblem(runs, ROSENBROCK, asFormula)).toBe(runs);
    expect(startsForProblem(runs, asFormula, ROSENBROCK)).toBe(runs);
    // with another b it is another function: the start at Rosenbrock's suggestion goes to the formula's
    expect(starts(startsForProblem(runs, surface('rosenbrock', { params: { b: 10 } } as Partial<Problem>), asFormula))).toEqual([[-1, 2]]);
  });

  it('gives a start the coordinates the new problem needs', () => {
    const fourD = surface('rosenbrock', { dimension: 4 });
    const placed = run([0.1, 0.2, 0.3, 0.4]);
    // from 4-D to the plane: a 4-coordinate start cannot stay
    expect(starts(startsForProblem([placed], fourD, SADDLE))).toEqual([[-1.5, 0.05]]);
    // into 4-D: the suggestion repeated; a placed 4-D start stays (there is no map to leave)
    expect(starts(startsForProblem([run([-1.5, 2]), placed], ROSENBROCK, fourD))).toEqual([
      [-1.5, 2, -1.5, 2],
      [0.1, 0.2, 0.3, 0.4],
    ]);
  });
});

describe('moveStarts', () => {
  const target = {
    suggestions: [
      [1, 1],
      [-1, -1],
    ],
    domain: [
      [-2, 2],
      [-2, 2],
    ] as const,
    dimension: 2,
  };
  const previousSuggestions = [[0, 3]];

  it('gives run i suggestion i mod k', () => {
    const runs = [run([0, 3]), run([0, 3]), run([0, 3]), run([0.5, 0.5]), run([0, 3])];
    expect(starts(moveStarts(runs, previousSuggestions, target))).toEqual([
      [1, 1],
      [-1, -1],
      [1, 1],
      [0.5, 0.5],
      [1, 1],
    ]);
  });

  it('gives linked starts the first suggestion: they stay one start', () => {
    const runs = [run([0, 3]), run([0, 3]), run([0, 3])];
    expect(starts(moveStarts(runs, previousSuggestions, target, true))).toEqual([
      [1, 1],
      [1, 1],
      [1, 1],
    ]);
  });

  it('moves starts off the view, on its edge stays, and a start that is not finite moves', () => {
    const runs = [run([2, -2]), run([2.01, 0]), run([0, Number.NaN])];
    expect(starts(moveStarts(runs, [], target))).toEqual([
      [2, -2],
      [-1, -1],
      [1, 1],
    ]);
  });
});
