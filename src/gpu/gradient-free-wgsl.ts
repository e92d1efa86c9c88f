// One step of each gradient-free and zeroth-order method in WGSL, the same algorithm as its
// TypeScript file in engine/methods (same hyperparameters, same acceptance tests, same order of
// operations), drawing from gpu-random.ts's stream instead of the run's xoshiro stream.
//
// The shader around it (gradient-free-program.ts) provides: point0/point1 and loss (the iterate and
// f there), bestLoss (lowest f of every evaluation, as the oracle keeps it), the method's run state,
// `run` and `step` (u32, for the random stream), `stepRow` (this step's row of the step table) and
// `evaluate(x, y)` (f, noted in bestLoss). A body leaves the next iterate in param0/param1 and, when
// it has evaluated f there, nextValue with hasNextValue = true (SPSA and the ZO methods evaluate f at
// the new point only once it is known to be recordable, as their TypeScript steps do).
//
// One float32 limit changes what SPSA and the ZO methods can do: a perturbation c below ~2⁻²⁰·|x|
// leaves the two probes a few ulps apart, and f(x + cΔ) − f(x − cΔ) rounds to noise or 0, so a run
// that has blown up stalls far out instead of going on to the divergence bound as in float64 (on
// Himmelblau with SPSA a = 0.05, 3% of runs stalled near |x| ~ 1e6-1e9 with f ~ 1e28). Such a run is
// counted as diverged there (lostResolution): float32 and float64 twins of the SPSA kernel then see
// the same runs of that map diverge, within two steps (gradient-free-job.test.ts).
import { wgslFloat } from '../engine/expression/wgsl';
import type { GradientFreeKernelId } from '../analyses/plan';
import { STEP_COLUMNS, type GradientFreeConstants } from './gradient-free-job';
import type { ClipSpec } from '../engine/clipping';
import { CLIP_NORM_EPSILON } from '../engine/clipping';

/** |x| / perturbation beyond which float32 two-point differences are lost in rounding (2²⁰: the probes are 8 ulps of x apart). */
export const FLOAT32_PERTURBATION_RANGE = 2 ** 20;

/** A method's WGSL: run state (name, initial WGSL value at the start), and its step's lines. */
export interface GradientFreeWgsl {
  readonly runState: readonly (readonly [name: string, initial: string])[];
  readonly stepLines: readonly string[];
}

/** The step of `method` with its constants (clip: the run's gradient clipping, applied to the ZO estimate). */
export function gradientFreeWgsl(method: GradientFreeKernelId, constants: GradientFreeConstants, clip: ClipSpec | undefined): GradientFreeWgsl {
  const column = (name: string) => `StepTable[stepRow + ${STEP_COLUMNS[method].indexOf(name)}]`;
  const number = (value: number | undefined) => wgslFloat(value as number);
  switch (method) {
    case 'random_search': {
      const [[x0, x1], [y0, y1]] = constants.box as readonly (readonly [number, number])[];
      const candidate = constants.local
        ? ['let z = gaussianPair(run, step, sample);', `let candidate0 = point0 + ${number(constants.sigma)} * z.x;`, `let candidate1 = point1 + ${number(constants.sigma)} * z.y;`]
        : [
            `let candidate0 = ${number(x0)} + ${number(x1 - x0)} * randomUniform(run, step, 2u * sample);`,
            `let candidate1 = ${number(y0)} + ${number(y1 - y0)} * randomUniform(run, step, 2u * sample + 1u);`,
          ];
      return {
        runState: [],
        stepLines: [
          'param0 = point0;',
          'param1 = point1;',
          'nextValue = loss;',
          `for (var sample = 0u; sample < ${constants.samples}u; sample = sample + 1u) {`,
          ...candidate.map((line) => `  ${line}`),
          '  let value = evaluate(candidate0, candidate1);',
          '  // strictly better: ties keep the incumbent',
          '  if (value < nextValue || isNotANumber(nextValue)) {',
          '    param0 = candidate0;',
          '    param1 = candidate1;',
          '    nextValue = value;',
          '  }',
          '}',
          'hasNextValue = true;',
        ],
      };
    }
    case 'simulated_annealing':
      return {
        runState: [],
        stepLines: [
          `let temperature = ${column('temperature')};`,
          'let z = gaussianPair(run, step, 0u);',
          `param0 = point0 + ${number(constants.sigma)} * z.x;`,
          `param1 = point1 + ${number(constants.sigma)} * z.y;`,
          'nextValue = evaluate(param0, param1);',
          'let increase = nextValue - loss;',
          '// Metropolis: downhill and level moves always, uphill with probability exp(−Δ/T); NaN never',
          'var accepted = increase <= 0.0f;',
          'if (!accepted && temperature > 0.0f && increase > 0.0f) {',
          '  accepted = randomUniform(run, step, 2u) < exp(-increase / temperature);',
          '}',
          'if (!accepted) {',
          '  param0 = point0;',
          '  param1 = point1;',
          '  nextValue = loss;',
          '}',
          'hasNextValue = true;',
        ],
      };
    case 'one_plus_one_es':
      return {
        runState: [['sigma', number(constants.sigma)]],
        stepLines: [
          'let z = gaussianPair(run, step, 0u);',
          'param0 = point0 + sigma * z.x;',
          'param1 = point1 + sigma * z.y;',
          'nextValue = evaluate(param0, param1);',
          '// no worse: the offspring replaces the parent; σ by the 1/5th success rule',
          'let success = nextValue <= loss || isNotANumber(loss);',
          'if (success) {',
          `  sigma = sigma * ${number(constants.successFactor)};`,
          '} else {',
          `  sigma = sigma * ${number(constants.failureFactor)};`,
          '  param0 = point0;',
          '  param1 = point1;',
          '  nextValue = loss;',
          '}',
          'hasNextValue = true;',
        ],
      };
    case 'spsa':
      return {
        runState: [],
        stepLines: [
          `let perturbationGain = ${column('perturbationGain')};`,
          `let stepGain = ${column('stepGain')};`,
          '// Rademacher ±1: the top bit of a word',
          'let delta0 = select(-1.0f, 1.0f, (randomWord(run, step, 0u) >> 31u) == 1u);',
          'let delta1 = select(-1.0f, 1.0f, (randomWord(run, step, 1u) >> 31u) == 1u);',
          'let plusValue = evaluate(point0 + perturbationGain * delta0, point1 + perturbationGain * delta1);',
          'let minusValue = evaluate(point0 - perturbationGain * delta0, point1 - perturbationGain * delta1);',
          'let difference = (plusValue - minusValue) / (2.0f * perturbationGain);',
          'param0 = point0 - stepGain * difference * delta0;',
          'param1 = point1 - stepGain * difference * delta1;',
          `lostResolution = max(abs(param0), abs(param1)) > ${wgslFloat(FLOAT32_PERTURBATION_RANGE)} * perturbationGain;`,
        ],
      };
    case 'zo_sgd':
    case 'zo_sign_sgd': {
      const update = method === 'zo_sgd' ? (i: number) => `param${i} = point${i} - learningRate * estimate${i};` : (i: number) => `param${i} = point${i} - learningRate * ieeeSign(estimate${i});`;
      return {
        runState: [],
        stepLines: [`let learningRate = ${column('learningRate')};`, ...estimateLines(constants, clip), update(0), update(1), lostResolutionLine(constants)],
      };
    }
    case 'zo_adam': {
      // first-order/adam.ts's update (torch.optim.Adam) on the estimate, without weight decay
      const [beta1, beta2, eps] = [number(constants.beta1), number(constants.beta2), number(constants.eps)];
      const moments = ['firstMoment0', 'firstMoment1', 'secondMoment0', 'secondMoment1', ...(constants.amsgrad ? ['maxSecondMoment0', 'maxSecondMoment1'] : [])];
      const update = (i: number) => [
        `firstMoment${i} = firstMoment${i} * ${beta1} + ${wgslFloat(1 - (constants.beta1 as number))} * estimate${i};`,
        `secondMoment${i} = secondMoment${i} * ${beta2} + ${wgslFloat(1 - (constants.beta2 as number))} * estimate${i} * estimate${i};`,
        ...(constants.amsgrad ? [`maxSecondMoment${i} = ieeeMaximum(maxSecondMoment${i}, secondMoment${i});`] : []),
        `param${i} = point${i} + (-stepSize * firstMoment${i}) / (sqrt(${constants.amsgrad ? 'maxSecondMoment' : 'secondMoment'}${i}) / secondMomentCorrection + ${eps});`,
      ];
      return {
        runState: moments.map((name): [string, string] => [name, '0.0f']),
        stepLines: [
          `let stepSize = ${column('stepSize')};`,
          `let secondMomentCorrection = ${column('secondMomentCorrection')};`,
          ...estimateLines(constants, clip),
          ...update(0),
          ...update(1),
          lostResolutionLine(constants),
        ],
      };
    }
  }
}

/** The two-point Gaussian estimate (zeroth-order/gaussian-estimate.ts) into estimate0/estimate1, clipped as a gradient would be. */
function estimateLines(constants: GradientFreeConstants, clip: ClipSpec | undefined): string[] {
  const perturbation = wgslFloat(constants.perturbation as number);
  const directions = constants.directions as number;
  return [
    'var estimate0 = 0.0f;',
    'var estimate1 = 0.0f;',
    `for (var direction = 0u; direction < ${directions}u; direction = direction + 1u) {`,
    '  let z = gaussianPair(run, step, direction);',
    `  let plusValue = evaluate(point0 + ${perturbation} * z.x, point1 + ${perturbation} * z.y);`,
    `  let minusValue = evaluate(point0 - ${perturbation} * z.x, point1 - ${perturbation} * z.y);`,
    `  let weight = (plusValue - minusValue) / (2.0f * ${perturbation}) / ${wgslFloat(directions)};`,
    '  estimate0 = estimate0 + weight * z.x;',
    '  estimate1 = estimate1 + weight * z.y;',
    '}',
    ...clippingLines(clip),
  ];
}

/** Float32 has lost the two-point difference once |x| passes FLOAT32_PERTURBATION_RANGE perturbations. */
function lostResolutionLine(constants: GradientFreeConstants): string {
  return `lostResolution = max(abs(param0), abs(param1)) > ${wgslFloat(FLOAT32_PERTURBATION_RANGE * (constants.perturbation as number))};`;
}

/** engine/clipping.ts in WGSL, on estimate0 and estimate1 (NaN propagating as Math.min and Math.max do). */
function clippingLines(clip: ClipSpec | undefined): string[] {
  if (clip === undefined) return [];
  if (clip.type === 'value') {
    const limit = wgslFloat(clip.clip_value);
    const negative = wgslFloat(-clip.clip_value);
    return [0, 1].map((i) => `estimate${i} = ieeeMinimum(ieeeMaximum(estimate${i}, ${negative}), ${limit});`);
  }
  return [
    `let clipScale = ieeeMinimum(${wgslFloat(clip.max_norm)} / (sqrt(estimate0 * estimate0 + estimate1 * estimate1) + ${wgslFloat(CLIP_NORM_EPSILON)}), 1.0f);`,
    'estimate0 = estimate0 * clipScale;',
    'estimate1 = estimate1 * clipScale;',
  ];
}
