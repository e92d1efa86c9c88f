import { describe } from '../checks';
import { fail, isJsonObject, unknownKeys, type Checked } from '../check-values';
import type { Domain } from '../objective';
import { dataPlaneAxisNames, dataProblem, dataProblemOffers } from './data-problem';
import type { MethodNeeds } from '../methods/method';
import { checkDomain } from './domain';
import { formulaProblem } from './formula-problem';
import type { ProblemKind, ResolvedProblem } from './problem';
import { surfaceProblem } from './surface-problem';

export type { ProblemKind, ProblemPlane, ProblemSpec, ResolvedObjective, ResolvedProblem } from './problem';
export type { FormulaProblem } from './formula-problem';
export type { DataProblem } from './data-problem';
export type { ResolvedData } from './resolved-data';
export { MAX_BATCH_SIZE, dataProblemTitle, resolveData } from './data-problem';
export type { SurfaceProblem } from './surface-problem';
export { DEFAULT_FORMULA_DOMAIN, MAX_EXPRESSION_LENGTH, checkFormulaText } from './formula-problem';
export { checkSurfaceFields } from './surface-problem';
export { checkDomain, domainQuarterPoint, isInDomain } from './domain';

/** Every kind of problem, one line each: a new kind is a file beside this one and a line here. */
const PROBLEM_KINDS = [formulaProblem, surfaceProblem, dataProblem] as const;

/** 'an "expression", a "surface" or a "dataset"': the keys that tell the kinds apart, for messages. */
const IDENTIFYING_KEYS = orList(PROBLEM_KINDS.map((definition) => definition.identifyingKey.phrase));

/** "a, b or c". */
function orList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** The problem data a kind defines. */
type SpecOf<Kind> = Kind extends ProblemKind<infer Spec> ? Spec : never;

/** Any problem an experiment may pose, as data tagged by `kind`: one member per registered kind. */
export type Problem = SpecOf<(typeof PROBLEM_KINDS)[number]>;

/** The definition of a problem's kind (the problem passed validation, so its kind is known). */
export function problemKind<P extends Problem>(problem: P): ProblemKind<P> {
  const definition = PROBLEM_KINDS.find((candidate) => candidate.kind === problem.kind);
  if (definition === undefined) throw new Error(`unknown problem kind '${problem.kind}'`);
  return definition as unknown as ProblemKind<P>;
}

/** Coordinates a start point needs on this problem. */
export function problemDimension(problem: Problem): number {
  return problemKind(problem).dimension(problem);
}

/** The plotting domain: the one given, else the kind's default for this problem. */
export function problemDomain(problem: Problem): Domain {
  return problem.domain ?? problemKind(problem).defaultDomain(problem);
}

/** Start points that show what the problem teaches (at least one, in its dimension, inside its plotting domain when 2-D). */
export function problemSuggestedStarts(problem: Problem): readonly (readonly number[])[] {
  return problemKind(problem).suggestedStarts(problem);
}

/** The names of the map's axes: x and y, or a two-parameter model's parameters ("slope w", "intercept b"). */
export function planeAxisNames(problem: Problem): readonly [string, string] {
  return problem.kind === 'data' ? dataPlaneAxisNames(problem) : ['x', 'y'];
}

/**
 * Why a method cannot run on a problem, or null: a Hessian an MLP does not have, residuals that only
 * least-squares models at full batch have. Said before any run starts (validation, the picker).
 */
export function methodProblemMismatch(needs: MethodNeeds, problem: Problem): string | null {
  const offers = problem.kind === 'data' ? dataProblemOffers(problem) : { hessian: true, residuals: false };
  if (needs.hessian && !offers.hessian) return 'needs the Hessian ∇²f, which an MLP does not have here: choose a first-order, quasi-Newton or gradient-free method';
  if (needs.residuals === true && !offers.residuals) {
    return 'needs a least-squares problem (f = Σ rᵢ²): linear regression or an MLP on mean squared error, full batch';
  }
  return null;
}

/** Resolves a validated problem: its n-D objective, its minima, its formula if any, and its plane if it is 2-D. */
export function resolveProblem(problem: Problem): ResolvedProblem {
  const resolved = problemKind(problem).resolve(problem);
  if (resolved.objective.dimension !== 2) return resolved;
  return { ...resolved, plane: { domain: problemDomain(problem), minima: resolved.minima } };
}

/**
 * Validates a problem in experiment JSON: `kind` (or, when it is left out, the one key that tells
 * the kinds apart: "surface" or "expression"), the kind's own fields, and an optional domain.
 */
export function checkProblem(value: unknown, path: string): Checked<Problem> {
  if (!isJsonObject(value)) return fail(`${path} must be an object with ${IDENTIFYING_KEYS}, got ${describe(value)}`);
  const at = (key: string) => (path === '' ? key : `${path}.${key}`);
  let definition: ProblemKind<Problem> | undefined;
  if (value.kind !== undefined) {
    definition = PROBLEM_KINDS.find((candidate) => candidate.kind === value.kind) as ProblemKind<Problem> | undefined;
    if (definition === undefined) {
      return fail(`${at('kind')} must be one of ${PROBLEM_KINDS.map((candidate) => `"${candidate.kind}"`).join(', ')}, got ${describe(value.kind)}`);
    }
  } else {
    const present = PROBLEM_KINDS.filter((candidate) => value[candidate.identifyingKey.name] !== undefined);
    if (present.length > 1) return fail(`${path} must have only one of ${IDENTIFYING_KEYS}`);
    if (present.length === 0) return fail(`${path} must have ${orList(PROBLEM_KINDS.map(({ identifyingKey }) => identifyingKey.phrase + (identifyingKey.hint ?? '')))}`);
    definition = present[0] as ProblemKind<Problem>;
  }
  const errors = unknownKeys(value, ['kind', ...definition.keys, 'domain'], path === '' ? 'the experiment' : path);
  const domain = value.domain === undefined ? undefined : checkDomain(value.domain, at('domain'));
  if (domain && !domain.ok) errors.push(...domain.errors);
  const checked = definition.check(value, path);
  if (!checked.ok) errors.push(...checked.errors);
  if (errors.length > 0 || !checked.ok) return { ok: false, errors };
  return { ok: true, value: domain?.ok ? { ...checked.value, domain: domain.value } : checked.value };
}
