"""Golden eigenvalues for src/engine/diagnosis/eigenvalues.ts, computed with NumPy's LAPACK.

numpy.linalg.eigvalsh (LAPACK syevd) on symmetric matrices: random ones of several sizes (the
largest past JACOBI_MAX_DIMENSION, where only λmax is computed, by power iteration), ones with
repeated, negative and widely spread eigenvalues, and Hessians the diagnosis meets: Rosenbrock's
(a = 1, b = 100) at its suggested start (-1.5, 2), written here from the formula
f = (1 - x)^2 + 100 (y - x^2)^2, and the chained 10-D Rosenbrock's at a random point and at
(-1.5, 2, -1.5, 2, ...), where the diagnosis tests start.

Run:  /usr/bin/python3 scripts/golden/eigenvalues.py
Writes src/engine/diagnosis/eigenvalues.golden.json (deterministic, repr floats).
"""

import json
import os

import numpy as np

OUTPUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'src', 'engine', 'diagnosis', 'eigenvalues.golden.json')
SEED = 20260612


def case(name, matrix):
    matrix = np.asarray(matrix, dtype=np.float64)
    assert np.array_equal(matrix, matrix.T)
    return {
        'name': name,
        'dimension': int(matrix.shape[0]),
        'matrix': [float(v) for v in matrix.ravel()],
        'eigenvalues': [float(v) for v in np.linalg.eigvalsh(matrix)],
    }


def random_symmetric(rng, n, spread=1.0):
    a = rng.normal(size=(n, n)) * spread
    return (a + a.T) / 2


def rosenbrock_hessian(x, y, a=1.0, b=100.0):
    return [[2 - 4 * b * (y - x * x) + 8 * b * x * x, -4 * b * x], [-4 * b * x, 2 * b]]


def chained_rosenbrock_hessian(point, a=1.0, b=100.0):
    n = len(point)
    h = np.zeros((n, n))
    for i in range(n - 1):
        x, nxt = point[i], point[i + 1]
        h[i, i] += 2 - 4 * b * (nxt - x * x) + 8 * b * x * x
        h[i, i + 1] += -4 * b * x
        h[i + 1, i] += -4 * b * x
        h[i + 1, i + 1] += 2 * b
    return h


def main():
    rng = np.random.default_rng(SEED)
    cases = []
    for n in (2, 3, 4, 7, 12, 30):
        cases.append(case(f'random {n}x{n}', random_symmetric(rng, n)))
    cases.append(case('random 70x70 (power iteration)', random_symmetric(rng, 70) + 3 * np.eye(70)))
    cases.append(case('negative definite 5x5', -(lambda q: q @ q.T)(rng.normal(size=(5, 5))) - np.eye(5)))
    q, _ = np.linalg.qr(rng.normal(size=(6, 6)))
    cases.append(case('repeated eigenvalues 6x6', (lambda m: (m + m.T) / 2)(q @ np.diag([2.0, 2.0, 2.0, -1.0, 5.0, 5.0]) @ q.T)))
    q, _ = np.linalg.qr(rng.normal(size=(4, 4)))
    cases.append(case('spread 1e-3..1e6 4x4', (lambda m: (m + m.T) / 2)(q @ np.diag([1e-3, 1.0, 1e3, 1e6]) @ q.T)))
    cases.append(case('diagonal 2x2', [[3.0, 0.0], [0.0, -7.0]]))
    cases.append(case('rosenbrock at (-1.5, 2)', rosenbrock_hessian(-1.5, 2.0)))
    cases.append(case('rosenbrock at (1, 1)', rosenbrock_hessian(1.0, 1.0)))
    point = rng.uniform(-1.5, 1.5, size=10)
    cases.append(case('chained rosenbrock 10-D', chained_rosenbrock_hessian(point)))
    cases.append(case('chained rosenbrock 10-D at (-1.5, 2, -1.5, 2, ...)', chained_rosenbrock_hessian([-1.5, 2.0] * 5)))
    with open(OUTPUT, 'w') as handle:
        json.dump({'generator': 'scripts/golden/eigenvalues.py', 'numpy': np.__version__, 'cases': cases}, handle, separators=(',', ':'))
        handle.write('\n')
    print(f'wrote {len(cases)} cases to {os.path.relpath(OUTPUT)}')


if __name__ == '__main__':
    main()
