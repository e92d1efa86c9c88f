// Why a run went wrong, in words and numbers, with fixes the engine checked. The path is
// classified first (classify.ts); then the step where it went wrong is explained by the method's
// step rule (step-rules.ts): for gradient descent the curvature λmax there against the stability
// bound 2/λmax, for the adaptive methods the size of their steps, about lr per coordinate.
import type { Domain } from '../objective';
import type { RunOptions, RunResult } from '../run';
import { classifyPath, isInView, REVERSAL_SHARE, type DiagnosisKind, type LeftViewVerdict, type OscillatingVerdict } from './classify';
import { chooseFixes, type FixContext, type RunFix } from './fix';
import { fixCandidates } from './fix-candidates';
import { formatPoint, formatRatio, formatSignificant } from './format';
import { PathReading, type CurvatureReading } from './path-reading';
import { stepRuleOf, type StepRule } from './step-rules';

export type { RunFix } from './fix';
export type { CurvatureReading } from './path-reading';
export type { DiagnosisKind } from './classify';

/** What is known about the problem beyond its objective. */
export interface DiagnosisContext {
  /** The plotting domain of a 2-D problem: a path that leaves it and stays out is flagged. */
  readonly view?: Domain;
  /** The lowest known minimum value f*, or null. */
  readonly minimumValue?: number | null;
}

/** A flagged run: what happened, why, and what to change. */
export interface RunDiagnosis {
  readonly kind: DiagnosisKind;
  /** The trajectory index where it happened (divergence, exit from the view, or the oscillation window's start). */
  readonly step: number;
  /** What happened, in a word or two: "Diverged", "Left the view", "Oscillating". */
  readonly title: string;
  /** What happened and the main number, in one line (badges, tooltips): "diverged at step 3: lr 1046x above 2/λmax". */
  readonly summary: string;
  /**
   * Why, in sentences, with the numbers (a divergence's own reason, "|x| exceeded 1e12", is the
   * runner's and is not repeated).
   */
  readonly explanation: string;
  /** The curvature where it went wrong against the method's bound (gradient methods), or null. */
  readonly curvature: CurvatureReading | null;
  /** Checked fixes, best first (empty when none was found). */
  readonly fixes: readonly RunFix[];
}

/** A path whose f rose in at most this share of its steps, and ended lower, is following the surface down. */
const RISE_SHARE = 0.2;
/** How many points of an oscillation window are examined for the steepest curvature. */
const CURVATURE_SAMPLES = 25;
/** How many points of a diverged path are examined for where the steps first overshot. */
const MAX_EXAMINED_POINTS = 200;

/**
 * Diagnoses a recorded run (`result` of `options`): null when it is fine (or its start point is
 * already invalid, which the divergence message says); otherwise the kind, the step, an
 * explanation with numbers, and fixes checked by running the engine with them.
 */
export function diagnoseRun(options: RunOptions, result: RunResult, context: DiagnosisContext = {}): RunDiagnosis | null {
  const { view } = context;
  const scale = problemScale(result, view);
  const verdict = classifyPath(result, view, scale, (options.noise ?? 0) > 0);
  if (verdict.kind === 'fine' || (verdict.kind === 'diverged' && verdict.step === 0)) return null;
  const rule = stepRuleOf(options.method.id, options.hyper);
  const finalLoss = result.loss[result.loss.length - 1];
  const fixContext: FixContext = { options, view, scale, minimumValue: context.minimumValue ?? null, finalLoss };
  const reading = new PathReading(options, result);
  switch (verdict.kind) {
    case 'diverged':
      return diverged(reading, verdict.step, rule, fixContext);
    case 'left-view':
      return leftView(reading, verdict, rule, fixContext, view!);
    case 'oscillating':
      return oscillating(reading, verdict, rule, fixContext);
  }
}

/** The view's diagonal, or for a problem without one the extent of the path (at least 1). */
function problemScale(result: RunResult, view: Domain | undefined): number {
  if (view !== undefined) return Math.hypot(view[0][1] - view[0][0], view[1][1] - view[1][0]);
  const { dimension, trajectory } = result;
  let extent = 0;
  for (let i = 0; i < dimension; i++) {
    let low = Infinity;
    let high = -Infinity;
    for (let k = i; k < trajectory.length; k += dimension) {
      low = Math.min(low, trajectory[k]);
      high = Math.max(high, trajectory[k]);
    }
    extent = Math.max(extent, high - low, Math.abs(trajectory[i]));
  }
  return Math.max(1, extent);
}

/** The explanation of a curvature reading: λmax, the bound, and how far the step was past it. */
function curvatureSentence(curvature: CurvatureReading, rule: StepRule): string {
  const { step, point, largestEigenvalue, bound, boundFormula, learningRate, ratio } = curvature;
  const where = `Step ${step} was taken at ${formatPoint(point)}, where the Hessian's largest eigenvalue is λmax = ${formatSignificant(largestEigenvalue, 4)}`;
  if (!(largestEigenvalue > 0)) return `${where}: f curves downward there in every direction, so no learning rate is too large for its curvature.`;
  const stable = gradientBoundPhrase(rule, boundFormula, bound);
  const rate = rule?.kind === 'scale-free' ? `its effective rate |Δx|/|∇f| = ${formatSignificant(learningRate)}` : `lr = ${formatSignificant(learningRate)}`;
  // within rounding of the bound: neither growing nor shrinking, each step lands as far on the other side
  if (Math.abs(ratio - 1) <= 1e-3) return `${where}. ${stable}, and ${rate} sits right at ${boundFormula} = ${formatSignificant(bound)}: the edge of stability, where every step lands as far on the other side.`;
  if (ratio > 1) return `${where}. ${stable}, and ${rate} was ${formatRatio(ratio)} larger than ${boundFormula} = ${formatSignificant(bound)} at that point: lr is too large for this curvature.`;
  return `${where}. ${stable}, and ${rate} was within it (${formatRatio(ratio)} of ${boundFormula} = ${formatSignificant(bound)}).`;
}

/** "Gradient descent is stable only while lr < 2/λmax" with the method's own bound. */
function gradientBoundPhrase(rule: StepRule, boundFormula: string, bound: number): string {
  const weightDecay = rule?.kind === 'gradient' && rule.weightDecay !== 0 ? ` (λmax plus weight_decay = ${formatSignificant(rule.weightDecay)})` : '';
  if (rule?.kind === 'gradient' && rule.momentum !== 0) return `With momentum μ = ${formatSignificant(rule.momentum)} its steps are stable only while lr < ${boundFormula} = ${formatSignificant(bound)}${weightDecay}`;
  if (rule?.kind === 'scale-free') return `A gradient step is stable only while its rate is below ${boundFormula}`;
  return `Gradient descent is stable only while lr < ${boundFormula}${weightDecay}`;
}

/** A run that the runner stopped as divergent at point `step` (≥ 1). */
function diverged(reading: PathReading, step: number, rule: StepRule, fixContext: FixContext): RunDiagnosis {
  const { loss } = reading.result;
  const examined = Math.min(step, MAX_EXAMINED_POINTS, reading.numPoints);
  // where it went wrong: the first step past the stability bound that made f rise, else the first rise
  let wrong = -1;
  let curvature: CurvatureReading | null = null;
  for (let k = 0; k < examined && rule?.kind === 'gradient'; k++) {
    const candidate = reading.curvature(k, rule);
    const rose = k + 1 >= reading.numPoints || loss[k + 1] > loss[k];
    if (candidate !== null && candidate.ratio > 1 && rose) {
      wrong = k;
      curvature = candidate;
      break;
    }
  }
  if (wrong < 0) {
    wrong = examined - 1;
    for (let k = 0; k + 1 < examined; k++) {
      if (loss[k + 1] > loss[k]) {
        wrong = k;
        break;
      }
    }
    curvature = reading.curvature(wrong, rule);
  }
  // the runner's reason ("|x| exceeded 1e12") is shown with the run already: the explanation says why
  const reason = reading.result.diverged?.reason ?? '';
  const parts: string[] = [];
  const lastPoint = reading.numPoints - 1;
  // divergence.ts's lossProblem: the point is finite but f is not (log of a negative, division by zero)
  const undefinedLoss = reason.startsWith('f is');
  const fellAway = !undefinedLoss && mostlyDecreasing(loss, 0, reading.numPoints);
  if (undefinedLoss) {
    parts.push(`Step ${step} landed where f is not defined; its last point where f is was ${formatPoint(reading.point(lastPoint))} (f = ${formatSignificant(loss[lastPoint])}).`);
    if (curvature !== null && curvature.ratio > 1) parts.push(curvatureSentence(curvature, rule));
    else parts.push('The steps were not too large for the curvature, only long enough to jump out of the region where f is defined: a smaller lr keeps the path inside it.');
  } else if (fellAway && reading.numPoints > 1) {
    parts.push(`f went down nearly all the way (from ${formatSignificant(loss[0])} to ${formatSignificant(loss[reading.numPoints - 1])}): the surface falls away without bound in that direction, so no learning rate stops it.`);
  } else if (curvature !== null) {
    parts.push(curvatureSentence(curvature, rule));
    if (wrong + 1 < reading.numPoints) parts.push(`That step took f from ${formatSignificant(loss[wrong])} to ${formatSignificant(loss[wrong + 1])}; every step after it overshot further.`);
  } else if (rule?.kind === 'scale-free') {
    parts.push(scaleFreeSentence(reading, rule.stepFormula, wrong));
  } else if (wrong + 1 < reading.numPoints) {
    parts.push(`f first rose at step ${wrong + 1} (from ${formatSignificant(loss[wrong])} to ${formatSignificant(loss[wrong + 1])}), and the steps grew from there on.`);
  }
  const fixes = fellAway ? [] : chooseFixes(fixContext, fixCandidates(reading, rule, 'diverged', wrong, fixContext));
  const rate = rule?.kind === 'scale-free' ? 'effective rate' : 'lr';
  const summary = curvature !== null && curvature.ratio > 1 ? `diverged at step ${step}: ${rate} ${formatRatio(curvature.ratio)} above ${curvature.boundFormula}` : `diverged at step ${step}`;
  return { kind: 'diverged', step, title: 'Diverged', summary, explanation: parts.join(' '), curvature, fixes };
}

/** A 2-D path that left the view and stayed out. */
function leftView(reading: PathReading, verdict: LeftViewVerdict, rule: StepRule, fixContext: FixContext, view: Domain): RunDiagnosis {
  const { loss } = reading.result;
  const { step: exit, firstExit } = verdict;
  const last = reading.numPoints - 1;
  const [[xMin, xMax], [yMin, yMax]] = view;
  const viewText = `the view (x from ${formatSignificant(xMin)} to ${formatSignificant(xMax)}, y from ${formatSignificant(yMin)} to ${formatSignificant(yMax)})`;
  const when = exit === firstExit ? `at step ${exit}` : `at step ${firstExit}, for good at step ${exit}`;
  const after = isInView(reading.result, last, view) ? ' and was outside most of the time after' : '';
  const parts = [`Left ${viewText} ${when}${after}; it ended at ${formatPoint(reading.point(last))}.`];
  let curvature: CurvatureReading | null = null;
  // f still going down outside: the path follows the surface out, it does not overshoot
  const fellAway = mostlyDecreasing(loss, firstExit - 1, reading.numPoints);
  if (fellAway) {
    parts.push(`f kept going down outside (from ${formatSignificant(loss[firstExit - 1])} to ${formatSignificant(loss[last])}): the surface falls away beyond the view, or its minimum lies outside it. Zoom out to follow the path; no learning rate keeps it in.`);
  } else if (rule?.kind === 'scale-free') {
    parts.push(scaleFreeSentence(reading, rule.stepFormula, firstExit - 1, view));
  } else {
    curvature = reading.curvature(firstExit - 1, rule);
    if (curvature !== null) parts.push(curvatureSentence(curvature, rule));
  }
  const fixes = fellAway ? [] : chooseFixes(fixContext, fixCandidates(reading, rule, 'left-view', firstExit - 1, fixContext));
  return { kind: 'left-view', step: firstExit, title: 'Left the view', summary: `left the view at step ${firstExit}`, explanation: parts.join(' '), curvature, fixes };
}

/** A path that kept stepping over its last window without f going down. */
function oscillating(reading: PathReading, verdict: OscillatingVerdict, rule: StepRule, fixContext: FixContext): RunDiagnosis {
  const { windowSteps, reversals, pairs, meanStepLength, meanStepLengthEarly, bestLossEarly, bestLossLate } = verdict;
  const back = reversals >= REVERSAL_SHARE * pairs ? `reversed direction ${reversals} times in ${pairs}` : 'went round in a loop';
  const size = meanStepLength > 2 * meanStepLengthEarly ? `grew to about ${formatSignificant(meanStepLength)}` : `stayed about ${formatSignificant(meanStepLength)}`;
  const parts = [
    `Oscillating without converging: over the last ${windowSteps} steps f did not go down (lowest ${formatSignificant(bestLossEarly)} in the first half, ${formatSignificant(bestLossLate)} in the second) while the steps ${size} long and ${back}.`,
  ];
  const curvature = rule?.kind === 'gradient' ? reading.curvature(steepestPoint(reading, verdict.step, reading.numPoints - 2), rule) : null;
  if (curvature !== null) parts.push(curvatureSentence(curvature, rule));
  if (rule?.kind === 'scale-free') {
    parts.push(`${reading.methodName}'s step is ${rule.stepFormula}, about lr = ${formatSignificant(reading.learningRate ?? NaN)} per coordinate however small the gradient, so near a minimum it keeps stepping across it; a decaying schedule lets the steps shrink.`);
  }
  if ((reading.options.noise ?? 0) > 0) parts.push(`The gradient noise (σ = ${formatSignificant(reading.options.noise ?? 0)}) keeps the steps from shrinking at a minimum; a decaying learning rate averages it out.`);
  const fixes = chooseFixes(fixContext, fixCandidates(reading, rule, 'oscillating', verdict.step, fixContext));
  return { kind: 'oscillating', step: verdict.step, title: 'Oscillating', summary: 'oscillating, not converging', explanation: parts.join(' '), curvature, fixes };
}

/** The adaptive methods: the step is about lr per coordinate whatever the gradient, with step `index`'s numbers. */
function scaleFreeSentence(reading: PathReading, stepFormula: string, index: number, view?: Domain): string {
  const lr = reading.learningRate ?? NaN;
  const intro = `${reading.methodName} sets each coordinate's step by lr, not by the gradient's size: its step is ${stepFormula}, about ±lr = ${formatSignificant(lr)} per coordinate.`;
  if (index + 1 >= reading.numPoints) return intro;
  const { changes, largestChange } = reading.stepSizes(index);
  const moved = reading.dimension === 2 ? `x by ${formatSignificant(changes[0])} and y by ${formatSignificant(changes[1])}` : `its coordinates by up to ${formatSignificant(largestChange)}`;
  const size = view === undefined ? '' : `, while the view is ${formatSignificant(view[0][1] - view[0][0])} wide and ${formatSignificant(view[1][1] - view[1][0])} tall`;
  return `${intro} Step ${index + 1} moved ${moved}${size}: lr is too large for the size of this problem.`;
}

/** Of up to CURVATURE_SAMPLES points from `first` to `last`, the one where λmax is largest. */
function steepestPoint(reading: PathReading, first: number, last: number): number {
  const stride = Math.max(1, Math.ceil((last - first + 1) / CURVATURE_SAMPLES));
  let steepest = first;
  let largest = -Infinity;
  for (let k = first; k <= last; k += stride) {
    const eigenvalue = reading.largestEigenvalueAt(k);
    if (eigenvalue > largest) {
      largest = eigenvalue;
      steepest = k;
    }
  }
  return steepest;
}

/** True when f fell from point `from` to point `to − 1` and rose in at most RISE_SHARE of the steps between (noise may nudge it up). */
function mostlyDecreasing(loss: ArrayLike<number>, from: number, to: number): boolean {
  const first = Math.max(0, from);
  if (!(loss[to - 1] < loss[first])) return false;
  let rises = 0;
  for (let k = first; k + 1 < to; k++) if (loss[k + 1] > loss[k]) rises++;
  return rises <= RISE_SHARE * (to - 1 - first);
}
