// The experiment's problem as Python source: f for PyTorch (autograd takes the gradient), or f, ∇f
// and ∇²f for SciPy from the engine's own symbolic derivatives. Built-in 2-D surfaces go through
// the formula they carry (Surface.expression); a data problem is its training rows, as the app
// split and scaled them, and the model in torch ops over the app's flat parameter layout.
import { differentiate, parseFormula, type Expr } from '../../engine/expression';
import { classCount, type Dataset } from '../../engine/data/dataset';
import { resolveData, type DataProblem, type Problem } from '../../engine/problems';
import { getSurface } from '../../engine/problems/surfaces';
import type { ModelSpec } from '../../engine/models';
import { pythonExpression, pythonNumber } from './python-formula';

/** Python source defining the problem, or why it cannot be written. */
export type PythonProblem = { readonly ok: true; readonly source: string; readonly title: string } | { readonly ok: false; readonly reason: string };

/** The problem's formula in x and y (a typed formula, or a built-in 2-D surface's), or why there is none. */
function formulaOf(problem: Problem): { expr: Expr; text: string; title: string } | string {
  if (problem.kind === 'formula') {
    const parsed = parseFormula(problem.expression);
    return parsed.ok ? { expr: parsed.ast, text: problem.expression, title: `f(x, y) = ${problem.expression}` } : parsed.error.message;
  }
  if (problem.kind === 'surface') {
    const definition = getSurface(problem.surface);
    if (definition === undefined) return `unknown surface '${problem.surface}'`;
    if ((problem.dimension ?? 2) !== 2) return `the ${problem.dimension}-dimensional ${definition.name} has no formula in x and y to export yet; export it in two dimensions`;
    const text = definition.create(problem.params).expression;
    const parsed = parseFormula(text);
    if (!parsed.ok) return `the ${definition.name} surface's formula did not parse: ${parsed.error.message}`;
    return { expr: parsed.ast, text, title: `${definition.name}: f(x, y) = ${text}` };
  }
  return 'a data problem has no formula';
}

/** f(p) for PyTorch: p is a float64 tensor of the run's parameters. */
export function torchProblem(problem: Problem): PythonProblem {
  if (problem.kind === 'data') return torchDataProblem(problem);
  const formula = formulaOf(problem);
  if (typeof formula === 'string') return { ok: false, reason: formula };
  const body = pythonExpression(formula.expr, 'torch', { x: 'x', y: 'y' });
  const source = [`def f(p):`, `    """${formula.title}"""`, `    x, y = p[0], p[1]`, `    return ${body}`].join('\n');
  return { ok: true, source, title: formula.title };
}

/** f(p), grad(p) and hess(p) for SciPy, in NumPy, with the derivatives the engine itself uses. */
export function numpyProblem(problem: Problem): PythonProblem {
  const formula = formulaOf(problem);
  if (typeof formula === 'string') return { ok: false, reason: problem.kind === 'data' ? 'the SciPy script takes formulas and surfaces; a data problem exports as a PyTorch script' : formula };
  const variables = { x: 'x', y: 'y' };
  const print = (expr: Expr) => pythonExpression(expr, 'numpy', variables);
  const dx = differentiate(formula.expr, 'x');
  const dy = differentiate(formula.expr, 'y');
  const [dxx, dxy, dyy] = [differentiate(dx, 'x'), differentiate(dx, 'y'), differentiate(dy, 'y')];
  const source = [
    `def f(p):`,
    `    """${formula.title}"""`,
    `    x, y = p[0], p[1]`,
    `    return float(${print(formula.expr)})`,
    ``,
    ``,
    `def grad(p):`,
    `    """∇f, differentiated symbolically as the app does."""`,
    `    x, y = p[0], p[1]`,
    `    return np.array([${print(dx)}, ${print(dy)}], dtype=float)`,
    ``,
    ``,
    `def hess(p):`,
    `    """∇²f, differentiated symbolically as the app does."""`,
    `    x, y = p[0], p[1]`,
    `    h_xy = ${print(dxy)}`,
    `    return np.array([[${print(dxx)}, h_xy], [h_xy, ${print(dyy)}]], dtype=float)`,
  ].join('\n');
  return { ok: true, source, title: formula.title };
}

/** A list of numbers as a Python list literal, each read back to the same float64. */
export function pythonList(values: ArrayLike<number>): string {
  const parts: string[] = [];
  for (let i = 0; i < values.length; i++) parts.push(pythonNumber(values[i]));
  return `[${parts.join(', ')}]`;
}

/** Rows of a row-major matrix as a Python list of lists, one row per line. */
function pythonRows(values: Float64Array, columns: number): string {
  const rows: string[] = [];
  for (let start = 0; start < values.length; start += columns) rows.push(`    ${pythonList(values.subarray(start, start + columns))},`);
  return `[\n${rows.join('\n')}\n]`;
}

/** How many outputs the model has (one for regression and two classes, k for more). */
function outputCount(model: ModelSpec, train: Dataset): number {
  const classes = train.task === 'classification' ? classCount(train) : 1;
  if (model.kind === 'softmax') return classes;
  if (model.kind === 'mlp' && model.loss === 'cross_entropy' && classes > 2) return classes;
  return 1;
}

/** The data problem's mean training loss over its training rows (or a batch of them) in torch. */
function torchDataProblem(problem: DataProblem): PythonProblem {
  const data = resolveData(problem);
  const { train, model } = data;
  const outputs = outputCount(model, train);
  const features = train.columns;
  const lossName = model.kind === 'linear' || (model.kind === 'mlp' && model.loss === 'mse') ? 'mse' : outputs === 1 ? 'binary' : 'multiclass';
  const widths = model.kind === 'mlp' ? [features, ...model.hidden, outputs] : [features, outputs];
  const activation = model.kind === 'mlp' ? `torch.${model.activation}` : 'None';
  const decay = model.kind === 'mlp' ? (model.weight_decay ?? 0) : 0;
  const title = `${model.kind} model on ${train.rows} training rows × ${features} features (${train.task})`;
  const source = [
    `# The training rows as the app uses them (after its seeded split${data.standardization ? ' and standardization' : ''}).`,
    `FEATURES = torch.tensor(${pythonRows(train.features, features)})`,
    `TARGETS = torch.tensor(${pythonList(train.targets)})`,
    `WIDTHS = ${JSON.stringify(widths)}  # inputs, hidden layers, outputs`,
    `ACTIVATION = ${activation}`,
    `WEIGHT_DECAY = ${pythonNumber(decay)}`,
    `BATCH_SIZE = ${problem.batch_size ?? 'None'}  # None: full batch`,
    ``,
    ``,
    `def logits(p, x):`,
    `    """The model's outputs over the flat parameters p: per layer nn.Linear's weight (out × in, row-major), then its bias."""`,
    `    offset, h = 0, x`,
    `    for layer in range(1, len(WIDTHS)):`,
    `        inputs, outputs = WIDTHS[layer - 1], WIDTHS[layer]`,
    `        weight = p[offset:offset + outputs * inputs].reshape(outputs, inputs)`,
    `        bias = p[offset + outputs * inputs:offset + outputs * (inputs + 1)]`,
    `        offset += outputs * (inputs + 1)`,
    `        h = F.linear(h, weight, bias)`,
    `        if layer < len(WIDTHS) - 1:`,
    `            h = ACTIVATION(h)`,
    `    return h.reshape(-1) if WIDTHS[-1] == 1 else h`,
    ``,
    ``,
    `def f(p, rows=None):`,
    `    """${title}: the mean ${lossName === 'mse' ? 'squared error' : 'cross-entropy'} over the training rows (or the rows given)."""`,
    `    x, y = (FEATURES, TARGETS) if rows is None else (FEATURES[rows], TARGETS[rows])`,
    `    out = logits(p, x)`,
    lossName === 'mse'
      ? `    value = F.mse_loss(out, y)`
      : lossName === 'binary'
        ? `    value = F.binary_cross_entropy_with_logits(out, y)`
        : `    value = F.cross_entropy(out, y.long())`,
    `    if WEIGHT_DECAY > 0:`,
    `        offset, penalty = 0, 0`,
    `        for layer in range(1, len(WIDTHS)):`,
    `            inputs, outputs = WIDTHS[layer - 1], WIDTHS[layer]`,
    `            penalty = penalty + (p[offset:offset + outputs * inputs] ** 2).sum()`,
    `            offset += outputs * (inputs + 1)`,
    `        value = value + 0.5 * WEIGHT_DECAY * penalty`,
    `    return value`,
  ].join('\n');
  return { ok: true, source, title };
}
