// An experiment as a runnable PyTorch script: the problem in torch ops, each run with the torch
// optimizer the app's method reproduces (torch.optim.Adam for "adam": the app's first-order methods
// are torch's), Newton in a few lines of torch.linalg, L-BFGS as torch.optim.LBFGS; the script
// prints every point as a JSON line, so its trajectory can be checked against the app's to 1e-9
// (code-export.python.test.ts does). Methods torch has no counterpart of are listed, not faked.
import { getMethodSpec } from '../../engine/methods/catalogue';
import type { HyperValue } from '../../engine/methods/hyperparameters';
import { DIVERGENCE_BOUND } from '../../engine/divergence';
import { batchesPerEpoch } from '../../engine/data/data-objective';
import { resolveData } from '../../engine/problems';
import type { ScheduleSpec } from '../../engine/schedules';
import type { Experiment } from '../experiment';
import { resolveRunHyper } from '../run-experiment';
import { automaticRunName } from '../run-name';
import { pythonNumber } from './python-formula';
import { pythonList, torchProblem } from './python-problem';
import { PYTHON_RANDOM } from './python-random';
import { scriptDocstring, scriptEnding } from './script-text';

/** torch.optim's class for each first-order method (Lion, newer than torch 1.13, is defined in the script). */
const TORCH_OPTIMIZERS: Readonly<Record<string, string>> = {
  sgd: 'torch.optim.SGD',
  adam: 'torch.optim.Adam',
  adamw: 'torch.optim.AdamW',
  adamax: 'torch.optim.Adamax',
  // torch 1.13's single-tensor NAdam mis-steps its μ product (pytorch#92699); its foreach path
  // follows the documented algorithm, as the app does
  nadam: 'torch.optim.NAdam',
  radam: 'torch.optim.RAdam',
  rmsprop: 'torch.optim.RMSprop',
  adagrad: 'torch.optim.Adagrad',
  adadelta: 'torch.optim.Adadelta',
  lion: 'Lion',
};

/** The methods a PyTorch script reproduces. */
export const PYTORCH_METHODS: readonly string[] = [...Object.keys(TORCH_OPTIMIZERS), 'lbfgs', 'newton'];

/** A script, or why none can be written for this experiment. */
export type ExportedScript = { readonly ok: true; readonly script: string; readonly skipped: readonly string[] } | { readonly ok: false; readonly reason: string };

/** A hyperparameter value as a Python literal. */
export function pythonValue(value: HyperValue): string {
  // integral settings (history_size, step_size) as ints: torch multiplies lists by some of them
  if (typeof value === 'number') return Number.isSafeInteger(value) ? String(value) : pythonNumber(value);
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'string') return JSON.stringify(value);
  return `(${value.map(pythonNumber).join(', ')})`;
}

/** keyword=value pairs, in the method's own order. */
function keywordArguments(hyper: Readonly<Record<string, HyperValue>>, rename: Readonly<Record<string, (value: HyperValue) => string>> = {}): string {
  return Object.entries(hyper)
    .map(([name, value]) => `${name}=${rename[name]?.(value) ?? pythonValue(value)}`)
    .join(', ');
}

/** The torch scheduler reproducing the app's schedule (ScheduleSpec) on `optimizer`, or 'None'. */
function torchScheduler(schedule: ScheduleSpec | undefined): string {
  if (schedule === undefined || schedule.type === 'constant') return 'None';
  const scheduler = 'torch.optim.lr_scheduler';
  switch (schedule.type) {
    case 'step':
      return `${scheduler}.StepLR(optimizer, step_size=${schedule.step_size}, gamma=${pythonNumber(schedule.gamma)})`;
    case 'exponential':
      return `${scheduler}.ExponentialLR(optimizer, gamma=${pythonNumber(schedule.gamma)})`;
    case 'cosine':
      return `${scheduler}.CosineAnnealingLR(optimizer, T_max=${schedule.T_max}, eta_min=${pythonNumber(schedule.eta_min)})`;
    case 'warmup_cosine': {
      // LinearLR then CosineAnnealingLR (SequentialLR), written as the closed form torch's recursion rounds to
      const { warmup_steps: warmup, start_factor: startFactor, T_max: period, eta_min: minimum } = schedule;
      return (
        `${scheduler}.LambdaLR(optimizer, lambda t: ${pythonNumber(startFactor)} + (1 - ${pythonNumber(startFactor)}) * t / ${warmup} if t < ${warmup} ` +
        `else (${pythonNumber(minimum)} + (LEARNING_RATE - ${pythonNumber(minimum)}) * (1 + math.cos(math.pi * (t - ${warmup}) / ${period})) / 2) / LEARNING_RATE)`
      );
    }
    case 'inverse_time':
      return `${scheduler}.LambdaLR(optimizer, lambda t: 1 / (1 + ${pythonNumber(schedule.gamma)} * t))`;
  }
}

/** The clipping call for a run's ClipSpec, or 'None'. */
function torchClip(run: Experiment['runs'][number]): string {
  if (run.clip === undefined) return 'None';
  return run.clip.type === 'norm'
    ? `lambda: torch.nn.utils.clip_grad_norm_([p], max_norm=${pythonNumber(run.clip.max_norm)})`
    : `lambda: torch.nn.utils.clip_grad_value_([p], clip_value=${pythonNumber(run.clip.clip_value)})`;
}

const PREAMBLE = String.raw`def emit(run, step, p, value):
    """One point of a trajectory as a JSON line (repr floats: the exact float64 values)."""
    print(json.dumps({'run': run, 'step': step, 'x': [float(v) for v in p.detach()], 'f': float(value)}))


def recordable(p, value):
    """The app's test for a point it records: every coordinate finite and within the bound, f finite."""
    return bool(torch.all(p.detach().abs() <= DIVERGENCE_BOUND)) and math.isfinite(float(value))


class Batches:
    """The app's mini-batches: each epoch a seeded Fisher-Yates permutation of the training rows cut into batches."""

    def __init__(self, seed):
        self.random = Random(seed)
        self.epoch, self.order = -1, []

    def rows(self, step):
        rows = len(TARGETS)
        per_epoch = -(-rows // BATCH_SIZE)
        while self.epoch < step // per_epoch:
            self.order = self.random.shuffled(rows)
            self.epoch += 1
        first = (step % per_epoch) * BATCH_SIZE
        return torch.tensor(self.order[first:first + BATCH_SIZE])


def noised(gradient, noise):
    """Adds the app's gradient noise, NOISE * N(0, 1) per component, drawn in order."""
    if noise is not None:
        for i in range(gradient.numel()):
            gradient[i] += NOISE * noise.next_gaussian()


def train(run, p, optimizer, scheduler, clip, seed):
    """A torch training loop: per step zero_grad, f (of the step's batch), backward, noise, clip, step."""
    noise = Random(seed) if NOISE > 0 else None
    batches = Batches(derive_seed(seed, DATA_STREAM)) if MINI_BATCHES else None
    with torch.no_grad():
        emit(run, 0, p, f(p))
    for step in range(STEPS):
        optimizer.zero_grad()
        loss = f(p, batches.rows(step)) if batches is not None else f(p)
        loss.backward()
        noised(p.grad, noise)
        if clip is not None:
            clip()
        optimizer.step()
        if scheduler is not None:
            scheduler.step()
        with torch.no_grad():
            value = f(p)
        if not recordable(p, value):
            print(f'run {run} stopped at step {step + 1}: the point or f is no longer finite', file=sys.stderr)
            return
        emit(run, step + 1, p, value)`;

const LION = String.raw`class Lion(torch.optim.Optimizer):
    """Lion (Chen et al. 2023; not in torch 1.13): sign of an interpolated momentum, decoupled weight decay."""

    def __init__(self, params, lr=1e-4, betas=(0.9, 0.99), weight_decay=0.0):
        super().__init__(params, dict(lr=lr, betas=betas, weight_decay=weight_decay))

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            beta1, beta2 = group['betas']
            for p in group['params']:
                state = self.state[p]
                if 'exp_avg' not in state:
                    state['exp_avg'] = torch.zeros_like(p)
                momentum = state['exp_avg']
                interpolation = momentum * beta1 + (1 - beta1) * p.grad
                p.mul_(1 - group['lr'] * group['weight_decay'])
                p.sub_(group['lr'] * torch.sign(interpolation))
                momentum.mul_(beta2).add_((1 - beta2) * p.grad)`;

const NEWTON = String.raw`def newton(run, start, lr, line_search, c, shrink, min_eigenvalue, tolerance_grad, learning_rate_at=None):
    """Newton's method as the app runs it: p = -(H + mu I)^-1 grad f with mu = max(0, delta - lambda_min),
    x <- x + lr p, or backtracking from lr until Armijo's condition holds; stop when max |grad f| <= tolerance_grad."""
    x = torch.tensor(start)

    def value_and_gradient(point):
        point = point.detach().requires_grad_(True)
        value = f(point)
        (gradient,) = torch.autograd.grad(value, point)
        return value.detach(), gradient

    value, gradient = value_and_gradient(x)
    emit(run, 0, x, value)
    for step in range(STEPS):
        hessian = torch.autograd.functional.hessian(f, x)
        shift = max(0.0, min_eigenvalue - float(torch.linalg.eigvalsh(hessian)[0]))
        direction = -torch.linalg.solve(hessian + shift * torch.eye(len(x)), gradient)
        rate = lr if learning_rate_at is None else learning_rate_at(step)
        if line_search == 'none':
            x = x + rate * direction
            if not bool(torch.all(x.abs() <= DIVERGENCE_BOUND)):
                print(f'run {run} stopped at step {step + 1}: the point left the bound', file=sys.stderr)
                return
            value, gradient = value_and_gradient(x)
        else:
            slope = float(gradient @ direction)
            for attempt in range(40):
                trial = x + rate * direction
                trial_value = f(trial)
                if float(trial_value) <= float(value) + c * rate * slope:
                    x = trial
                    value, gradient = value_and_gradient(x)
                    break
                rate *= shrink
        if not recordable(x, value):
            print(f'run {run} stopped at step {step + 1}: the point or f is no longer finite', file=sys.stderr)
            return
        emit(run, step + 1, x, value)
        if tolerance_grad > 0 and float(gradient.abs().max()) <= tolerance_grad:
            return`;

const LBFGS = String.raw`def lbfgs(run, start, **options):
    """torch.optim.LBFGS, one step(closure) per step, stopping where torch's step would no longer move."""
    p = torch.tensor(start, requires_grad=True)
    optimizer = torch.optim.LBFGS([p], **options)

    def closure():
        optimizer.zero_grad()
        value = f(p)
        value.backward()
        return value

    with torch.no_grad():
        emit(run, 0, p, f(p))
    for step in range(STEPS):
        before = p.detach().clone()
        optimizer.step(closure)
        with torch.no_grad():
            value = f(p)
        if not recordable(p, value):
            print(f'run {run} stopped at step {step + 1}: the point or f is no longer finite', file=sys.stderr)
            return
        emit(run, step + 1, p, value)
        gradient = torch.autograd.grad(f(p), p)[0]
        if float(gradient.abs().max()) <= options['tolerance_grad'] or torch.equal(before, p.detach()):
            return`;

/** The experiment as a PyTorch script, with the runs it cannot reproduce listed in `skipped`. */
export function pytorchScript(experiment: Experiment, link?: string): ExportedScript {
  const problem = torchProblem(experiment.problem);
  if (!problem.ok) return { ok: false, reason: problem.reason };
  const skipped: string[] = [];
  const calls: string[] = [];
  let usesLion = false;
  let usesNewton = false;
  let usesLbfgs = false;
  experiment.runs.forEach((run, index) => {
    const number = index + 1;
    const spec = getMethodSpec(run.optimizer);
    const name = run.label ?? automaticRunName(run);
    const hyper = resolveRunHyper(run);
    const start = pythonList(run.start);
    const seed = `derive_seed(SEED, ${index})`;
    if (run.optimizer in TORCH_OPTIMIZERS) {
      usesLion ||= run.optimizer === 'lion';
      const extra = run.optimizer === 'nadam' ? ', foreach=True' : '';
      calls.push(
        [
          `# Run ${number}: ${name}`,
          `p = torch.tensor(${start}, requires_grad=True)`,
          `LEARNING_RATE = ${pythonValue(hyper.lr)}`,
          `optimizer = ${TORCH_OPTIMIZERS[run.optimizer]}([p], ${keywordArguments(hyper)}${extra})`,
          `train(${number}, p, optimizer, ${torchScheduler(run.schedule)}, ${torchClip(run)}, ${seed})`,
        ].join('\n'),
      );
      return;
    }
    if (run.optimizer === 'newton' && experiment.problem.kind !== 'data' && experiment.noise === 0) {
      usesNewton = true;
      const schedule = run.schedule === undefined || run.schedule.type === 'constant' ? '' : `, learning_rate_at=lambda t: scheduler_rate(t)`;
      if (schedule !== '') {
        skipped.push(`run ${number} (${name}): Newton with a learning-rate schedule is not exported yet`);
        return;
      }
      calls.push(`# Run ${number}: ${name}\nnewton(${number}, ${start}, ${keywordArguments(hyper)})`);
      return;
    }
    if (run.optimizer === 'lbfgs' && experiment.problem.kind !== 'data' && experiment.noise === 0 && run.schedule === undefined && run.clip === undefined) {
      usesLbfgs = true;
      const maxEval = hyper.max_eval === 0 ? 'None' : pythonValue(hyper.max_eval);
      const lineSearch = hyper.line_search_fn === 'none' ? 'None' : pythonValue(hyper.line_search_fn);
      calls.push(`# Run ${number}: ${name}\nlbfgs(${number}, ${start}, ${keywordArguments(hyper, { max_eval: () => maxEval, line_search_fn: () => lineSearch })})`);
      return;
    }
    skipped.push(`run ${number} (${name}): ${spec?.name ?? run.optimizer} has no PyTorch counterpart here${spec !== undefined && SCIPY_NOTE[spec.id] !== undefined ? `; ${SCIPY_NOTE[spec.id]}` : ''}`);
  });
  if (calls.length === 0) return { ok: false, reason: `no run can be written as PyTorch: ${skipped.join('; ')}` };
  const miniBatches = experiment.problem.kind === 'data' && batchesPerEpoch(resolveData(experiment.problem).train.rows, experiment.problem.batch_size) > 1;
  const header = scriptDocstring(
    'PyTorch',
    problem.title,
    experiment,
    [
      `Reproduces the app's runs in float64 and prints every point as one JSON line:`,
      `{"run": 1, "step": 0, "x": [...], "f": ...}. Needs Python 3 and PyTorch (tested with Debian's`,
      `python3-torch 1.13). Run: python3 <this file>`,
    ],
    link,
    skipped,
  );
  const script = [
    ...header,
    `import json`,
    `import math`,
    `import sys`,
    ``,
    `import torch`,
    `import torch.nn.functional as F`,
    ``,
    `torch.set_default_dtype(torch.float64)`,
    ``,
    `STEPS = ${experiment.steps}`,
    `SEED = ${experiment.seed}  # the experiment's seed; run i draws from derive_seed(SEED, i - 1)`,
    `NOISE = ${pythonNumber(experiment.noise)}  # sigma of the Gaussian noise added to each gradient component`,
    `DIVERGENCE_BOUND = ${pythonNumber(DIVERGENCE_BOUND)}  # a run stops where a coordinate leaves it`,
    `DATA_STREAM = 0x64617461  # the stream of a run's seed its mini-batch shuffle draws from`,
    `MINI_BATCHES = ${miniBatches ? 'True' : 'False'}`,
    ``,
    ``,
    problem.source,
    ``,
    ``,
    PYTHON_RANDOM,
    ``,
    ``,
    PREAMBLE,
    ...(usesLion ? [``, ``, LION] : []),
    ...(usesNewton ? [``, ``, NEWTON] : []),
    ...(usesLbfgs ? [``, ``, LBFGS] : []),
    ``,
    ``,
    ...scriptEnding(calls, skipped),
  ].join('\n');
  return { ok: true, script: `${script.trimEnd()}\n`, skipped };
}

/** Where the SciPy script reproduces a method PyTorch lacks. */
const SCIPY_NOTE: Readonly<Record<string, string>> = {
  nelder_mead: 'the SciPy script reproduces it',
  powell: 'the SciPy script reproduces it',
  bfgs: 'the SciPy script reproduces it',
  cg: 'the SciPy script reproduces it',
  newton_cg: 'the SciPy script reproduces it',
};
