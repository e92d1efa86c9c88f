"""Golden vectors for `optimizer-playground run`: typed-formula experiments stepped by torch.optim.

The oracle is torch 1.13 in float64. Each experiment below is the exact JSON the CLI test feeds to
`optimizer-playground run`; its formula is translated by hand into a torch lambda here (never read
from our TypeScript), gradients come from autograd, learning rates from the real
torch.optim.lr_scheduler objects (scheduler.step() after optimizer.step()), clipping from
torch.nn.utils.clip_grad_norm_ / clip_grad_value_. Per step: g = grad f(x); g_i += noise * N(0, 1)
from run i's stream (the playground's PRNG, reimplemented in Python in optimizers.py, seeded with
derive_seed(seed, i)); clip; optimizer.step(); scheduler.step().

NAdam runs with foreach=True: torch 1.13's single-tensor NAdam has a bug in prod mu (pytorch#92699,
see optimizers.py). Hyperparameters an experiment leaves out take torch's own defaults.

Every run is repeated from a start perturbed by PERTURBATION (relative); the perturbation may grow
at most MAX_AMPLIFICATION times along the run, so rounding differences (~1e-16 per step) cannot
reach the test's 1e-9 tolerance. A run that fails this, or diverges, is an error here.

Run:  /usr/bin/python3 scripts/golden/cli.py
Writes src/cli/cli.golden.json (compact JSON, repr floats, deterministic).
"""

import json
import math
import os
import sys
import warnings

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from optimizers import Random, derive_seed  # noqa: E402  (the PRNG's Python twin)

torch.set_default_dtype(torch.float64)
warnings.filterwarnings('ignore')  # SequentialLR's scheduler.step(0) warns that epochs are deprecated

OUTPUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'src', 'cli', 'cli.golden.json')
PERTURBATION = 1e-9
MAX_AMPLIFICATION = 1e4
DIVERGENCE_BOUND = 1e12

# ---- the experiments, each with its formula hand-translated to torch ------------------------------

CASES = [
    {
        'name': 'rosenbrock typed: Adam with cosine and norm clipping, Nesterov SGD with StepLR and value clipping, centered RMSprop',
        'torch': lambda x, y: (1 - x)**2 + 100 * (y - x**2)**2,
        'experiment': {
            'version': 1,
            'problem': {'expression': '(1-x)^2 + 100*(y-x^2)^2', 'domain': [[-2, 2], [-1, 3]]},
            'steps': 200,
            'seed': 1,
            'noise': 0,
            'runs': [
                {'optimizer': 'adam', 'hyper': {'lr': 0.02, 'betas': [0.9, 0.99]}, 'start': [-1.2, 1],
                 'schedule': {'type': 'cosine', 'T_max': 200, 'eta_min': 0.001}, 'clip': {'type': 'norm', 'max_norm': 5},
                 'label': 'Adam, cosine, clip 5'},
                {'optimizer': 'sgd', 'hyper': {'lr': 0.001, 'momentum': 0.9, 'nesterov': True}, 'start': [0.5, -0.5],
                 'schedule': {'type': 'step', 'step_size': 50, 'gamma': 0.5}, 'clip': {'type': 'value', 'clip_value': 50}},
                {'optimizer': 'rmsprop', 'hyper': {'lr': 0.002, 'centered': True}, 'start': [-1.2, 1]},
            ],
        },
    },
    {
        'name': 'bumpy bowl with sqrt, sin, cos, exp, pi and division: Adagrad, Adadelta, NAdam with warm-up cosine, RAdam',
        'torch': lambda x, y: (torch.sqrt(x**2 + y**2 + 1) + 0.5 * torch.sin(2 * x) * torch.cos(y)
                               - torch.exp(-((x - 1)**2 + (y + 0.5)**2)) / 2 + 0.1 * torch.sin(math.pi * x / 2)),
        'experiment': {
            'version': 1,
            'problem': {'expression': 'sqrt(x^2 + y^2 + 1) + 0.5*sin(2*x)*cos(y) - exp(-((x-1)^2 + (y+0.5)^2))/2 + 0.1*sin(pi*x/2)'},
            'steps': 150,
            'runs': [
                {'optimizer': 'adagrad', 'hyper': {'lr': 0.3}, 'start': [2.5, 2]},
                {'optimizer': 'adadelta', 'hyper': {'lr': 1, 'rho': 0.95}, 'start': [-2, 1.5]},
                {'optimizer': 'nadam', 'hyper': {'lr': 0.05}, 'start': [2.5, -2],
                 'schedule': {'type': 'warmup_cosine', 'warmup_steps': 20, 'start_factor': 0.1, 'T_max': 130, 'eta_min': 0},
                 'label': 'NAdam warm-up'},
                {'optimizer': 'radam', 'hyper': {'lr': 0.01, 'weight_decay': 0.01}, 'start': [-2.5, -2.5]},
            ],
        },
    },
    {
        'name': 'quartic with tanh, abs and log under gradient noise: AMSGrad AdamW with ExponentialLR, Adamax with inverse-time decay and clipping, damped SGD',
        'torch': lambda x, y: (x**4 / 4 - x**2 + 0.3 * x + 2 * y**2 + 0.5 * torch.tanh(x * y)
                               + 0.1 * torch.abs(y - 3) + torch.log(1 + x**2)),
        'experiment': {
            'version': 1,
            'problem': {'expression': 'x**4/4 - x^2 + 0.3*x + 2*y^2 + 0.5*tanh(x*y) + 0.1*abs(y - 3) + log(1 + x^2)',
                        'domain': [[-3, 3], [-2, 2]]},
            'steps': 300,
            'seed': 7,
            'noise': 0.05,
            'runs': [
                {'optimizer': 'adamw', 'hyper': {'lr': 0.05, 'amsgrad': True}, 'start': [-2.5, 1.5],
                 'schedule': {'type': 'exponential', 'gamma': 0.99}},
                {'optimizer': 'adamax', 'hyper': {'lr': 0.05}, 'start': [2.5, -1.5],
                 'schedule': {'type': 'inverse_time', 'gamma': 0.05}, 'clip': {'type': 'norm', 'max_norm': 1}},
                {'optimizer': 'sgd', 'hyper': {'lr': 0.02, 'momentum': 0.5, 'dampening': 0.1, 'weight_decay': 0.01},
                 'start': [0.2, 1.8], 'label': 'SGD "damped", λ=0.01'},
            ],
        },
    },
]

# ---- torch's side -------------------------------------------------------------------------------


def make_optimizer(name, params, hyper):
    """A torch optimizer with only the hyperparameters the experiment gives: torch supplies the rest."""
    hyper = {key: tuple(value) if isinstance(value, list) else value for key, value in hyper.items()}
    if name == 'nadam':
        return torch.optim.NAdam(params, foreach=True, **hyper)
    classes = {
        'sgd': torch.optim.SGD, 'adagrad': torch.optim.Adagrad, 'rmsprop': torch.optim.RMSprop,
        'adadelta': torch.optim.Adadelta, 'adam': torch.optim.Adam, 'adamw': torch.optim.AdamW,
        'adamax': torch.optim.Adamax, 'radam': torch.optim.RAdam,
    }
    return classes[name](params, **hyper)


def make_scheduler(optimizer, schedule):
    lr_scheduler = torch.optim.lr_scheduler
    kind = schedule['type']
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


def run_in_torch(f, experiment, index, start):
    """Steps run `index` of the experiment in torch from `start`; f takes one scalar tensor per coordinate."""
    run = experiment['runs'][index]
    param = torch.tensor(start, requires_grad=True)
    optimizer = make_optimizer(run['optimizer'], [param], run.get('hyper', {}))
    scheduler = make_scheduler(optimizer, run['schedule']) if 'schedule' in run else None
    noise = experiment.get('noise', 0)
    random = Random(derive_seed(experiment.get('seed', 0), index))
    trajectory = [list(start)]
    losses = [f(*param).item()]
    for _ in range(experiment['steps']):
        optimizer.zero_grad()
        f(*param).backward()
        if noise > 0:
            with torch.no_grad():
                param.grad.add_(torch.tensor([noise * random.next_gaussian() for _ in range(len(start))]))
        if 'clip' in run:
            if run['clip']['type'] == 'norm':
                torch.nn.utils.clip_grad_norm_([param], max_norm=run['clip']['max_norm'])
            else:
                torch.nn.utils.clip_grad_value_([param], clip_value=run['clip']['clip_value'])
        optimizer.step()
        if scheduler is not None:
            scheduler.step()
        point = param.detach().tolist()
        with torch.no_grad():
            value = f(*param).item()
        if any(not math.isfinite(v) or abs(v) > DIVERGENCE_BOUND for v in point) or not math.isfinite(value):
            raise RuntimeError(f'run {index} diverged; pick a tamer case')
        trajectory.append(point)
        losses.append(value)
    return trajectory, losses


def amplification(f, experiment, index, trajectory):
    start = trajectory[0]
    perturbed_start = [v * (1 + PERTURBATION) for v in start]
    delta = max(abs(a - b) for a, b in zip(perturbed_start, start))
    perturbed, _ = run_in_torch(f, experiment, index, perturbed_start)
    return max(abs(a - b) for p, q in zip(perturbed, trajectory) for a, b in zip(p, q)) / delta


def main():
    cases = []
    for case in CASES:
        experiment = case['experiment']
        runs = []
        for index, run in enumerate(experiment['runs']):
            trajectory, losses = run_in_torch(case['torch'], experiment, index, [float(v) for v in run['start']])
            growth = amplification(case['torch'], experiment, index, trajectory)
            if growth > MAX_AMPLIFICATION:
                raise RuntimeError(f"{case['name']} run {index}: a start perturbation grows {growth:.3g}x; too sensitive")
            runs.append({'trajectory': trajectory, 'loss': losses})
        cases.append({'name': case['name'], 'experiment': experiment, 'runs': runs})
    with open(OUTPUT, 'w') as out:
        json.dump({'generator': 'scripts/golden/cli.py', 'torch': torch.__version__, 'cases': cases}, out,
                  separators=(',', ':'), allow_nan=False, ensure_ascii=False)
        out.write('\n')


if __name__ == '__main__':
    main()
