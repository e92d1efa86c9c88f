"""Reference for the step inspector's Powell state: scipy's direction set and point after k iterations.

For each case, scipy.optimize.minimize(method="Powell") (Debian's python3-scipy 1.10.1) runs with options
maxiter = k for k = 1, 2, ... until scipy would stop by its own test first; scipy breaks out of its loop
after the k-th iteration's line searches, before that iteration's extrapolation, which the playground
makes at the start of the next step, so result.direc is the direction set our inspection shows at step k
and result.x the point. nfev is recorded too (the inspection's evaluations per step are its differences).
The surfaces and their floating-point formulas are scipy_gradient_free.py's.

Run:  /usr/bin/python3 scripts/references/scipy_powell_directions.py
Writes: src/engine/methods/gradient-free/powell-directions.golden.json
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
                   'powell-directions.golden.json')

# (name, surface, start, options, K): at most K iterations
CASES = [
    ('rosenbrock', 'rosenbrock', [-1.5, 2.0], {}, 25),
    ('himmelblau', 'himmelblau', [-0.35, -0.75], {}, 10),
    ('beale', 'beale', [1.0, 1.5], {}, 15),
    ('rosenbrock 4-D', 'rosenbrock', [-1.2, 1.0, -1.2, 1.0], {}, 15),
]


def after(surface, start, options, iterations):
    result = minimize(plain(SURFACES[surface]), np.array(start, dtype=float), method='Powell', options={**options, 'maxiter': iterations})
    return {'nit': int(result.nit), 'x': [float(v) for v in result.x], 'fun': float(result.fun), 'nfev': int(result.nfev),
            'direc': [float(v) for v in np.asarray(result.direc).ravel()]}


def case(name, surface, start, options, iterations):
    steps = []
    for k in range(1, iterations + 1):
        step = after(surface, start, options, k)
        if step['nit'] != k:
            break  # scipy's own test stopped it before k iterations
        steps.append(step)
    return {'name': name, 'surface': surface, 'start': start, 'hyper': options, 'steps': steps}


if __name__ == '__main__':
    golden = {'scipy': scipy.__version__, 'generator': 'scripts/references/scipy_powell_directions.py',
              'cases': [case(*arguments) for arguments in CASES]}
    with open(OUT, 'w') as handle:
        json.dump(golden, handle, separators=(',', ':'))
        handle.write('\n')
    for entry in golden['cases']:
        print(entry['name'], len(entry['steps']), 'iterations')
    print(OUT, os.path.getsize(OUT), 'bytes')
