"""Golden values for typed formulas: f, its gradient and its Hessian, computed by PyTorch.

Each formula of the formula language is paired with a torch version written by hand (not produced
by our parser), so the test checks our parser, symbolic derivatives and compiler against autograd.
Points are drawn with a fixed seed inside each formula's domain, away from the kinks of abs, min and
max, where the derivative is one-sided and autograd and we could legitimately disagree.

Run: /usr/bin/python3 scripts/golden/expressions.py
Writes: src/engine/expression/expressions.golden.json
"""

import json
import math
import os

import numpy as np
import torch

torch.set_default_dtype(torch.float64)

OUTPUT = os.path.join(os.path.dirname(__file__), '..', '..', 'src', 'engine', 'expression', 'expressions.golden.json')
POINTS_PER_FORMULA = 6
SEED = 20240611

# Margins that keep sampled points off non-smooth places.
KINK_MARGIN = 0.05


def far_apart(*values):
    """True when every pair of values differs by more than KINK_MARGIN (no min/max tie)."""
    return all(abs(a - b) > KINK_MARGIN for i, a in enumerate(values) for b in values[i + 1:])


# (formula in our language, torch translation, sampling box ((x_min, x_max), (y_min, y_max)), domain test)
ANY = lambda x, y: True  # noqa: E731
CASES = [
    ('(1 - x)^2 + 100*(y - x^2)^2', lambda x, y: (1 - x) ** 2 + 100 * (y - x ** 2) ** 2, ((-2, 2), (-1, 3)), ANY),
    ('x^2 + y^2', lambda x, y: x ** 2 + y ** 2, ((-3, 3), (-3, 3)), ANY),
    ('2x^2 + 3(y - 1)^2', lambda x, y: 2 * x ** 2 + 3 * (y - 1) ** 2, ((-3, 3), (-3, 3)), ANY),
    ('(x + 1)(y - 2)', lambda x, y: (x + 1) * (y - 2), ((-3, 3), (-3, 3)), ANY),
    ('2pi*sin(x) + 3cos(2y)', lambda x, y: 2 * math.pi * torch.sin(x) + 3 * torch.cos(2 * y), ((-4, 4), (-4, 4)), ANY),
    ('sin(x)*cos(y)', lambda x, y: torch.sin(x) * torch.cos(y), ((-4, 4), (-4, 4)), ANY),
    ('tan(x/2) + y*tan(y)', lambda x, y: torch.tan(x / 2) + y * torch.tan(y), ((-2.5, 2.5), (-1.2, 1.2)), ANY),
    ('asin(x/2) + acos(y/2)', lambda x, y: torch.asin(x / 2) + torch.acos(y / 2), ((-1.8, 1.8), (-1.8, 1.8)), ANY),
    ('atan(x*y) - atan(y)', lambda x, y: torch.atan(x * y) - torch.atan(y), ((-3, 3), (-3, 3)), ANY),
    ('sinh(x) + cosh(y) - tanh(x*y)', lambda x, y: torch.sinh(x) + torch.cosh(y) - torch.tanh(x * y), ((-2, 2), (-2, 2)), ANY),
    ('exp(-(x^2 + y^2)/2)', lambda x, y: torch.exp(-(x ** 2 + y ** 2) / 2), ((-2, 2), (-2, 2)), ANY),
    ('log(x^2 + y^2 + 1)', lambda x, y: torch.log(x ** 2 + y ** 2 + 1), ((-3, 3), (-3, 3)), ANY),
    ('log(x)*y', lambda x, y: torch.log(x) * y, ((0.2, 3), (-2, 2)), ANY),
    ('sqrt(x^2 + y^2 + 1)', lambda x, y: torch.sqrt(x ** 2 + y ** 2 + 1), ((-3, 3), (-3, 3)), ANY),
    ('sqrt(x)*sqrt(y)', lambda x, y: torch.sqrt(x) * torch.sqrt(y), ((0.2, 3), (0.2, 3)), ANY),
    (
        'abs(x) + abs(y - 1)',
        lambda x, y: torch.abs(x) + torch.abs(y - 1),
        ((-2, 2), (-1, 3)),
        lambda x, y: abs(x) > KINK_MARGIN and abs(y - 1) > KINK_MARGIN,
    ),
    (
        'min(x, y) + max(x^2, y)',
        lambda x, y: torch.minimum(x, y) + torch.maximum(x ** 2, y),
        ((-2, 2), (-2, 2)),
        lambda x, y: far_apart(x, y) and far_apart(x ** 2, y),
    ),
    (
        'min(x, y, 1 - x)*max(x, y, x*y)',
        lambda x, y: torch.minimum(torch.minimum(x, y), 1 - x) * torch.maximum(torch.maximum(x, y), x * y),
        ((-2, 2), (-2, 2)),
        lambda x, y: far_apart(x, y, 1 - x) and far_apart(x, y, x * y),
    ),
    ('x^y', lambda x, y: x ** y, ((0.3, 3), (-2, 2)), ANY),
    ('x^y^2', lambda x, y: x ** (y ** 2), ((0.3, 2), (-1.5, 1.5)), ANY),
    ('(x*y)^(x + y)', lambda x, y: (x * y) ** (x + y), ((0.3, 2), (0.3, 2)), ANY),
    ('2^x + e^y', lambda x, y: 2 ** x + math.e ** y, ((-3, 3), (-3, 3)), ANY),
    ('x**3 - 3*x*y**2', lambda x, y: x ** 3 - 3 * x * y ** 2, ((-2, 2), (-2, 2)), ANY),
    ('-x^2 + +y - -x*y', lambda x, y: -(x ** 2) + y - (-x) * y, ((-3, 3), (-3, 3)), ANY),
    ('x^-2 + 2^-1*y^3', lambda x, y: x ** -2 + 2 ** -1 * y ** 3, ((0.4, 3), (-2, 2)), ANY),
    ('1/(1 + x^2 + y^2) - x/y', lambda x, y: 1 / (1 + x ** 2 + y ** 2) - x / y, ((-2, 2), (0.3, 2)), ANY),
    ('exp(sin(x*y))*cos(x + y^2)', lambda x, y: torch.exp(torch.sin(x * y)) * torch.cos(x + y ** 2), ((-2, 2), (-2, 2)), ANY),
    ('log(1 + exp(x - y))', lambda x, y: torch.log(1 + torch.exp(x - y)), ((-3, 3), (-3, 3)), ANY),
    (
        'sqrt(abs(x*y) + 1)',
        lambda x, y: torch.sqrt(torch.abs(x * y) + 1),
        ((-2, 2), (-2, 2)),
        lambda x, y: abs(x * y) > KINK_MARGIN,
    ),
    ('pi*e*x - e^(x*y)', lambda x, y: math.pi * math.e * x - math.e ** (x * y), ((-1.5, 1.5), (-1.5, 1.5)), ANY),
    (
        '20 + x^2 - 10*cos(2*pi*x) + y^2 - 10*cos(2*pi*y)',
        lambda x, y: 20 + x ** 2 - 10 * torch.cos(2 * math.pi * x) + y ** 2 - 10 * torch.cos(2 * math.pi * y),
        ((-5, 5), (-5, 5)),
        ANY,
    ),
    (
        '(x^2 + y - 11)^2 + (x + y^2 - 7)^2',
        lambda x, y: (x ** 2 + y - 11) ** 2 + (x + y ** 2 - 7) ** 2,
        ((-5, 5), (-5, 5)),
        ANY,
    ),
    (
        '(4 - 2.1*x^2 + x^4/3)*x^2 + x*y + (-4 + 4*y^2)*y^2',
        lambda x, y: (4 - 2.1 * x ** 2 + x ** 4 / 3) * x ** 2 + x * y + (-4 + 4 * y ** 2) * y ** 2,
        ((-2, 2), (-1, 1)),
        ANY,
    ),
    (
        '1.5e-1*x^2 + .5*y^2 + 2.5E+0*x*y + 3.',
        lambda x, y: 1.5e-1 * x ** 2 + 0.5 * y ** 2 + 2.5 * x * y + 3.0,
        ((-3, 3), (-3, 3)),
        ANY,
    ),
    (
        'max(sin(x), cos(y)) - min(x^2, 2y)',
        lambda x, y: torch.maximum(torch.sin(x), torch.cos(y)) - torch.minimum(x ** 2, 2 * y),
        ((-3, 3), (-3, 3)),
        lambda x, y: far_apart(math.sin(x), math.cos(y)) and far_apart(x ** 2, 2 * y),
    ),
    (
        'x/(y - 3)^3 + acos(x/5)*atan(2^y)',
        lambda x, y: x / (y - 3) ** 3 + torch.acos(x / 5) * torch.atan(2 ** y),
        ((-4, 4), (-2, 2)),
        ANY,
    ),
    (
        'tanh(sinh(x)/cosh(y))*log(2 + cos(x*y))^2',
        lambda x, y: torch.tanh(torch.sinh(x) / torch.cosh(y)) * torch.log(2 + torch.cos(x * y)) ** 2,
        ((-2, 2), (-2, 2)),
        ANY,
    ),
]


def evaluate(function, x_value, y_value):
    """f, [f_x, f_y] and the row-major Hessian at one point, in float64."""
    point = torch.tensor([x_value, y_value], requires_grad=True)
    value = function(point[0], point[1])
    (gradient,) = torch.autograd.grad(value, point)
    hessian = torch.autograd.functional.hessian(lambda p: function(p[0], p[1]), point.detach())
    return float(value), [float(g) for g in gradient], [float(h) for h in hessian.reshape(-1)]


def sample_points(rng, box, in_domain):
    """POINTS_PER_FORMULA points (4 decimals, so they read well) drawn uniformly from box."""
    points = []
    while len(points) < POINTS_PER_FORMULA:
        x = round(float(rng.uniform(*box[0])), 4)
        y = round(float(rng.uniform(*box[1])), 4)
        if in_domain(x, y):
            points.append([x, y])
    return points


def main():
    rng = np.random.RandomState(SEED)
    cases = []
    for formula, function, box, in_domain in CASES:
        points = sample_points(rng, box, in_domain)
        values, gradients, hessians = [], [], []
        for x, y in points:
            value, gradient, hessian = evaluate(function, x, y)
            assert math.isfinite(value) and all(map(math.isfinite, gradient + hessian)), (formula, x, y)
            values.append(value)
            gradients.append(gradient)
            hessians.append(hessian)
        cases.append({'formula': formula, 'points': points, 'value': values, 'gradient': gradients, 'hessian': hessians})
    document = {
        'generator': 'scripts/golden/expressions.py',
        'torch': torch.__version__.split('+')[0],
        'hessianLayout': 'row-major [f_xx, f_xy, f_yx, f_yy]',
        'cases': cases,
    }
    with open(OUTPUT, 'w') as out:
        json.dump(document, out, separators=(',', ':'))
        out.write('\n')


if __name__ == '__main__':
    main()
