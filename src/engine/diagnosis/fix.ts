// One-click fixes for an unstable run: candidate settings (a learning rate inside the stability
// bound, a decaying schedule, momentum), each checked by running the engine with it. A fix is
// offered only with what that check saw, so the button never promises more than the run does.
import type { Domain } from '../objective';
import { runMethod, type RunOptions } from '../run';
import type { ScheduleSpec } from '../schedules';
import { classifyPath, type PathVerdict } from './classify';
import { formatSignificant } from './format';

/** A change to a run's settings that the engine checked. */
export interface RunFix {
  /** The button's text: "Use lr = 0.0016, momentum = 0.9". */
  readonly label: string;
  /** The hyperparameters it sets, by torch name (the others stay). */
  readonly hyper: Readonly<Record<string, number>>;
  /** The schedule it sets, when it adds one (the run's own stays otherwise). */
  readonly schedule?: ScheduleSpec;
  /** Why this value: "0.9 × 2/λmax at the start". */
  readonly reason: string;
  /** What the check saw: "f falls to 0.002 in 300 steps (f* = 0)". */
  readonly outcome: string;
  /** True when the checked run stays stable and ends near a minimum. */
  readonly converges: boolean;
  /** f at the checked run's last point. */
  readonly finalLoss: number;
}

/** A fix to try: the settings and why; `learningRateOnly` marks the plainest kind. */
export interface FixCandidate {
  readonly label: string;
  readonly hyper: Readonly<Record<string, number>>;
  readonly schedule?: ScheduleSpec;
  readonly reason: string;
  readonly learningRateOnly: boolean;
}

/** The run being fixed and what "fixed" means for it. */
export interface FixContext {
  readonly options: RunOptions;
  /** The 2-D view a fixed run must stay in. */
  readonly view?: Domain;
  /** The problem's size, for the oscillation test (classifyPath's `scale`). */
  readonly scale: number;
  /** f* when known: a converging run ends within CONVERGED_FRACTION of the way from f(start) to f*. */
  readonly minimumValue: number | null;
  /** The run's own final f: a fix must end lower. */
  readonly finalLoss: number;
}

/** A fixed run converges when it closes all but this fraction of the gap from f(start) to f*. */
export const CONVERGED_FRACTION = 0.01;
/** With f* unknown, a fixed run converges when ‖∇f‖ ends below this fraction of ‖∇f(start)‖. */
export const GRADIENT_FRACTION = 1e-4;
/** Coordinate-steps the checks may spend on one run (a 2-D run of 300 steps costs 600). */
const MAX_CHECK_WORK = 2e7;
/** Checks of runs longer than this (points × dimension) keep only the last point: no view or oscillation test. */
const MAX_RECORDED_VALUES = 4e6;

/**
 * The fixes to offer, best first (at most two): the first candidate, in the given order, that
 * converges; and, when that one is not a plain learning rate, the stable plain learning rate with
 * the lowest final f as a second choice. With none converging, the stable candidate with the
 * lowest final f alone. Empty when nothing tried was stable.
 */
export function chooseFixes(context: FixContext, candidates: readonly FixCandidate[]): RunFix[] {
  const { options } = context;
  const costPerCheck = Math.max(1, options.numSteps) * options.objective.dimension;
  const affordable = Math.max(1, Math.floor(MAX_CHECK_WORK / costPerCheck));
  const checked: RunFix[] = [];
  const plain: RunFix[] = [];
  let converging: RunFix | null = null;
  for (const candidate of candidates.slice(0, affordable)) {
    const fix = checkFix(context, candidate);
    if (fix === null) continue;
    checked.push(fix);
    if (candidate.learningRateOnly) plain.push(fix);
    if (fix.converges) {
      converging = fix;
      break;
    }
  }
  const lowest = (fixes: readonly RunFix[]) => fixes.reduce<RunFix | null>((best, fix) => (best === null || fix.finalLoss < best.finalLoss ? fix : best), null);
  if (converging === null) {
    const best = lowest(checked);
    return best === null ? [] : [best];
  }
  const isPlain = plain.includes(converging);
  const plainBest = isPlain ? null : lowest(plain);
  return plainBest === null ? [converging] : [converging, plainBest];
}

/** Runs the engine with the candidate's settings: the fix it makes, or null when that run is unstable too or ends no lower. */
export function checkFix(context: FixContext, candidate: FixCandidate): RunFix | null {
  const { options, view, scale, minimumValue } = context;
  const { dimension } = options.objective;
  const record = (options.numSteps + 1) * dimension <= MAX_RECORDED_VALUES;
  const result = runMethod({
    ...options,
    hyper: { ...options.hyper, ...candidate.hyper },
    schedule: candidate.schedule ?? options.schedule,
    record,
    clock: undefined,
  });
  // a lean check sees only whether the run diverged
  const verdict: PathVerdict = record ? classifyPath(result, view, scale, (options.noise ?? 0) > 0) : result.diverged ? { kind: 'diverged', step: result.diverged.step } : { kind: 'fine' };
  if (verdict.kind !== 'fine') return null;
  const finalLoss = result.loss[result.loss.length - 1];
  if (!(finalLoss < context.finalLoss)) return null;
  const finalPoint = result.trajectory.subarray(result.trajectory.length - dimension);
  const converges = endsNearMinimum(options, finalPoint, finalLoss, minimumValue);
  const steps = result.loss.length - 1;
  const target = minimumValue === null ? '' : ` (f* = ${formatSignificant(minimumValue)})`;
  const stopped = result.converged ? `, stopped at step ${result.converged.step}: ${result.converged.reason}` : '';
  const outcome = `f falls to ${formatSignificant(finalLoss)} in ${steps} steps${target}${stopped}`;
  return {
    label: candidate.label,
    hyper: candidate.hyper,
    ...(candidate.schedule && { schedule: candidate.schedule }),
    reason: candidate.reason,
    outcome,
    converges,
    finalLoss,
  };
}

/**
 * With f* known: f within CONVERGED_FRACTION of the way from f(start) to f*. Without: ‖∇f‖ shrunk
 * to GRADIENT_FRACTION of its size at the start (a minimum, perhaps a local one; stricter, since the
 * floor of a flat valley has a small gradient too).
 */
function endsNearMinimum(options: RunOptions, finalPoint: Float64Array, finalLoss: number, minimumValue: number | null): boolean {
  const { objective, start } = options;
  const gradient = new Float64Array(objective.dimension);
  const startLoss = objective.valueAndGradient(start, gradient);
  if (minimumValue !== null) return finalLoss - minimumValue <= CONVERGED_FRACTION * Math.max(startLoss - minimumValue, 1e-12);
  const startNorm = Math.hypot(...gradient);
  objective.valueAndGradient(finalPoint, gradient);
  return Math.hypot(...gradient) <= GRADIENT_FRACTION * Math.max(startNorm, 1e-12);
}
