import { getMethod } from '../../engine/methods';
import { SEEDS_COUNT_RANGE } from '../../experiment/analysis-settings';
import { clampRunIndex } from '../../experiment/run-index';
import { formatLoss } from '../../views/loss-series';
import { BatchActions, BatchRunSelect } from './AnalysisControls';
import { JobStatus } from './JobStatus';
import { NumberField } from '../controls/NumberField';
import { useAppStore } from '../use-app-store';

/** Gradient noise σ the "add noise" button sets: enough to see the seeds spread on every built-in surface. */
const SUGGESTED_NOISE = 0.1;

/** Many seeds: one stochastic run repeated over seeds, drawn as a median path and band on the map and the loss chart. */
export function SeedsAnalysis() {
  const settings = useAppStore((state) => state.seeds.settings);
  const update = useAppStore((state) => state.updateBatchSettings);
  const noise = useAppStore((state) => state.experiment.noise);
  const setNoise = useAppStore((state) => state.setNoise);
  const steps = useAppStore((state) => state.experiment.steps);
  const runIndex = useAppStore((state) => clampRunIndex(settings.run, state.experiment.runs.length));
  const optimizerName = useAppStore((state) => getMethod(state.experiment.runs[runIndex]?.optimizer ?? '')?.name ?? 'the optimizer');
  const statistics = useAppStore((state) => (state.seeds.active ? (state.seeds.results?.statistics ?? null) : null));
  const noNoise = !(noise > 0);

  const last = statistics ? statistics.numPoints - 1 : 0;
  return (
    <div className="batch-tab">
      <p className="batch-intro">
        Repeats run {runIndex + 1} ({optimizerName}, {steps} steps) with {settings.count} different draws of its gradient noise (σ = {noise}) and draws the median path
        with the band where the middle half of the seeds are, on the map and the loss chart.
      </p>
      {noNoise && (
        <div className="batch-explain" role="note">
          <p>
            Many seeds needs gradient noise: with σ = 0 the gradients are exact and every seed takes the same path. Set the gradient noise σ in the Problem panel
            above 0 (it turns gradient descent into SGD).
          </p>
          <button type="button" onClick={() => setNoise(SUGGESTED_NOISE)}>
            Add gradient noise σ = {SUGGESTED_NOISE}
          </button>
        </div>
      )}
      <div className="batch-controls">
        <BatchRunSelect feature="seeds" accessibleName="Run for many seeds" />
        <label className="batch-number">
          <span className="control-name">Seeds</span>
          <NumberField
            value={settings.count}
            range={SEEDS_COUNT_RANGE}
            integer
            fieldName="seeds"
            label="Number of seeds"
            disabled={noNoise}
            onCommit={(count) => update('seeds', { count })}
          />
        </label>
      </div>
      <BatchActions feature="seeds" name="seeds" disabled={noNoise} />
      <JobStatus feature="seeds" name="seeds" unit="seeds" />
      {statistics && (
        <p className="batch-summary" data-testid="seeds-summary">
          Final loss over {statistics.numSeeds} seeds: median {formatLoss(statistics.loss.median[last])}, middle half {formatLoss(statistics.loss.lower[last])} to{' '}
          {formatLoss(statistics.loss.upper[last])}
          {statistics.numDiverged > 0 ? `; ${statistics.numDiverged} diverged` : ''}.
        </p>
      )}
    </div>
  );
}
