import { useState } from 'react';
import { getMethodSpec } from '../../engine/methods/catalogue';
import { DEFAULT_TABLE_TARGET } from '../../analyses/ecdf';
import { comparedRuns, runIsStochastic } from '../../analyses/seeds';
import { SEEDS_COUNT_RANGE } from '../../experiment/analysis-settings';
import { clampRunIndex } from '../../experiment/run-index';
import { SeedsComparison } from './SeedsComparison';
import { seedsMemory } from '../../analyses/seed-points';
import { describeSeedsMemory } from './analysis-format';
import { formatLoss } from '../../views/loss-series';
import { BatchActions, BatchRunSelect } from './AnalysisControls';
import { JobStatus } from './JobStatus';
import { NumberField } from '../controls/NumberField';
import { useAppStore } from '../use-app-store';

/** Gradient noise σ the "add noise" button sets: enough to see the seeds spread on every built-in surface. */
const SUGGESTED_NOISE = 0.1;

/**
 * Many seeds: every visible run repeated over the same seeds, the analysed one drawn as a median path
 * and band on the map and the loss chart, all compared in a results table and a runtime ECDF.
 */
export function SeedsAnalysis() {
  const settings = useAppStore((state) => state.seeds.settings);
  const update = useAppStore((state) => state.updateBatchSettings);
  const noise = useAppStore((state) => state.experiment.noise);
  const setNoise = useAppStore((state) => state.setNoise);
  const steps = useAppStore((state) => state.experiment.steps);
  const runIndex = useAppStore((state) => clampRunIndex(settings.run, state.experiment.runs.length));
  const optimizerName = useAppStore((state) => getMethodSpec(state.experiment.runs[runIndex]?.optimizer ?? '')?.name ?? 'the optimizer');
  const statistics = useAppStore((state) => (state.seeds.active ? (state.seeds.results?.statistics ?? null) : null));
  // seeds differ with gradient noise, or for a method that draws from its own seed (CMA-ES, random search...)
  const stochastic = useAppStore((state) => comparedRuns(state).some((index) => runIsStochastic(state.experiment, index)));
  const analysedStochastic = useAppStore((state) => runIsStochastic(state.experiment, runIndex));
  const noNoise = !stochastic;
  const comparison = useAppStore((state) => (state.seeds.active ? (state.seeds.results?.comparison ?? null) : null));
  const [target, setTarget] = useState(DEFAULT_TABLE_TARGET);

  const last = statistics ? statistics.numPoints - 1 : 0;
  // the steps the seeds ran: the last kept point's step
  const ranSteps = statistics ? (statistics.steps?.[last] ?? last) : 0;
  return (
    <div className="batch-tab">
      <p className="batch-intro">
        Repeats run {runIndex + 1} ({optimizerName}, {steps} steps) with {settings.count} seeds
        {analysedStochastic ? (noise > 0 ? ` (its gradient noise, σ = ${noise}, and any draws of its own)` : ' (its own random draws)') : ''} and draws the median path with the band where the
        middle half of the seeds are, on the map and the loss chart; every visible run goes over the same seeds for the results table and the ECDF below.
      </p>
      {noNoise && (
        <div className="batch-explain" role="note">
          <p>
            Many seeds needs something random: with σ = 0 the gradients are exact and these methods draw nothing, so every seed takes the same path. Set the gradient
            noise σ in the Problem panel above 0 (it turns gradient descent into SGD), or add a run of a stochastic method (a gradient-free search or a zeroth-order
            estimate).
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
      {statistics && comparison && (
        <p className="batch-memory" data-testid="seeds-memory">
          {describeSeedsMemory(statistics.numSeeds, ranSteps, seedsMemory(statistics.numSeeds, ranSteps, statistics.coordinates.length, comparison.runs.length, comparison.targets.length))}
        </p>
      )}
      {comparison && <SeedsComparison comparison={comparison} target={target} onTarget={setTarget} />}
    </div>
  );
}
