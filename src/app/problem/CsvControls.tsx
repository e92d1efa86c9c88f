import { useEffect, useId, useMemo, useState } from 'react';
import { defaultFeatureNames, inspectCsv, MAX_CSV_BYTES, type CsvInspection } from '../../engine/data/csv';
import { resolveData, type DataProblem } from '../../engine/problems';
import { Select } from '../controls/Select';
import { draftForCsv, type DataDraft } from './data-draft';
import { fitModelToData } from './data-presets';

/** A CSV the user opened: its name, text and columns, and the columns chosen. */
interface CsvChoice {
  readonly fileName: string;
  readonly text: string;
  readonly inspection: CsvInspection;
  readonly target: string;
  readonly features: readonly string[];
}

/** Props of CsvControls. */
export interface CsvControlsProps {
  /** The experiment's data problem (a CSV one, or the data that stays while a file is chosen). */
  problem: DataProblem;
  /** A file dropped on the panel, to read. */
  droppedFile: File | null;
  onDroppedFileTaken(): void;
  /** Checks and applies a draft; false (with the messages shown) when it fails. */
  commit(draft: DataDraft, title?: string): boolean;
  /** Shows why a file was refused (the experiment stays as it was). */
  onRefuse(title: string, errors: readonly string[]): void;
}

/**
 * The user's own data: open, drop or paste a CSV, then choose the target and the feature columns.
 * A file the reader refuses is named with its line and column and changes nothing; a choice of
 * columns that cannot be used (text in a feature) stays on screen with its messages, to be changed.
 */
export function CsvControls({ problem, droppedFile, onDroppedFileTaken, commit, onRefuse }: CsvControlsProps) {
  const fileId = useId();
  const [pasted, setPasted] = useState('');
  // a file whose column choice did not pass yet; otherwise the experiment's CSV is what shows
  const [pending, setPending] = useState<CsvChoice | null>(null);
  const { dataset } = problem;
  const committed = useMemo<CsvChoice | null>(() => {
    if (dataset.csv === undefined || dataset.content === undefined) return null;
    const inspected = inspectCsv(dataset.content);
    if (!inspected.ok) return null;
    const { all } = resolveData(problem);
    return { fileName: dataset.csv, text: dataset.content, inspection: inspected.value, target: all.targetName, features: all.featureNames };
  }, [dataset, problem]);
  const shown = pending ?? committed;

  /** Applies a choice of columns: the model follows the target (a value or classes), kept where it still fits. */
  const apply = (choice: CsvChoice, title: string) => {
    const column = choice.inspection.columns.find((candidate) => candidate.name === choice.target);
    const task = column?.targetTask ?? 'regression';
    const classes = task === 'classification' ? (column?.distinctCount ?? 2) : 0;
    const fresh = draftForCsv(choice.fileName, choice.text, choice.target, choice.features, task, classes);
    // the same file with another column choice keeps the model, the split and the batch size
    const sameFile = dataset.csv === choice.fileName && dataset.content === choice.text;
    const draft: DataDraft = sameFile
      ? { ...fresh, dataset: { ...dataset, target: choice.target, features: choice.features }, model: fitModelToData(problem.model, task, classes), ...(problem.batch_size !== undefined && { batch_size: problem.batch_size }) }
      : fresh;
    const accepted = commit(draft, title);
    setPending(accepted ? null : choice);
  };

  const read = (fileName: string, text: string) => {
    const inspected = inspectCsv(text);
    if (!inspected.ok) {
      onRefuse(`${fileName} was not loaded`, inspected.errors);
      return;
    }
    const { target, features } = inspected.value;
    apply({ fileName, text, inspection: inspected.value, target, features }, `${fileName} was read, but these columns cannot be used`);
  };

  const readFile = (file: File) => {
    if (file.size > MAX_CSV_BYTES) {
      onRefuse(`${file.name} was not loaded`, [`the file is ${file.size.toLocaleString('en')} bytes; the limit is ${MAX_CSV_BYTES.toLocaleString('en')} bytes`]);
      return;
    }
    file.text().then(
      (text) => read(file.name, text),
      (error: unknown) => onRefuse(`${file.name} could not be read`, [error instanceof Error ? error.message : String(error)]),
    );
  };

  // a file dropped on the panel arrives through the parent
  useEffect(() => {
    if (droppedFile === null) return;
    onDroppedFileTaken();
    readFile(droppedFile);
    // readFile is recreated each render; the drop is what matters
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [droppedFile]);

  const chooseTarget = (target: string) => {
    if (!shown) return;
    apply({ ...shown, target, features: defaultFeatureNames(shown.inspection, target) }, 'These columns cannot be used');
  };
  const toggleFeature = (name: string, on: boolean) => {
    if (!shown) return;
    // keep the file's column order, whatever order they were ticked in
    const features = shown.inspection.columns.map((column) => column.name).filter((column) => (column === name ? on : shown.features.includes(column)));
    apply({ ...shown, features }, 'These columns cannot be used');
  };

  return (
    <fieldset className="data-group csv-controls">
      <legend>Your CSV</legend>
      <div className="csv-open-row">
        <label className="button csv-open" htmlFor={fileId}>
          Open CSV…
        </label>
        <input
          id={fileId}
          className="visually-hidden"
          type="file"
          accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain"
          aria-label="Open CSV file"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) readFile(file);
          }}
        />
        <span className="problem-hint">or drop a file on this panel</span>
      </div>
      <details className="csv-paste">
        <summary>Paste CSV</summary>
        <textarea aria-label="CSV text" rows={5} spellCheck={false} placeholder={'size,rooms,price\n50,2,210\n…'} value={pasted} onChange={(event) => setPasted(event.target.value)} />
        <button type="button" disabled={pasted.trim() === ''} onClick={() => read('pasted.csv', pasted)}>
          Load pasted CSV
        </button>
      </details>
      {shown ? (
        <ColumnChooser choice={shown} onTarget={chooseTarget} onFeature={toggleFeature} />
      ) : (
        <p className="problem-hint">
          A header line is detected; the last column is the target until you choose another. Your file stays on this computer: a share link
          carries it only when it is small.
        </p>
      )}
    </fieldset>
  );
}

/** The target column (a select) and the feature columns (checkboxes), each with what it holds. */
function ColumnChooser({ choice, onTarget, onFeature }: { choice: CsvChoice; onTarget(target: string): void; onFeature(name: string, on: boolean): void }) {
  const { inspection } = choice;
  const target = inspection.columns.find((column) => column.name === choice.target);
  return (
    <div className="csv-columns">
      <p className="problem-hint" data-testid="csv-file">
        {choice.fileName}: {inspection.rows} rows, {inspection.columns.length} columns{inspection.header ? '' : ' (no header line: columns numbered)'}
      </p>
      <Select label="Target" value={choice.target} onChange={onTarget}>
        {inspection.columns.map((column) => (
          <option key={column.name} value={column.name}>
            {column.name}
          </option>
        ))}
      </Select>
      {target && (
        <p className="problem-hint">
          {target.targetTask === 'regression' ? 'A value to predict (regression)' : `Classes: ${target.distinctCount} (${target.sample.join(', ')}${target.distinctCount > target.sample.length ? ', …' : ''})`}
        </p>
      )}
      <fieldset className="csv-features">
        <legend>Features</legend>
        {inspection.columns
          .filter((column) => column.name !== choice.target)
          .map((column) => (
            <label key={column.name} className="toggle-control" title={`e.g. ${column.sample.join(', ')}`}>
              <input type="checkbox" checked={choice.features.includes(column.name)} onChange={(event) => onFeature(column.name, event.target.checked)} />
              <span>
                {column.name}
                {!column.numeric && <span className="control-description"> (text)</span>}
                {column.missingCount > 0 && <span className="control-description"> ({column.missingCount} missing)</span>}
              </span>
            </label>
          ))}
      </fieldset>
    </div>
  );
}

