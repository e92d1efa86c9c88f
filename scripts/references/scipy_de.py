"""Reference for differential_evolution: scipy.optimize.differential_evolution's cost to a target.

scipy's random stream cannot be reproduced in TypeScript, so the check is statistical: scipy (1.10,
strategy='best1bin' and its defaults popsize=15, mutation=(0.5, 1), recombination=0.7,
init='latinhypercube', updating='immediate'; polish=False; tol=atol=0 so that only the target
stops it) runs on four 2-D surfaces, written here from their canonical formulas, over 25 seeds, with
bounds = the playground's initial box (the start ± init_radius) and x0 = the start (scipy puts x0 in
row 0 of the first population, as the playground does). For each seed it records the number of
function evaluations (scipy's nfev: every call of f, the initial population's included) made when
f − f* < TARGET first held, or null when MAX_EVALUATIONS ran out first. The playground's test runs
its own DE from the same start and box over 25 seeds and requires the same success rate and a median
cost within 1.5x of scipy's.

Run:  /usr/bin/python3 scripts/references/scipy_de.py
Writes src/engine/methods/gradient-free/differential-evolution.golden.json
"""

import json
import os

import numpy as np
import scipy
from scipy.optimize import differential_evolution

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'src', 'engine', 'methods', 'gradient-free',
                   'differential-evolution.golden.json')
TARGET = 1e-6
SEEDS = 25
MAX_EVALUATIONS = 30000

SURFACES = {
    'rosenbrock': (lambda x, y: (1 - x)**2 + 100 * (y - x**2)**2, 0.0),
    'himmelblau': (lambda x, y: (x**2 + y - 11)**2 + (x + y**2 - 7)**2, 0.0),
    'booth': (lambda x, y: (x + 2 * y - 7)**2 + (2 * x + y - 5)**2, 0.0),
    'beale': (lambda x, y: (1.5 - x + x * y)**2 + (2.25 - x + x * y**2)**2 + (2.625 - x + x * y**3)**2, 0.0),
}

# start and init_radius per surface: each box holds a global minimum well inside it
CASES = [
    {'surface': 'rosenbrock', 'start': [-1.5, 2.0], 'init_radius': 3.0},
    {'surface': 'himmelblau', 'start': [0.0, 0.0], 'init_radius': 5.0},
    {'surface': 'booth', 'start': [0.0, 0.0], 'init_radius': 5.0},
    {'surface': 'beale', 'start': [1.0, 1.0], 'init_radius': 3.5},
]


class Reached(Exception):
    pass


def evaluations_to_target(function, minimum, start, radius, seed):
    count = [0]

    def counted(point):
        count[0] += 1
        value = function(point[0], point[1])
        if value - minimum < TARGET:
            raise Reached()
        return value

    bounds = [(s - radius, s + radius) for s in start]
    try:
        differential_evolution(counted, bounds, strategy='best1bin', popsize=15, mutation=(0.5, 1), recombination=0.7,
                               tol=0, atol=0, polish=False, init='latinhypercube', updating='immediate', x0=start,
                               seed=seed, maxiter=MAX_EVALUATIONS // 30)
    except Reached:
        return count[0]
    return None


def main():
    cases = []
    for case in CASES:
        function, minimum = SURFACES[case['surface']]
        counts = [evaluations_to_target(function, minimum, case['start'], case['init_radius'], seed) for seed in range(SEEDS)]
        reached = sorted(c for c in counts if c is not None)
        median = float(np.median(reached)) if reached else None
        print(f"{case['surface']}: success {len(reached)}/{SEEDS}, median nfev {median}")
        cases.append({**case, 'minimum': minimum, 'evaluations': counts, 'success_rate': len(reached) / SEEDS, 'median_evaluations': median})
    payload = {'generator': 'scripts/references/scipy_de.py', 'scipy': scipy.__version__, 'target': TARGET, 'seeds': SEEDS,
               'max_evaluations': MAX_EVALUATIONS, 'cases': cases}
    with open(OUT, 'w') as handle:
        json.dump(payload, handle, indent=1)
        handle.write('\n')


if __name__ == '__main__':
    main()
