"""Golden vectors for the n-dimensional surfaces and for runs on them, computed with PyTorch.

The oracle is torch 1.13 in float64. Each surface is written here from its textbook definition as a
function of one vector (never read from our TypeScript); values, gradients and Hessians come from
torch.autograd at seeded random points. The runs are experiments exactly as the CLI reads them
(`"dimension": 10` on a built-in surface), stepped by torch.optim as scripts/golden/cli.py does, and
each is repeated from a perturbed start (cli.py's amplification): the perturbation may grow at most
MAX_AMPLIFICATION times along the run, so rounding differences (~1e-16 per step) cannot reach the
tests' 1e-9 tolerance.

Run:  /usr/bin/python3 scripts/golden/n_dimensional.py
Writes src/engine/problems/surfaces/n-dimensional.golden.json and src/experiment/n-dimensional-runs.golden.json.
"""

import json
import math
import os
import random
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cli import amplification, run_in_torch  # noqa: E402  (torch.optim stepped as the CLI golden steps it)

torch.set_default_dtype(torch.float64)

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..')
SURFACES_OUTPUT = os.path.join(ROOT, 'src', 'engine', 'problems', 'surfaces', 'n-dimensional.golden.json')
RUNS_OUTPUT = os.path.join(ROOT, 'src', 'experiment', 'n-dimensional-runs.golden.json')
MAX_AMPLIFICATION = 1e4

# ---- the surfaces, from their definitions -------------------------------------------------------


def quadratic(x):
    return (x**2).sum()


def ill_conditioned(condition, angle):
    """½(u² + λ₁v² + Σᵢ₌₂ λᵢxᵢ²), λᵢ = κ^(−i/(n−1)), (u, v) = (x₀, x₁) rotated by `angle` degrees."""
    radians = math.radians(angle)
    c, s = math.cos(radians), math.sin(radians)

    def f(x):
        n = x.shape[0]
        curvatures = torch.tensor([condition ** (-i / (n - 1)) for i in range(n)])
        u = c * x[0] + s * x[1]
        v = c * x[1] - s * x[0]
        return 0.5 * (curvatures[0] * u**2 + curvatures[1] * v**2 + (curvatures[2:] * x[2:]**2).sum())
    return f


def rosenbrock(a, b):
    return lambda x: ((a - x[:-1])**2 + b * (x[1:] - x[:-1]**2)**2).sum()


def rastrigin(x):
    return 10 * x.shape[0] + (x**2 - 10 * torch.cos(2 * math.pi * x)).sum()


def ackley(x):
    n = x.shape[0]
    return (-20 * torch.exp(-0.2 * torch.sqrt((x**2).sum() / n)) - torch.exp(torch.cos(2 * math.pi * x).sum() / n)
            + math.e + 20)


def styblinski_tang(x):
    return 0.5 * (x**4 - 16 * x**2 + 5 * x).sum()


SURFACES = [
    ('quadratic', {}, quadratic, 2),
    ('ill-conditioned', {'condition': 50, 'angle': 30}, ill_conditioned(50, 30), 3),
    ('rosenbrock', {}, rosenbrock(1, 100), 2),
    ('rosenbrock', {'a': 0.5, 'b': 20}, rosenbrock(0.5, 20), 2),
    ('rastrigin', {}, rastrigin, 5.12),
    ('ackley', {}, ackley, 5),
    ('styblinski-tang', {}, styblinski_tang, 5),
]
DIMENSIONS = [1, 3, 10]
POINTS_PER_CASE = 4


def surface_cases():
    rng = random.Random(20261205)
    cases = []
    for surface, params, f, half_width in SURFACES:
        for dimension in DIMENSIONS:
            if dimension < 2 and surface in ('rosenbrock', 'ill-conditioned'):
                continue
            points = []
            for _ in range(POINTS_PER_CASE):
                point = [rng.uniform(-half_width, half_width) for _ in range(dimension)]
                x = torch.tensor(point, requires_grad=True)
                value = f(x)
                (gradient,) = torch.autograd.grad(value, x)
                hessian = torch.autograd.functional.hessian(f, torch.tensor(point))
                points.append({'point': point, 'value': value.item(), 'gradient': gradient.tolist(),
                               'hessian': hessian.reshape(-1).tolist()})
            cases.append({'surface': surface, 'params': params, 'dimension': dimension, 'points': points})
    return cases

# ---- runs on 10-D surfaces, as the CLI reads them -------------------------------------------------


def start_points(seed, dimension, half_width):
    rng = random.Random(seed)
    return [round(rng.uniform(-half_width, half_width), 3) for _ in range(dimension)]


RUN_CASES = [
    {
        'name': '10-D Rosenbrock (chained): Adam, Nesterov SGD, centered RMSprop',
        'torch': rosenbrock(1, 100),
        'experiment': {
            'version': 1,
            'problem': {'surface': 'rosenbrock', 'dimension': 10},
            'steps': 300,
            'runs': [
                {'optimizer': 'adam', 'hyper': {'lr': 0.01}, 'start': [-1.2, 1] * 5, 'label': 'Adam'},
                {'optimizer': 'sgd', 'hyper': {'lr': 0.0002, 'momentum': 0.9, 'nesterov': True}, 'start': [-1.2, 1] * 5},
                {'optimizer': 'rmsprop', 'hyper': {'lr': 0.001, 'centered': True}, 'start': start_points(1, 10, 1.5)},
            ],
        },
    },
    {
        'name': '10-D Rastrigin: Adam, Nesterov SGD, centered RMSprop',
        'torch': rastrigin,
        'experiment': {
            'version': 1,
            'problem': {'kind': 'surface', 'surface': 'rastrigin', 'params': {}, 'dimension': 10},
            'steps': 200,
            'runs': [
                {'optimizer': 'adam', 'hyper': {'lr': 0.02}, 'start': start_points(2, 10, 2)},
                {'optimizer': 'sgd', 'hyper': {'lr': 0.001, 'momentum': 0.9, 'nesterov': True}, 'start': start_points(3, 10, 2)},
                {'optimizer': 'rmsprop', 'hyper': {'lr': 0.005, 'centered': True}, 'start': start_points(4, 10, 2),
                 'label': 'RMSprop (centered)'},
            ],
        },
    },
]


def run_cases():
    cases = []
    for case in RUN_CASES:
        experiment = case['experiment']
        runs = []
        # cli.py's torch side calls f with one scalar tensor per coordinate
        f = lambda *coordinates, vector_f=case['torch']: vector_f(torch.stack(coordinates))  # noqa: E731
        for index, run in enumerate(experiment['runs']):
            trajectory, losses = run_in_torch(f, experiment, index, [float(v) for v in run['start']])
            growth = amplification(f, experiment, index, trajectory)
            if growth > MAX_AMPLIFICATION:
                raise RuntimeError(f"{case['name']} run {index}: a start perturbation grows {growth:.3g}x; too sensitive")
            print(f"{case['name']} run {index} ({run['optimizer']}): f {losses[0]:.4g} -> {losses[-1]:.4g}, amplification {growth:.3g}")
            runs.append({'trajectory': trajectory, 'loss': losses})
        cases.append({'name': case['name'], 'experiment': experiment, 'runs': runs})
    return cases


def write(path, generator_payload):
    with open(path, 'w') as out:
        json.dump({'generator': 'scripts/golden/n_dimensional.py', 'torch': torch.__version__, **generator_payload}, out,
                  separators=(',', ':'), allow_nan=False, ensure_ascii=False)
        out.write('\n')


def main():
    write(SURFACES_OUTPUT, {'cases': surface_cases()})
    write(RUNS_OUTPUT, {'cases': run_cases()})


if __name__ == '__main__':
    main()
