"""Golden vectors for src/engine/theory/local-quadratic.ts and newton-step.ts: the local quadratic
model's theory numbers (Goh, "Why Momentum Really Works", Distill 2017) at a few points of a few
surfaces, from analytic Hessians and gradients written here by hand and numpy's eigh / solve / eigvals.

For each case: H and g (analytic), eigenvalues ascending and unit eigenvectors (numpy.linalg.eigh,
compared up to sign), kappa = lmax/lmin, 2/lmax, 2/(lmin+lmax), Distill's critical pair
alpha* = (2/(sqrt(lmax)+sqrt(lmin)))^2, beta* = ((sqrt(kappa)-1)/(sqrt(kappa)+1))^2, the Newton step
-H^{-1} g (numpy.linalg.solve), and, for a learning rate and momentum of the case, gradient descent's
rate max|1 - alpha*lambda| and heavy-ball's spectral radius of [[beta, lambda], [-alpha*beta, 1 - alpha*lambda]]
(numpy.linalg.eigvals). Writes src/engine/theory/local-quadratic.golden.json.
"""
import json
import os

import numpy as np


def rosenbrock(x, y, a=1.0, b=100.0):
    gradient = [-2 * (a - x) - 4 * b * x * (y - x * x), 2 * b * (y - x * x)]
    hessian = [[2 - 4 * b * (y - x * x) + 8 * b * x * x, -4 * b * x], [-4 * b * x, 2 * b]]
    return gradient, hessian


def himmelblau(x, y):
    u = x * x + y - 11
    v = x + y * y - 7
    gradient = [4 * x * u + 2 * v, 2 * u + 4 * y * v]
    hessian = [[12 * x * x + 4 * y - 42, 4 * x + 4 * y], [4 * x + 4 * y, 4 * x + 12 * y * y - 26]]
    return gradient, hessian


def bowl(x, y):
    # 3x^2 + 2xy + y^2
    return [6 * x + 2 * y, 2 * x + 2 * y], [[6.0, 2.0], [2.0, 2.0]]


def indefinite(x, y):
    # x^2 + xy - 4y^2
    return [2 * x + y, x - 8 * y], [[2.0, 1.0], [1.0, -8.0]]


CASES = [
    ("rosenbrock", {"kind": "surface", "surface": "rosenbrock", "params": {}}, rosenbrock, [-1.5, 2.0], 1e-3, 0.9),
    ("rosenbrock", {"kind": "surface", "surface": "rosenbrock", "params": {}}, rosenbrock, [1.0, 1.0], 1e-3, 0.5),
    ("rosenbrock", {"kind": "surface", "surface": "rosenbrock", "params": {}}, rosenbrock, [0.3, -0.4], 2e-3, 0.0),
    ("himmelblau", {"kind": "surface", "surface": "himmelblau", "params": {}}, himmelblau, [3.0, 2.0], 0.01, 0.9),
    ("himmelblau", {"kind": "surface", "surface": "himmelblau", "params": {}}, himmelblau, [-0.270845, -0.923039], 0.01, 0.0),
    ("himmelblau", {"kind": "surface", "surface": "himmelblau", "params": {}}, himmelblau, [0.5, 1.0], 0.01, 0.5),
    ("bowl", {"kind": "formula", "expression": "3*x^2 + 2*x*y + y^2"}, bowl, [1.0, -2.0], 0.1, 0.3),
    ("indefinite", {"kind": "formula", "expression": "x^2 + x*y - 4*y^2"}, indefinite, [0.5, 0.25], 0.05, 0.2),
]


def heavy_ball_rate(eigenvalues, alpha, beta):
    return max(max(abs(np.linalg.eigvals(np.array([[beta, lam], [-alpha * beta, 1 - alpha * lam]])))) for lam in eigenvalues)


def case(name, problem, surface, point, alpha, beta):
    gradient, hessian = surface(*point)
    h = np.array(hessian, dtype=float)
    g = np.array(gradient, dtype=float)
    eigenvalues, eigenvectors = np.linalg.eigh(h)
    lmin, lmax = eigenvalues[0], eigenvalues[-1]
    positive = lmin > 0
    kappa = lmax / lmin if positive else None
    out = {
        "name": name,
        "problem": problem,
        "point": point,
        "gradient": g.tolist(),
        "hessian": h.ravel().tolist(),
        "eigenvalues": eigenvalues.tolist(),
        "eigenvectors": eigenvectors.T.ravel().tolist(),
        "conditionNumber": kappa,
        "largestStableLearningRate": 2 / lmax if lmax > 0 else None,
        "optimalLearningRate": 2 / (lmin + lmax) if positive else None,
        "criticalLearningRate": (2 / (np.sqrt(lmax) + np.sqrt(lmin))) ** 2 if positive else None,
        "criticalMomentum": ((np.sqrt(kappa) - 1) / (np.sqrt(kappa) + 1)) ** 2 if positive else None,
        "newtonStep": (-np.linalg.solve(h, g)).tolist(),
        "learningRate": alpha,
        "momentum": beta,
        "gradientDescentRate": float(max(abs(1 - alpha * eigenvalues))),
        "heavyBallRate": float(heavy_ball_rate(eigenvalues, alpha, beta)),
    }
    return out


def main():
    cases = [case(*arguments) for arguments in CASES]
    path = os.path.join(os.path.dirname(__file__), "..", "..", "src", "engine", "theory", "local-quadratic.golden.json")
    with open(path, "w") as file:
        json.dump({"generator": "scripts/references/numpy_local_quadratic.py", "numpy": np.__version__, "cases": cases}, file, indent=1)
        file.write("\n")


if __name__ == "__main__":
    main()
