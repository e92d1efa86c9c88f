import type { HyperValues } from '../../engine/methods/first-order/optimizer';

/** A teaching configuration offered by "Add run": an optimizer with the settings a lecture would show. */
export interface RunPreset {
  readonly id: string;
  /** Shown in the picker (the new run is then named by its settings, experiment/run-name.ts). */
  readonly name: string;
  /** Optimizer id in the registry. */
  readonly optimizer: string;
  /** Only the hyperparameters that differ from the method's defaults (torch's, scipy's). */
  readonly hyper: HyperValues;
  /** One line on what the configuration shows. */
  readonly description: string;
}

// Learning rates are tuned for the built-in surfaces' default domains (a few units across, with
// Rosenbrock's curvature of about 2b = 200 across its valley): every preset stays finite for 300
// steps from the default start on the default surfaces and lowers the loss (presets.test.ts).
// Plain gradient descent needs lr < 2 / curvature, so it gets a much smaller rate than the
// adaptive methods, whose steps are about lr long whatever the gradient's size. RAdam is the
// exception among those: its first few steps are un-adapted momentum SGD (until the variance
// estimate is trustworthy), and at lr 0.05 Rosenbrock's gradients of a few hundred throw it out by step 4.

/** The presets, in the order the picker lists them. */
export const RUN_PRESETS: readonly RunPreset[] = [
  { id: 'gd', name: 'GD', optimizer: 'sgd', hyper: { lr: 0.001 }, description: 'plain gradient descent: θ ← θ − γ∇f' },
  { id: 'momentum', name: 'Momentum', optimizer: 'sgd', hyper: { lr: 0.001, momentum: 0.9 }, description: 'heavy ball: a velocity that averages past gradients' },
  {
    id: 'nesterov',
    name: 'Nesterov',
    optimizer: 'sgd',
    hyper: { lr: 0.001, momentum: 0.9, nesterov: true },
    description: 'momentum with a look-ahead gradient',
  },
  { id: 'adagrad', name: 'AdaGrad', optimizer: 'adagrad', hyper: { lr: 0.5 }, description: 'per-coordinate rates that shrink with the sum of squared gradients' },
  { id: 'rmsprop', name: 'RMSprop', optimizer: 'rmsprop', hyper: { lr: 0.01 }, description: 'per-coordinate rates from a moving average of squared gradients' },
  { id: 'adadelta', name: 'Adadelta', optimizer: 'adadelta', hyper: { lr: 10 }, description: 'unit-correcting ratio of two moving averages; starts slowly' },
  { id: 'adam', name: 'Adam', optimizer: 'adam', hyper: { lr: 0.05 }, description: 'momentum plus RMSprop scaling, with bias correction' },
  { id: 'adamw', name: 'AdamW', optimizer: 'adamw', hyper: { lr: 0.05, weight_decay: 0.01 }, description: 'Adam with decoupled weight decay' },
  { id: 'amsgrad', name: 'AMSGrad', optimizer: 'adam', hyper: { lr: 0.05, amsgrad: true }, description: 'Adam dividing by the running maximum of v' },
  { id: 'adamax', name: 'Adamax', optimizer: 'adamax', hyper: { lr: 0.05 }, description: 'Adam with the infinity norm in the denominator' },
  { id: 'nadam', name: 'NAdam', optimizer: 'nadam', hyper: { lr: 0.05 }, description: 'Adam with Nesterov momentum' },
  { id: 'radam', name: 'RAdam', optimizer: 'radam', hyper: { lr: 0.01 }, description: 'Adam whose first steps are plain momentum until the variance estimate is trustworthy' },
  { id: 'lion', name: 'Lion', optimizer: 'lion', hyper: { lr: 0.01 }, description: 'sign of an interpolated momentum: every step is lr long per coordinate' },
  { id: 'newton', name: 'Newton', optimizer: 'newton', hyper: { line_search: 'backtracking' }, description: 'the local quadratic model’s minimiser, damped by backtracking; uses ∇²f' },
  { id: 'bfgs', name: 'BFGS', optimizer: 'bfgs', hyper: {}, description: 'builds an inverse-Hessian estimate from gradients (scipy’s line search)' },
  { id: 'lbfgs', name: 'L-BFGS', optimizer: 'lbfgs', hyper: { line_search_fn: 'strong_wolfe' }, description: 'BFGS from the last few gradient pairs, as torch.optim.LBFGS' },
  { id: 'nelder-mead', name: 'Nelder-Mead', optimizer: 'nelder_mead', hyper: {}, description: 'a simplex that reflects, expands and shrinks; f only' },
  { id: 'annealing', name: 'Simulated annealing', optimizer: 'simulated_annealing', hyper: {}, description: 'random proposals, uphill ones accepted with probability exp(−Δ/T); f only' },
  { id: 'cma-es', name: 'CMA-ES', optimizer: 'cma_es', hyper: {}, description: 'a population from a Gaussian whose ellipse adapts to the valley; f only' },
  { id: 'mezo', name: 'MeZO', optimizer: 'zo_sgd', hyper: { lr: 0.0003 }, description: 'SGD on a two-point estimate along one random direction; f only, 2 per step' },
];

/** The preset with this id, if there is one. */
export function getPreset(id: string): RunPreset | undefined {
  return RUN_PRESETS.find((preset) => preset.id === id);
}

/** The preset a switch to this optimizer starts from: the first one for it (plain, not a variant). */
export function presetForOptimizer(optimizerId: string): RunPreset | undefined {
  return RUN_PRESETS.find((preset) => preset.optimizer === optimizerId);
}
