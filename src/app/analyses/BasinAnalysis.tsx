import { useId, useMemo } from 'react';
import { basinGrid } from '../../analyses/basin';
import { getMethodSpec } from '../../engine/methods/catalogue';
import { BASIN_RESOLUTIONS, type BasinColorBy, type BasinResolution } from '../../experiment/analysis-settings';
import { resolveDomain } from '../../experiment/run-experiment';
import { clampRunIndex } from '../../experiment/run-index';
import { effectiveColorBy } from '../../views/basin-colours';
import { knownMinimaCount } from './analysis-format';
import { BatchActions, BatchChoice, BatchRunSelect } from './AnalysisControls';
import { JobStatus } from './JobStatus';
import { Select } from '../controls/Select';
import { useAppStore } from '../use-app-store';

const COLOR_CHOICES: readonly { value: BasinColorBy; label: string; title: string }[] = [
  { value: 'minimum', label: 'minimum reached', title: 'one colour per known minimum; grey: none reached; dark: diverged' },
  { value: 'steps', label: 'steps to converge', title: 'light: few steps, dark blue: many; grey: never converged' },
  { value: 'loss', label: 'final loss', title: 'final loss above f* on a log scale' },
];

const COLOR_EXPLANATIONS: Record<BasinColorBy, string> = {
  minimum: 'by the known minimum its run reached',
  steps: 'by the steps its run took to come within 1% of the view’s width of a known minimum',
  loss: 'by its run’s final loss, on a log scale',
};

/** The basin-of-attraction map's settings, job and explanation (the map itself is a layer of the contour map). */
export function BasinAnalysis() {
  const settings = useAppStore((state) => state.basin.settings);
  const update = useAppStore((state) => state.updateBatchSettings);
  const steps = useAppStore((state) => state.experiment.steps);
  const optimizerName = useAppStore((state) => {
    const run = state.experiment.runs[clampRunIndex(settings.run, state.experiment.runs.length)];
    return getMethodSpec(run?.optimizer ?? '')?.name ?? 'the optimizer';
  });
  const viewDomain = useAppStore((state) => state.viewDomain);
  const problem = useAppStore((state) => state.experiment.problem);
  const grid = basinGrid(viewDomain ?? resolveDomain(problem), settings.resolution);
  const minimaCount = useMemo(() => knownMinimaCount(problem), [problem]);
  const colorBy = effectiveColorBy(settings.colorBy, minimaCount);
  const opacityId = useId();

  return (
    <div className="batch-tab">
      <p className="batch-intro">
        Runs {optimizerName} with this run’s settings from the centre of every cell of a {grid.columns} × {grid.rows} grid over the view (
        {(grid.columns * grid.rows).toLocaleString('en')} runs of {steps} steps) and colours each cell {COLOR_EXPLANATIONS[colorBy]}.
        {minimaCount === 0 && ' This problem has no known minima, so cells are coloured by final loss.'}
      </p>
      <div className="batch-controls">
        <BatchRunSelect feature="basin" accessibleName="Run for the basin map" />
        <Select
          label="Grid"
          accessibleName="Basin map grid"
          value={String(settings.resolution)}
          onChange={(text) => update('basin', { resolution: Number(text) as BasinResolution })}
        >
          {BASIN_RESOLUTIONS.map((resolution) => (
            <option key={resolution} value={resolution}>
              {resolution} cells across
            </option>
          ))}
        </Select>
        <label className="batch-opacity">
          <span id={opacityId} className="control-name">
            Opacity
          </span>
          <input
            type="range"
            min={0}
            max={100}
            step={5}
            value={Math.round(settings.opacity * 100)}
            aria-labelledby={opacityId}
            aria-valuetext={`${Math.round(settings.opacity * 100)}%`}
            onChange={(event) => update('basin', { opacity: Number(event.target.value) / 100 })}
          />
        </label>
      </div>
      <BatchChoice
        label="Colour cells by"
        choices={minimaCount === 0 ? COLOR_CHOICES.filter((choice) => choice.value === 'loss') : COLOR_CHOICES}
        value={colorBy}
        onChange={(value) => update('basin', { colorBy: value })}
      />
      <BatchActions feature="basin" name="basin map" />
      <JobStatus feature="basin" name="basin map" unit="cells" />
    </div>
  );
}
