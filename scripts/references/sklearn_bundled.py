"""The bundled real data sets: sklearn's own copies (Debian python3-sklearn 1.2.1), written as CSV.

Each set is loaded with sklearn.datasets.load_* from the files sklearn ships (no download) and written
to public/datasets/<name>.csv: a header of sklearn's feature names and `target`, one row per sample,
numbers in their shortest round-trip form (Python's repr; integral values without ".0"), the target
as sklearn's class index (classification) or value (regression). The app fetches these files and the
CLI reads them from disk; src/engine/data/bundled.ts names the classes.

diabetes is written unscaled (load_diabetes(scaled=False): age in years, sex 1/2, BMI, ...): sklearn's
default divides each centred column by its standard deviation times sqrt(442), which only the
playground's standardize option should do, and the raw values are what the source publishes.

Also writes src/engine/data/bundled.golden.json with what sklearn says about each set (shape, feature
names, class counts, sums, the first row) so the tests can check that the CSV files parse back to
exactly sklearn's arrays, independently of the TypeScript reader.

Run:  /usr/bin/python3 scripts/references/sklearn_bundled.py
"""

import json
import math
import os

import numpy as np
import sklearn
from sklearn.datasets import load_breast_cancer, load_diabetes, load_digits, load_iris, load_wine

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..')
CSV_DIR = os.path.join(ROOT, 'public', 'datasets')
GOLDEN = os.path.join(ROOT, 'src', 'engine', 'data', 'bundled.golden.json')

# name -> (loader, task)
SETS = {
    'iris': (lambda: load_iris(), 'classification'),
    'wine': (lambda: load_wine(), 'classification'),
    'breast_cancer': (lambda: load_breast_cancer(), 'classification'),
    'diabetes': (lambda: load_diabetes(scaled=False), 'regression'),
    'digits': (lambda: load_digits(), 'classification'),
}


def number(value):
    """The shortest text that reads back as the same float64 (integral values without '.0')."""
    value = float(value)
    if not math.isfinite(value):
        raise ValueError(f'non-finite value {value}')
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


def quoted(name):
    """A CSV header cell: quoted only when it holds a comma, a quote or a line break (RFC 4180)."""
    if any(c in name for c in ',"\n\r'):
        return '"' + name.replace('"', '""') + '"'
    return name


def write_csv(path, feature_names, X, y):
    lines = [','.join(quoted(name) for name in list(feature_names) + ['target'])]
    for row, target in zip(X, y):
        lines.append(','.join(number(v) for v in row) + ',' + number(target))
    with open(path, 'w', newline='\n') as f:
        f.write('\n'.join(lines) + '\n')


def main():
    os.makedirs(CSV_DIR, exist_ok=True)
    golden = {'sklearn': sklearn.__version__, 'numpy': np.__version__, 'sets': {}}
    for name, (load, task) in SETS.items():
        bunch = load()
        X = np.asarray(bunch.data, dtype=np.float64)
        y = np.asarray(bunch.target, dtype=np.float64)
        feature_names = [str(n) for n in bunch.feature_names]
        path = os.path.join(CSV_DIR, f'{name}.csv')
        write_csv(path, feature_names, X, y)
        entry = {
            'file': f'{name}.csv',
            'bytes': os.path.getsize(path),
            'task': task,
            'rows': int(X.shape[0]),
            'columns': int(X.shape[1]),
            'feature_names': feature_names,
            # math.fsum: the exactly rounded sum, so the TypeScript side can compare to the last bit
            'feature_sum': math.fsum(X.ravel().tolist()),
            'column_sums': [math.fsum(X[:, j].tolist()) for j in range(X.shape[1])],
            'target_sum': math.fsum(y.tolist()),
            'first_row': X[0].tolist(),
            'first_target': float(y[0]),
            'last_row': X[-1].tolist(),
            'last_target': float(y[-1]),
        }
        if task == 'classification':
            entry['class_names'] = [str(n) for n in bunch.target_names]
            entry['class_counts'] = np.bincount(bunch.target.astype(int)).tolist()
        golden['sets'][name] = entry
        print(f'{name}: {X.shape[0]} x {X.shape[1]}, {entry["bytes"]} bytes')
    with open(GOLDEN, 'w') as f:
        json.dump(golden, f, indent=1)
        f.write('\n')
    total = sum(entry['bytes'] for entry in golden['sets'].values())
    print(f'total {total} bytes; wrote {os.path.relpath(GOLDEN, ROOT)}')


if __name__ == '__main__':
    main()
