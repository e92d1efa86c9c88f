"""Least-squares references for src/engine/methods/least-squares/ (numpy, scipy 1.10, torch 1.13, float64).

1. `solves`: linear regression designs [X, 1] solved by numpy.linalg.lstsq (LAPACK's SVD-based
   gelsd, least-norm when rank deficient): the one-step least_squares must land on its solution
   from the recorded start. Sets: 1-D line with intercept, multivariate, an ill-conditioned design
   (nearly collinear, badly scaled columns), a duplicated column and fewer rows than parameters
   (both rank deficient, from the origin, where the least-norm step is the least-norm solution).
2. `gauss_newton`: Gauss-Newton written again here on MLP-MSE residuals r_i = (o_i - y_i)/sqrt(n)
   (plus sqrt(weight_decay/2) w per weight), the MLP and its Jacobian by torch
   (torch.autograd.functional.jacobian), the step by numpy.linalg.lstsq, the Armijo backtracking
   as documented in gauss-newton.ts. Iterates, f = sum r^2, and the prefix of the path that a 1e-13
   nudge of the start moves by less than 1e-10 (`compare`).
3. `optima`: scipy.optimize.least_squares(method='lm') (MINPACK's lmder) from the same start on the
   same residuals and Jacobian, tolerances at 1e-15: f* = 2 * cost (scipy's cost is half the sum
   of squares), the minimiser, and the same problem's data.

Run:  /usr/bin/python3 scripts/references/numpy_least_squares.py
Writes src/engine/methods/least-squares/least-squares.golden.json (deterministic, repr floats).
"""

import json
import os

import numpy as np
import scipy
import scipy.optimize
import torch

torch.set_default_dtype(torch.float64)

OUTPUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'src', 'engine', 'methods', 'least-squares',
                      'least-squares.golden.json')
ACTIVATIONS = {'tanh': torch.tanh, 'sigmoid': torch.sigmoid}
MAX_BACKTRACKS = 40


def solve_case(name, x, y, start):
    rows, columns = x.shape
    design = np.hstack([x, np.ones((rows, 1))])
    solution, _, rank, singular = np.linalg.lstsq(design, y, rcond=None)
    loss = float(np.mean((design @ solution - y) ** 2))
    return {'name': name, 'rows': rows, 'columns': columns, 'x': x.reshape(-1).tolist(), 'y': y.tolist(),
            'start': [float(v) for v in start], 'solution': solution.tolist(), 'loss': loss, 'rank': int(rank),
            'condition': float(singular[0] / singular[-1]) if rank == design.shape[1] else None}


def solves(rng):
    cases = []
    x = rng.uniform(-3, 3, size=(30, 1))
    y = 2 * x[:, 0] - 1 + 0.5 * rng.normal(size=30)
    cases.append(solve_case('1-D line with intercept', x, y, rng.normal(size=2) * 3))
    x = rng.normal(size=(80, 5))
    y = x @ np.array([1.5, -2, 0.3, 0, 4]) + 0.7 + 0.2 * rng.normal(size=80)
    cases.append(solve_case('multivariate, 5 features', x, y, rng.normal(size=6)))
    base = rng.normal(size=(60, 2))
    x = np.column_stack([base[:, 0], base[:, 0] + 1e-4 * base[:, 1], 1e3 * rng.normal(size=60), 1e-2 * rng.normal(size=60)])
    y = x @ np.array([1, 2, 1e-3, 30]) + 0.01 * rng.normal(size=60)
    cases.append(solve_case('ill-conditioned: nearly collinear, badly scaled columns', x, y, rng.normal(size=5)))
    base = rng.normal(size=(40, 2))
    x = np.column_stack([base, base[:, 0]])
    y = x @ np.array([1, -1, 1]) + 0.3 * rng.normal(size=40)
    cases.append(solve_case('rank deficient: a duplicated column, from the origin', x, y, np.zeros(4)))
    x = rng.normal(size=(4, 6))
    y = rng.normal(size=4)
    cases.append(solve_case('rank deficient: 4 rows, 7 parameters, from the origin', x, y, np.zeros(7)))
    return cases


def mlp_problem(name, rng, hidden, activation, rows, features, weight_decay=0.0):
    x = rng.uniform(-2, 2, size=(rows, features))
    y = np.sin(1.5 * x.sum(axis=1)) + 0.3 * x[:, 0] + 0.05 * rng.normal(size=rows)
    widths = [features] + hidden + [1]
    start = []
    for i in range(1, len(widths)):
        bound = np.sqrt(6 / (widths[i - 1] + widths[i]))
        start += list(rng.uniform(-bound, bound, size=widths[i] * widths[i - 1]))
        start += list(0.1 * rng.normal(size=widths[i]))
    return {'name': name, 'model': {'kind': 'mlp', 'hidden': hidden, 'activation': activation, 'loss': 'mse',
                                    'weight_decay': weight_decay},
            'rows': rows, 'columns': features, 'x': x.reshape(-1).tolist(), 'y': y.tolist(),
            'start': [float(v) for v in start]}


def residual_function(problem):
    """r(theta) and its Jacobian, from torch modules written here (nn.Linear's layout: weight then bias)."""
    x = torch.tensor(problem['x']).reshape(problem['rows'], problem['columns'])
    y = torch.tensor(problem['y'])
    model = problem['model']
    widths = [problem['columns']] + model['hidden'] + [1]
    activation = ACTIVATIONS[model['activation']]
    root = np.sqrt(model['weight_decay'] / 2)

    def residuals(theta):
        offset = 0
        h = x
        weights = []
        for layer in range(1, len(widths)):
            inputs, outputs = widths[layer - 1], widths[layer]
            weight = theta[offset:offset + outputs * inputs].reshape(outputs, inputs)
            offset += outputs * inputs
            bias = theta[offset:offset + outputs]
            offset += outputs
            weights.append(weight.reshape(-1))
            h = torch.nn.functional.linear(h, weight, bias)
            if layer < len(widths) - 1:
                h = activation(h)
        r = (h.reshape(-1) - y) / np.sqrt(problem['rows'])
        if root > 0:
            r = torch.cat([r] + [root * w for w in weights])
        return r

    def fun(theta):
        return residuals(torch.tensor(theta)).numpy()

    def jac(theta):
        return torch.autograd.functional.jacobian(residuals, torch.tensor(theta)).numpy()

    return fun, jac


def gauss_newton_path(fun, jac, start, steps, line_search, lr=1.0, c=1e-4, shrink=0.5):
    x = np.array(start, dtype=np.float64)
    r = fun(x)
    f = float(r @ r)
    path, losses = [x.tolist()], [f]
    for _ in range(steps):
        jacobian = jac(x)
        direction = np.linalg.lstsq(jacobian, -r, rcond=None)[0]
        slope = float(2 * (jacobian.T @ r) @ direction)
        if line_search == 'none':
            x = x + lr * direction
        else:
            alpha = lr
            for _ in range(MAX_BACKTRACKS):
                trial = x + alpha * direction
                tr = fun(trial)
                if tr @ tr <= f + c * alpha * slope:
                    x = trial
                    break
                alpha *= shrink
        r = fun(x)
        f = float(r @ r)
        path.append(x.tolist())
        losses.append(f)
    return path, losses


def stable_prefix(path, nudged, tolerance=1e-10):
    for k, (a, b) in enumerate(zip(path, nudged)):
        a, b = np.array(a), np.array(b)
        if np.max(np.abs(a - b) / np.maximum(np.abs(a), 1)) > tolerance:
            return k
    return len(path)


def gauss_newton_cases(problems):
    cases = []
    for problem, line_search, steps in [(problems[0], 'none', 8), (problems[0], 'backtracking', 12), (problems[1], 'backtracking', 12),
                                        (problems[2], 'backtracking', 12)]:
        fun, jac = residual_function(problem)
        path, losses = gauss_newton_path(fun, jac, problem['start'], steps, line_search)
        nudged_start = np.array(problem['start']) * (1 + 1e-13)
        nudged, _ = gauss_newton_path(fun, jac, nudged_start, steps, line_search)
        cases.append({'name': f"{problem['name']}, {line_search}", 'problem': problem['name'], 'line_search': line_search,
                      'trajectory': path, 'loss': losses, 'compare': stable_prefix(path, nudged)})
    return cases


def optima(problems):
    results = []
    for problem in problems:
        fun, jac = residual_function(problem)
        fit = scipy.optimize.least_squares(fun, np.array(problem['start']), jac=jac, method='lm', xtol=1e-15, ftol=1e-15,
                                           gtol=1e-15, max_nfev=5000)
        r = fun(fit.x)
        results.append({'problem': problem['name'], 'value': float(2 * fit.cost), 'point': fit.x.tolist(),
                        'gradient_max': float(np.max(np.abs(2 * jac(fit.x).T @ r))), 'nfev': int(fit.nfev), 'status': int(fit.status)})
    return results


def main():
    rng = np.random.default_rng(11)
    problems = [
        mlp_problem('mlp 1-3-1 tanh, MSE, weight_decay 0.001', rng, [3], 'tanh', 40, 1, weight_decay=0.001),
        mlp_problem('mlp 2-4-1 sigmoid, MSE, weight_decay 0.001', rng, [4], 'sigmoid', 50, 2, weight_decay=0.001),
        mlp_problem('mlp 1-4-1 tanh, MSE, weight_decay 0.01', rng, [4], 'tanh', 30, 1, weight_decay=0.01),
    ]
    golden = {'generator': 'scripts/references/numpy_least_squares.py', 'numpy': np.__version__, 'scipy': scipy.__version__,
              'max_backtracks': MAX_BACKTRACKS, 'solves': solves(rng), 'problems': problems,
              'gauss_newton': gauss_newton_cases(problems), 'optima': optima(problems)}
    with open(OUTPUT, 'w') as handle:
        json.dump(golden, handle)
        handle.write('\n')


if __name__ == '__main__':
    main()
