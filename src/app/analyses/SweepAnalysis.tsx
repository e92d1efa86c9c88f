import { getMethodSpec } from '../../engine/methods/catalogue';
import {
  SWEEP_COUNT_RANGE,
  SWEEP_LR_RANGE,
  SWEEP_SECOND_COUNT_RANGE,
  SWEEP_SECOND_RANGES,
  defaultSecondAxis,
  effectiveSecondAxis,
  secondAxisFor,
  sweptParameter,
  type SweepMetric,
  type SweepSecondAxis,
  type SweepSecondName,
} from '../../experiment/analysis-settings';
import { clampRunIndex } from '../../experiment/run-index';
import { SECOND_LABELS } from './analysis-format';
import { BatchActions, BatchChoice, BatchRunSelect } from './AnalysisControls';
import { JobStatus } from './JobStatus';
import { SweepFigure } from './SweepFigure';
import { SweepRangeFields, type RangeFieldNames } from './SweepRangeFields';
import { Select } from '../controls/Select';
import { useAppStore } from '../use-app-store';

const METRIC_CHOICES: readonly { value: SweepMetric; label: string; title: string }[] = [
  { value: 'final', label: 'final loss', title: 'the loss after the last step' },
  { value: 'best', label: 'best loss', title: 'the lowest loss seen on the way' },
];

const LEARNING_RATE_NAMES: RangeFieldNames = {
  min: { fieldName: 'smallest learning rate', label: 'Smallest learning rate of the sweep' },
  max: { fieldName: 'largest learning rate', label: 'Largest learning rate of the sweep' },
  count: { fieldName: 'learning rates', label: 'Learning rates in the sweep' },
  belowMax: (max) => `the smallest learning rate must be below the largest (${max})`,
  aboveMin: (min) => `the largest learning rate must be above the smallest (${min})`,
};

/** The second axis's fields as messages and assistive technology name them. */
function secondNames(name: SweepSecondName): RangeFieldNames {
  const shown = SECOND_LABELS[name];
  return {
    min: { fieldName: `smallest ${name}`, label: `Smallest ${shown} of the sweep` },
    max: { fieldName: `largest ${name}`, label: `Largest ${shown} of the sweep` },
    count: { fieldName: `${name} values`, label: `Values of ${shown} in the sweep` },
    belowMax: (max) => `must be below the largest (${max})`,
    aboveMin: (min) => `must be above the smallest (${min})`,
  };
}

/** The learning-rate sweep: its grid, the optional second axis, its job, and the chart or heatmap. */
export function SweepAnalysis() {
  const settings = useAppStore((state) => state.sweep.settings);
  const update = useAppStore((state) => state.updateBatchSettings);
  const steps = useAppStore((state) => state.experiment.steps);
  const runIndex = useAppStore((state) => clampRunIndex(settings.run, state.experiment.runs.length));
  const optimizerId = useAppStore((state) => state.experiment.runs[runIndex]?.optimizer ?? '');
  const optimizerName = getMethodSpec(optimizerId)?.name ?? optimizerId;
  const available = secondAxisFor(optimizerId);
  const parameter = sweptParameter(optimizerId);
  const sweptName = parameter?.name ?? 'lr';
  const values = sweptName === 'lr' ? 'learning rates' : `values of ${sweptName}`;
  const second = effectiveSecondAxis(settings, optimizerId);
  const setSecond = (patch: Partial<SweepSecondAxis>) => second && update('sweep', { second: { ...second, ...patch } });

  return (
    <div className="batch-tab">
      <p className="batch-intro">
        Runs {optimizerName} from run {runIndex + 1}’s start for {steps} steps at {settings.count} {values} spaced evenly on a log scale
        {second ? `, each with ${second.count} values of ${SECOND_LABELS[second.name]}` : ''} ({(settings.count * (second?.count ?? 1)).toLocaleString('en')} runs), and
        plots each run’s {settings.metric} loss. Click a {second ? 'cell' : 'point'} to give run {runIndex + 1} {second ? 'those settings' : `that ${sweptName === 'lr' ? 'learning rate' : sweptName}`}.
      </p>
      <div className="batch-controls">
        <BatchRunSelect feature="sweep" accessibleName="Run for the sweep" />
        <SweepRangeFields
          name={<code>{sweptName}</code>}
          min={settings.lrMin}
          max={settings.lrMax}
          count={settings.count}
          range={parameter && sweptName !== 'lr' ? parameter.range : SWEEP_LR_RANGE}
          countRange={SWEEP_COUNT_RANGE}
          names={LEARNING_RATE_NAMES}
          onCommit={{ min: (lrMin) => update('sweep', { lrMin }), max: (lrMax) => update('sweep', { lrMax }), count: (count) => update('sweep', { count }) }}
        />
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
          <SweepRangeFields
            name={SECOND_LABELS[second.name]}
            min={second.min}
            max={second.max}
            count={second.count}
            range={SWEEP_SECOND_RANGES[second.name]}
            countRange={SWEEP_SECOND_COUNT_RANGE}
            names={secondNames(second.name)}
            onCommit={{ min: (min) => setSecond({ min }), max: (max) => setSecond({ max }), count: (count) => setSecond({ count }) }}
          />
        </div>
      )}
      <BatchChoice label="Plot" choices={METRIC_CHOICES} value={settings.metric} onChange={(metric) => update('sweep', { metric })} />
      <BatchActions feature="sweep" name="sweep" />
      <JobStatus feature="sweep" name="sweep" unit="runs" />
      <SweepFigure />
    </div>
  );
}
