"""Reference runs of Newton's method (src/engine/methods/second-order/newton.ts), float64 NumPy.

An independent implementation of the method as newton.ts documents it, written from the maths
rather than from the TypeScript: the surfaces with their gradients and Hessians derived by hand
here, the shift from LAPACK's symmetric eigenvalues (numpy.linalg.eigvalsh), the step from LAPACK's
LU solve (numpy.linalg.solve) instead of our Jacobi rotations and Cholesky factor.

  p = -(H + mu I)^-1 grad f,  mu = max(0, delta - lambda_min(H))       (Nocedal & Wright section 3.4)
  none:          x <- x + lr p
  backtracking:  alpha = lr, shrink, shrink^2 ... (at most MAX_BACKTRACKS trials), the first with
                 f(x + alpha p) <= f(x) + c alpha grad f . p (Armijo); none accepted: x stays
  stop when max |grad f| <= tolerance_grad (after a step)

Counts, as newton.ts spends them: the start costs f and grad; each step one Hessian, then without
a line search f and grad at the new point; with backtracking f and grad at the first trial, f at
each further one, and f and grad again at the accepted point when it is not the first.

Chaotic paths: each case is rerun from the start nudged by NUDGE (relative), with every nonzero
shift mu also moved by SHIFT_JITTER * max|H| (the rounding any eigenvalue solver leaves in
lambda_min, which the step along that eigenvector divides by delta); `compare` is the number of
trajectory points before the nudged path first differs from this one by more than DEVIATION
relative (floor 1e-3), i.e. where a 1e-13 change has grown 1e4-fold. Rounding differences
(1e-16) stay below 1e-12 within that prefix, or 1e-9 where the shift is active. Only that prefix is compared by the test,
and how the run ends only where the nudged run ends alike (`ending_stable`).

Run:  /usr/bin/python3 scripts/references/newton_reference.py
Writes src/engine/methods/second-order/newton.golden.json (deterministic, repr floats).
"""

import json
import os

import numpy as np

OUTPUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'src', 'engine', 'methods', 'second-order', 'newton.golden.json')
MAX_BACKTRACKS = 40
DIVERGENCE_BOUND = 1e12
NUDGE = 1e-13
DEVIATION = 1e-9
SHIFT_JITTER = 4 * np.finfo(np.float64).eps
FLOOR = 1e-3
DEFAULTS = {'lr': 1.0, 'line_search': 'none', 'c': 1e-4, 'shrink': 0.5, 'min_eigenvalue': 1e-3, 'tolerance_grad': 1e-7}


# ---- surfaces: f, grad f, Hessian, from their textbook formulas ---------------------------------

def rosenbrock(x):
    """Chained Rosenbrock sum_i (1 - x_i)^2 + 100 (x_{i+1} - x_i^2)^2 in any dimension."""
    n = len(x)
    f = sum((1 - x[i]) ** 2 + 100 * (x[i + 1] - x[i] ** 2) ** 2 for i in range(n - 1))
    g = np.zeros(n)
    h = np.zeros((n, n))
    for i in range(n - 1):
        r = x[i + 1] - x[i] ** 2
        g[i] += -2 * (1 - x[i]) - 400 * x[i] * r
        g[i + 1] += 200 * r
        h[i, i] += 2 - 400 * r + 800 * x[i] ** 2
        h[i, i + 1] += -400 * x[i]
        h[i + 1, i] += -400 * x[i]
        h[i + 1, i + 1] += 200
    return f, g, h


def himmelblau(p):
    x, y = p
    a = x * x + y - 11
    b = x + y * y - 7
    f = a * a + b * b
    g = np.array([4 * x * a + 2 * b, 2 * a + 4 * y * b])
    h = np.array([[12 * x * x + 4 * y - 42, 4 * x + 4 * y], [4 * x + 4 * y, 4 * x + 12 * y * y - 26]])
    return f, g, h


def beale(p):
    x, y = p
    f = 0.0
    g = np.zeros(2)
    h = np.zeros((2, 2))
    for k, c in enumerate((1.5, 2.25, 2.625), start=1):
        r = c - x + x * y ** k
        rx = y ** k - 1
        ry = k * x * y ** (k - 1)
        rxy = k * y ** (k - 1)
        ryy = k * (k - 1) * x * y ** (k - 2) if k >= 2 else 0.0
        f += r * r
        g += 2 * r * np.array([rx, ry])
        h += 2 * np.array([[rx * rx, rx * ry + r * rxy], [rx * ry + r * rxy, ry * ry + r * ryy]])
    return f, g, h


def ill_conditioned(p):
    """0.5 (u^2 + v^2 / 10), (u, v) = (x, y) rotated by 30 degrees: the playground's default parameters."""
    c, s = np.cos(np.pi / 6), 0.5
    rotation = np.array([[c, s], [-s, c]])
    hessian = rotation.T @ np.diag([1.0, 0.1]) @ rotation
    return 0.5 * p @ hessian @ p, hessian @ p, hessian


def quadratic(p):
    """sum_i x_i^2 in any dimension."""
    return float(p @ p), 2 * p, 2 * np.eye(len(p))


def saddle(p):
    x, y = p
    return x * x - y * y, np.array([2 * x, -2 * y]), np.array([[2.0, 0.0], [0.0, -2.0]])


SURFACES = {'saddle': saddle, 'rosenbrock': rosenbrock, 'himmelblau': himmelblau, 'beale': beale, 'ill-conditioned': ill_conditioned, 'quadratic': quadratic}


# ---- the method --------------------------------------------------------------------------------

def newton_run(surface, start, hyper, num_steps, shift_jitter=0.0):
    hyper = {**DEFAULTS, **hyper}
    counts = {'function': 0, 'gradient': 0, 'hessian': 0}

    def value(x):
        counts['function'] += 1
        return surface(x)[0]

    def value_and_gradient(x):
        counts['function'] += 1
        counts['gradient'] += 1
        f, g, _ = surface(x)
        return f, g

    def hessian(x):
        counts['hessian'] += 1
        return surface(x)[2]

    def record(x, f):
        return {'point': [float(v) for v in x], 'loss': float(f), 'function': counts['function'], 'gradient': counts['gradient'], 'hessian': counts['hessian']}

    x = np.array(start, dtype=np.float64)
    f, g = value_and_gradient(x)
    points = [record(x, f)]
    steps = []
    converged = None
    diverged = None
    singular = False
    for step in range(num_steps):
        h = hessian(x)
        if not np.all(np.isfinite(h)):
            diverged = step + 1
            break
        shift = max(0.0, hyper['min_eigenvalue'] - np.linalg.eigvalsh(h)[0])
        if shift > 0:
            shift += shift_jitter * np.max(np.abs(h))
        try:
            p = -np.linalg.solve(h + shift * np.eye(len(x)), g)
        except np.linalg.LinAlgError:
            # H + mu I singular in float64 (entries of 1e30 beside delta): a path that has left
            # every scale; newton.ts would enlarge mu, this stops, and the test compares less
            diverged = step + 1
            singular = True
            break
        slope = g @ p
        info = {'shift': float(shift), 'model_minimizer': [float(v) for v in x + p]}
        if hyper['line_search'] == 'none':
            x = x + hyper['lr'] * p
            if not np.all(np.abs(x) <= DIVERGENCE_BOUND):
                diverged = step + 1
                break
            f, g = value_and_gradient(x)
        else:
            trials = []
            alpha = hyper['lr']
            for attempt in range(MAX_BACKTRACKS):
                trial = x + alpha * p
                trials.extend(float(v) for v in trial)
                if attempt == 0:
                    trial_f, trial_g = value_and_gradient(trial)
                else:
                    trial_f = value(trial)
                if trial_f <= f + hyper['c'] * alpha * slope:
                    x = trial
                    if attempt == 0:
                        f, g = trial_f, trial_g
                    else:
                        f, g = value_and_gradient(x)
                    break
                alpha *= hyper['shrink']
            info['trials'] = trials
        if not np.isfinite(f):
            diverged = step + 1
            break
        points.append(record(x, f))
        steps.append(info)
        if hyper['tolerance_grad'] > 0 and np.max(np.abs(g)) <= hyper['tolerance_grad']:
            converged = step + 1
            break
    return points, steps, converged, diverged, singular


def comparable_prefix(case, points, ending):
    """Points before a NUDGE-relative change of the start has grown past DEVIATION, and whether the
    nudged run ends the same way (at the same step, converged or diverged alike)."""
    nudged_start = [v * (1 + NUDGE) if v != 0 else NUDGE for v in case['start']]
    nudged, _, converged, diverged, singular = newton_run(SURFACES[case['surface']], nudged_start, case['hyper'], case['num_steps'], SHIFT_JITTER)
    for k, (ours, theirs) in enumerate(zip(points, nudged)):
        a, b = np.array(ours['point']), np.array(theirs['point'])
        if np.any(np.abs(a - b) > DEVIATION * np.maximum(np.abs(a), FLOOR)):
            return k, False
    return min(len(points), len(nudged)), len(points) == len(nudged) and ending == (converged, diverged, singular) and not singular


def cases():
    backtracking = {'line_search': 'backtracking'}
    listed = [
        ('rosenbrock', [-1.5, 2.0], {}),
        ('rosenbrock', [-1.5, 2.0], backtracking),
        ('rosenbrock', [-1.2, 1.0], {'lr': 0.5}),
        ('rosenbrock', [-1.2, 1.0, -1.2, 1.0, -1.2], backtracking),
        # beside the local maximum (-0.27, -0.92): the Hessian is negative definite, the shift large
        ('himmelblau', [-0.35, -0.75], {}),
        ('himmelblau', [-0.35, -0.75], backtracking),
        # between two minima, where the Hessian is indefinite
        ('himmelblau', [0.5, 2.5], backtracking),
        ('himmelblau', [0.5, 2.5], {'min_eigenvalue': 1.0}),
        # pure Newton leaves the map in one step from the flat basin (the next step, with Hessian
        # entries of 1e30 beside delta, is rounding)
        ('beale', [1.0, 1.5], {}, 1),
        ('beale', [1.0, 1.5], backtracking),
        ('beale', [1.0, 1.0], {'line_search': 'backtracking', 'c': 0.25, 'shrink': 0.8}),
        # no trial of 40 passes Armijo (the shift is small, the step long): the point stays
        ('beale', [-1.0, -1.0], {'line_search': 'backtracking', 'c': 0.25, 'shrink': 0.8}, 2),
        ('beale', [2.0, 0.2], {}),
        ('ill-conditioned', [-1.0, 2.5], {}),
        # x^2 - y^2: the shifted Hessian diag(4.001, 0.001) multiplies y by -1999 per step, past 1e12
        ('saddle', [0.5, 0.25], {}),
        ('quadratic', [-1.5, 1.0, 0.5, 2.0], backtracking),
    ]
    for surface, start, hyper, *num_steps in listed:
        name = f"{surface} {len(start)}-D from {start} {hyper.get('line_search', 'none')}" + ''.join(f' {k}={v}' for k, v in hyper.items() if k != 'line_search')
        yield {'name': name, 'surface': surface, 'start': start, 'hyper': hyper, 'num_steps': num_steps[0] if num_steps else 40}


def main():
    runs = []
    for case in cases():
        points, steps, converged, diverged, singular = newton_run(SURFACES[case['surface']], case['start'], case['hyper'], case['num_steps'])
        compare, ending_stable = comparable_prefix(case, points, (converged, diverged, singular))
        runs.append({**case, 'points': points, 'steps': steps, 'converged': converged, 'diverged': diverged, 'compare': compare, 'ending_stable': ending_stable})
        print(f"{case['name']}: {len(points) - 1} steps, converged {converged}, diverged {diverged}, compare {compare}, "
              f"max shift {max((s['shift'] for s in steps), default=0):.3g}, final {points[-1]['point']}")
    with open(OUTPUT, 'w') as out:
        json.dump({'defaults': DEFAULTS, 'max_backtracks': MAX_BACKTRACKS, 'runs': runs}, out, separators=(',', ':'))
        out.write('\n')


if __name__ == '__main__':
    main()
