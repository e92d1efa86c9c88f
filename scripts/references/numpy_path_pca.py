"""Golden vectors for src/engine/landscape/path-pca.ts: the top two principal components of an
optimizer path's deviations from its final point (Li et al. 2018, section 7), by numpy's SVD.

Rows: theta_k - theta_final for every point but the last, centred by their mean (as scikit-learn's
PCA centres). Components are compared up to sign. Writes
src/engine/landscape/path-pca.golden.json.
"""
import json
import os

import numpy as np


def path_pca(path):
    deviations = path[:-1] - path[-1]
    centred = deviations - deviations.mean(axis=0)
    _, singular, vt = np.linalg.svd(centred, full_matrices=False)
    variance = singular ** 2
    return vt[:2], variance[:2] / variance.sum()


def make_path(rng, points, dimension):
    # a damped walk towards a point, with a curl: a path that is not on one line
    theta = rng.normal(size=dimension) * 2.0
    target = rng.normal(size=dimension)
    rotation = np.linalg.qr(rng.normal(size=(dimension, dimension)))[0]
    path = [theta.copy()]
    for k in range(points - 1):
        step = 0.15 * (target - theta) + 0.05 * rotation @ (theta - target) + 0.02 * rng.normal(size=dimension)
        theta = theta + step
        path.append(theta.copy())
    return np.array(path)


def main():
    rng = np.random.default_rng(11)
    cases = []
    for points, dimension in [(30, 7), (60, 40), (12, 300)]:
        path = make_path(rng, points, dimension)
        components, ratio = path_pca(path)
        cases.append({
            "points": points,
            "dimension": dimension,
            "path": path.ravel().tolist(),
            "components": components.tolist(),
            "explained_variance_ratio": ratio.tolist(),
        })
    out = os.path.join(os.path.dirname(__file__), "..", "..", "src", "engine", "landscape", "path-pca.golden.json")
    with open(out, "w") as handle:
        json.dump({"generator": "scripts/references/numpy_path_pca.py", "numpy": np.__version__, "cases": cases}, handle)


if __name__ == "__main__":
    main()
