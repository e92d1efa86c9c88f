"""Logistic regression references for src/engine/methods/second-order/logistic.golden.test.ts (numpy, scipy 1.10).

The model, written here in numpy: p = sigmoid(X theta) with X = [features, 1] (the weights in feature
order, then the bias), mean binary cross-entropy f = mean(log(1 + e^z) - y z), gradient
X^T (p - y) / n, Hessian X^T diag(p (1 - p)) X / n.

1. `irls`: iteratively reweighted least squares from the origin, theta <- theta + (X^T W X)^-1 X^T (y - p)
   (the weighted least-squares form of Newton's step, solved by numpy.linalg.solve), every iterate
   and its f, until the gradient's largest entry is below 1e-13 or 25 steps.
2. `optimum`: scipy.optimize.minimize(method='trust-exact') on the same f with its exact gradient and
   Hessian, gtol 1e-12: f*, the minimiser and the gradient there; and sklearn-free, so the three
   data sets (overlapping blobs, four features, a nearly separable set whose minimiser is large) are
   generated here with numpy.

Run:  /usr/bin/python3 scripts/references/scipy_logistic.py
Writes src/engine/methods/second-order/logistic.golden.json (deterministic, repr floats).
"""

import json
import os

import numpy as np
import scipy
import scipy.optimize
from scipy.special import expit

OUTPUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'src', 'engine', 'methods', 'second-order',
                      'logistic.golden.json')


def functions(x, y):
    design = np.hstack([x, np.ones((x.shape[0], 1))])
    n = x.shape[0]

    def f(theta):
        z = design @ theta
        return float(np.mean(np.logaddexp(0, z) - y * z))

    def gradient(theta):
        return design.T @ (expit(design @ theta) - y) / n

    def hessian(theta):
        p = expit(design @ theta)
        return (design.T * (p * (1 - p))) @ design / n

    return design, f, gradient, hessian


def irls(x, y):
    design, f, gradient, _ = functions(x, y)
    theta = np.zeros(design.shape[1])
    path, losses = [theta.tolist()], [f(theta)]
    for _ in range(25):
        if np.max(np.abs(gradient(theta))) < 1e-13:
            break
        p = expit(design @ theta)
        weights = p * (1 - p)
        # the weighted least-squares normal equations of IRLS: (Xᵀ W X) Δ = Xᵀ (y − p)
        theta = theta + np.linalg.solve((design.T * weights) @ design, design.T @ (y - p))
        path.append(theta.tolist())
        losses.append(f(theta))
    return path, losses


def case(name, x, y):
    design, f, gradient, hessian = functions(x, y)
    path, losses = irls(x, y)
    fit = scipy.optimize.minimize(f, np.zeros(design.shape[1]), jac=gradient, hess=hessian, method='trust-exact',
                                  options={'gtol': 1e-12, 'maxiter': 1000})
    return {'name': name, 'rows': x.shape[0], 'columns': x.shape[1], 'x': x.reshape(-1).tolist(), 'y': y.tolist(),
            'irls': {'trajectory': path, 'loss': losses},
            'optimum': {'value': float(fit.fun), 'point': fit.x.tolist(), 'gradient_max': float(np.max(np.abs(gradient(fit.x)))),
                        'success': bool(fit.success)}}


def main():
    rng = np.random.default_rng(7)
    cases = []
    labels = (rng.random(80) < 0.5).astype(np.float64)
    x = rng.normal(size=(80, 2)) + np.outer(2 * labels - 1, [0.8, -0.5])
    cases.append(case('overlapping blobs, 2 features', x, labels))
    x = rng.normal(size=(120, 4))
    logits = x @ np.array([1.0, -2.0, 0.5, 0.0]) + 0.3
    cases.append(case('4 features', x, (rng.random(120) < expit(logits)).astype(np.float64)))
    x = rng.normal(size=(60, 2))
    margin = x @ np.array([2.0, -1.0]) + 0.2
    y = (margin > 0).astype(np.float64)
    # two points a little inside the boundary flipped: separable but for them, so the minimiser is
    # large but finite
    order = np.argsort(np.abs(margin))
    y[order[[6, 9]]] = 1 - y[order[[6, 9]]]
    cases.append(case('nearly separable', x, y))
    with open(OUTPUT, 'w') as handle:
        json.dump({'generator': 'scripts/references/scipy_logistic.py', 'numpy': np.__version__, 'scipy': scipy.__version__,
                   'cases': cases}, handle)
        handle.write('\n')


if __name__ == '__main__':
    main()
