"""Golden values for the built-in surfaces (src/engine/problems/surfaces), computed with PyTorch.

Each surface is written here from its canonical formula (Surjanovic & Bingham's Virtual Library
of Simulation Experiments, Wikipedia "Test functions for optimization"), NOT from our TypeScript.
Value, gradient (torch.autograd.grad) and Hessian (torch.autograd.functional.hessian) are
evaluated in float64 at fixed random points inside each domain and at points on and near the
known minima. The minima themselves are solved to 50 digits with mpmath (Newton on grad f = 0)
and rounded to the nearest float64.

Run:  /usr/bin/python3 scripts/golden/surfaces.py
Writes src/engine/problems/surfaces/surfaces.golden.json (deterministic, compact, repr floats).
"""

import json
import math
import os

import mpmath
import numpy as np
import torch

torch.set_default_dtype(torch.float64)
mpmath.mp.dps = 50

PI = math.pi
OUTPUT = os.path.join(
    os.path.dirname(os.path.abspath(__file__)), '..', '..', 'src', 'engine', 'problems', 'surfaces', 'surfaces.golden.json'
)
RANDOM_POINTS_PER_CASE = 8
SEED = 20251123
# A small, non-axis-aligned step off each minimum, so the tests also see the nearby curvature.
NEAR_OFFSET = (1e-3, -7e-4)


# ---- canonical definitions; `lib` is torch or mpmath so one formula serves both ----------------

def quadratic(x, y, lib):
    return x**2 + y**2


def ill_conditioned(condition, angle):
    # f = 1/2 (lambda1 u^2 + lambda2 v^2), (u, v) = (x, y) rotated by `angle` degrees,
    # lambda1 = 1, lambda2 = 1 / condition.
    def f(x, y, lib):
        # the rotation is a pair of float64 constants (the minimum, the origin, needs no mpmath)
        c, s = math.cos(math.radians(angle)), math.sin(math.radians(angle))
        u = c * x + s * y
        v = -s * x + c * y
        return 0.5 * (u**2 + v**2 / condition)
    return f


def rosenbrock(a, b):
    def f(x, y, lib):
        return (a - x)**2 + b * (y - x**2)**2
    return f


def beale(x, y, lib):
    return (1.5 - x + x * y)**2 + (2.25 - x + x * y**2)**2 + (2.625 - x + x * y**3)**2


def booth(x, y, lib):
    return (x + 2 * y - 7)**2 + (2 * x + y - 5)**2


def matyas(x, y, lib):
    return 0.26 * (x**2 + y**2) - 0.48 * x * y


def himmelblau(x, y, lib):
    return (x**2 + y - 11)**2 + (x + y**2 - 7)**2


def three_hump_camel(x, y, lib):
    return 2 * x**2 - 1.05 * x**4 + x**6 / 6 + x * y + y**2


def six_hump_camel(x, y, lib):
    return (4 - 2.1 * x**2 + x**4 / 3) * x**2 + x * y + (-4 + 4 * y**2) * y**2


def goldstein_price(x, y, lib):
    first = 1 + (x + y + 1)**2 * (19 - 14 * x + 3 * x**2 - 14 * y + 6 * x * y + 3 * y**2)
    second = 30 + (2 * x - 3 * y)**2 * (18 - 32 * x + 12 * x**2 + 48 * y - 36 * x * y + 27 * y**2)
    return first * second


def rastrigin(x, y, lib):
    a = 10
    return a * 2 + (x**2 - a * lib.cos(2 * lib.pi * x)) + (y**2 - a * lib.cos(2 * lib.pi * y))


def ackley(x, y, lib):
    a, b, c = 20, 0.2, 2 * lib.pi
    return (-a * lib.exp(-b * lib.sqrt(0.5 * (x**2 + y**2)))
            - lib.exp(0.5 * (lib.cos(c * x) + lib.cos(c * y))) + lib.e + a)


def styblinski_tang(x, y, lib):
    return 0.5 * ((x**4 - 16 * x**2 + 5 * x) + (y**4 - 16 * y**2 + 5 * y))


def levi_13(x, y, lib):
    return (lib.sin(3 * lib.pi * x)**2
            + (x - 1)**2 * (1 + lib.sin(3 * lib.pi * y)**2)
            + (y - 1)**2 * (1 + lib.sin(2 * lib.pi * y)**2))


def saddle(x, y, lib):
    return x**2 - y**2


def monkey_saddle(x, y, lib):
    return x**3 - 3 * x * y**2


def plateau_cliff(x, y, lib):
    # Our own design (see plateau-cliff.ts): a Gaussian pit of depth 1 and width 1/2 around
    # (1, 1) plus a faint soft cone 0.02 (sqrt(1 + r^2) - 1) that tilts the plateau toward it.
    r2 = (x - 1)**2 + (y - 1)**2
    return 1 - lib.exp(-4 * r2) + 0.02 * (lib.sqrt(1 + r2) - 1)


# ---- minima --------------------------------------------------------------------------------------

def solve_minimum(f, guess):
    """Newton on grad f = 0 in 50-digit arithmetic, from a guess taken from the literature."""
    def gradient(x, y):
        return (mpmath.diff(lambda t: f(t, y, mpmath), x), mpmath.diff(lambda t: f(x, t, mpmath), y))
    x, y = mpmath.findroot(gradient, (mpmath.mpf(guess[0]), mpmath.mpf(guess[1])))
    return [float(x), float(y)], float(f(x, y, mpmath))


def exact(point, value):
    return {'point': [float(point[0]), float(point[1])], 'value': float(value)}


def solved(f, guess):
    point, value = solve_minimum(f, guess)
    return {'point': point, 'value': value}


STYBLINSKI_TANG_GUESS = -2.903534


CASES = [
    # id, parameters, function, domain, known global minima (extra critical points for saddles)
    ('quadratic', {}, quadratic, [[-2, 2], [-2, 2]], [exact((0, 0), 0)]),
    ('ill-conditioned', {'condition': 10, 'angle': 30}, ill_conditioned(10, 30), [[-3, 3], [-3, 3]],
     [exact((0, 0), 0)]),
    ('ill-conditioned', {'condition': 100, 'angle': -45}, ill_conditioned(100, -45), [[-3, 3], [-3, 3]],
     [exact((0, 0), 0)]),
    ('booth', {}, booth, [[-10, 10], [-10, 10]], [exact((1, 3), 0)]),
    ('matyas', {}, matyas, [[-10, 10], [-10, 10]], [exact((0, 0), 0)]),
    ('rosenbrock', {'a': 1, 'b': 100}, rosenbrock(1, 100), [[-2, 2], [-1, 3]], [exact((1, 1), 0)]),
    ('rosenbrock', {'a': 0.5, 'b': 10}, rosenbrock(0.5, 10), [[-2, 2], [-1, 3]], [exact((0.5, 0.25), 0)]),
    ('beale', {}, beale, [[-4.5, 4.5], [-4.5, 4.5]], [exact((3, 0.5), 0)]),
    ('himmelblau', {}, himmelblau, [[-5, 5], [-5, 5]], [
        exact((3, 2), 0),
        solved(himmelblau, (-2.805118, 3.131312)),
        solved(himmelblau, (-3.779310, -3.283186)),
        solved(himmelblau, (3.584428, -1.848126)),
    ]),
    ('three-hump-camel', {}, three_hump_camel, [[-2, 2], [-2, 2]], [exact((0, 0), 0)]),
    ('six-hump-camel', {}, six_hump_camel, [[-2, 2], [-1, 1]], [
        solved(six_hump_camel, (0.0898, -0.7126)),
        solved(six_hump_camel, (-0.0898, 0.7126)),
    ]),
    ('goldstein-price', {}, goldstein_price, [[-2, 2], [-2, 2]], [exact((0, -1), 3)]),
    ('rastrigin', {}, rastrigin, [[-5.12, 5.12], [-5.12, 5.12]], [exact((0, 0), 0)]),
    ('ackley', {}, ackley, [[-5, 5], [-5, 5]], [exact((0, 0), 0)]),
    ('styblinski-tang', {}, styblinski_tang, [[-5, 5], [-5, 5]], [
        solved(styblinski_tang, (STYBLINSKI_TANG_GUESS, STYBLINSKI_TANG_GUESS)),
    ]),
    ('levi-13', {}, levi_13, [[-10, 10], [-10, 10]], [exact((1, 1), 0)]),
    ('saddle', {}, saddle, [[-2, 2], [-2, 2]], []),
    ('monkey-saddle', {}, monkey_saddle, [[-2, 2], [-2, 2]], []),
    ('plateau-cliff', {}, plateau_cliff, [[-3, 3], [-3, 3]], [exact((1, 1), 0)]),
]

# Critical points that are not minima but deserve a look (the saddle points themselves).
EXTRA_POINTS = {'saddle': [(0.0, 0.0)], 'monkey-saddle': [(0.0, 0.0)]}
# At Ackley's minimum sqrt is not differentiable: autograd gives NaN, so only points near it.
SKIP_EXACT_MINIMUM = {'ackley'}


def evaluate(f, point):
    x0 = torch.tensor(point[0], dtype=torch.float64, requires_grad=True)
    y0 = torch.tensor(point[1], dtype=torch.float64, requires_grad=True)
    value = f(x0, y0, torch)
    gradient = torch.autograd.grad(value, (x0, y0))
    hessian = torch.autograd.functional.hessian(lambda v: f(v[0], v[1], torch), torch.tensor(point, dtype=torch.float64))
    result = {
        'point': [float(point[0]), float(point[1])],
        'value': float(value),
        'gradient': [float(gradient[0]), float(gradient[1])],
        'hessian': [float(h) for h in hessian.reshape(-1)],
    }
    for number in [result['value'], *result['gradient'], *result['hessian']]:
        assert math.isfinite(number), (point, result)
    return result


def main():
    rng = np.random.default_rng(SEED)
    cases = []
    for surface_id, parameters, f, domain, minima in CASES:
        points = [
            (float(rng.uniform(domain[0][0], domain[0][1])), float(rng.uniform(domain[1][0], domain[1][1])))
            for _ in range(RANDOM_POINTS_PER_CASE)
        ]
        anchors = [tuple(m['point']) for m in minima] + EXTRA_POINTS.get(surface_id, [])
        for anchor in anchors:
            if surface_id not in SKIP_EXACT_MINIMUM:
                points.append(anchor)
            points.append((anchor[0] + NEAR_OFFSET[0], anchor[1] + NEAR_OFFSET[1]))
        if surface_id == 'plateau-cliff':
            # on the cliff itself, where the slope is steepest (r = 1/(2 sqrt 2) from the pit)
            points.append((1 + 0.25, 1 + 0.25))
        for minimum in minima:
            # sanity check of the literature's minima, in 50 digits at the rounded float64 point
            x, y = (mpmath.mpf(c) for c in minimum['point'])
            assert abs(f(x, y, mpmath) - minimum['value']) <= 1e-12 * max(1, abs(minimum['value'])), surface_id
            if surface_id not in SKIP_EXACT_MINIMUM:
                gradient = (mpmath.diff(lambda t: f(t, y, mpmath), x), mpmath.diff(lambda t: f(x, t, mpmath), y))
                assert max(abs(g) for g in gradient) <= 1e-12, (surface_id, gradient)
        cases.append({
            'id': surface_id,
            'parameters': parameters,
            'domain': domain,
            'minima': minima,
            'points': [evaluate(f, p) for p in points],
        })
    with open(OUTPUT, 'w') as out:
        json.dump({'generator': 'scripts/golden/surfaces.py', 'torch': torch.__version__, 'cases': cases}, out,
                  separators=(',', ':'))
        out.write('\n')


if __name__ == '__main__':
    main()
