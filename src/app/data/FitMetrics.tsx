// The selected run's fit at the step shown, in numbers: loss and accuracy with the confusion matrix
// (classes), or loss, R² and RMSE (values), on the training rows and on the held-out rows, as
// sklearn.metrics defines them (engine/data/fit-metrics.ts).
import { fitMetrics, type FitMetrics as Metrics } from '../../engine/data/fit-metrics';
import { resolveData, type DataProblem } from '../../engine/problems/data-problem';
import type { ResolvedData } from '../../engine/problems/resolved-data';
import { clampRunIndex } from '../../experiment/run-index';
import { runLabel } from '../runs/labels';
import { useAppStore } from '../use-app-store';

/** Four significant digits, or "–" for no value. */
function shown(value: number | undefined): string {
  return value === undefined || !Number.isFinite(value) ? '–' : Number(value.toPrecision(4)).toString();
}

/** The confusion matrix as a table: true classes down, predicted across. */
function ConfusionMatrix({ confusion, names, caption }: { confusion: readonly (readonly number[])[]; names: readonly string[]; caption: string }) {
  return (
    <table className="confusion-matrix" data-testid="confusion-matrix">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">
            <span className="visually-hidden">True class</span>
            <span aria-hidden="true">true ↓ predicted →</span>
          </th>
          {names.map((name) => (
            <th key={name} scope="col">
              {name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {confusion.map((row, actual) => (
          <tr key={names[actual]}>
            <th scope="row">{names[actual]}</th>
            {row.map((count, predicted) => (
              <td key={predicted} className={predicted === actual ? 'confusion-hit' : count > 0 ? 'confusion-miss' : undefined}>
                {count}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Metrics of the selected run at the step shown, on the training and validation rows. */
export function FitMetrics({ problem }: { problem: DataProblem }) {
  // re-rendered each frame while playing: a few forward passes over the rows
  const index = useAppStore((state) => clampRunIndex(state.selectedRun, state.experiment.runs.length));
  const result = useAppStore((state) => state.runs?.[index] ?? null);
  const runs = useAppStore((state) => state.experiment.runs);
  const shownStep = useAppStore((state) => state.step);
  let data: ResolvedData;
  try {
    data = resolveData(problem);
  } catch {
    return null;
  }
  if (!result || result.loss.length === 0) return <p className="fit-metrics-empty">The metrics follow once the runs are computed.</p>;
  const step = Math.min(shownStep, result.loss.length - 1);
  const selected = {
    parameters: result.trajectory.subarray(step * result.dimension, (step + 1) * result.dimension),
    label: `run ${index + 1} (${runLabel(runs[index], index, runs)})`,
    step,
  };
  const model = data.createModel();
  const sets: { name: string; metrics: Metrics }[] = [{ name: 'Training', metrics: fitMetrics(model, selected.parameters, data.train) }];
  if (data.validation.rows > 0) sets.push({ name: 'Validation', metrics: fitMetrics(model, selected.parameters, data.validation) });
  const classes = data.all.task === 'classification';
  const names = Array.from({ length: sets[0].metrics.confusion?.length ?? 0 }, (_, index) => data.all.classNames?.[index] ?? String(index));
  const confusionOf = sets[sets.length - 1];
  return (
    <section className="fit-metrics" aria-label="Fit metrics" data-testid="fit-metrics">
      <table className="fit-metrics-table">
        <caption>
          {selected.label} at step {selected.step}
        </caption>
        <thead>
          <tr>
            <th scope="col">Rows</th>
            <th scope="col">Count</th>
            <th scope="col">Loss</th>
            {classes ? (
              <th scope="col">Accuracy</th>
            ) : (
              <>
                <th scope="col">R²</th>
                <th scope="col">RMSE</th>
              </>
            )}
          </tr>
        </thead>
        <tbody>
          {sets.map(({ name, metrics }) => (
            <tr key={name} data-testid={`metrics-${name.toLowerCase()}`}>
              <th scope="row">{name}</th>
              <td>{metrics.rows}</td>
              <td>{shown(metrics.loss)}</td>
              {classes ? (
                <td data-testid="accuracy">{shown(metrics.accuracy)}</td>
              ) : (
                <>
                  <td data-testid="r-squared">{shown(metrics.rSquared)}</td>
                  <td>{shown(metrics.rootMeanSquaredError)}</td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {classes && confusionOf.metrics.confusion && (
        <ConfusionMatrix confusion={confusionOf.metrics.confusion} names={names} caption={`Confusion matrix, ${confusionOf.name.toLowerCase()} rows`} />
      )}
    </section>
  );
}
