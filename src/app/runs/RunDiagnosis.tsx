import type { RunFix } from '../../engine/diagnosis/diagnose';
import type { ExperimentRun } from '../../experiment/experiment';
import type { RunPayload } from '../../worker/protocol';
import { useAppStoreApi } from '../use-app-store';
import './RunDiagnosis.css';

/** Props of a RunDiagnosis. */
export interface RunDiagnosisProps {
  /** The run's position in the experiment (its number minus one). */
  index: number;
  /** What the engine computed for the run; nothing is shown while it computes or when the run is fine. */
  result: RunPayload | undefined;
}

/** The settings a checked fix gives a run: its hyperparameters over the run's own, and its schedule if it adds one. */
export function applyFix(run: ExperimentRun, fix: RunFix): Partial<ExperimentRun> {
  return { hyper: { ...run.hyper, ...fix.hyper }, ...(fix.schedule && { schedule: fix.schedule }) };
}

/**
 * A flagged run's diagnosis in its card: what happened (diverged, left the view, oscillating), why
 * in numbers (the curvature λmax against 2/λmax, or the adaptive step against the view), and a
 * button per fix the engine checked, saying what the checked run did.
 */
export function RunDiagnosis({ index, result }: RunDiagnosisProps) {
  const store = useAppStoreApi();
  const diagnosis = result?.diagnosis;
  if (!diagnosis) return null;
  const number = index + 1;
  const apply = (fix: RunFix) => {
    const run = store.getState().experiment.runs[index];
    // an ordinary edit through the store: the link, undo and the engine follow as for any other
    if (run) store.getState().updateRun(index, applyFix(run, fix));
  };
  return (
    <div className={`run-diagnosis run-diagnosis-${diagnosis.kind}`} data-testid="run-diagnosis">
      <p className="run-diagnosis-badge">
        <span aria-hidden="true">⚠ </span>
        {capitalised(diagnosis.summary)}
      </p>
      <p className="run-diagnosis-explanation">{diagnosis.explanation}</p>
      {diagnosis.fixes.length > 0 && (
        <ul className="run-diagnosis-fixes">
          {diagnosis.fixes.map((fix) => (
            <li key={fix.label}>
              <button type="button" aria-label={`${fix.label} for run ${number}`} title={fix.reason} onClick={() => apply(fix)}>
                {fix.label}
              </button>
              <span className="run-diagnosis-outcome">
                {capitalised(fix.reason)}. Checked: {fix.outcome}.
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
