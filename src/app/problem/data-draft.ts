import type { Checked } from '../../engine/check-values';
import { classCount } from '../../engine/data/dataset';
import { checkDatasetSpec, type DatasetSpec } from '../../engine/data/dataset-spec';
import type { ModelSpec } from '../../engine/models';
import { checkProblem, type DataProblem } from '../../engine/problems';
import { DATA_PRESETS, fitModelToData, presetForTask, type DataPreset } from './data-presets';

// The problem panel edits a data problem as a draft: the data set, the model and the batch size as
// the controls set them. A draft reaches the experiment only through the experiment's own validation
// (checkProblem), so the page and a JSON file accept the same problems; a draft that fails keeps the
// experiment as it was and its messages are shown.

/** A data problem as the panel's controls set it, before validation. */
export interface DataDraft {
  readonly dataset: DatasetSpec;
  readonly model: ModelSpec;
  readonly batch_size?: number;
}

/** The draft that choosing a data set makes: its preset's model, split, scaling and batch size. */
export function draftForDataset(name: string, content?: string): DataDraft {
  const preset = DATA_PRESETS[name];
  return withPreset({ name, ...(content !== undefined && { content }) }, preset ?? { model: { kind: 'linear' } });
}

/** The draft for a CSV the user opened, with the target and features chosen (the model follows the target's task). */
export function draftForCsv(fileName: string, content: string, target: string, features: readonly string[], task: 'regression' | 'classification', classes: number): DataDraft {
  return withPreset({ csv: fileName, content, target, features }, presetForTask(task, classes));
}

function withPreset(dataset: DatasetSpec, preset: DataPreset): DataDraft {
  return {
    dataset: {
      ...dataset,
      ...(preset.validation !== undefined && { validation: preset.validation }),
      ...(preset.standardize && { standardize: true }),
    },
    model: preset.model,
    ...(preset.batchSize !== undefined && { batch_size: preset.batchSize }),
  };
}

/**
 * The checked data problem for a draft, or the reasons it cannot be used. The model is first made to
 * fit the data (fitModelToData): more classes turn logistic into softmax rather than an error.
 */
export function checkDraft(draft: DataDraft): Checked<DataProblem> {
  const dataset = checkDatasetSpec(draft.dataset, 'dataset');
  if (!dataset.ok) return dataset;
  const { task } = dataset.value.dataset;
  const model = fitModelToData(draft.model, task, classCount(dataset.value.dataset));
  const checked = checkProblem({ kind: 'data', dataset: draft.dataset, model, ...(draft.batch_size !== undefined && { batch_size: draft.batch_size }) }, '');
  if (!checked.ok) return checked;
  if (checked.value.kind !== 'data') return { ok: false, errors: ['not a data problem'] };
  return { ok: true, value: checked.value };
}
