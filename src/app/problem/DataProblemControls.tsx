import { useId, useMemo, useState, type DragEvent } from 'react';
import { BUNDLED_DATASETS } from '../../engine/data/bundled';
import { classCount } from '../../engine/data/dataset';
import { DATASET_GENERATORS, findGenerator, validateDatasetParams, withDefaultParams } from '../../engine/data/generators';
import type { DatasetGenerator } from '../../engine/data/generators';
import type { HyperSpec, HyperValue } from '../../engine/methods/hyperparameters';
import type { ModelSpec } from '../../engine/models';
import { resolveData, type DataProblem } from '../../engine/problems';
import { Select } from '../controls/Select';
import { Slider } from '../controls/Slider';
import { NumberField } from '../controls/NumberField';
import { Toggle } from '../controls/Toggle';
import { useAppStore, useAppStoreApi } from '../use-app-store';
import { applyProblem } from './apply-problem';
import { CsvControls } from './CsvControls';
import { checkDraft, draftForDataset, type DataDraft } from './data-draft';
import { batchSizeChoices, batchText, taskText } from './data-labels';
import { generatorSliderRange } from './data-param-ranges';
import { ModelControls } from './ModelControls';
import { bundledUrl, fetchBundledCsv } from './bundled-text';
import './DataProblemControls.css';

/** The data set picker's value for "Your CSV…". */
export const CSV_OPTION = '__csv';

const REGRESSION_SETS = DATASET_GENERATORS.filter((generator) => generator.task === 'regression');
const CLASSIFICATION_SETS = DATASET_GENERATORS.filter((generator) => generator.task === 'classification');

/** What went wrong with the last change: shown in an alert, the experiment left as it was. */
interface Refusal {
  readonly title: string;
  readonly errors: readonly string[];
}

/**
 * A model fitted to data: the data set (generated with its parameters, a bundled real one, or the
 * user's CSV), the validation split and scaling, the model and the batch size. Every change goes
 * through the experiment's validation; one that fails is named here and changes nothing.
 */
export function DataProblemControls({ problem }: { problem: DataProblem }) {
  const store = useAppStoreApi();
  const setLive = useAppStore((state) => state.setLive);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [loading, setLoading] = useState<string | null>(null);
  // "Your CSV…" chosen before any file is open: the loader shows, the experiment keeps its data
  const [choosingCsv, setChoosingCsv] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [droppedFile, setDroppedFile] = useState<File | null>(null);
  const data = useMemo(() => resolveData(problem), [problem]);
  const { dataset } = problem;
  const classes = classCount(data.all);
  const isCsv = dataset.csv !== undefined;
  const generator = dataset.name === undefined ? undefined : findGenerator(dataset.name);

  /** Checks the draft and, when it passes, makes it the experiment's problem; else names what is wrong. */
  const commit = (draft: DataDraft, title = 'This change was not applied'): boolean => {
    const checked = checkDraft(draft);
    if (!checked.ok) {
      setRefusal({ title, errors: checked.errors });
      return false;
    }
    setRefusal(null);
    setChoosingCsv(false);
    applyProblem(store, checked.value);
    return true;
  };
  const current: DataDraft = { dataset, model: problem.model, ...(problem.batch_size !== undefined && { batch_size: problem.batch_size }) };
  const commitDataset = (patch: Partial<DataDraft['dataset']>) => commit({ ...current, dataset: { ...dataset, ...patch } });

  const chooseDataset = (name: string) => {
    setRefusal(null);
    if (name === CSV_OPTION) {
      setChoosingCsv(true);
      return;
    }
    setChoosingCsv(false);
    const bundled = BUNDLED_DATASETS.find((entry) => entry.name === name);
    if (!bundled) {
      commit(draftForDataset(name));
      return;
    }
    setLoading(bundled.fileName);
    fetchBundledCsv(bundledUrl(import.meta.env.BASE_URL, bundled.fileName)).then(
      (text) => {
        setLoading(null);
        commit(draftForDataset(name, text), `${bundled.title} could not be used`);
      },
      (error: unknown) => {
        setLoading(null);
        setRefusal({ title: `${bundled.title} could not be loaded`, errors: [error instanceof Error ? error.message : String(error)] });
      },
    );
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    const file = event.dataTransfer.files[0];
    if (!file) return;
    event.preventDefault();
    setDragging(false);
    setChoosingCsv(true);
    setDroppedFile(file);
  };

  const pickerValue = choosingCsv || isCsv ? CSV_OPTION : (dataset.name ?? '');
  const headingId = useId();
  return (
    <div
      className={dragging ? 'data-problem dragging' : 'data-problem'}
      onDragOver={(event) => {
        if (!event.dataTransfer.types.includes('Files')) return;
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <Select label="Data set" value={pickerValue} onChange={chooseDataset}>
        <optgroup label="Regression (generated)">
          {REGRESSION_SETS.map((entry) => (
            <option key={entry.name} value={entry.name}>
              {entry.title}
            </option>
          ))}
        </optgroup>
        <optgroup label="Classification (generated)">
          {CLASSIFICATION_SETS.map((entry) => (
            <option key={entry.name} value={entry.name}>
              {entry.title}
            </option>
          ))}
        </optgroup>
        {BUNDLED_DATASETS.length > 0 && (
          <optgroup label="Real data (scikit-learn)">
            {BUNDLED_DATASETS.map((entry) => (
              <option key={entry.name} value={entry.name}>
                {entry.title}
              </option>
            ))}
          </optgroup>
        )}
        <optgroup label="Your own">
          <option value={CSV_OPTION}>Your CSV…</option>
        </optgroup>
      </Select>
      <p className="problem-hint" data-testid="data-summary">
        {data.all.rows} rows · {data.all.columns} {data.all.columns === 1 ? 'feature' : 'features'} · {taskText(data.all.task, classes)}
        {data.validation.rows > 0 && ` · ${data.train.rows} train / ${data.validation.rows} validation`}
      </p>
      {choosingCsv && !isCsv && (
        <p className="problem-hint">Until a file is loaded, the playground keeps fitting the data above.</p>
      )}
      {loading && (
        <p className="problem-hint" role="status">
          Loading {loading}…
        </p>
      )}

      {(choosingCsv || isCsv) && (
        <CsvControls
          problem={problem}
          droppedFile={droppedFile}
          onDroppedFileTaken={() => setDroppedFile(null)}
          commit={commit}
          onRefuse={(title, errors) => setRefusal({ title, errors })}
        />
      )}
      {!choosingCsv && generator && <GeneratorControls generator={generator} problem={problem} onCommit={commitDataset} onLive={setLive} />}
      {refusal && (
        <div className="data-refusal" role="alert" data-testid="data-problem-message">
          <p className="data-refusal-title">{refusal.title}</p>
          <ul>
            {refusal.errors.map((error, index) => (
              <li key={index}>{error}</li>
            ))}
          </ul>
          <p className="problem-hint">The data already loaded stays.</p>
        </div>
      )}

      <fieldset className="data-group data-split" aria-labelledby={headingId}>
        <legend id={headingId}>Split and scaling</legend>
        <Slider
          name="Validation fraction"
          description="rows held out by a seeded shuffle"
          value={dataset.validation ?? 0}
          slider={{ min: 0, max: 0.9, scale: 'linear' }}
          valid={{ min: 0, max: 1, exclusiveMax: true }}
          onChange={(validation) => commitDataset({ validation })}
          onLive={setLive}
        />
        <Toggle
          label="Standardize features"
          description="z-score each feature with the training rows' mean and deviation"
          checked={dataset.standardize ?? false}
          onChange={(standardize) => commitDataset({ standardize })}
        />
      </fieldset>

      <ModelControls problem={problem} classes={classes} task={data.all.task} onCommit={(model: ModelSpec) => commit({ ...current, model })} />

      <div className="batch-row">
        <Select
          label="Batch size"
          value={problem.batch_size === undefined ? 'full' : String(problem.batch_size)}
          onChange={(value) => {
            const { batch_size: _previous, ...rest } = current;
            commit(value === 'full' ? rest : { ...rest, batch_size: Number(value) });
          }}
        >
          <option value="full">Full batch</option>
          {batchSizeChoices(data.train.rows, problem.batch_size).map((size) => (
            <option key={size} value={String(size)}>
              {size}
            </option>
          ))}
        </Select>
        <p className="problem-hint" data-testid="batch-text">
          {batchText(data.train.rows, problem.batch_size)}
        </p>
      </div>

    </div>
  );
}

/** A generated data set's parameters: rows, noise, the others, and the seed that draws it. */
function GeneratorControls({
  generator,
  problem,
  onCommit,
  onLive,
}: {
  generator: DatasetGenerator;
  problem: DataProblem;
  onCommit(patch: Partial<DataProblem['dataset']>): void;
  onLive(live: boolean): void;
}) {
  const { dataset } = problem;
  const params = withDefaultParams(generator, dataset.params ?? {});
  // samples first, then the noise the generator names, then the rest in the generator's order
  const ordered = [...generator.paramSpecs].sort((a, b) => rank(generator, a) - rank(generator, b));
  const setParameter = (name: string, value: HyperValue) => onCommit({ params: { ...(dataset.params ?? {}), [name]: value } });
  const check = (name: string, value: HyperValue) => validateDatasetParams(generator, { ...(dataset.params ?? {}), [name]: value }, 'dataset')[0];
  const seedId = useId();

  const control = (spec: HyperSpec) => {
    const label = spec.name === 'samples' ? 'Samples' : spec.name === generator.noiseParameter ? `Noise (${spec.name})` : spec.name;
    switch (spec.kind) {
      case 'number': {
        const value = params[spec.name] as number;
        return (
          <Slider
            key={`${generator.name}-${spec.name}`}
            name={label}
            description={spec.description}
            value={value}
            slider={generatorSliderRange(spec, value)}
            valid={{ min: spec.min, max: spec.max, ...(spec.integer && { integer: true }), ...(spec.exclusiveMin && { exclusiveMin: true }) }}
            check={(next) => check(spec.name, next)}
            onChange={(next) => setParameter(spec.name, next)}
            onLive={onLive}
          />
        );
      }
      case 'pair': {
        const pair = params[spec.name] as readonly [number, number];
        return (
          <div key={`${generator.name}-${spec.name}`} className="pair-row">
            <span className="control-name">
              {spec.name} <span className="control-description">({spec.description})</span>
            </span>
            {(['low', 'high'] as const).map((end, position) => (
              <NumberField
                key={end}
                value={pair[position]}
                range={{ min: spec.min, max: spec.max }}
                fieldName={`${spec.name} ${end}`}
                label={`${spec.name} ${end}`}
                check={(next) => check(spec.name, position === 0 ? [next, pair[1]] : [pair[0], next])}
                onCommit={(next) => setParameter(spec.name, position === 0 ? [next, pair[1]] : [pair[0], next])}
              />
            ))}
          </div>
        );
      }
      case 'boolean':
        return <Toggle key={spec.name} label={spec.name} description={spec.description} checked={params[spec.name] as boolean} onChange={(next) => setParameter(spec.name, next)} />;
      case 'choice':
        return (
          <Select key={spec.name} label={spec.name} value={params[spec.name] as string} onChange={(next) => setParameter(spec.name, next)}>
            {spec.options.map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </Select>
        );
    }
  };

  return (
    <fieldset className="data-group generator-controls">
      <legend>{generator.title}</legend>
      {ordered.map(control)}
      <div className="seed-row">
        <span className="control-name" id={seedId}>
          Data seed
        </span>
        <NumberField value={dataset.seed ?? 0} range={{ min: 0, max: 0xffff_ffff, integer: true }} fieldName="data seed" labelledBy={seedId} integer onCommit={(seed) => onCommit({ seed })} />
        <button type="button" title="Draw the data set again with a new seed" onClick={() => onCommit({ seed: crypto.getRandomValues(new Uint32Array(1))[0] })}>
          New data
        </button>
      </div>
    </fieldset>
  );
}

/** Samples first, the noise second, the rest after. */
function rank(generator: DatasetGenerator, spec: HyperSpec): number {
  if (spec.name === 'samples') return 0;
  if (spec.name === generator.noiseParameter) return 1;
  return 2 + generator.paramSpecs.indexOf(spec);
}
