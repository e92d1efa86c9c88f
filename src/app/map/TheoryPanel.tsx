import { problemDimension } from '../../engine/problems';
import { clampRunIndex } from '../../experiment/run-index';
import { MAX_THEORY_DIMENSION } from '../../sync/theory-sync';
import { runLabel } from '../runs/labels';
import { useAppStore } from '../use-app-store';
import { curvatureSentence, formatTheoryNumber, modelOf, modelRows, runComparison } from './theory-readout';

/**
 * The theory overlay's readout beside the map (Distill's "Why Momentum Really Works" at one point):
 * where the local quadratic model is read, its eigenvalues, κ, 2/λmax, the optimal rate, the
 * critical-damping pair, and how the selected run's own lr and momentum compare.
 */
export function TheoryPanel() {
  const answer = useAppStore((state) => state.theoryModel);
  const experiment = useAppStore((state) => state.experiment);
  const selected = useAppStore((state) => clampRunIndex(state.selectedRun, state.experiment.runs.length));
  const dimension = problemDimension(experiment.problem);

  let body;
  if (dimension > MAX_THEORY_DIMENSION) {
    body = <p>The overlay needs the full Hessian; this problem has {dimension} parameters (at most {MAX_THEORY_DIMENSION}).</p>;
  } else if (answer === null || answer.model.problem !== experiment.problem) {
    body = <p className="theory-waiting">Reading the local model…</p>;
  } else {
    const model = modelOf(answer.model.hessian, answer.model.point.length);
    const { source } = answer;
    const run = source.kind === 'run' ? experiment.runs[source.run] : experiment.runs[selected];
    const where =
      source.kind === 'cursor'
        ? 'at the cursor'
        : `at run ${source.run + 1} (${runLabel(experiment.runs[source.run], source.run, experiment.runs)}), step ${source.step}`;
    const point = answer.model.point.length <= 4 ? ` (${answer.model.point.map(formatTheoryNumber).join(', ')})` : '';
    body = (
      <>
        <p className="theory-where" data-testid="theory-where" data-source={source.kind}>
          Local quadratic model {where}
          {point}
          {source.kind === 'run' && dimension === 2 ? '; point at the map to read it there.' : '.'}
        </p>
        <p className="theory-curvature" data-testid="theory-curvature" data-curvature={model.curvature}>
          {curvatureSentence(model)}
        </p>
        <dl className="theory-numbers">
          {modelRows(model).map((row) => (
            <div key={row.id} className="theory-row">
              <dt id={`theory-${row.id}-name`}>{row.name}</dt>
              <dd aria-labelledby={`theory-${row.id}-name`} data-testid={`theory-${row.id}`} data-value={row.value ?? ''}>
                {row.value === null ? 'does not apply' : formatTheoryNumber(row.value)}
                {row.note && <span className="theory-note"> ({row.note})</span>}
              </dd>
            </div>
          ))}
        </dl>
        {run && (
          <ul className="theory-run" aria-label={`Run ${(source.kind === 'run' ? source.run : selected) + 1} against the bounds`} data-testid="theory-run">
            {runComparison(model, run).map((sentence) => (
              <li key={sentence}>{sentence}</li>
            ))}
          </ul>
        )}
      </>
    );
  }
  return (
    <section className="theory-panel" aria-label="Theory overlay readout" data-testid="theory-panel">
      <h3 className="theory-title">Theory: the local quadratic model</h3>
      {body}
      {dimension === 2 && (
        <p className="theory-legend">
          On the map: the Hessian's eigenvectors as axes, half-lengths ∝ 1/√|λ| (the model's level set ½dᵀHd = c, dotted where H is definite); a
          dashed axis curves down (λ &lt; 0).
        </p>
      )}
    </section>
  );
}
