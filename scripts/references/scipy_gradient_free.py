"""Reference vectors for the gradient-free methods nelder_mead and powell: scipy.optimize itself.

The oracle is scipy.optimize.minimize (Debian's python3-scipy 1.10.1) with method="Nelder-Mead" and
method="Powell", run on surfaces written here in plain Python floats from their canonical
formulas (not from our TypeScript), with the same parameters as src/engine/problems/surfaces and the
same order of floating-point operations, so f agrees to the last bit and the comparisons and ties
inside the simplex ordering and Brent's line search go the same way.

Each run records, through minimize's callback, every iterate (Nelder-Mead: the best vertex sim[0]
after each pass of the while-loop; Powell: x after each outer iteration's n line searches) and,
through a counting wrapper around f, the number of function evaluations made by then (scipy's
nfev). Nelder-Mead calls its callback once more, with the same vertex, when the xatol/fatol test
breaks the loop: that repeat is dropped here (unless it is the only one) (the playground asks the test after each step, so it
stops at the iterate that met it). Powell's runs also record every point evaluated between two
callbacks (the line-search trial points, the extrapolated point) and the final direction set.

maxiter and maxfev are raised so the runs end by scipy's own convergence test (the playground's
step count is its budget; scipy's defaults 200n / 1000n would cut a run mid-iteration).

Each run is repeated from a start nudged by NUDGE (relative): the first iterate at which the two
paths differ by more than 1e-9 relative, or make a different number of evaluations, bounds the
part of the path the tests compare (`compareSteps`); the whole run when the nudge never shows.

Run:  /usr/bin/python3 scripts/references/scipy_gradient_free.py
Writes: src/engine/methods/gradient-free/scipy-gradient-free.golden.json
"""

import json
import os

import numpy as np
import scipy
from scipy.optimize import minimize

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'src', 'engine', 'methods', 'gradient-free',
                   'scipy-gradient-free.golden.json')
NUDGE = 1e-13
TOLERANCE = 1e-9
BIG = 10 ** 9

# ---- the surfaces, from their textbook formulas (parameters as the playground's defaults) ---------


def rosenbrock(x, a=1.0, b=100.0):
    """(a - x)^2 + b (y - x^2)^2; in n dimensions the chained sum, accumulated left to right."""
    if len(x) == 2:
        return (a - x[0]) ** 2 + b * (x[1] - x[0] * x[0]) ** 2
    total = 0.0
    for i in range(len(x) - 1):
        total += (a - x[i]) ** 2 + b * (x[i + 1] - x[i] * x[i]) ** 2
    return total


def himmelblau(x):
    first = x[0] * x[0] + x[1] - 11
    second = x[0] + x[1] * x[1] - 7
    return first * first + second * second


def beale(x):
    total = 0.0
    power = 1.0
    for constant in (1.5, 2.25, 2.625):
        power *= x[1]
        residual = constant - x[0] + x[0] * power
        total += residual * residual
    return total


def booth(x):
    return (x[0] + 2 * x[1] - 7) ** 2 + (2 * x[0] + x[1] - 5) ** 2


def quadratic(x):
    """sum of x_i^2, accumulated left to right."""
    total = 0.0
    for value in x:
        total += value * value
    return total


SURFACES = {'rosenbrock': rosenbrock, 'himmelblau': himmelblau, 'beale': beale, 'booth': booth, 'quadratic': quadratic}


def plain(function):
    """f on Python floats (numpy scalars round the same, but keep the reference obviously scalar)."""
    return lambda x: function([float(value) for value in x])


# ---- one scipy run with every iterate and its evaluation count -----------------------------------


def run_scipy(method, surface, start, options):
    function = plain(SURFACES[surface])
    evaluated = []  # every point scipy evaluated, in order

    def counted(x):
        evaluated.append([float(value) for value in x])
        return function(x)

    iterates, counts, trial_counts = [], [], []

    def callback(xk):
        iterates.append([float(value) for value in xk])
        counts.append(len(evaluated))

    full = {'maxiter': BIG, 'maxfev': BIG, **options}
    result = minimize(counted, np.array(start, dtype=float), method=method, callback=callback, options=full)
    converged = result.status == 0
    if method == 'Nelder-Mead' and converged and len(iterates) > 1:
        # the callback's repeat of the vertex that met the test (see the docstring); an initial
        # simplex that meets it at once gets one callback, which the playground's first step matches
        assert iterates[-1] == iterates[-2] and counts[-1] == counts[-2]
        iterates.pop()
        counts.pop()
    return {
        'iterates': iterates,
        'evaluations': counts,
        'loss': [function(x) for x in iterates],
        'evaluated': evaluated,
        'result': result,
        'converged': converged,
    }


def relative_gap(a, b):
    return max(abs(p - q) / max(abs(q), 1e-3) for p, q in zip(a, b))


def compare_steps(method, surface, start, options, reference):
    """How many iterates a NUDGE of the start leaves within TOLERANCE (and on the same evaluation count)."""
    # a zero coordinate stays zero: its vertex is placed by zdelt, which a nudge away from 0 would change
    nudged_start = [value * (1 + NUDGE) for value in start]
    nudged = run_scipy(method, surface, nudged_start, options)
    for k, (x, y) in enumerate(zip(reference['iterates'], nudged['iterates'])):
        if relative_gap(y, x) > TOLERANCE or reference['evaluations'][k] != nudged['evaluations'][k]:
            return k
    return len(reference['iterates']) if len(nudged['iterates']) == len(reference['iterates']) else min(
        len(reference['iterates']), len(nudged['iterates']))


def case(name, method, surface, start, options, keep_trials=False):
    reference = run_scipy(method, surface, start, options)
    result = reference['result']
    entry = {
        'name': name,
        'surface': surface,
        'dimension': len(start),
        'start': start,
        'hyper': options,
        'iterates': reference['iterates'],
        'loss': reference['loss'],
        'evaluations': reference['evaluations'],
        'nfev': int(result.nfev),
        'nit': int(result.nit),
        'x': [float(value) for value in result.x],
        'fun': float(result.fun),
        'converged': bool(reference['converged']),
        'message': result.message,
        'compareSteps': compare_steps(method, surface, start, options, reference),
    }
    if method == 'Powell':
        entry['direc'] = [[float(value) for value in row] for row in result.direc]
        if keep_trials:
            # the points evaluated during each iteration, in order (iteration k: after callback k - 1)
            bounds = [1] + reference['evaluations']
            entry['trials'] = [reference['evaluated'][bounds[k]:bounds[k + 1]] for k in range(len(bounds) - 1)]
    return entry


NELDER_MEAD = [
    case('rosenbrock', 'Nelder-Mead', 'rosenbrock', [-1.5, 2.0], {}),
    case('himmelblau', 'Nelder-Mead', 'himmelblau', [-0.35, -0.75], {}),
    case('beale', 'Nelder-Mead', 'beale', [1.0, 1.5], {}),
    case('booth', 'Nelder-Mead', 'booth', [-5.0, 8.0], {}),
    # a zero coordinate: that vertex moves by zdelt, not by 5%
    case('booth from (0, 8)', 'Nelder-Mead', 'booth', [0.0, 8.0], {}),
    case('rosenbrock 4-D', 'Nelder-Mead', 'rosenbrock', [-1.2, 1.0, -1.2, 1.0], {}),
    case('quadratic 5-D adaptive', 'Nelder-Mead', 'quadratic', [1.0, -2.0, 0.5, 3.0, -1.0], {'adaptive': True}),
    case('rosenbrock 4-D adaptive', 'Nelder-Mead', 'rosenbrock', [-1.2, 1.0, -1.2, 1.0], {'adaptive': True}),
    case('himmelblau xatol 1e-8 fatol 1e-10', 'Nelder-Mead', 'himmelblau', [-0.35, -0.75], {'xatol': 1e-8, 'fatol': 1e-10}),
    case('rosenbrock xatol 0.01 fatol 0.1', 'Nelder-Mead', 'rosenbrock', [-1.5, 2.0], {'xatol': 0.01, 'fatol': 0.1}),
    case('beale adaptive', 'Nelder-Mead', 'beale', [1.0, 1.5], {'adaptive': True}),
    # the initial simplex's two moved vertices tie (1.05² + 1 both): the ordering keeps them in place
    case('quadratic from (1, 1), tied vertices', 'Nelder-Mead', 'quadratic', [1.0, 1.0], {}),
    case('quadratic 1-D', 'Nelder-Mead', 'quadratic', [2.0], {}),
    case('booth within the tolerances at once', 'Nelder-Mead', 'booth', [1.0, 3.0], {'xatol': 1.0, 'fatol': 1.0}),
]

POWELL = [
    case('rosenbrock', 'Powell', 'rosenbrock', [-1.5, 2.0], {}, keep_trials=True),
    case('himmelblau', 'Powell', 'himmelblau', [-0.35, -0.75], {}, keep_trials=True),
    case('beale', 'Powell', 'beale', [1.0, 1.5], {}),
    case('booth', 'Powell', 'booth', [-5.0, 8.0], {}, keep_trials=True),
    case('rosenbrock 4-D', 'Powell', 'rosenbrock', [-1.2, 1.0, -1.2, 1.0], {}),
    case('quadratic 1-D', 'Powell', 'quadratic', [2.0], {}, keep_trials=True),
    case('quadratic 5-D', 'Powell', 'quadratic', [1.0, -2.0, 0.5, 3.0, -1.0], {}),
    case('rosenbrock xtol 1e-8 ftol 1e-12', 'Powell', 'rosenbrock', [-1.5, 2.0], {'xtol': 1e-8, 'ftol': 1e-12}),
    case('himmelblau xtol 0.01 ftol 0.01', 'Powell', 'himmelblau', [-0.35, -0.75], {'xtol': 0.01, 'ftol': 0.01}, keep_trials=True),
]

if __name__ == '__main__':
    golden = {'scipy': scipy.__version__, 'nelderMead': NELDER_MEAD, 'powell': POWELL}
    with open(OUT, 'w') as handle:
        json.dump(golden, handle, separators=(',', ':'))
        handle.write('\n')
    for family, runs in (('Nelder-Mead', NELDER_MEAD), ('Powell', POWELL)):
        for run in runs:
            print(f"{family:12} {run['name']:36} nit {run['nit']:5} nfev {run['nfev']:6} iterates {len(run['iterates']):5} "
                  f"compare {run['compareSteps']:5} {run['message']}")
    print(OUT, os.path.getsize(OUT), 'bytes')
