"""Reference for the step inspector's Nelder-Mead state: scipy's simplex after k iterations.

For each case, scipy.optimize.minimize(method="Nelder-Mead") (Debian's python3-scipy 1.10.1) runs k
passes of its loop for k = 0 ... K (options maxiter = k + 1: scipy 1.10 counts from iterations = 1 and
loops while iterations < maxiter, so maxiter = k + 1 makes k passes and reports nit = k + 1), and its final_simplex (the vertices and their f, sorted best first
as scipy keeps sim and fsim) is recorded: the simplex and simplexValues that our inspection must show
at step k. A counting wrapper around f also records the points scipy evaluated during each iteration,
in order: the first is the reflected point, the second (when there is one) the expansion or contraction
point, the rest a shrink's vertices; the inspector's narration names those points and the test checks
them. The surfaces and their floating-point formulas are scipy_gradient_free.py's.

Run:  /usr/bin/python3 scripts/references/scipy_nelder_mead_simplex.py
Writes: src/engine/methods/gradient-free/nelder-mead-simplex.golden.json
"""

import json
import os
import sys

import numpy as np
import scipy
from scipy.optimize import minimize

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from scipy_gradient_free import SURFACES, plain  # noqa: E402  (the same formulas as the path goldens)

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'src', 'engine', 'methods', 'gradient-free',
                   'nelder-mead-simplex.golden.json')

# (name, surface, start, options, K): K iterations, fewer than scipy needs to converge, so maxiter ends each run
CASES = [
    ('rosenbrock', 'rosenbrock', [-1.5, 2.0], {}, 30),
    ('himmelblau', 'himmelblau', [-0.35, -0.75], {}, 20),
    ('beale', 'beale', [1.0, 1.5], {}, 20),
    ('booth from (0, 8)', 'booth', [0.0, 8.0], {}, 20),
    ('rosenbrock 4-D adaptive', 'rosenbrock', [-1.2, 1.0, -1.2, 1.0], {'adaptive': True}, 25),
]


def simplex_after(surface, start, options, iterations):
    """scipy's sorted simplex and values after `iterations` passes, the points evaluated by then, and nit."""
    function = plain(SURFACES[surface])
    evaluated = []

    def counted(x):
        evaluated.append([float(value) for value in x])
        return function(x)

    result = minimize(counted, np.array(start, dtype=float), method='Nelder-Mead', options={**options, 'maxiter': iterations + 1})
    simplex, values = result.final_simplex
    return {
        'simplex': [float(v) for v in simplex.ravel()],
        'values': [float(v) for v in values],
        'nit': int(result.nit) - 1,
        'evaluated': evaluated,
    }


def case(name, surface, start, options, iterations):
    steps = [simplex_after(surface, start, options, k) for k in range(iterations + 1)]
    for k, step in enumerate(steps):
        assert step['nit'] == k, f'{name}: scipy stopped at {step["nit"]} < {k}'
    # iteration k's evaluations: those of run k beyond run k - 1's (the runs agree on their common prefix)
    for k in range(1, len(steps)):
        previous = steps[k - 1]['evaluated']
        assert steps[k]['evaluated'][:len(previous)] == previous
        steps[k]['iterationEvaluations'] = steps[k]['evaluated'][len(previous):]
    return {
        'name': name,
        'surface': surface,
        'start': start,
        'hyper': options,
        'steps': [{'simplex': s['simplex'], 'values': s['values'], 'evaluated': s.get('iterationEvaluations', [])} for s in steps],
    }


if __name__ == '__main__':
    golden = {'scipy': scipy.__version__, 'generator': 'scripts/references/scipy_nelder_mead_simplex.py',
              'cases': [case(*arguments) for arguments in CASES]}
    with open(OUT, 'w') as handle:
        json.dump(golden, handle, separators=(',', ':'))
        handle.write('\n')
    print(OUT, os.path.getsize(OUT), 'bytes')
