"""Golden vectors for the first-order optimizers, schedules, clipping, the PRNG and the run loop.

The oracle is torch.optim itself (torch 1.13, float64): every run below is stepped by a real
torch optimizer on a surface written here from its canonical formula (not from our TypeScript),
with gradients from autograd, the real lr_scheduler objects (scheduler.step() after
optimizer.step()) and torch.nn.utils.clip_grad_norm_ / clip_grad_value_. Lion is not in
torch.optim: it is written below as a torch Optimizer from Chen et al. 2023, Program 1.
NAdam runs with foreach=True: torch 1.13's default single-tensor NAdam multiplies an extra mu_t into
prod mu_{t+1} (fixed in torch 2.0, pytorch#92699); its foreach path and the documented pseudo-code
agree with each other and with torch >= 2.0.

Gradient noise uses the playground's PRNG (src/engine/random.ts), reimplemented here with Python
integers, so the noisy runs are checked independently too.

Each run is also repeated from a start perturbed by PERTURBATION (relative): the largest growth
of that perturbation along the run must stay under MAX_AMPLIFICATION, so rounding differences
(~1e-16 per step) cannot grow past the tests' 1e-9 tolerance. Runs that fail this are rejected
here rather than made to pass with a looser tolerance.

Run:  /usr/bin/python3 scripts/golden/optimizers.py
Writes (compact JSON, repr floats, deterministic):
  src/engine/methods/first-order/optimizers.golden.json torch defaults and the optimizer runs
  src/engine/schedules.golden.json              get_last_lr() sequences
  src/engine/clipping.golden.json               clipped gradients
  src/engine/random.golden.json                 PRNG outputs
"""

import json
import math
import os
import warnings

import torch

torch.set_default_dtype(torch.float64)
warnings.filterwarnings('ignore')  # SequentialLR's scheduler.step(0) warns that epochs are deprecated

ENGINE = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'src', 'engine')
DIVERGENCE_BOUND = 1e12
NUM_STEPS = 100
PERTURBATION = 1e-9
MAX_AMPLIFICATION = 1e4

# ---- the playground's PRNG, from its description in src/engine/random.ts ----------------------

MASK = 0xFFFFFFFF
GOLDEN_GAMMA = 0x9E3779B9


def fmix32(h):
    """MurmurHash3's 32-bit finalizer."""
    h &= MASK
    h = ((h ^ (h >> 16)) * 0x85EBCA6B) & MASK
    h = ((h ^ (h >> 13)) * 0xC2B2AE35) & MASK
    return h ^ (h >> 16)


def derive_seed(seed, stream):
    return fmix32((seed & MASK) + GOLDEN_GAMMA * ((stream + 1) & MASK))


def rotl(x, k):
    return ((x << k) | (x >> (32 - k))) & MASK


class Random:
    """xoshiro128** 1.1 seeded by splitmix32 (Weyl step 0x9E3779B9 + fmix32); Box-Muller Gaussians."""

    def __init__(self, seed):
        weyl = seed & MASK
        self.s = []
        for _ in range(4):
            weyl = (weyl + GOLDEN_GAMMA) & MASK
            self.s.append(fmix32(weyl))
        self.spare = None

    def next_uint32(self):
        s0, s1, s2, s3 = self.s
        result = (rotl((s1 * 5) & MASK, 7) * 9) & MASK
        t = (s1 << 9) & MASK
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotl(s3, 11)
        self.s = [s0, s1, s2, s3]
        return result

    def next_float(self):
        high = self.next_uint32() >> 5
        low = self.next_uint32() >> 6
        return (high * 67108864.0 + low) / 9007199254740992.0

    def next_gaussian(self):
        if self.spare is not None:
            z, self.spare = self.spare, None
            return z
        radius = math.sqrt(-2.0 * math.log(1.0 - self.next_float()))
        angle = 2.0 * math.pi * self.next_float()
        self.spare = radius * math.sin(angle)
        return radius * math.cos(angle)


# ---- surfaces, from their canonical formulas --------------------------------------------------

SURFACES = {
    'rosenbrock': lambda x, y: (1 - x)**2 + 100 * (y - x**2)**2,
    'himmelblau': lambda x, y: (x**2 + y - 11)**2 + (x + y**2 - 7)**2,
    'booth': lambda x, y: (x + 2 * y - 7)**2 + (2 * x + y - 5)**2,
    'beale': lambda x, y: (1.5 - x + x * y)**2 + (2.25 - x + x * y**2)**2 + (2.625 - x + x * y**3)**2,
    'quadratic': lambda x, y: x**2 + y**2,
}

STARTS = {
    'rosenbrock': [[-1.2, 1.0], [0.5, -0.5]],
    'himmelblau': [[0.0, 0.0], [-1.0, 3.5]],
    'booth': [[-5.0, -5.0], [8.0, 2.0]],
    'beale': [[0.5, 1.5], [2.0, -0.5]],  # not on y = 1, where ∂f/∂x vanishes identically
}

# Learning rates that keep each kind of optimizer well-conditioned on each surface: plain gradient
# steps scale with the gradient (Rosenbrock's walls have curvature ~1000), adaptive steps do not.
LEARNING_RATES = {
    'gradient': {'rosenbrock': 1e-3, 'himmelblau': 5e-3, 'booth': 0.02, 'beale': 1e-2},
    'adaptive': {'rosenbrock': 0.02, 'himmelblau': 0.05, 'booth': 0.1, 'beale': 0.02},
    'rmsprop': {'rosenbrock': 2e-3, 'himmelblau': 5e-3, 'booth': 0.01, 'beale': 2e-3},
    'adagrad': {'rosenbrock': 0.1, 'himmelblau': 0.3, 'booth': 0.5, 'beale': 0.1},
    'adadelta': {'rosenbrock': 1.0, 'himmelblau': 1.0, 'booth': 1.0, 'beale': 1.0},
    'lion': {'rosenbrock': 0.01, 'himmelblau': 0.02, 'booth': 0.05, 'beale': 0.01},
    # RAdam's first updates (rho_t <= 5) are un-normalised momentum steps: gradient-sized
    'radam': {'rosenbrock': 1e-3, 'himmelblau': 5e-3, 'booth': 0.01, 'beale': 1e-3},
}
LR_KIND = {
    'sgd': 'gradient', 'adagrad': 'adagrad', 'rmsprop': 'rmsprop', 'adadelta': 'adadelta', 'adam': 'adaptive',
    'adamw': 'adaptive', 'adamax': 'adaptive', 'nadam': 'adaptive', 'radam': 'radam', 'lion': 'lion',
}


class Lion(torch.optim.Optimizer):
    """Lion, Chen et al. 2023 ("Symbolic Discovery of Optimization Algorithms"), Program 1."""

    def __init__(self, params, lr=1e-4, betas=(0.9, 0.99), weight_decay=0.0):
        super().__init__(params, dict(lr=lr, betas=betas, weight_decay=weight_decay))

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            beta1, beta2 = group['betas']
            for p in group['params']:
                if p.grad is None:
                    continue
                state = self.state[p]
                if not state:
                    state['exp_avg'] = torch.zeros_like(p)
                exp_avg = state['exp_avg']
                p.mul_(1 - group['lr'] * group['weight_decay'])
                update = exp_avg.clone().mul_(beta1).add_(p.grad, alpha=1 - beta1).sign_()
                p.add_(update, alpha=-group['lr'])
                exp_avg.mul_(beta2).add_(p.grad, alpha=1 - beta2)


def make_optimizer(name, params, hyper):
    """A torch optimizer given only the hyperparameters a case sets: torch supplies the defaults."""
    hyper = {key: tuple(value) if isinstance(value, list) else value for key, value in hyper.items()}
    if name == 'lion':
        return Lion(params, **hyper)
    if name == 'nadam':
        return torch.optim.NAdam(params, foreach=True, **hyper)
    classes = {
        'sgd': torch.optim.SGD, 'adagrad': torch.optim.Adagrad, 'rmsprop': torch.optim.RMSprop,
        'adadelta': torch.optim.Adadelta, 'adam': torch.optim.Adam, 'adamw': torch.optim.AdamW,
        'adamax': torch.optim.Adamax, 'radam': torch.optim.RAdam,
    }
    return classes[name](params, **hyper)


def make_scheduler(optimizer, schedule):
    kind = schedule['type']
    lr_scheduler = torch.optim.lr_scheduler
    if kind == 'constant':
        return None
    if kind == 'step':
        return lr_scheduler.StepLR(optimizer, step_size=schedule['step_size'], gamma=schedule['gamma'])
    if kind == 'exponential':
        return lr_scheduler.ExponentialLR(optimizer, gamma=schedule['gamma'])
    if kind == 'cosine':
        return lr_scheduler.CosineAnnealingLR(optimizer, T_max=schedule['T_max'], eta_min=schedule['eta_min'])
    if kind == 'warmup_cosine':
        warmup = lr_scheduler.LinearLR(optimizer, start_factor=schedule['start_factor'], end_factor=1.0,
                                       total_iters=schedule['warmup_steps'])
        cosine = lr_scheduler.CosineAnnealingLR(optimizer, T_max=schedule['T_max'], eta_min=schedule['eta_min'])
        return lr_scheduler.SequentialLR(optimizer, [warmup, cosine], milestones=[schedule['warmup_steps']])
    if kind == 'inverse_time':
        gamma = schedule['gamma']
        return lr_scheduler.LambdaLR(optimizer, lambda t: 1 / (1 + gamma * t))
    raise ValueError(kind)


def clip(params, spec):
    if spec['type'] == 'norm':
        torch.nn.utils.clip_grad_norm_(params, max_norm=spec['max_norm'])
    else:
        torch.nn.utils.clip_grad_value_(params, clip_value=spec['clip_value'])


def point_is_bad(values):
    return any(not math.isfinite(v) or abs(v) > DIVERGENCE_BOUND for v in values)


def torch_run(case, start):
    """Steps torch exactly as src/engine/run.ts does; stops at the first bad point."""
    f = SURFACES[case['surface']]
    param = torch.tensor(start, requires_grad=True)
    optimizer = make_optimizer(case['optimizer'], [param], case['hyper'])
    scheduler = make_scheduler(optimizer, case['schedule']) if 'schedule' in case else None
    random = Random(case.get('seed', 0))
    noise = case.get('noise', 0)
    trajectory = [list(start)]
    losses = [f(param[0], param[1]).item()]
    diverged = None
    for step in range(case['numSteps']):
        optimizer.zero_grad()
        loss = f(param[0], param[1])
        loss.backward()
        if noise > 0:
            with torch.no_grad():
                param.grad.add_(torch.tensor([noise * random.next_gaussian() for _ in range(2)]))
        if 'clip' in case:
            clip([param], case['clip'])
        optimizer.step()
        if scheduler is not None:
            scheduler.step()
        point = param.detach().tolist()
        if point_is_bad(point):
            diverged = {'step': step + 1}
            break
        with torch.no_grad():
            value = f(param[0], param[1]).item()
        if not math.isfinite(value):
            diverged = {'step': step + 1}
            break
        trajectory.append(point)
        losses.append(value)
    return trajectory, losses, diverged


def amplification(case, trajectory):
    """How much a relative PERTURBATION of the start grows along the run (max over points)."""
    start = trajectory[0]
    perturbed_start = [v * (1 + PERTURBATION) + (PERTURBATION if v == 0 else 0) for v in start]
    delta = max(abs(a - b) for a, b in zip(perturbed_start, start))
    perturbed, _, _ = torch_run(case, perturbed_start)
    if len(perturbed) != len(trajectory):
        return math.inf
    return max(abs(a - b) for p, q in zip(perturbed, trajectory) for a, b in zip(p, q)) / delta


# ---- the cases --------------------------------------------------------------------------------

FLAG_CONFIGS = {
    'sgd': [{}, {'momentum': 0.9}, {'momentum': 0.9, 'dampening': 0.5}, {'momentum': 0.9, 'nesterov': True},
            {'weight_decay': 0.1}, {'momentum': 0.5, 'nesterov': True, 'weight_decay': 0.05}],
    'adagrad': [{}, {'lr_decay': 0.01}, {'weight_decay': 0.1}, {'initial_accumulator_value': 0.5}],
    'rmsprop': [{}, {'momentum': 0.9}, {'centered': True}, {'centered': True, 'momentum': 0.5}, {'weight_decay': 0.1},
                {'alpha': 0.9}],
    'adadelta': [{}, {'rho': 0.5}, {'weight_decay': 0.1}],
    'adam': [{}, {'amsgrad': True}, {'weight_decay': 0.1}, {'betas': [0.5, 0.9], 'eps': 1e-6},
             {'amsgrad': True, 'weight_decay': 0.1}],
    'adamw': [{}, {'weight_decay': 0.1}, {'amsgrad': True}],
    'adamax': [{}, {'weight_decay': 0.1}, {'betas': [0.8, 0.95]}],
    'nadam': [{}, {'momentum_decay': 0.05}, {'weight_decay': 0.1}],
    'radam': [{}, {'weight_decay': 0.1}, {'betas': [0.9, 0.99]}],  # rho_t > 5 from step 6 on, for both beta2
    'lion': [{}, {'weight_decay': 0.1}, {'betas': [0.95, 0.98]}],
}

MAIN_SURFACES = ['rosenbrock', 'himmelblau', 'booth']

SCHEDULES = [
    {'type': 'step', 'step_size': 30, 'gamma': 0.5},
    {'type': 'exponential', 'gamma': 0.98},
    {'type': 'cosine', 'T_max': 60, 'eta_min': 1e-4},  # past T_max the rate rises again, as torch's does
    {'type': 'warmup_cosine', 'warmup_steps': 20, 'start_factor': 0.01, 'T_max': 80, 'eta_min': 0},
    {'type': 'inverse_time', 'gamma': 0.05},
]
SCHEDULE_OPTIMIZER = {'step': 'sgd', 'exponential': 'adam', 'cosine': 'rmsprop', 'warmup_cosine': 'adamw',
                      'inverse_time': 'nadam'}


def describe_hyper(hyper):
    return ', '.join(f'{key}={value}' for key, value in hyper.items() if key != 'lr') or 'defaults'


def base_cases():
    cases = []

    def add(optimizer, config, surfaces, name, **extra):
        for surface in surfaces:
            for start in STARTS[surface]:
                hyper = {'lr': LEARNING_RATES[LR_KIND[optimizer]][surface], **config}
                cases.append({
                    'name': f'{optimizer} {name} on {surface} from {tuple(start)}',
                    'surface': surface, 'start': start, 'optimizer': optimizer, 'hyper': hyper,
                    'numSteps': NUM_STEPS, **extra,
                })

    for optimizer, configs in FLAG_CONFIGS.items():
        for config in configs:
            add(optimizer, config, MAIN_SURFACES, describe_hyper(config))
        add(optimizer, {}, ['beale'], 'defaults')
    for schedule in SCHEDULES:
        optimizer = SCHEDULE_OPTIMIZER[schedule['type']]
        config = {'momentum': 0.9} if optimizer == 'sgd' else {}
        add(optimizer, config, MAIN_SURFACES, f'{describe_hyper(config)} with {schedule["type"]} schedule',
            schedule=schedule)
    add('sgd', {'momentum': 0.9}, MAIN_SURFACES, 'momentum=0.9 clipped to norm 5', clip={'type': 'norm', 'max_norm': 5.0})
    add('adam', {}, MAIN_SURFACES, 'clipped to value 2', clip={'type': 'value', 'clip_value': 2.0})
    add('sgd', {}, MAIN_SURFACES, 'with gradient noise 0.5', noise=0.5, seed=7)
    add('adam', {}, MAIN_SURFACES, 'with gradient noise 2', noise=2.0, seed=derive_seed(42, 3))
    add('rmsprop', {'momentum': 0.5}, MAIN_SURFACES, 'momentum=0.5, noise 1, clip norm 10, cosine schedule', noise=1.0,
        seed=12345, clip={'type': 'norm', 'max_norm': 10.0}, schedule={'type': 'cosine', 'T_max': 100, 'eta_min': 0})
    return cases


DIVERGING_CASES = [
    # Rosenbrock's quartic wall throws x out cubically: |x| passes 1e12 on the third update
    {'name': 'sgd lr=0.1 diverges on rosenbrock', 'surface': 'rosenbrock', 'start': [-1.2, 1.0], 'optimizer': 'sgd',
     'hyper': {'lr': 0.1}, 'numSteps': 50},
    # booth's curvature 18 makes lr=0.2 overshoot by 1 - 0.2·18 = -2.6 per step: geometric growth
    {'name': 'sgd lr=0.2 diverges on booth', 'surface': 'booth', 'start': [-5.0, -5.0], 'optimizer': 'sgd',
     'hyper': {'lr': 0.2}, 'numSteps': 100},
]


def run_cases():
    runs = []
    worst = 0.0
    problems = []
    for case in base_cases():
        trajectory, losses, diverged = torch_run(case, case['start'])
        if diverged is not None:
            problems.append(f'{case["name"]} diverged at step {diverged["step"]}')
            continue
        growth = amplification(case, trajectory)
        if growth > MAX_AMPLIFICATION:
            problems.append(f'{case["name"]}: a start perturbation grows {growth:.3g}x, too ill-conditioned')
        worst = max(worst, growth)
        runs.append({**case, 'trajectory': [v for point in trajectory for v in point], 'loss': losses,
                     'diverged': None})
    for case in DIVERGING_CASES:
        trajectory, losses, diverged = torch_run(case, case['start'])
        if diverged is None:
            raise AssertionError(f'{case["name"]} did not diverge')
        runs.append({**case, 'trajectory': [v for point in trajectory for v in point], 'loss': losses,
                     'diverged': diverged})
    if problems:
        raise AssertionError('\n'.join(problems))
    print(f'{len(runs)} runs; worst perturbation growth {worst:.3g}x')
    return runs


def torch_defaults():
    """torch's own defaults for the hyperparameters we expose (SGD's lr is required in torch 1.13)."""
    param = torch.zeros(2, requires_grad=True)
    defaults = {}
    for name, names in {
        'sgd': ['momentum', 'dampening', 'weight_decay', 'nesterov'],
        'adagrad': ['lr', 'lr_decay', 'weight_decay', 'initial_accumulator_value', 'eps'],
        'rmsprop': ['lr', 'alpha', 'eps', 'weight_decay', 'momentum', 'centered'],
        'adadelta': ['lr', 'rho', 'eps', 'weight_decay'],
        'adam': ['lr', 'betas', 'eps', 'weight_decay', 'amsgrad'],
        'adamw': ['lr', 'betas', 'eps', 'weight_decay', 'amsgrad'],
        'adamax': ['lr', 'betas', 'eps', 'weight_decay'],
        'nadam': ['lr', 'betas', 'eps', 'weight_decay', 'momentum_decay'],
        'radam': ['lr', 'betas', 'eps', 'weight_decay'],
        'lion': ['lr', 'betas', 'weight_decay'],
    }.items():
        optimizer = make_optimizer(name, [param], {'lr': 0.5} if name == 'sgd' else {})
        defaults[name] = {key: list(value) if isinstance(value, tuple) else value
                          for key, value in optimizer.defaults.items() if key in names}
    return defaults


# ---- schedules, clipping and the PRNG on their own ----------------------------------------------

def schedule_sequences():
    sequences = []
    specs = SCHEDULES + [
        {'type': 'constant'},
        {'type': 'step', 'step_size': 1, 'gamma': 0.9},
        {'type': 'cosine', 'T_max': 25, 'eta_min': 0},
        {'type': 'warmup_cosine', 'warmup_steps': 1, 'start_factor': 0.5, 'T_max': 10, 'eta_min': 0.001},
        {'type': 'warmup_cosine', 'warmup_steps': 30, 'start_factor': 1.0, 'T_max': 40, 'eta_min': 0.01},
        {'type': 'inverse_time', 'gamma': 0},
    ]
    for spec in specs:
        for base in [0.1, 3.0]:
            param = torch.zeros(1, requires_grad=True)
            optimizer = torch.optim.SGD([param], lr=base)
            scheduler = make_scheduler(optimizer, spec)
            lrs = []
            for _ in range(150):
                lrs.append(optimizer.param_groups[0]['lr'])
                optimizer.step()
                if scheduler is not None:
                    scheduler.step()
                    assert scheduler.get_last_lr()[0] == optimizer.param_groups[0]['lr']
            sequences.append({'schedule': spec, 'baseLearningRate': base, 'learningRates': lrs})
    return sequences


def clipping_cases():
    gradients = [[3.0, 4.0], [0.3, -0.4], [-1e3, 2.5e2], [1e-8, -3e-9], [0.0, 0.0], [2.0, -7.0, 0.5], [4.999999, 0.0]]
    specs = [{'type': 'norm', 'max_norm': 5.0}, {'type': 'norm', 'max_norm': 0.1}, {'type': 'value', 'clip_value': 2.0},
             {'type': 'value', 'clip_value': 0.35}]
    cases = []
    for spec in specs:
        for gradient in gradients:
            param = torch.zeros(len(gradient), requires_grad=True)
            param.grad = torch.tensor(gradient)
            clip([param], spec)
            cases.append({'clip': spec, 'gradient': gradient, 'clipped': param.grad.tolist()})
    return cases


def random_vectors():
    seeds = [0, 1, 42, 123456789, MASK]
    vectors = []
    for seed in seeds:
        uints = Random(seed)
        floats = Random(seed)
        gaussians = Random(seed)
        vectors.append({
            'seed': seed,
            'uint32': [uints.next_uint32() for _ in range(16)],
            'float': [floats.next_float() for _ in range(8)],
            'gaussian': [gaussians.next_gaussian() for _ in range(9)],
        })
    derived = [{'seed': seed, 'stream': stream, 'derived': derive_seed(seed, stream)}
               for seed in seeds for stream in [0, 1, 2, 1000, MASK]]
    return {'sequences': vectors, 'deriveSeed': derived}


def write(path, payload):
    with open(os.path.join(ENGINE, path), 'w') as out:
        json.dump(payload, out, separators=(',', ':'), allow_nan=False)
        out.write('\n')


def main():
    header = {'generator': 'scripts/golden/optimizers.py', 'torch': torch.__version__}
    write('random.golden.json', {**header, **random_vectors()})
    write('clipping.golden.json', {**header, 'cases': clipping_cases()})
    write('schedules.golden.json', {**header, 'sequences': schedule_sequences()})
    write('methods/first-order/optimizers.golden.json', {**header, 'defaults': torch_defaults(), 'runs': run_cases()})


if __name__ == '__main__':
    main()
