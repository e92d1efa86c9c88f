// The fixes worth trying for a flagged run, in order of preference, each with why its value was
// chosen. fix.ts runs them; the first that converges is offered.
import type { ScheduleSpec } from '../schedules';
import type { DiagnosisKind } from './classify';
import type { FixCandidate, FixContext } from './fix';
import { formatSignificant, roundDownTwoDigits } from './format';
import type { PathReading } from './path-reading';
import { stableLearningRate, type GradientStepRule, type StepRule } from './step-rules';

/** Safety factors below the stability bound tried for a learning rate, largest first. */
const BOUND_FACTORS = [0.9, 0.5, 0.25, 0.1];
/** The momentum a fix may add to plain SGD: it raises the bound to 2(1+μ)/λmax and speeds up flat valleys. */
const FIX_MOMENTUM = 0.9;
/** Learning rates tried for adaptive methods that left the view, as fractions of its smaller side. */
const VIEW_FRACTIONS = [1 / 4, 1 / 10, 1 / 20, 1 / 50, 1 / 100];

/**
 * The fixes to try, in order of preference. Gradient descent: learning rates at BOUND_FACTORS of
 * the bound at the start region (the largest λmax over the points before things went wrong), then
 * a cosine schedule, then plain SGD with momentum 0.9 under its raised bound. Adaptive methods that
 * left the view: learning rates at VIEW_FRACTIONS of the view's smaller side. Oscillation: a cosine
 * schedule first (it keeps the early speed), then smaller learning rates.
 */
export function fixCandidates(reading: PathReading, rule: StepRule, kind: DiagnosisKind, wrong: number, fixContext: FixContext): FixCandidate[] {
  const lr = reading.learningRate;
  if (lr === null) return [];
  const candidates: FixCandidate[] = [];
  const steps = reading.options.numSteps;
  const addRate = (rate: number, reason: string, extra: Record<string, number> = {}) => {
    if (!(rate > 0) || !Number.isFinite(rate)) return;
    const rounded = roundDownTwoDigits(rate);
    const learningRateOnly = Object.keys(extra).length === 0;
    if (learningRateOnly && rounded >= lr) return;
    if (candidates.some((candidate) => candidate.hyper.lr === rounded && Object.keys(candidate.hyper).length === 1 + Object.keys(extra).length)) return;
    const extras = Object.entries(extra).map(([name, value]) => `, ${name} = ${formatSignificant(value)}`).join('');
    candidates.push({ label: `Use lr = ${formatSignificant(rounded)}${extras}`, hyper: { lr: rounded, ...extra }, reason, learningRateOnly });
  };
  const addSchedule = () => {
    if (reading.options.schedule !== undefined) return;
    const schedule: ScheduleSpec = { type: 'cosine', T_max: Math.max(1, steps), eta_min: 0 };
    candidates.push({ label: 'Add a cosine schedule', hyper: {}, schedule, reason: `lr decays from ${formatSignificant(lr)} to 0 over the run's ${steps} steps, so the steps shrink as the run goes on`, learningRateOnly: false });
  };

  if (rule?.kind === 'gradient') {
    const eigenvalue = startRegionCurvature(reading, wrong);
    if (kind === 'oscillating') addSchedule();
    if (eigenvalue > 0) {
      const bound = stableLearningRate(rule, eigenvalue);
      for (const factor of BOUND_FACTORS) addRate(factor * bound, `${factor} × ${rule.boundFormula} = ${formatSignificant(bound)} at the start (λmax = ${formatSignificant(eigenvalue, 4)})`);
      if (kind !== 'oscillating') addSchedule();
      if (rule.momentum === 0 && kind !== 'oscillating') {
        const raised: GradientStepRule = { ...rule, boundFactor: 2 * (1 + FIX_MOMENTUM), boundFormula: '2(1+μ)/λmax', momentum: FIX_MOMENTUM };
        const raisedBound = stableLearningRate(raised, eigenvalue);
        for (const factor of BOUND_FACTORS.slice(0, 3)) {
          addRate(factor * raisedBound, `momentum μ = ${FIX_MOMENTUM} raises the bound to 2(1+μ)/λmax = ${formatSignificant(raisedBound)} (lr is ${factor} × that) and carries the run along flat valleys`, { momentum: FIX_MOMENTUM });
        }
      }
    } else if (kind !== 'oscillating') addSchedule();
    // steps that crossed out of f's domain, or a curvature that grew along the path: plainly smaller steps
    for (const factor of [0.5, 0.2, 0.1, 0.01]) addRate(factor * lr, `${factor} × the current lr`);
    return candidates;
  }

  const view = fixContext.view;
  if (kind === 'oscillating') {
    addSchedule();
    for (const factor of [0.3, 0.1, 0.03]) addRate(factor * lr, `${factor} × the current lr: smaller steps settle closer to the minimum`);
    return candidates;
  }
  if (view !== undefined && rule?.kind === 'scale-free') {
    const side = Math.min(view[0][1] - view[0][0], view[1][1] - view[1][0]);
    for (const fraction of VIEW_FRACTIONS) addRate(fraction * side, `about 1/${Math.round(1 / fraction)} of the view's side (${formatSignificant(side)}) per coordinate per step`);
  }
  for (const factor of [0.1, 0.01, 0.001]) addRate(factor * lr, `${factor} × the current lr`);
  addSchedule();
  return candidates;
}

/** The largest λmax over the path's first points up to point `wrong` (at most ten) and at point `wrong` itself. */
function startRegionCurvature(reading: PathReading, wrong: number): number {
  let largest = -Infinity;
  const last = Math.min(Math.max(0, wrong), reading.numPoints - 1);
  for (const k of new Set([...Array.from({ length: Math.min(last, 9) + 1 }, (_, index) => index), last])) {
    const eigenvalue = reading.largestEigenvalueAt(k);
    if (Number.isFinite(eigenvalue)) largest = Math.max(largest, eigenvalue);
  }
  return largest;
}
