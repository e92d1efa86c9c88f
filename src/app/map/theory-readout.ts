// The theory readout's sentences and numbers, from the local model and the selected run: pure, so
// what a teacher reads is tested without a DOM.
import {
  gradientDescentRate,
  heavyBallRate,
  largestStableMomentumLearningRate,
  localQuadratic,
  type LocalQuadratic,
} from '../../engine/theory/local-quadratic';
import type { ExperimentRun } from '../../experiment/experiment';

/** A number as the readout shows it: four significant digits (the e2e reads the same rounding). */
export function formatTheoryNumber(value: number): string {
  if (!Number.isFinite(value)) return value > 0 ? '∞' : value < 0 ? '−∞' : 'undefined';
  const rounded = Number(value.toPrecision(4));
  if (rounded !== 0 && (Math.abs(rounded) < 1e-3 || Math.abs(rounded) >= 1e6)) return rounded.toExponential(3).replaceAll('-', '−');
  return String(rounded).replaceAll('-', '−');
}

/** One line of the readout: its name, the number and a sentence after it. */
export interface TheoryRow {
  readonly id: string;
  readonly name: string;
  readonly value: number | null;
  readonly note?: string;
}

/** What the readout says about the curvature at the point. */
export function curvatureSentence(model: LocalQuadratic): string {
  const min = formatTheoryNumber(model.eigenvalues[0]);
  switch (model.curvature) {
    case 'positive-definite':
      return 'Convex here: a bowl, every eigenvalue positive.';
    case 'positive-semidefinite':
      return `A valley floor: λmin = ${min} ≈ 0, flat along its eigenvector. κ, the optimal rate and critical damping need λmin > 0; 2/λmax still bounds the learning rate.`;
    case 'saddle':
      return `Not convex here: a saddle (λmin = ${min} < 0). κ, the optimal rate and critical damping need λmin > 0 and do not apply; 2/λmax still bounds the learning rate along the upward-curving directions, and along the downward ones gradient descent moves away at any rate (by 1 + lr·|λ| a step).`;
    case 'negative-semidefinite':
    case 'negative-definite':
      return `Not convex here: a ridge or maximum (λmax = ${formatTheoryNumber(model.eigenvalues[model.dimension - 1])} ≤ 0). No learning-rate bound applies: gradient descent moves away from here in every downward-curving direction.`;
    default:
      return 'The Hessian is zero or not finite here: no quadratic model to read.';
  }
}

/** The model's rows: eigenvalues, κ, 2/λmax, the optimal rate, Distill's critical pair. */
export function modelRows(model: LocalQuadratic): TheoryRow[] {
  const n = model.dimension;
  const eigenRows: TheoryRow[] =
    n <= 4
      ? Array.from(model.eigenvalues, (value, k) => ({ id: `eigenvalue-${k + 1}`, name: `λ${k + 1}`, value }))
      : [
          { id: 'eigenvalue-min', name: 'λmin', value: model.eigenvalues[0] },
          { id: 'eigenvalue-max', name: 'λmax', value: model.eigenvalues[n - 1] },
        ];
  const critical = model.criticalMomentum;
  return [
    ...eigenRows,
    { id: 'condition-number', name: 'Condition number κ = λmax/λmin', value: model.conditionNumber },
    { id: 'largest-stable-rate', name: 'Largest stable GD learning rate 2/λmax', value: model.largestStableLearningRate },
    {
      id: 'optimal-rate',
      name: 'Optimal GD learning rate 2/(λmin + λmax)',
      value: model.optimalLearningRate,
      note: model.optimalGradientDescentRate === null ? undefined : `contracts by (κ − 1)/(κ + 1) = ${formatTheoryNumber(model.optimalGradientDescentRate)} a step`,
    },
    { id: 'critical-learning-rate', name: 'Critical damping: learning rate α* = (2/(√λmax + √λmin))²', value: critical?.learningRate ?? null },
    {
      id: 'critical-momentum',
      name: 'Critical damping: momentum β* = ((√κ − 1)/(√κ + 1))²',
      value: critical?.momentum ?? null,
      note: critical ? `contracts by (√κ − 1)/(√κ + 1) = ${formatTheoryNumber(critical.rate)} a step` : undefined,
    },
  ];
}

function side(value: number, bound: number): string {
  if (value === bound) return 'equal to';
  return value < bound ? 'below' : 'above';
}

/**
 * Sentences comparing the run's own lr (and momentum) with the model's bounds, and its local rate.
 * The bounds are plain gradient descent's and heavy-ball momentum's (torch's SGD); for other methods
 * the sentence says they do not bound them directly.
 */
export function runComparison(model: LocalQuadratic, run: ExperimentRun | undefined): string[] {
  if (!run) return [];
  const lr = run.hyper.lr;
  if (typeof lr !== 'number') return [`${run.optimizer} has no learning rate: the bounds are gradient descent's.`];
  const momentum = typeof run.hyper.momentum === 'number' && run.optimizer === 'sgd' ? run.hyper.momentum : 0;
  const sentences: string[] = [];
  if (run.optimizer !== 'sgd') sentences.push(`These bounds are plain gradient descent's and heavy-ball momentum's; ${run.optimizer} rescales its steps, so they only hint at its behaviour.`);
  const lambdaMax = model.eigenvalues[model.dimension - 1];
  const stable = model.largestStableLearningRate;
  if (stable !== null) sentences.push(`The run's lr = ${formatTheoryNumber(lr)} is ${side(lr, stable)} 2/λmax = ${formatTheoryNumber(stable)}.`);
  if (model.optimalLearningRate !== null) sentences.push(`It is ${side(lr, model.optimalLearningRate)} the optimal rate ${formatTheoryNumber(model.optimalLearningRate)}.`);
  if (momentum > 0) {
    const bound = largestStableMomentumLearningRate(lambdaMax, momentum);
    if (bound !== null) sentences.push(`With momentum β = ${formatTheoryNumber(momentum)} the rate bound is (2 + 2β)/λmax = ${formatTheoryNumber(bound)}.`);
    if (model.criticalMomentum) {
      sentences.push(
        `Against critical damping: lr is ${side(lr, model.criticalMomentum.learningRate)} α* = ${formatTheoryNumber(model.criticalMomentum.learningRate)}, β is ${side(momentum, model.criticalMomentum.momentum)} β* = ${formatTheoryNumber(model.criticalMomentum.momentum)}.`,
      );
    }
  }
  if (run.optimizer === 'sgd' && run.hyper.nesterov !== true && (run.hyper.dampening ?? 0) === 0) {
    const rate = momentum > 0 ? heavyBallRate(model.eigenvalues, lr, momentum) : gradientDescentRate(model.eigenvalues, lr);
    sentences.push(
      rate < 1
        ? `On this model the run contracts by ${formatTheoryNumber(rate)} a step.`
        : `On this model the run grows by ${formatTheoryNumber(rate)} a step: it moves away from here.`,
    );
  }
  return sentences;
}

/** The model of a Hessian (row-major) of `dimension` parameters. */
export function modelOf(hessian: readonly number[], dimension: number): LocalQuadratic {
  return localQuadratic(hessian, dimension);
}
