import { getMethodSpec, type HyperValue, type HyperValues } from '../engine/methods/catalogue';
import type { ScheduleType } from '../engine/schedules';
import type { Experiment, ExperimentRun } from './experiment';

// A run the user has not named is named by what it is: the optimizer (or its variant: momentum,
// Nesterov, AMSGrad) and its key settings, "Adam lr 0.05", "Momentum lr 0.001 μ 0.9". The name
// is worked out whenever it is shown, never stored, so it follows every change of optimizer or
// setting; a `label` in the experiment is one the user typed, and it stays.

/** One hyperparameter an automatic name shows: its symbol, and whether always or only when it differs from torch's default. */
interface NamedSetting {
  /** The hyperparameter's torch name; for a pair, which half (0 or 1). */
  readonly hyper: string;
  readonly part?: 0 | 1;
  /** How the name writes it (the symbols of the settings panel and the update rules). */
  readonly symbol: string;
  readonly show: 'always' | 'changed';
}

/** How an optimizer's runs are named: the variant's name for its settings, then the settings that tell runs apart. */
interface NameRule {
  readonly name: (hyper: HyperValues) => string;
  readonly settings: readonly NamedSetting[];
}

const LR: NamedSetting = { hyper: 'lr', symbol: 'lr', show: 'always' };
const BETA1: NamedSetting = { hyper: 'betas', part: 0, symbol: 'β1', show: 'changed' };
const BETA2: NamedSetting = { hyper: 'betas', part: 1, symbol: 'β2', show: 'changed' };
const WEIGHT_DECAY: NamedSetting = { hyper: 'weight_decay', symbol: 'wd', show: 'changed' };
const ADAM_FAMILY: readonly NamedSetting[] = [LR, BETA1, BETA2, WEIGHT_DECAY];

/** scipy's `norm` of the gradient test, where it is not the default ∞. */
function normWords(hyper: HyperValues): string {
  return typeof hyper.norm === 'string' && hyper.norm !== 'inf' ? ` norm ${hyper.norm}` : '';
}

/** A setting shown only once it differs from the method's default. */
function changed(hyper: string, symbol = hyper, part?: 0 | 1): NamedSetting {
  return { hyper, symbol, show: 'changed', ...(part !== undefined && { part }) };
}

/** A setting always shown. */
function always(hyper: string, symbol = hyper): NamedSetting {
  return { hyper, symbol, show: 'always' };
}

/**
 * The key settings of each method, in one table: the learning rate always, and what a lecture
 * would vary (momentum μ, the betas, ρ, α, weight decay; σ, tolerances, a line search) once it
 * differs from the default. eps and the like never: they do not tell two runs in a class apart.
 */
export const RUN_NAME_RULES: Readonly<Record<string, NameRule>> = {
  sgd: {
    name: (hyper) => (hyper.nesterov === true ? 'Nesterov' : Number(hyper.momentum) > 0 ? 'Momentum' : 'SGD'),
    settings: [LR, { hyper: 'momentum', symbol: 'μ', show: 'changed' }, { hyper: 'dampening', symbol: 'τ', show: 'changed' }, WEIGHT_DECAY],
  },
  adagrad: { name: () => 'Adagrad', settings: [LR, { hyper: 'lr_decay', symbol: 'decay', show: 'changed' }, WEIGHT_DECAY] },
  rmsprop: {
    name: (hyper) => (hyper.centered === true ? 'RMSprop centered' : 'RMSprop'),
    settings: [LR, { hyper: 'alpha', symbol: 'α', show: 'changed' }, { hyper: 'momentum', symbol: 'μ', show: 'changed' }, WEIGHT_DECAY],
  },
  adadelta: { name: () => 'Adadelta', settings: [LR, { hyper: 'rho', symbol: 'ρ', show: 'changed' }, WEIGHT_DECAY] },
  adam: { name: (hyper) => (hyper.amsgrad === true ? 'AMSGrad' : 'Adam'), settings: ADAM_FAMILY },
  // decoupled weight decay is what AdamW is for, so its λ is always shown
  adamw: { name: (hyper) => (hyper.amsgrad === true ? 'AdamW AMSGrad' : 'AdamW'), settings: [LR, BETA1, BETA2, { ...WEIGHT_DECAY, show: 'always' }] },
  adamax: { name: () => 'Adamax', settings: ADAM_FAMILY },
  nadam: { name: () => 'NAdam', settings: ADAM_FAMILY },
  radam: { name: () => 'RAdam', settings: ADAM_FAMILY },
  lion: { name: () => 'Lion', settings: ADAM_FAMILY },
  // second-order and quasi-Newton: the variant (a line search) in the name, step settings once changed
  newton: {
    name: (hyper) => (hyper.line_search === 'backtracking' ? 'Damped Newton' : 'Newton'),
    settings: [changed('lr'), changed('min_eigenvalue', 'δ'), changed('c'), changed('shrink', 'ρ')],
  },
  newton_cg: { name: () => 'Newton-CG', settings: [changed('xtol')] },
  least_squares: { name: () => 'Least squares', settings: [] },
  gauss_newton: { name: (hyper) => (hyper.line_search === 'backtracking' ? 'Damped Gauss-Newton' : 'Gauss-Newton'), settings: [changed('lr'), changed('c'), changed('shrink', 'ρ')] },
  levenberg_marquardt: {
    name: (hyper) => (hyper.scaling === 'levenberg' ? 'Levenberg' : 'LM'),
    settings: [changed('damping', 'λ'), changed('damping_increase', 'λ↑'), changed('damping_decrease', 'λ↓')],
  },
  bfgs: { name: (hyper) => `BFGS${normWords(hyper)}`, settings: [changed('gtol')] },
  cg: { name: (hyper) => `CG${normWords(hyper)}`, settings: [changed('gtol')] },
  lbfgs: {
    name: (hyper) => (hyper.line_search_fn === 'strong_wolfe' ? 'L-BFGS Wolfe' : 'L-BFGS'),
    settings: [changed('lr'), changed('history_size', 'm'), changed('max_iter', 'iter')],
  },
  // gradient-free: the search's own scale always (σ, the temperature), its tolerances once changed
  random_search: { name: (hyper) => (hyper.mode === 'local' ? 'Local search' : 'Random search'), settings: [changed('sigma', 'σ'), changed('samples', 'n')] },
  simulated_annealing: {
    name: (hyper) => `Annealing ${hyper.cooling === 'logarithmic' ? 'log' : hyper.cooling === 'linear' ? 'linear' : 'exp'}`,
    settings: [always('sigma', 'σ'), changed('initial_temperature', 'T0'), changed('alpha', 'α'), changed('cooling_steps', 'K')],
  },
  nelder_mead: { name: (hyper) => (hyper.adaptive === true ? 'Nelder-Mead adaptive' : 'Nelder-Mead'), settings: [changed('xatol'), changed('fatol')] },
  powell: { name: () => 'Powell', settings: [changed('xtol'), changed('ftol')] },
  one_plus_one_es: { name: () => '(1+1)-ES', settings: [changed('sigma', 'σ0')] },
  cma_es: { name: () => 'CMA-ES', settings: [always('sigma', 'σ'), changed('population_size', 'λ')] },
  pso: { name: (hyper) => (hyper.init_region === 'view' ? 'PSO in view' : 'PSO'), settings: [changed('swarm_size', 'particles')] },
  differential_evolution: {
    name: (hyper) => `DE${hyper.updating === 'deferred' ? ' deferred' : ''}${hyper.init_region === 'view' ? ' in view' : ''}`,
    settings: [changed('popsize', 'pop'), changed('mutation', 'F', 0), changed('recombination', 'CR')],
  },
  // zeroth-order: the step always, the probe's size once changed
  spsa: { name: () => 'SPSA', settings: [always('a'), changed('c')] },
  zo_sgd: { name: () => 'ZO-SGD', settings: [LR, changed('eps', 'ε'), changed('q')] },
  zo_sign_sgd: { name: () => 'ZO-signSGD', settings: [LR, changed('eps', 'ε'), changed('q')] },
  zo_adam: { name: (hyper) => (hyper.amsgrad === true ? 'ZO-AdaMM' : 'ZO-Adam'), settings: [LR, BETA1, BETA2, changed('mu', 'μ'), changed('q')] },
};

/** How a schedule reads at the end of a name (a constant learning rate adds nothing). */
const SCHEDULE_WORDS: Readonly<Record<ScheduleType, string>> = {
  constant: '',
  step: 'step decay',
  exponential: 'exp decay',
  cosine: 'cosine',
  warmup_cosine: 'warm-up cosine',
  inverse_time: '1/t decay',
};

/** A setting's value as a name shows it: three significant digits, no trailing zeros (0.001, 0.9, 1e-5). */
export function formatSetting(value: number): string {
  const rounded = Number(value.toPrecision(3));
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

/**
 * The name a run gets when the user has typed none: "Adam lr 0.05", "Momentum lr 0.001 μ 0.9",
 * "AdamW lr 0.05 wd 0.01", then its schedule and clipping when it has them ("Adam lr 0.05 cosine clip 1").
 */
export function automaticRunName(run: Pick<ExperimentRun, 'optimizer' | 'hyper' | 'schedule' | 'clip'>): string {
  const method = getMethodSpec(run.optimizer);
  const rule = RUN_NAME_RULES[run.optimizer];
  const defaults = new Map<string, HyperValue>(method?.hyperSpecs.map((spec) => [spec.name, spec.defaultValue]) ?? []);
  const valueOf = (name: string) => run.hyper[name] ?? defaults.get(name);
  const resolved: Record<string, HyperValue> = {};
  for (const name of new Set([...defaults.keys(), ...Object.keys(run.hyper)])) {
    const value = valueOf(name);
    if (value !== undefined) resolved[name] = value;
  }
  const parts = [rule ? rule.name(resolved) : (method?.name ?? run.optimizer)];
  for (const setting of rule?.settings ?? [LR]) {
    const value = settingValue(valueOf(setting.hyper), setting.part);
    if (value === undefined) continue;
    const fallback = settingValue(defaults.get(setting.hyper), setting.part);
    if (setting.show === 'changed' && value === fallback) continue;
    parts.push(`${setting.symbol} ${formatSetting(value)}`);
  }
  if (run.schedule && SCHEDULE_WORDS[run.schedule.type]) parts.push(SCHEDULE_WORDS[run.schedule.type]);
  if (run.clip) parts.push(`clip ${formatSetting(run.clip.type === 'norm' ? run.clip.max_norm : run.clip.clip_value)}`);
  return parts.join(' ');
}

/** A number setting, or one half of a pair; undefined for a flag or a missing value. */
function settingValue(value: HyperValue | undefined, part: 0 | 1 | undefined): number | undefined {
  if (typeof value === 'number') return part === undefined ? value : undefined;
  if (Array.isArray(value) && part !== undefined) return value[part] as number;
  return undefined;
}

/**
 * Names the playground gave runs by itself before names followed the settings, per optimizer:
 * the presets' names and the default experiment's. Frozen: they are here to read old links.
 */
const EARLIER_AUTOMATIC_NAMES: Readonly<Record<string, readonly string[]>> = {
  sgd: ['SGD', 'GD', 'Momentum', 'Nesterov'],
  adagrad: ['AdaGrad', 'Adagrad'],
  rmsprop: ['RMSprop'],
  adadelta: ['Adadelta'],
  adam: ['Adam', 'AMSGrad'],
  adamw: ['AdamW'],
  adamax: ['Adamax'],
  nadam: ['NAdam'],
  radam: ['RAdam'],
  lion: ['Lion'],
};

/**
 * True when a label in a link is one the playground gave by itself rather than one a person typed
 * (older versions wrote every name into the link), so the playground opens the run with no label
 * and its name follows it from then on. That is:
 * - an earlier automatic name of its own optimizer, maybe numbered or copied ("Adam 2",
 *   "Momentum (copy)"): presets and the default experiment gave these;
 * - "SGD" on any run: the default experiment's first run, which a switch of optimizer never
 *   renamed (so old links hold `run=lion(...);label=SGD`);
 * - the run's own automatic name (maybe numbered, "Adam lr 0.05 (2)"), typed out or pasted.
 * A person who typed exactly one of these loses little: the run is still called that, with its settings.
 */
export function isAutomaticLabel(run: Pick<ExperimentRun, 'optimizer' | 'hyper' | 'schedule' | 'clip' | 'label'>): boolean {
  if (run.label === undefined) return true;
  const earlier = run.label.replace(/( \(copy\))+$/, '').replace(/ \d+$/, '');
  if (earlier === 'SGD' || (EARLIER_AUTOMATIC_NAMES[run.optimizer] ?? []).includes(earlier)) return true;
  return run.label.replace(/ \(\d+\)$/, '') === automaticRunName(run);
}

/**
 * The experiment as the playground opens a link: labels that `isAutomaticLabel` reads as given by
 * the playground itself are dropped. The codec itself keeps every label (a link reproduces its
 * experiment exactly, and the CLI writes each label it was given); this is how the page reads them.
 */
export function withoutAutomaticLabels(experiment: Experiment): Experiment {
  if (!experiment.runs.some((run) => run.label !== undefined && isAutomaticLabel(run))) return experiment;
  const runs = experiment.runs.map((run) => {
    if (run.label === undefined || !isAutomaticLabel(run)) return run;
    const { label: _automatic, ...unlabelled } = run;
    return unlabelled;
  });
  return { ...experiment, runs };
}
