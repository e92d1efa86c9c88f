"""Reference runs of scipy.optimize.minimize's BFGS, CG and Newton-CG (SciPy 1.10.1, Debian).

The surfaces are written here in NumPy from their textbook formulas with analytic gradients and
Hessians, NOT from our TypeScript. Each case records every iterate (the callback), the line-search
trial points of every iteration (the points at which scipy asked for f, in order), the evaluation
counts after every iteration, and the final point, nfev, njev, nhev, nit, status and message.

Counting. scipy evaluates through a ScalarFunction that caches f and ∇f at the last x only. Its
wolfe1 search (MINPACK's dcsrch) asks for f and ∇f at every trial point, which our oracle's
valueAndGradient pays as one f and one ∇f, the same as scipy. Its wolfe2 fallback asks for f first
and for ∇f at that point only if needed; our oracle cannot evaluate ∇f without f, so there we pay
one f more than scipy. `ourFunctionEvaluations` replays scipy's real calls under that rule (per
cached point: ∇f first costs us one f and makes f free; f then ∇f costs us two f unless both were
asked together by wolfe1 or at the start). It equals nfev whenever wolfe2 was not needed.

Chaos. Each case is rerun from the start nudged by 1e-13 (relative); `stableIterates` is the number
of leading iterates on which the two scipy paths agree to 1e-9 (relative, floor 1e-3), trial
points included, with the same evaluation counts, and
`stableCounts` says whether the nudged run made exactly the same evaluations. The tests compare
only what is stable.

Run:  /usr/bin/python3 scripts/references/scipy_quasi_newton.py
Writes src/engine/methods/quasi-newton/scipy-quasi-newton.golden.json.
"""

import json
import math
import os

import numpy as np
import scipy
import scipy.optimize
import scipy.optimize._differentiable_functions as differentiable_functions
import scipy.optimize._optimize as scipy_optimize_module

OUTPUT = os.path.join(
    os.path.dirname(os.path.abspath(__file__)), '..', '..', 'src', 'engine', 'methods', 'quasi-newton',
    'scipy-quasi-newton.golden.json'
)
NUDGE = 1e-13
STABLE_TOLERANCE = 1e-9  # the tests' tolerance
COORDINATE_FLOOR = 1e-3


# ---- surfaces: value, gradient, Hessian -------------------------------------------------------

def rosenbrock(a=1.0, b=100.0):
    """Chained Rosenbrock Σ (a − xᵢ)² + b(xᵢ₊₁ − xᵢ²)² in any dimension ≥ 2."""
    def value(x):
        return float(np.sum((a - x[:-1]) ** 2 + b * (x[1:] - x[:-1] ** 2) ** 2))

    def gradient(x):
        g = np.zeros_like(x)
        offset = x[1:] - x[:-1] ** 2
        g[:-1] += -2 * (a - x[:-1]) - 4 * b * x[:-1] * offset
        g[1:] += 2 * b * offset
        return g

    def hessian(x):
        n = len(x)
        h = np.zeros((n, n))
        for i in range(n - 1):
            h[i, i] += 2 - 4 * b * (x[i + 1] - x[i] ** 2) + 8 * b * x[i] ** 2
            h[i, i + 1] += -4 * b * x[i]
            h[i + 1, i] += -4 * b * x[i]
            h[i + 1, i + 1] += 2 * b
        return h
    return value, gradient, hessian


def himmelblau():
    def value(p):
        x, y = p
        return float((x * x + y - 11) ** 2 + (x + y * y - 7) ** 2)

    def gradient(p):
        x, y = p
        first, second = x * x + y - 11, x + y * y - 7
        return np.array([4 * x * first + 2 * second, 2 * first + 4 * y * second])

    def hessian(p):
        x, y = p
        first, second = x * x + y - 11, x + y * y - 7
        return np.array([[12 * x * x + 4 * y - 42, 4 * x + 4 * y], [4 * x + 4 * y, 4 * x + 12 * y * y - 26]])
    return value, gradient, hessian


def beale():
    constants = (1.5, 2.25, 2.625)

    def residuals(p):
        x, y = p
        return [(c - x + x * y ** k, y ** k - 1, k * x * y ** (k - 1)) for k, c in enumerate(constants, 1)]

    def value(p):
        return float(sum(r * r for r, _, _ in residuals(p)))

    def gradient(p):
        return np.array([sum(2 * r * rx for r, rx, _ in residuals(p)), sum(2 * r * ry for r, _, ry in residuals(p))])

    def hessian(p):
        x, y = p
        xx = xy = yy = 0.0
        for k, (r, rx, ry) in enumerate(residuals(p), 1):
            xx += 2 * rx * rx
            xy += 2 * (rx * ry + r * k * y ** (k - 1))
            yy += 2 * (ry * ry + r * k * (k - 1) * x * (y ** (k - 2) if k >= 2 else 0.0))
        return np.array([[xx, xy], [xy, yy]])
    return value, gradient, hessian


def booth():
    def value(p):
        x, y = p
        return float((x + 2 * y - 7) ** 2 + (2 * x + y - 5) ** 2)

    def gradient(p):
        x, y = p
        first, second = x + 2 * y - 7, 2 * x + y - 5
        return np.array([2 * first + 4 * second, 4 * first + 2 * second])

    def hessian(p):
        return np.array([[10.0, 8.0], [8.0, 10.0]])
    return value, gradient, hessian


def three_hump_camel():
    def value(p):
        x, y = p
        return float(2 * x ** 2 - 1.05 * x ** 4 + x ** 6 / 6 + x * y + y ** 2)

    def gradient(p):
        x, y = p
        return np.array([4 * x - 4.2 * x ** 3 + x ** 5 + y, x + 2 * y])

    def hessian(p):
        x, _ = p
        return np.array([[4 - 12.6 * x ** 2 + 5 * x ** 4, 1.0], [1.0, 2.0]])
    return value, gradient, hessian


def styblinski_tang():
    """½ Σ (xᵢ⁴ − 16xᵢ² + 5xᵢ) in any dimension."""
    def value(x):
        return float(0.5 * np.sum(x ** 4 - 16 * x ** 2 + 5 * x))

    def gradient(x):
        return 2 * x ** 3 - 16 * x + 2.5

    def hessian(x):
        return np.diag(6 * x ** 2 - 16)
    return value, gradient, hessian


SURFACES = {
    'rosenbrock': rosenbrock,
    'himmelblau': himmelblau,
    'beale': beale,
    'booth': booth,
    'three_hump_camel': three_hump_camel,
    'styblinski_tang': styblinski_tang,
}

# (surface id as our registry names it, dimension, start)
PROBLEMS = [
    ('rosenbrock', 2, [-1.5, 2.0]),
    ('rosenbrock', 2, [-1.2, 1.0]),
    ('himmelblau', 2, [-0.35, -0.75]),
    ('beale', 2, [1.0, 1.5]),
    ('booth', 2, [-3.0, 4.0]),
    ('three_hump_camel', 2, [1.8, 1.6]),
    ('rosenbrock', 5, [-1.2, 1.0, -0.5, 0.8, 1.3]),
    ('styblinski_tang', 6, [0.5, -0.3, 1.2, -2.0, 0.1, 2.2]),
]

METHODS = {'bfgs': 'BFGS', 'cg': 'CG', 'newton_cg': 'Newton-CG'}

# non-default options, with our hyperparameter names and values (norm: our choice strings)
EXTRA_CASES = [
    ('bfgs', 'rosenbrock', 2, [-1.5, 2.0], {'gtol': 1e-8, 'norm': '2'}),
    ('bfgs', 'himmelblau', 2, [-0.35, -0.75], {'xrtol': 1e-3}),
    ('cg', 'beale', 2, [1.0, 1.5], {'gtol': 1e-9, 'norm': '-inf'}),
    # the descent condition rejects wolfe1's step 8 times here (and wolfe2 runs)
    ('cg', 'three_hump_camel', 2, [-1.5, 1.0], {}),
    ('newton_cg', 'rosenbrock', 2, [-1.5, 2.0], {'xtol': 1e-10}),
    # gtol out of reach: both end when no step satisfies the Wolfe conditions (status 2), CG after wolfe2
    ('bfgs', 'himmelblau', 2, [-0.35, -0.75], {'gtol': 1e-30}),
    ('cg', 'himmelblau', 2, [-0.35, -0.75], {'gtol': 1e-30}),
    ('newton_cg', 'himmelblau', 2, [-0.35, -0.75], {'xtol': 1e-30}),
]

NORMS = {'inf': math.inf, '-inf': -math.inf, '1': 1.0, '2': 2.0}


class Recorder:
    """Logs scipy's real evaluations (after its cache) and in which context f was asked for."""

    def __init__(self, value, gradient, hessian):
        self.value, self.gradient, self.hessian = value, gradient, hessian
        self.calls = []  # (kind, x, paired)
        self.requests = []  # every x scipy asked f at, cached or not: the line searches' trial points
        self.paired = True  # the ScalarFunction's start evaluates f and ∇f together
        self.hessian_calls = 0

    def fun(self, x):
        self.calls.append(('f', np.array(x, dtype=float), self.paired))
        return self.value(np.array(x, dtype=float))

    def jac(self, x):
        self.calls.append(('g', np.array(x, dtype=float), self.paired))
        return self.gradient(np.array(x, dtype=float))

    def hess(self, x):
        self.hessian_calls += 1
        return self.hessian(np.array(x, dtype=float))

    def our_function_evaluations(self):
        """f evaluations our oracle makes for scipy's calls so far (see the module docstring)."""
        total = 0
        slot_x = None
        slot = []
        for kind, x, paired in self.calls + [(None, None, None)]:
            if kind is None or slot_x is None or not np.array_equal(x, slot_x):
                if slot:
                    first_kind, _, first_paired = slot[0]
                    has_gradient = any(k == 'g' for k, _, _ in slot)
                    total += 2 if first_kind == 'f' and has_gradient and not first_paired else 1
                slot, slot_x = [], x
            if kind is not None:
                slot.append((kind, x, paired))
        return total

    def counts(self):
        return {
            'function': sum(1 for kind, _, _ in self.calls if kind == 'f'),
            'gradient': sum(1 for kind, _, _ in self.calls if kind == 'g'),
            'ourFunction': self.our_function_evaluations(),
        }


def with_context(search, paired, recorder_box):
    def wrapped(*args, **kwargs):
        recorder = recorder_box[0]
        recorder.paired = paired
        try:
            return search(*args, **kwargs)
        finally:
            recorder.paired = False
    return wrapped


RECORDER_BOX = [None]
scalar_function_value = differentiable_functions.ScalarFunction.fun


def logged_value(self, x):
    RECORDER_BOX[0].requests.append(np.array(x, dtype=float))
    return scalar_function_value(self, x)


differentiable_functions.ScalarFunction.fun = logged_value
# wolfe1 asks for f and ∇f together at every trial; wolfe2 asks for them separately
scipy_optimize_module.line_search_wolfe1 = with_context(scipy_optimize_module.line_search_wolfe1, True, RECORDER_BOX)
scipy_optimize_module.line_search_wolfe2 = with_context(scipy_optimize_module.line_search_wolfe2, False, RECORDER_BOX)


def solve(method, surface, dimension, start, options):
    value, gradient, hessian = SURFACES[surface]()
    recorder = Recorder(value, gradient, hessian)
    RECORDER_BOX[0] = recorder
    iterates, trials, counts = [], [], []
    marks = [1]  # requests[0] is the start's f

    def callback(xk):
        iterates.append([float(v) for v in xk])
        # the points f was asked at during this iteration, in order: the line search's trial points
        trials.append([[float(v) for v in x] for x in recorder.requests[marks[0]:]])
        marks[0] = len(recorder.requests)
        counts.append(recorder.counts())

    scipy_options = dict(options)
    if 'norm' in scipy_options:
        scipy_options['norm'] = NORMS[scipy_options['norm']]
    kwargs = {'jac': recorder.jac, 'callback': callback, 'options': scipy_options}
    if method == 'newton_cg':
        kwargs['hess'] = recorder.hess
    result = scipy.optimize.minimize(recorder.fun, np.array(start, dtype=float), method=METHODS[method], **kwargs)
    # the line search's trial points of a failed last iteration (no callback)
    tail = [[float(v) for v in x] for x in recorder.requests[marks[0]:]]
    final = recorder.counts()
    return {
        'iterates': iterates,
        'trials': trials,
        'failedTrials': tail,
        'counts': counts,
        'x': [float(v) for v in result.x],
        'fun': float(result.fun),
        'nit': int(result.nit),
        'nfev': int(result.nfev),
        'njev': int(result.njev),
        'nhev': int(result.get('nhev', 0)),
        'status': int(result.status),
        'message': str(result.message),
        'ourFunctionEvaluations': final['ourFunction'],
        'wolfe2': sum(1 for kind, _, paired in recorder.calls if kind == 'f' and not paired) > 0,
        'hessianCalls': recorder.hessian_calls,
    }


def relative_gap(a, b):
    return max(abs(x - y) / max(abs(y), COORDINATE_FLOOR) for x, y in zip(a, b))


def case(method, surface, dimension, start, options):
    run = solve(method, surface, dimension, start, options)
    nudged_start = [v * (1 + NUDGE) if v != 0 else NUDGE for v in start]
    nudged = solve(method, surface, dimension, nudged_start, options)
    stable = 0
    for ours, theirs, our_counts, their_counts, our_trials, their_trials in zip(
            run['iterates'], nudged['iterates'], run['counts'], nudged['counts'], run['trials'], nudged['trials']):
        if relative_gap(theirs, ours) > STABLE_TOLERANCE or our_counts != their_counts:
            break
        if len(our_trials) != len(their_trials) or any(relative_gap(b, a) > STABLE_TOLERANCE for a, b in zip(our_trials, their_trials)):
            break
        stable += 1
    same_length = len(run['iterates']) == len(nudged['iterates'])
    stable_counts = (stable == len(run['iterates']) and same_length and
                     all(run[key] == nudged[key] for key in ('nfev', 'njev', 'nhev', 'status')))
    name = f"{method} {surface}{'' if dimension == 2 else f' {dimension}-D'} from {start}" + (
        f" {options}" if options else '')
    return {
        'name': name,
        'method': method,
        'surface': surface,
        'dimension': dimension,
        'start': start,
        'hyper': options,
        **run,
        'stableIterates': stable,
        'stableCounts': stable_counts,
    }


def main():
    cases = []
    for method in METHODS:
        for surface, dimension, start in PROBLEMS:
            cases.append(case(method, surface, dimension, start, {}))
    for method, surface, dimension, start, options in EXTRA_CASES:
        cases.append(case(method, surface, dimension, start, options))
    for entry in cases:
        print(f"{entry['name']}: nit {entry['nit']} nfev {entry['nfev']} njev {entry['njev']} nhev {entry['nhev']} "
              f"status {entry['status']} stable {entry['stableIterates']}/{len(entry['iterates'])} "
              f"counts {'stable' if entry['stableCounts'] else 'UNSTABLE'}"
              f"{' wolfe2' if entry['wolfe2'] else ''} ours f {entry['ourFunctionEvaluations']}")
    with open(OUTPUT, 'w') as file:
        json.dump({'scipy': scipy.__version__, 'numpy': np.__version__, 'cases': cases}, file, separators=(',', ':'))
        file.write('\n')
    print(f'wrote {OUTPUT} ({os.path.getsize(OUTPUT)} bytes)')


if __name__ == '__main__':
    main()
