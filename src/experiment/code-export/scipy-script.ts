// An experiment as a SciPy script, for the methods the app takes from scipy.optimize.minimize
// (Nelder-Mead, Powell, BFGS, CG, Newton-CG; the app's options are scipy's own names): f, ∇f and ∇²f
// in NumPy from the engine's symbolic derivatives, each run's iterates from minimize's callback,
// printed as JSON lines like the PyTorch script's.
import { getMethodSpec } from '../../engine/methods/catalogue';
import type { Experiment } from '../experiment';
import { resolveRunHyper } from '../run-experiment';
import { automaticRunName } from '../run-name';
import { pythonNumber } from './python-formula';
import { numpyProblem, pythonList } from './python-problem';
import { pythonValue, type ExportedScript } from './pytorch-script';
import { scriptDocstring, scriptEnding } from './script-text';

/** scipy.optimize.minimize's method name for each method the SciPy script reproduces, and whether it takes ∇f, ∇²f. */
const SCIPY_METHODS: Readonly<Record<string, { readonly method: string; readonly jac: boolean; readonly hess: boolean }>> = {
  nelder_mead: { method: 'Nelder-Mead', jac: false, hess: false },
  powell: { method: 'Powell', jac: false, hess: false },
  bfgs: { method: 'BFGS', jac: true, hess: false },
  cg: { method: 'CG', jac: true, hess: false },
  newton_cg: { method: 'Newton-CG', jac: true, hess: true },
};

/** The methods a SciPy script reproduces. */
export const SCIPY_METHOD_IDS: readonly string[] = Object.keys(SCIPY_METHODS);

const RUNNER = String.raw`# Nelder-Mead counts its first iteration as 1, so STEPS iterations need maxiter STEPS + 1; the
# derivative-free methods' evaluation caps (200n, 1000n by default) are lifted: STEPS is the budget
LIMITS = {'Nelder-Mead': {'maxiter': STEPS + 1, 'maxfev': 10**9}, 'Powell': {'maxiter': STEPS, 'maxfev': 10**9}}


def run(number, method, start, options, jac=None, hess=None):
    """One run: minimize's iterates through its callback, start first, at most STEPS iterations."""
    iterates = [np.array(start, dtype=float)]
    result = minimize(f, iterates[0], method=method, jac=jac, hess=hess,
                      callback=lambda xk: iterates.append(np.array(xk, dtype=float)),
                      options={**LIMITS.get(method, {'maxiter': STEPS}), **options})
    if method == 'Nelder-Mead' and result.status == 0 and len(iterates) > 2 and np.array_equal(iterates[-1], iterates[-2]):
        # Nelder-Mead calls back once more with the vertex that met xatol/fatol; the app stops at it once
        iterates.pop()
    for step, x in enumerate(iterates):
        print(json.dumps({'run': number, 'step': step, 'x': [float(v) for v in x], 'f': f(x)}))`;

/** The experiment as a SciPy script, with the runs it cannot reproduce listed in `skipped`. */
export function scipyScript(experiment: Experiment, link?: string): ExportedScript {
  const problem = numpyProblem(experiment.problem);
  if (!problem.ok) return { ok: false, reason: problem.reason };
  const skipped: string[] = [];
  const calls: string[] = [];
  experiment.runs.forEach((run, index) => {
    const number = index + 1;
    const name = run.label ?? automaticRunName(run);
    const method = SCIPY_METHODS[run.optimizer];
    if (method === undefined || experiment.noise > 0) {
      const why = method === undefined ? `${getMethodSpec(run.optimizer)?.name ?? run.optimizer} is not a scipy.optimize.minimize method` : 'scipy has no gradient noise';
      skipped.push(`run ${number} (${name}): ${why}`);
      return;
    }
    const hyper = resolveRunHyper(run);
    const options = Object.entries(hyper)
      .map(([key, value]) => `${JSON.stringify(key)}: ${key === 'norm' ? (value === 'inf' ? 'np.inf' : value === '-inf' ? '-np.inf' : pythonNumber(Number(value))) : pythonValue(value)}`)
      .join(', ');
    const derivatives = `${method.jac ? ', jac=grad' : ''}${method.hess ? ', hess=hess' : ''}`;
    calls.push(`# Run ${number}: ${name}\nrun(${number}, ${JSON.stringify(method.method)}, ${pythonList(run.start)}, {${options}}${derivatives})`);
  });
  if (calls.length === 0) return { ok: false, reason: `no run uses a method SciPy has: ${skipped.join('; ')}` };
  const script = [
    ...scriptDocstring(
      'SciPy',
      problem.title,
      experiment,
      [
        `Reproduces the app's runs with scipy.optimize.minimize and prints every iterate as one JSON line:`,
        `{"run": 1, "step": 0, "x": [...], "f": ...}. Needs Python 3, NumPy and SciPy (tested with Debian's`,
        `python3-scipy 1.10). Run: python3 <this file>`,
      ],
      link,
      skipped,
    ),
    `import json`,
    `import math`,
    `import sys`,
    ``,
    `import numpy as np`,
    `from scipy.optimize import minimize`,
    ``,
    `STEPS = ${experiment.steps}`,
    ``,
    ``,
    problem.source,
    ``,
    ``,
    RUNNER,
    ``,
    ``,
    ...scriptEnding(calls, skipped),
  ].join('\n');
  return { ok: true, script: `${script.trimEnd()}\n`, skipped };
}
