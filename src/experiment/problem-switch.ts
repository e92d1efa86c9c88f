import type { Domain } from '../engine/objective';
import { isInDomain, problemDimension, problemDomain, problemSuggestedStarts, resolveProblem } from '../engine/problems';
import type { ExperimentRun, Problem } from './experiment';

// Where runs start when the problem changes. A start still at the old problem's suggestion was never
// chosen by the user, so it follows to the new problem's suggestion (the saddle's is beside its
// saddle point, where Rosenbrock's would leave the view at once); a start the user placed stays
// where it is, as long as the new view shows it.

/** The problem switched to, as the start rule sees it. */
export interface StartTarget {
  /** Its suggested starts, at least one: run i takes suggestion i mod k. */
  readonly suggestions: readonly (readonly number[])[];
  /** Its view: a start the user placed stays when it lies inside (2-D problems; others have no map). */
  readonly domain: Domain;
  /** Coordinates a start needs. */
  readonly dimension: number;
}

/**
 * The runs with their starts moved for a new problem: a start at one of `previousSuggestions`, one
 * outside the target's view, or one with the wrong number of coordinates moves to suggestion
 * i mod k (the first for every run when `linked`: starts linked are one start); the others stay.
 * Returns `runs` itself when no start moves.
 */
export function moveStarts(
  runs: readonly ExperimentRun[],
  previousSuggestions: readonly (readonly number[])[],
  target: StartTarget,
  linked = false,
): readonly ExperimentRun[] {
  const { suggestions, domain, dimension } = target;
  let moved = false;
  const next = runs.map((run, index) => {
    const suggestion = suggestions[linked ? 0 : index % suggestions.length];
    const atSuggestion = previousSuggestions.some((previous) => samePoint(previous, run.start));
    const fits = run.start.length === dimension && run.start.every(Number.isFinite);
    const inView = dimension !== 2 || isInDomain(run.start, domain);
    if ((!atSuggestion && fits && inView) || samePoint(run.start, suggestion)) return run;
    moved = true;
    return { ...run, start: [...suggestion] };
  });
  return moved ? next : runs;
}

/**
 * The runs' starts after the problem changes from `previous` to `next` (moveStarts with the two
 * problems' suggestions and the new problem's own domain, which the view returns to). The same
 * function in a new domain, or a surface turned into the typed formula it is, is a change of view,
 * not of problem: only starts the new view leaves out move.
 */
export function startsForProblem(runs: readonly ExperimentRun[], previous: Problem, next: Problem, linked = false): readonly ExperimentRun[] {
  const previousSuggestions = sameFunction(previous, next) ? [] : problemSuggestedStarts(previous);
  return moveStarts(runs, previousSuggestions, { suggestions: problemSuggestedStarts(next), domain: problemDomain(next), dimension: problemDimension(next) }, linked);
}

/**
 * Exact equality: suggestions are short decimals, and a start copied from one (or read back from a
 * link, which writes numbers in full) is the same double.
 */
function samePoint(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

/** True when two problems pose the same function: equal but for the domain, or with the same formula in x and y. */
function sameFunction(a: Problem, b: Problem): boolean {
  if (canonical({ ...a, domain: undefined }) === canonical({ ...b, domain: undefined })) return true;
  // "Typed formula…" opens on the surface's own formula, with its parameters substituted
  const formula = resolveProblem(a).expression;
  return formula !== undefined && formula === resolveProblem(b).expression;
}

/** Plain data as JSON with sorted keys and without undefined fields, so equal problems (or runs) read the same. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, field]) => field !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, field]) => `${JSON.stringify(key)}:${canonical(field)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
