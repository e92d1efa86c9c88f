import type { ClipSpec } from '../engine/clipping';
import type { FormulaProblem, Problem } from '../engine/problems';
import type { HyperValues } from '../engine/methods/first-order/optimizer';
import type { ScheduleSpec } from '../engine/schedules';
import { LIMITS } from '../engine/limits';

// One versioned plain-JSON object reproduces a run: the share URL, the CLI and the playground
// all read and write this shape. Hyperparameters keep torch.optim's names because that is what
// users know.

/** The experiment format's version; bump it (and teach the readers) when the shape changes. */
export const EXPERIMENT_VERSION = 1;

/** Most steps one experiment may ask for. */
export const MAX_STEPS = LIMITS.steps.value;
/** Most runs one experiment may race. */
export const MAX_RUNS = LIMITS.runs.value;
/** Longest run label, in UTF-16 code units. */
export const MAX_LABEL_LENGTH = LIMITS.labelLength.value;
/** Steps when an experiment does not say. */
export const DEFAULT_STEPS = 300;
/** Noise seed when an experiment does not say. */
export const DEFAULT_SEED = 0;
/** Gradient-noise standard deviation when an experiment does not say (exact gradients). */
export const DEFAULT_NOISE = 0;
export { DEFAULT_FORMULA_DOMAIN, MAX_EXPRESSION_LENGTH } from '../engine/problems';
export type { FormulaProblem, Problem, SurfaceProblem } from '../engine/problems';

/** One optimizer racing from one start point. */
export interface ExperimentRun {
  /** An id from the optimizer registry ("sgd", "adam", ...). */
  readonly optimizer: string;
  /** Only the hyperparameters the user set, by torch name; `resolveRun` fills in torch's defaults. */
  readonly hyper: HyperValues;
  /** Start point, one coordinate per dimension of the problem. */
  readonly start: readonly number[];
  /** Learning-rate schedule; a constant learning rate when absent. */
  readonly schedule?: ScheduleSpec;
  /** Gradient clipping before each step; none when absent. */
  readonly clip?: ClipSpec;
  /**
   * A name the user typed, shown everywhere instead of the automatic one; absent, the run is named
   * by its optimizer and key settings (run-name.ts), and the name follows them.
   */
  readonly label?: string;
  /** Colour of the run's path and curve as "#rrggbb"; the palette's colour for its index when absent. */
  readonly color?: string;
  /** True when the run is computed but not drawn (its visibility toggle is off). */
  readonly hidden?: boolean;
}

/** A complete, validated experiment (what `parseExperiment` returns). */
export interface Experiment {
  readonly version: typeof EXPERIMENT_VERSION;
  readonly problem: Problem;
  /** Optimizer steps per run. */
  readonly steps: number;
  /** uint32 seed of the gradient noise; run i draws from deriveSeed(seed, i). */
  readonly seed: number;
  /** Standard deviation σ of the Gaussian noise added to each gradient component. */
  readonly noise: number;
  readonly runs: readonly ExperimentRun[];
}

/** True when the problem is a typed formula rather than a built-in surface. */
export function isFormulaProblem(problem: Problem): problem is FormulaProblem {
  return problem.kind === 'formula';
}

/** What the playground opens with: Rosenbrock's banana valley, plain SGD against momentum and Adam. */
export const DEFAULT_EXPERIMENT: Experiment = {
  version: EXPERIMENT_VERSION,
  problem: { kind: 'surface', surface: 'rosenbrock', params: {} },
  steps: DEFAULT_STEPS,
  seed: DEFAULT_SEED,
  noise: DEFAULT_NOISE,
  runs: [
    { optimizer: 'sgd', hyper: { lr: 0.001 }, start: [-1.5, 2] },
    { optimizer: 'sgd', hyper: { lr: 0.001, momentum: 0.9 }, start: [-1.5, 2] },
    { optimizer: 'adam', hyper: { lr: 0.05 }, start: [-1.5, 2] },
  ],
};
