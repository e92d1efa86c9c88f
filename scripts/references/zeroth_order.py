"""Reference runs of the zeroth-order methods: spsa, zo_sgd, zo_sign_sgd and zo_adam.

Each method is written here from its paper, independently of our TypeScript: SPSA with Spall's gain
sequences a_k = a/(k+1+A)^alpha, c_k = c/(k+1)^gamma and a Rademacher Δ; MeZO's two-point Gaussian
estimate (f(x+εz) − f(x−εz))/(2ε)·z averaged over q directions, z regenerated from a per-step,
per-direction seed; ZO-signSGD's sign of it; and ZO-AdaMM as **torch.optim.Adam** (torch 1.13,
float64) stepped with p.grad set to the estimate. The surfaces are written from their canonical
formulas. The random draws come from the playground's PRNG (src/engine/random.ts) as reimplemented
in scripts/golden/optimizers.py, in the order the methods document:
  method seed  = derive_seed(run seed, 0x6d657468)                        (src/engine/run.ts)
  SPSA Δ_i     = +1 if the top bit of next_uint32() is set else −1, one Random(method seed) per run
  Gaussian z_j = next_gaussian() × n from Random(derive_seed(derive_seed(method seed, k), j))
The evaluation counts are 1 at the start and 2q + 1 per step (the probes, then f at the new point).
Each run is repeated from a start perturbed by 1e-9 (relative); runs in which that perturbation grows
more than 1e4-fold are rejected, so rounding differences cannot pass the tests' 1e-9 tolerance.

Run:  /usr/bin/python3 scripts/references/zeroth_order.py
Writes src/engine/methods/zeroth-order/zeroth-order.golden.json
"""

import json
import math
import os
import sys

import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'golden'))
from optimizers import Random, derive_seed  # noqa: E402  (the PRNG, written from its description)

torch.set_default_dtype(torch.float64)

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'src', 'engine', 'methods', 'zeroth-order',
                   'zeroth-order.golden.json')
METHOD_STREAM = 0x6d657468
PERTURBATION = 1e-9
MAX_AMPLIFICATION = 1e4


def rosenbrock_chain(x):
    return sum((1 - x[i])**2 + 100 * (x[i + 1] - x[i]**2)**2 for i in range(len(x) - 1))


SURFACES = {
    'booth': lambda x: (x[0] + 2 * x[1] - 7)**2 + (2 * x[0] + x[1] - 5)**2,
    'rosenbrock': rosenbrock_chain,
    'himmelblau': lambda x: (x[0]**2 + x[1] - 11)**2 + (x[0] + x[1]**2 - 7)**2,
}


def spsa(f, x, hyper, seed, steps):
    a, c, stability, alpha, gamma = hyper['a'], hyper['c'], hyper['A'], hyper['alpha'], hyper['gamma']
    random = Random(derive_seed(seed, METHOD_STREAM))
    points, losses = [list(x)], [f(x)]
    for k in range(steps):
        c_k = c / (k + 1)**gamma
        a_k = a / (k + 1 + stability)**alpha
        delta = [1.0 if random.next_uint32() >> 31 == 1 else -1.0 for _ in x]
        plus = [xi + c_k * d for xi, d in zip(x, delta)]
        minus = [xi - c_k * d for xi, d in zip(x, delta)]
        y_plus, y_minus = f(plus), f(minus)
        estimate = [(y_plus - y_minus) / (2 * c_k * d) for d in delta]
        x = [xi - a_k * g for xi, g in zip(x, estimate)]
        points.append(list(x))
        losses.append(f(x))
    return points, losses


def gaussian_estimate(f, x, smoothing, q, seed, step):
    """MeZO's estimate; z is drawn twice from its seed (probes, then the update), never stored."""
    projected = []
    for j in range(q):
        random = Random(derive_seed(derive_seed(seed, step), j))
        z = [random.next_gaussian() for _ in x]
        plus = [xi + smoothing * zi for xi, zi in zip(x, z)]
        minus = [xi - smoothing * zi for xi, zi in zip(x, z)]
        projected.append((f(plus) - f(minus)) / (2 * smoothing))
    estimate = [0.0] * len(x)
    for j in range(q):
        random = Random(derive_seed(derive_seed(seed, step), j))
        for i in range(len(x)):
            estimate[i] += projected[j] / q * random.next_gaussian()
    return estimate


def zo_run(method, f, x, hyper, seed, steps):
    method_seed = derive_seed(seed, METHOD_STREAM)
    smoothing = hyper['mu'] if method == 'zo_adam' else hyper['eps']
    points, losses = [list(x)], [f(x)]
    if method == 'zo_adam':
        parameter = torch.tensor(x, dtype=torch.float64, requires_grad=True)
        adam = torch.optim.Adam([parameter], lr=hyper['lr'], betas=tuple(hyper.get('betas', (0.9, 0.999))),
                                eps=hyper.get('adam_eps', 1e-8), amsgrad=hyper.get('amsgrad', False))
    for k in range(steps):
        estimate = gaussian_estimate(f, x, smoothing, hyper['q'], method_seed, k)
        if method == 'zo_sgd':
            x = [xi - hyper['lr'] * g for xi, g in zip(x, estimate)]
        elif method == 'zo_sign_sgd':
            x = [xi - hyper['lr'] * (0.0 if g == 0 else math.copysign(1.0, g)) for xi, g in zip(x, estimate)]
        else:
            parameter.grad = torch.tensor(estimate, dtype=torch.float64)
            adam.step()
            x = parameter.detach().tolist()
        points.append(list(x))
        losses.append(f(x))
    return points, losses


def run(case, start):
    f = SURFACES[case['surface']]
    if case['method'] == 'spsa':
        return spsa(f, start, case['hyper'], case['seed'], case['numSteps'])
    return zo_run(case['method'], f, start, case['hyper'], case['seed'], case['numSteps'])


CASES = [
    {'method': 'spsa', 'surface': 'booth', 'start': [-3.0, 4.0], 'hyper': {}, 'seed': 1, 'numSteps': 60},
    {'method': 'spsa', 'surface': 'rosenbrock', 'start': [-1.2, 1.0], 'hyper': {'a': 0.002, 'c': 0.05, 'A': 20}, 'seed': 2, 'numSteps': 60},
    {'method': 'spsa', 'surface': 'rosenbrock', 'start': [0.5, -0.3, 0.8, 0.1, 0.4], 'hyper': {'a': 0.0005}, 'seed': 3, 'numSteps': 40},
    {'method': 'zo_sgd', 'surface': 'booth', 'start': [-3.0, 4.0], 'hyper': {'lr': 0.01}, 'seed': 4, 'numSteps': 60},
    {'method': 'zo_sgd', 'surface': 'rosenbrock', 'start': [-1.2, 1.0], 'hyper': {'lr': 2e-4, 'q': 4}, 'seed': 5, 'numSteps': 60},
    {'method': 'zo_sgd', 'surface': 'rosenbrock', 'start': [0.5, -0.3, 0.8, 0.1, 0.4], 'hyper': {'lr': 1e-4, 'eps': 1e-2, 'q': 2}, 'seed': 6, 'numSteps': 40},
    {'method': 'zo_sign_sgd', 'surface': 'himmelblau', 'start': [0.5, 0.5], 'hyper': {'lr': 0.05}, 'seed': 7, 'numSteps': 40},
    {'method': 'zo_sign_sgd', 'surface': 'booth', 'start': [-3.0, 4.0], 'hyper': {'lr': 0.02, 'q': 3}, 'seed': 8, 'numSteps': 40},
    {'method': 'zo_adam', 'surface': 'booth', 'start': [-3.0, 4.0], 'hyper': {'lr': 0.1}, 'seed': 9, 'numSteps': 60},
    {'method': 'zo_adam', 'surface': 'rosenbrock', 'start': [-1.2, 1.0], 'hyper': {'lr': 0.02, 'amsgrad': True, 'q': 2}, 'seed': 10, 'numSteps': 60},
    {'method': 'zo_adam', 'surface': 'himmelblau', 'start': [0.5, 0.5, ], 'hyper': {'lr': 0.05, 'betas': [0.8, 0.99], 'mu': 0.01}, 'seed': 11, 'numSteps': 60},
]

DEFAULTS = {
    'spsa': {'a': 0.1, 'c': 0.01, 'A': 10, 'alpha': 0.602, 'gamma': 0.101},
    'zo_sgd': {'lr': 1e-3, 'eps': 1e-3, 'q': 1},
    'zo_sign_sgd': {'lr': 1e-2, 'eps': 1e-3, 'q': 1},
    'zo_adam': {'lr': 1e-3, 'mu': 1e-3, 'q': 1},
}


def amplification(case, points):
    start = [s * (1 + PERTURBATION) if s != 0 else PERTURBATION for s in case['start']]
    moved, _ = run({**case, 'hyper': {**DEFAULTS[case['method']], **case['hyper']}}, start)
    scale = PERTURBATION * max(abs(s) for s in case['start'])
    return max(abs(a - b) for p, q in zip(points, moved) for a, b in zip(p, q)) / scale


def main():
    runs = []
    for case in CASES:
        full = {**case, 'hyper': {**DEFAULTS[case['method']], **case['hyper']}}
        points, losses = run(full, case['start'])
        growth = amplification(case, points)
        name = f"{case['method']} on {case['surface']} ({len(case['start'])}-D) {case['hyper']}"
        print(f'{name}: final f {losses[-1]:.6g}, perturbation growth {growth:.3g}')
        if not growth < MAX_AMPLIFICATION:
            raise SystemExit(f'{name}: rounding would be amplified {growth:.3g}-fold; pick another case')
        q = full['hyper'].get('q', 1)
        runs.append({**case, 'name': name, 'trajectory': [c for p in points for c in p], 'loss': losses,
                     'functionEvaluations': [1 + k * (2 * q + 1) if case['method'] != 'spsa' else 1 + 3 * k for k in range(len(points))]})
    payload = {'generator': 'scripts/references/zeroth_order.py', 'torch': torch.__version__, 'runs': runs}
    with open(OUT, 'w') as handle:
        json.dump(payload, handle, separators=(',', ':'))
        handle.write('\n')


if __name__ == '__main__':
    main()
