import { getOptimizer } from '../../engine/methods/first-order';
import {
  SWEEP_COUNT_RANGE,
  SWEEP_LR_RANGE,
  SWEEP_SECOND_COUNT_RANGE,
  SWEEP_SECOND_RANGES,
  defaultSecondAxis,
  effectiveSecondAxis,
  secondAxisFor,
  type SweepMetric,
  type SweepSecondAxis,
} from '../../experiment/analysis-settings';
import { BatchActions, BatchChoice, BatchRunSelect } from './AnalysisControls';
import { JobStatus } from './JobStatus';
import { SweepFigure } from './SweepFigure';
import { NumberField } from '../controls/NumberField';
import { Select } from '../controls/Select';
import { useAppStore } from '../use-app-store';

const METRIC_CHOICES: readonly { value: SweepMetric; label: string; title: string }[] = [
  { value: 'final', label: 'final loss', title: 'the loss after the last step' },
  { value: 'best', label: 'best loss', title: 'the lowest loss seen on the way' },
];

/** What the second axis is called on screen. */
export const SECOND_LABELS = { beta1: 'β1', momentum: 'momentum' } as const;

/** The learning-rate sweep: its grid, the optional second axis, its job, and the chart or heatmap. */
export function SweepAnalysis() {
  const settings = useAppStore((state) => state.sweep.settings);
  const update = useAppStore((state) => state.updateBatchSettings);
  const steps = useAppStore((state) => state.experiment.steps);
  const runIndex = useAppStore((state) => Math.max(0, Math.min(settings.run, state.experiment.runs.length - 1)));
  const optimizerId = useAppStore((state) => state.experiment.runs[runIndex]?.optimizer ?? '');
  const optimizerName = getOptimizer(optimizerId)?.name ?? optimizerId;
  const available = secondAxisFor(optimizerId);
  const second = effectiveSecondAxis(settings, optimizerId);
  const setSecond = (patch: Partial<SweepSecondAxis>) => second && update('sweep', { second: { ...second, ...patch } });

  return (
    <div className="batch-tab">
      <p className="batch-intro">
        Runs {optimizerName} from run {runIndex + 1}’s start for {steps} steps at {settings.count} learning rates spaced evenly on a log scale
        {second ? `, each with ${second.count} values of ${SECOND_LABELS[second.name]}` : ''} ({(settings.count * (second?.count ?? 1)).toLocaleString('en')} runs), and
        plots each run’s {settings.metric} loss. Click a {second ? 'cell' : 'point'} to give run {runIndex + 1} {second ? 'those settings' : 'that learning rate'}.
      </p>
      <div className="batch-controls">
        <BatchRunSelect feature="sweep" accessibleName="Run for the sweep" />
        <label className="batch-number">
          <span className="control-name">
            <code>lr</code> from
          </span>
          <NumberField
            value={settings.lrMin}
            range={SWEEP_LR_RANGE}
            fieldName="smallest learning rate"
            label="Smallest learning rate of the sweep"
            check={(value) => (value < settings.lrMax ? undefined : `the smallest learning rate must be below the largest (${settings.lrMax})`)}
            onCommit={(lrMin) => update('sweep', { lrMin })}
          />
        </label>
        <label className="batch-number">
          <span className="control-name">to</span>
          <NumberField
            value={settings.lrMax}
            range={SWEEP_LR_RANGE}
            fieldName="largest learning rate"
            label="Largest learning rate of the sweep"
            check={(value) => (value > settings.lrMin ? undefined : `the largest learning rate must be above the smallest (${settings.lrMin})`)}
            onCommit={(lrMax) => update('sweep', { lrMax })}
          />
        </label>
        <label className="batch-number">
          <span className="control-name">values</span>
          <NumberField
            value={settings.count}
            range={SWEEP_COUNT_RANGE}
            integer
            fieldName="learning rates"
            label="Learning rates in the sweep"
            onCommit={(count) => update('sweep', { count })}
          />
        </label>
        <Select
          label="Second axis"
          accessibleName="Second axis of the sweep"
          value={second ? second.name : 'none'}
          disabled={!available}
          onChange={(value) => update('sweep', { second: value === 'none' || !available ? null : defaultSecondAxis(available) })}
        >
          <option value="none">none (a line)</option>
          {available && <option value={available}>{SECOND_LABELS[available]} (a heatmap)</option>}
        </Select>
      </div>
      {second && (
        <div className="batch-controls">
          <label className="batch-number">
            <span className="control-name">{SECOND_LABELS[second.name]} from</span>
            <NumberField
              value={second.min}
              range={SWEEP_SECOND_RANGES[second.name]}
              fieldName={`smallest ${second.name}`}
              label={`Smallest ${SECOND_LABELS[second.name]} of the sweep`}
              check={(value) => (value < second.max ? undefined : `must be below the largest (${second.max})`)}
              onCommit={(min) => setSecond({ min })}
            />
          </label>
          <label className="batch-number">
            <span className="control-name">to</span>
            <NumberField
              value={second.max}
              range={SWEEP_SECOND_RANGES[second.name]}
              fieldName={`largest ${second.name}`}
              label={`Largest ${SECOND_LABELS[second.name]} of the sweep`}
              check={(value) => (value > second.min ? undefined : `must be above the smallest (${second.min})`)}
              onCommit={(max) => setSecond({ max })}
            />
          </label>
          <label className="batch-number">
            <span className="control-name">values</span>
            <NumberField
              value={second.count}
              range={SWEEP_SECOND_COUNT_RANGE}
              integer
              fieldName={`${second.name} values`}
              label={`Values of ${SECOND_LABELS[second.name]} in the sweep`}
              onCommit={(count) => setSecond({ count })}
            />
          </label>
        </div>
      )}
      <BatchChoice label="Plot" choices={METRIC_CHOICES} value={settings.metric} onChange={(metric) => update('sweep', { metric })} />
      <BatchActions feature="sweep" name="sweep" />
      <JobStatus feature="sweep" name="sweep" unit="runs" />
      <SweepFigure />
    </div>
  );
}
