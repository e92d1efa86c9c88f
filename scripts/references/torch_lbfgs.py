"""Golden runs of torch.optim.LBFGS (torch 1.13, float64) for src/engine/methods/quasi-newton/lbfgs.ts.

Each run calls optimizer.step(closure) num_steps times on a surface written here with torch ops
from its textbook formula (gradients by autograd), and records after every step the parameters,
f there (evaluated outside the closure, uncounted), the closure calls so far, and whether the
closure last evaluated the current parameters (`evaluated`: False after a step without line
search that ran all max_iter iterations, whose last move torch does not evaluate; the playground
evaluates that point at once and counts it as the next step's first closure call).

Chaotic paths: each run is repeated from the start nudged by NUDGE (relative); `compare` is the
number of recorded points (start included) before the nudged run's parameters first differ by
more than DEVIATION * max(|x|, 1) or its closure count differs. A 1e-13 change grown to 1e-8 is an
amplification of 1e5, which keeps rounding differences (1e-16 per operation) near 1e-11, under
the test's 1e-9.

Run:  /usr/bin/python3 scripts/references/torch_lbfgs.py
Writes src/engine/methods/quasi-newton/torch-lbfgs.golden.json (deterministic, repr floats).
"""

import json
import math
import os

import torch

torch.set_default_dtype(torch.float64)

OUTPUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'src', 'engine', 'methods', 'quasi-newton', 'torch-lbfgs.golden.json')
NUDGE = 1e-13
DEVIATION = 1e-8
NUM_STEPS = 12


def rosenbrock(x):
    return torch.sum((1 - x[:-1]) ** 2 + 100 * (x[1:] - x[:-1] ** 2) ** 2)


def himmelblau(p):
    x, y = p[0], p[1]
    return (x ** 2 + y - 11) ** 2 + (x + y ** 2 - 7) ** 2


def beale(p):
    x, y = p[0], p[1]
    return (1.5 - x + x * y) ** 2 + (2.25 - x + x * y ** 2) ** 2 + (2.625 - x + x * y ** 3) ** 2


def ill_conditioned(p):
    """0.5 (u^2 + v^2 / 10) with (u, v) = (x, y) rotated by 30 degrees (the playground's defaults)."""
    c, s = math.cos(math.pi / 6), 0.5
    u = c * p[0] + s * p[1]
    v = c * p[1] - s * p[0]
    return 0.5 * (u ** 2 + 0.1 * v ** 2)


def booth(p):
    x, y = p[0], p[1]
    return (x + 2 * y - 7) ** 2 + (2 * x + y - 5) ** 2


SURFACES = {'rosenbrock': rosenbrock, 'himmelblau': himmelblau, 'beale': beale, 'ill-conditioned': ill_conditioned, 'booth': booth}


def torch_run(case, start):
    surface = SURFACES[case['surface']]
    x = torch.tensor(start, dtype=torch.float64, requires_grad=True)
    hyper = dict(case['hyper'])
    if hyper.get('line_search_fn') == 'none':
        hyper['line_search_fn'] = None
    optimizer = torch.optim.LBFGS([x], **hyper)
    calls = {'count': 0, 'last': None}

    def closure():
        optimizer.zero_grad()
        loss = surface(x)
        loss.backward()
        calls['count'] += 1
        calls['last'] = x.detach().clone()
        return loss

    def value():
        with torch.no_grad():
            return float(surface(x))

    points = [{'point': [float(v) for v in x.detach()], 'loss': value(), 'closure_calls': 0, 'evaluated': False}]
    for _ in range(case['num_steps']):
        optimizer.step(closure)
        current = x.detach().clone()
        if not bool(torch.all(torch.isfinite(current))) or float(current.abs().max()) > 1e12:
            break
        points.append({'point': [float(v) for v in current], 'loss': value(), 'closure_calls': calls['count'],
                       'evaluated': bool(torch.equal(calls['last'], current))})
    return points


def comparable_prefix(case, points):
    nudged = torch_run(case, [v * (1 + NUDGE) if v != 0 else NUDGE for v in case['start']])
    for k, (ours, theirs) in enumerate(zip(points, nudged)):
        if ours['closure_calls'] != theirs['closure_calls'] or ours['evaluated'] != theirs['evaluated']:
            return k
        if any(abs(a - b) > DEVIATION * max(abs(a), 1) for a, b in zip(ours['point'], theirs['point'])):
            return k
    return min(len(points), len(nudged))


def cases():
    wolfe = {'line_search_fn': 'strong_wolfe'}
    listed = [
        ('rosenbrock', [-1.5, 2.0], wolfe),
        # one inner iteration per step(closure): the playground's steps are L-BFGS's iterations
        ('rosenbrock', [-1.5, 2.0], {'line_search_fn': 'strong_wolfe', 'max_iter': 1}, 40),
        ('rosenbrock', [-1.5, 2.0], {'line_search_fn': 'none', 'lr': 0.1, 'max_iter': 5}),
        ('rosenbrock', [-1.2, 1.0, -1.2, 1.0, -1.2, 1.0, -1.2, 1.0], {'line_search_fn': 'strong_wolfe', 'history_size': 3, 'max_iter': 4}),
        ('rosenbrock', [-1.2, 1.0, -1.2, 1.0, -1.2, 1.0, -1.2, 1.0], {'line_search_fn': 'none', 'lr': 0.05, 'history_size': 4, 'max_iter': 3}),
        ('himmelblau', [-0.35, -0.75], wolfe),
        ('himmelblau', [-0.35, -0.75], {'line_search_fn': 'none'}),
        ('himmelblau', [0.5, 2.5], {'line_search_fn': 'strong_wolfe', 'max_iter': 2, 'tolerance_grad': 1e-5}),
        ('himmelblau', [0.5, 2.5], {'line_search_fn': 'none', 'lr': 0.3, 'max_iter': 1}),
        ('beale', [1.0, 1.5], wolfe),
        ('beale', [1.0, 1.5], {'line_search_fn': 'none', 'lr': 0.5, 'max_iter': 4, 'max_eval': 3}),
        ('beale', [-1.0, -1.0], {'line_search_fn': 'strong_wolfe', 'max_iter': 3}),
        ('ill-conditioned', [-1.0, 2.5], {'line_search_fn': 'none'}),
        ('ill-conditioned', [-1.0, 2.5], {'line_search_fn': 'strong_wolfe', 'tolerance_change': 1e-4}),
        ('booth', [-4.0, 4.0], {'line_search_fn': 'none', 'max_iter': 2}),
    ]
    for surface, start, hyper, *num_steps in listed:
        name = f'{surface} {len(start)}-D from {start} ' + ' '.join(f'{k}={v}' for k, v in hyper.items())
        yield {'name': name, 'surface': surface, 'start': start, 'hyper': hyper, 'num_steps': num_steps[0] if num_steps else NUM_STEPS}


def torch_defaults():
    optimizer = torch.optim.LBFGS([torch.zeros(2, requires_grad=True)])
    defaults = dict(optimizer.defaults)
    defaults['line_search_fn'] = defaults['line_search_fn'] or 'none'
    return defaults


def main():
    runs = []
    for case in cases():
        points = torch_run(case, case['start'])
        compare = comparable_prefix(case, points)
        runs.append({**case, 'points': points, 'compare': compare})
        print(f"{case['name']}: {len(points) - 1} steps, {points[-1]['closure_calls']} closure calls, compare {compare}, "
              f"final {points[-1]['point'][:2]} f {points[-1]['loss']:.3g}")
    with open(OUTPUT, 'w') as out:
        json.dump({'torch': torch.__version__, 'defaults': torch_defaults(), 'runs': runs}, out, separators=(',', ':'))
        out.write('\n')


if __name__ == '__main__':
    main()
