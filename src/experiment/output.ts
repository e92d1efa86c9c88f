import { seriesOn } from '../engine/data/fit-metrics';
import { resolveData, type ResolvedData } from '../engine/problems';
import type { Convergence, Divergence, RunResult } from '../engine/run';
import type { Experiment } from './experiment';
import type { ExperimentResult } from './run-experiment';

// What the CLI prints: JSON for programs, CSV for spreadsheets and pandas. Numbers keep full
// float64 precision (JavaScript's shortest round-trip form, as Python's repr), so a result read
// back is bit-for-bit the one computed.

/** One run's result as plain JSON: the points visited (start first), the loss at each, and what it cost. */
export interface RunOutput {
  readonly optimizer: string;
  readonly label?: string;
  /** steps + 1 points, the start first; fewer when the run diverged. */
  readonly trajectory: number[][];
  /** loss[k] = f(trajectory[k]). */
  readonly loss: number[];
  readonly diverged: Divergence | null;
  /** Cumulative evaluations of f, ∇f and ∇²f when each point was reached (as long as `trajectory`). */
  readonly evaluations: { readonly function: number[]; readonly gradient: number[]; readonly hessian: number[] };
  /** best_loss[k]: the lowest f evaluated by the time point k was reached. */
  readonly best_loss: number[];
  /** Where the method's own stopping test was met, or null. */
  readonly converged: Convergence | null;
  /** Data problems with held-out rows: the mean loss on them at each point. */
  readonly validation_loss?: number[];
  /** Data problems with classes: the fraction of training rows classified right at each point. */
  readonly accuracy?: number[];
  /** Data problems with classes and held-out rows: the same on the held-out rows. */
  readonly validation_accuracy?: number[];
}

/** A whole experiment's result as plain JSON. */
export interface ExperimentOutput {
  readonly runs: RunOutput[];
}

/** The result in the CLI's JSON shape. */
export function toOutput(experiment: Experiment, result: ExperimentResult): ExperimentOutput {
  const data = experiment.problem.kind === 'data' ? resolveData(experiment.problem) : null;
  return {
    runs: result.runs.map((run, index) => {
      const { optimizer, label } = experiment.runs[index];
      return {
        optimizer,
        ...(label !== undefined && { label }),
        trajectory: points(run),
        loss: Array.from(run.loss),
        diverged: run.diverged === null ? null : { step: run.diverged.step, reason: run.diverged.reason },
        evaluations: { function: Array.from(run.evaluations.function), gradient: Array.from(run.evaluations.gradient), hessian: Array.from(run.evaluations.hessian) },
        best_loss: Array.from(run.bestLoss),
        converged: run.converged === null ? null : { step: run.converged.step, reason: run.converged.reason },
        ...(data && dataSeries(data, run)),
      };
    }),
  };
}

/** The JSON text: valid JSON, laid out one point and one loss per line so diffs stay readable. */
export function formatOutputJson(output: ExperimentOutput): string {
  const indent = (depth: number) => '  '.repeat(depth);
  const list = (items: readonly unknown[], depth: number) =>
    items.length === 0 ? '[]' : `[\n${items.map((item) => indent(depth + 1) + JSON.stringify(item)).join(',\n')}\n${indent(depth)}]`;
  const runs = output.runs.map((run) => {
    const fields = [`"optimizer": ${JSON.stringify(run.optimizer)}`];
    if (run.label !== undefined) fields.push(`"label": ${JSON.stringify(run.label)}`);
    const { evaluations } = run;
    const counts = ['function', 'gradient', 'hessian'] as const;
    fields.push(
      `"trajectory": ${list(run.trajectory, 3)}`,
      `"loss": ${list(run.loss, 3)}`,
      `"diverged": ${JSON.stringify(run.diverged)}`,
      `"evaluations": {\n${counts.map((name) => `${indent(4)}"${name}": ${list(evaluations[name], 4)}`).join(',\n')}\n${indent(3)}}`,
      `"best_loss": ${list(run.best_loss, 3)}`,
      `"converged": ${JSON.stringify(run.converged)}`,
    );
    for (const name of ['validation_loss', 'accuracy', 'validation_accuracy'] as const) {
      const series = run[name];
      if (series !== undefined) fields.push(`"${name}": ${list(series, 3)}`);
    }
    return `${indent(2)}{\n${fields.map((field) => indent(3) + field).join(',\n')}\n${indent(2)}}`;
  });
  return `{\n${indent(1)}"runs": [\n${runs.join(',\n')}\n${indent(1)}]\n}\n`;
}

/** A data problem's series the CSV gains a column for, after `loss`, when a run has them. */
const DATA_SERIES = ['validation_loss', 'accuracy', 'validation_accuracy'] as const;

/**
 * The CSV text: header run,optimizer,label,step,x,y,loss (x1..xn past three coordinates), then a
 * data problem's validation_loss, accuracy and validation_accuracy where they apply, and one row per
 * run and recorded step (run counts from 0).
 */
export function formatOutputCsv(output: ExperimentOutput): string {
  const dimension = output.runs[0]?.trajectory[0]?.length ?? 2;
  const series = DATA_SERIES.filter((name) => output.runs.some((run) => run[name] !== undefined));
  const lines = [['run', 'optimizer', 'label', 'step', ...coordinateNames(dimension), 'loss', ...series].join(',')];
  output.runs.forEach((run, index) => {
    const prefix = `${index},${csvField(run.optimizer)},${csvField(run.label ?? '')}`;
    run.trajectory.forEach((point, step) => {
      const extra = series.map((name) => `,${run[name] === undefined ? '' : String(run[name][step])}`).join('');
      lines.push(`${prefix},${step},${point.map(String).join(',')},${String(run.loss[step])}${extra}`);
    });
  });
  return `${lines.join('\n')}\n`;
}

/** A data problem's series: validation loss, and accuracy on the training and held-out rows, where they apply. */
function dataSeries(data: ResolvedData, run: RunResult): Pick<RunOutput, 'validation_loss' | 'accuracy' | 'validation_accuracy'> {
  const model = data.createModel();
  const train = seriesOn(model, run.trajectory, run.dimension, data.train);
  const held = data.validation.rows > 0 ? seriesOn(model, run.trajectory, run.dimension, data.validation) : null;
  return {
    ...(held && { validation_loss: Array.from(held.loss) }),
    ...(train.accuracy && { accuracy: Array.from(train.accuracy) }),
    ...(held?.accuracy && { validation_accuracy: Array.from(held.accuracy) }),
  };
}

function points(run: RunResult): number[][] {
  const { dimension, trajectory } = run;
  const result: number[][] = [];
  for (let offset = 0; offset < trajectory.length; offset += dimension) result.push(Array.from(trajectory.subarray(offset, offset + dimension)));
  return result;
}

function coordinateNames(dimension: number): string[] {
  if (dimension <= 3) return ['x', 'y', 'z'].slice(0, dimension);
  return Array.from({ length: dimension }, (_, index) => `x${index + 1}`);
}

/** A text cell a spreadsheet would read as a formula: it starts with =, +, -, @, a tab or a carriage return. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell (an optimizer, a label: a label comes from a shared link) as RFC 4180 writes it: quoted
 * when it holds a comma, a quote or a line break, its quotes doubled. A cell a spreadsheet would run
 * as a formula is neutralised as OWASP's CSV-injection guidance says: a single quote in front, and
 * quoted. Numbers are written as numbers and never pass here, so −1.5 stays a number.
 */
export function csvField(text: string): string {
  const neutral = FORMULA_START.test(text) ? `'${text}` : text;
  return neutral !== text || /[",\r\n]/.test(neutral) ? `"${neutral.replace(/"/g, '""')}"` : neutral;
}
