import { useId } from 'react';
import type { DatasetTask } from '../../engine/data/dataset';
import type { Activation, ModelKind, ModelSpec, OutputLoss } from '../../engine/models';
import { MAX_HIDDEN_LAYERS, MAX_HIDDEN_UNITS } from '../../engine/models/mlp';
import { DEFAULT_HIDDEN, MODEL_TASKS, MODEL_TITLES } from '../../engine/models/model-spec';
import { problemDimension, type DataProblem } from '../../engine/problems';
import { NumberField } from '../controls/NumberField';
import { Segmented } from '../controls/Segmented';
import { Select } from '../controls/Select';
import { Slider } from '../controls/Slider';
import { useAppStore } from '../use-app-store';
import { lossConvention } from './data-labels';

type MlpSpec = Extract<ModelSpec, { kind: 'mlp' }>;

const MODEL_KINDS = Object.keys(MODEL_TITLES) as ModelKind[];
const ACTIVATIONS: readonly Activation[] = ['tanh', 'relu', 'sigmoid'];
const LAYER_COUNTS = Array.from({ length: MAX_HIDDEN_LAYERS }, (_, index) => index + 1);

/** The model kinds that fit the data: linear for values, logistic for 2 classes, softmax for classes, the MLP for either. */
export function fittingModelKinds(task: DatasetTask, classes: number): ModelKind[] {
  return MODEL_KINDS.filter((kind) => MODEL_TASKS[kind].includes(task) && (kind !== 'logistic' || classes === 2));
}

/** The model: its kind (only those that fit the data), an MLP's layers, and the loss it minimises, stated. */
export function ModelControls({ problem, task, classes, onCommit }: { problem: DataProblem; task: DatasetTask; classes: number; onCommit(model: ModelSpec): void }) {
  const { model } = problem;
  const headingId = useId();
  const setLive = useAppStore((state) => state.setLive);
  const dimension = problemDimension(problem);

  const chooseKind = (kind: string) => {
    if (kind === model.kind) return;
    if (kind === 'mlp') onCommit({ kind: 'mlp', hidden: [...DEFAULT_HIDDEN], activation: 'tanh', loss: task === 'regression' ? 'mse' : 'cross_entropy' });
    else onCommit({ kind: kind as 'linear' | 'logistic' | 'softmax' });
  };

  return (
    <fieldset className="data-group model-controls" aria-labelledby={headingId}>
      <legend id={headingId}>Model</legend>
      <Select label="Model" value={model.kind} onChange={chooseKind}>
        {fittingModelKinds(task, classes).map((kind) => (
          <option key={kind} value={kind}>
            {MODEL_TITLES[kind]}
          </option>
        ))}
      </Select>
      {model.kind === 'mlp' && <MlpControls model={model} task={task} onCommit={onCommit} onLive={setLive} />}
      <p className="problem-hint model-convention" data-testid="loss-convention">
        {lossConvention(model, classes)}
      </p>
      <p className="problem-hint" data-testid="parameter-count">
        {dimension} parameters
        {dimension === 2 && model.kind === 'linear' ? ' (slope and intercept): the map shows the loss over them' : ''}
      </p>
    </fieldset>
  );
}

/** An MLP's hidden layers (1-4 of 1-64 units), activation, loss, weight decay and initialization seed. */
function MlpControls({ model, task, onCommit, onLive }: { model: MlpSpec; task: DatasetTask; onCommit(model: ModelSpec): void; onLive(live: boolean): void }) {
  const layersId = useId();
  const seedId = useId();
  const setLayers = (count: number) => {
    const hidden = Array.from({ length: count }, (_, index) => model.hidden[index] ?? model.hidden[model.hidden.length - 1] ?? DEFAULT_HIDDEN[0]);
    onCommit({ ...model, hidden });
  };
  const setUnits = (layer: number, units: number) => onCommit({ ...model, hidden: model.hidden.map((width, index) => (index === layer ? units : width)) });
  const { weight_decay: _weightDecay, ...withoutDecay } = model;
  const { seed: _seed, ...withoutSeed } = model;

  return (
    <div className="mlp-controls">
      <div className="mlp-layers">
        <span className="control-name" id={layersId}>
          Hidden layers
        </span>
        <Segmented choices={LAYER_COUNTS.map((count) => ({ value: count, label: String(count) }))} value={model.hidden.length} onChange={setLayers} labelledBy={layersId} />
      </div>
      <div className="mlp-units">
        {model.hidden.map((units, layer) => (
          <label key={layer} className="mlp-unit-field">
            <span className="control-name">Layer {layer + 1}</span>
            <NumberField
              value={units}
              range={{ min: 1, max: MAX_HIDDEN_UNITS, integer: true }}
              fieldName={`units in layer ${layer + 1}`}
              label={`Units in hidden layer ${layer + 1}`}
              integer
              onCommit={(next) => setUnits(layer, next)}
            />
          </label>
        ))}
      </div>
      <Select label="Activation" value={model.activation} onChange={(activation) => onCommit({ ...model, activation: activation as Activation })}>
        {ACTIVATIONS.map((activation) => (
          <option key={activation} value={activation}>
            {activation}
          </option>
        ))}
      </Select>
      <Select label="Loss" value={model.loss} onChange={(loss) => onCommit({ ...model, loss: loss as OutputLoss })}>
        <option value="mse">Mean squared error</option>
        {task === 'classification' && <option value="cross_entropy">Cross-entropy</option>}
      </Select>
      <Slider
        name="weight_decay"
        code
        description="L2 penalty λ on the weights, part of the loss (apart from the optimizer's)"
        value={model.weight_decay ?? 0}
        slider={{ min: 0, max: 1, scale: 'log-zero', logMin: 1e-5 }}
        valid={{ min: 0, max: Number.MAX_VALUE }}
        onChange={(weightDecay) => onCommit(weightDecay === 0 ? withoutDecay : { ...model, weight_decay: weightDecay })}
        onLive={onLive}
      />
      <div className="seed-row">
        <span className="control-name" id={seedId}>
          Initialization seed
        </span>
        <NumberField
          value={model.seed ?? 0}
          range={{ min: 0, max: 0xffff_ffff, integer: true }}
          fieldName="initialization seed"
          labelledBy={seedId}
          integer
          onCommit={(seed) => onCommit(seed === 0 ? withoutSeed : { ...model, seed })}
        />
      </div>
    </div>
  );
}
