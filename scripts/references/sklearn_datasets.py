"""Reference for the generated data sets: sklearn's deterministic outputs (Debian python3-sklearn 1.2.1).

sklearn's random stream cannot be reproduced in TypeScript, so only what sklearn builds without
randomness is recorded: make_moons and make_circles with noise=None and shuffle=False (every point is
deterministic), and the labels of make_blobs and make_classification with shuffle=False and
flip_y=0 (deterministic: they give the rows per cluster, in order). Plus the split sizes of
train_test_split(test_size=fraction) and StandardScaler on a fixed matrix. The playground's tests
compare its generators, split and standardization with these.

Run:  /usr/bin/python3 scripts/references/sklearn_datasets.py
Writes src/engine/data/sklearn.golden.json
"""

import json
import os

import numpy as np
import sklearn
from sklearn.datasets import make_blobs, make_circles, make_classification, make_moons
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'src', 'engine', 'data', 'sklearn.golden.json')


def moons(samples):
    X, y = make_moons(n_samples=samples, shuffle=False, noise=None)
    return {'samples': samples, 'features': X.ravel().tolist(), 'targets': y.tolist()}


def circles(samples, factor):
    X, y = make_circles(n_samples=samples, shuffle=False, noise=None, factor=factor)
    return {'samples': samples, 'factor': factor, 'features': X.ravel().tolist(), 'targets': y.tolist()}


def blobs(samples, centers, n_features):
    _, y = make_blobs(n_samples=samples, centers=centers, n_features=n_features, shuffle=False, random_state=0)
    return {'samples': samples, 'centers': centers, 'n_features': n_features, 'targets': y.tolist()}


def classification(samples, n_classes, n_clusters_per_class, n_informative):
    _, y = make_classification(n_samples=samples, n_features=n_informative, n_informative=n_informative, n_redundant=0,
                               n_repeated=0, n_classes=n_classes, n_clusters_per_class=n_clusters_per_class,
                               flip_y=0, shuffle=False, random_state=0)
    return {'samples': samples, 'n_classes': n_classes, 'n_clusters_per_class': n_clusters_per_class,
            'n_informative': n_informative, 'targets': y.tolist()}


def split(rows, fraction):
    _, test = train_test_split(np.arange(rows), test_size=fraction, random_state=0)
    return {'rows': rows, 'fraction': fraction, 'validation': len(test)}


def scaler():
    rng = np.random.default_rng(11)
    train = rng.normal(loc=[3.0, -2.0, 7.0], scale=[2.0, 0.5, 1.0], size=(9, 3))
    train[:, 2] = 7.0  # a constant column: StandardScaler keeps its scale at 1
    validation = rng.normal(size=(4, 3))
    model = StandardScaler().fit(train)
    return {'train': train.ravel().tolist(), 'validation': validation.ravel().tolist(), 'columns': 3,
            'mean': model.mean_.tolist(), 'scale': model.scale_.tolist(),
            'train_z': model.transform(train).ravel().tolist(), 'validation_z': model.transform(validation).ravel().tolist()}


def main():
    golden = {
        'sklearn': sklearn.__version__,
        'moons': [moons(n) for n in (1, 2, 3, 7, 8, 25, 200)],
        'circles': [circles(n, f) for n, f in ((1, 0.8), (2, 0.5), (7, 0.3), (8, 0.8), (25, 0.5), (200, 0.5))],
        'blobs': [blobs(n, k, d) for n, k, d in ((10, 3, 2), (11, 4, 2), (7, 7, 1), (100, 3, 5), (5, 2, 3))],
        'classification': [classification(n, c, k, d) for n, c, k, d in
                           ((100, 2, 2, 2), (101, 3, 1, 2), (97, 2, 1, 2), (50, 3, 2, 3), (13, 4, 1, 2), (200, 5, 3, 4))],
        'splits': [split(n, f) for n, f in ((10, 0.2), (10, 0.25), (7, 0.5), (200, 0.1), (3, 0.34), (101, 0.333))],
        'scaler': scaler(),
    }
    with open(OUT, 'w') as handle:
        json.dump(golden, handle, indent=1)
        handle.write('\n')


if __name__ == '__main__':
    main()
