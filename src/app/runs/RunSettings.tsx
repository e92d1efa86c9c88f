import { useState } from 'react';
import type { ClipSpec } from '../../engine/clipping';
import { numberRange } from '../../engine/checks';
import type { HyperSpec, HyperValue, MethodSpec } from '../../engine/methods/catalogue';
import { SCHEDULE_SPECS, type ScheduleSpec, type ScheduleType } from '../../engine/schedules';
import type { ExperimentRun } from '../../experiment/experiment';
import { resolveHyper } from '../../experiment/validate';
import { CLIP_RANGE, PAIR_RANGE, sliderRangeFor } from '../controls/hyper-ranges';
import { Select } from '../controls/Select';
import { Slider } from '../controls/Slider';
import { Toggle } from '../controls/Toggle';
import { Katex } from '../controls/Katex';
import { pairPartLabels, SCHEDULE_LABELS, stackEquations } from './labels';
import { useAppStore, useAppStoreApi } from '../use-app-store';
import { evaluatesText, takesScheduleAndClipping } from './method-needs';
import { scheduleForSteps } from './run-setup';
import { isShown } from '../classroom/use-shown';

/** Props of RunSettings. */
export interface RunSettingsProps {
  index: number;
  run: ExperimentRun;
  definition: MethodSpec;
}

/** What clipping's amount is called and does, per clipping type (torch's names). */
const CLIP_AMOUNTS = {
  norm: { name: 'max_norm', description: 'largest gradient norm: g ← g · min(1, max_norm / ‖g‖)', defaultValue: 1 },
  value: { name: 'clip_value', description: 'largest gradient component: each gᵢ clamped to ±clip_value', defaultValue: 0.5 },
} as const;

const POSITIVE = { min: 0, max: Infinity, exclusiveMin: true } as const;

/**
 * Everything about one run's optimizer: its update rule, every hyperparameter (sliders on a log scale
 * for rates, checkboxes for switches, two sliders for β1 and β2), the learning-rate schedule and
 * gradient clipping. Sliders recompute the paths live while they move.
 */
export function RunSettings({ index, run, definition }: RunSettingsProps) {
  const store = useAppStoreApi();
  const steps = useAppStore((state) => state.experiment.steps);
  const setLive = useAppStore((state) => state.setLive);
  const hidden = useAppStore((state) => state.hidden);
  const presenting = useAppStore((state) => state.presenting);
  const classroom = { hidden, presenting };
  // a switch refused by a cross-field rule (nesterov without momentum), until the next change
  const [refusal, setRefusal] = useState<string | null>(null);
  const hyper = resolveHyper(definition, run.hyper);
  const number = index + 1;

  const crossCheck = (name: string, value: HyperValue): string | undefined => definition.validate?.({ ...hyper, [name]: value }) ?? undefined;
  const setHyper = (name: string, value: HyperValue) => {
    setRefusal(null);
    store.getState().setHyper(index, name, value);
  };
  const update = (patch: Partial<ExperimentRun>) => store.getState().updateRun(index, patch);

  const hyperControl = (spec: HyperSpec) => {
    // a classroom link may hide a hyperparameter by its torch name (runs.lr, runs.momentum)
    if (!isShown(classroom, `runs.${spec.name}`)) return null;
    switch (spec.kind) {
      case 'number': {
        const value = hyper[spec.name] as number;
        return (
          <Slider
            key={spec.name}
            name={spec.name}
            code
            description={spec.description}
            value={value}
            slider={sliderRangeFor(spec, steps, value)}
            valid={numberRange(spec)}
            check={(next) => crossCheck(spec.name, next)}
            onChange={(next) => setHyper(spec.name, next)}
            onLive={setLive}
          />
        );
      }
      case 'boolean':
        return (
          <Toggle
            key={spec.name}
            label={spec.name}
            code
            description={spec.description}
            checked={hyper[spec.name] as boolean}
            onChange={(checked) => {
              const problem = crossCheck(spec.name, checked);
              if (problem) setRefusal(problem);
              else setHyper(spec.name, checked);
            }}
          />
        );
      case 'choice':
        return (
          <Select
            key={spec.name}
            label={spec.name}
            accessibleName={`${spec.name} of run ${number}: ${spec.description}`}
            value={hyper[spec.name] as string}
            onChange={(next) => {
              const problem = crossCheck(spec.name, next);
              if (problem) setRefusal(problem);
              else setHyper(spec.name, next);
            }}
          >
            {spec.options.map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </Select>
        );
      case 'pair': {
        const pair = hyper[spec.name] as readonly [number, number];
        const valid = { min: spec.min, max: spec.max, exclusiveMax: spec.exclusiveMax };
        const parts = pairPartLabels(spec);
        return parts.map((part, position) => {
          const withPart = (next: number): [number, number] => (position === 0 ? [next, pair[1]] : [pair[0], next]);
          return (
            <Slider
              key={`${spec.name}-${position}`}
              name={part.symbol}
              description={`${part.name}: ${part.description}`}
              value={pair[position]}
              slider={PAIR_RANGE}
              valid={valid}
              check={(next) => crossCheck(spec.name, withPart(next))}
              onChange={(next) => setHyper(spec.name, withPart(next))}
              onLive={setLive}
            />
          );
        });
      }
    }
  };

  return (
    <>
      <figure className="update-rule">
        <figcaption>{definition.name} update rule</figcaption>
        <Katex tex={stackEquations(definition.updateRule)} fallback={definition.updateRule} display />
      </figure>
      <p className="method-evaluates" data-testid="method-evaluates">
        Evaluates {evaluatesText(definition.needs)} at each point it tries
      </p>

      <fieldset className="settings-group">
        <legend>
          Hyperparameters<span className="visually-hidden"> of run {number}</span>
        </legend>
        {definition.hyperSpecs.map(hyperControl)}
        {refusal && (
          <p className="field-error" role="alert">
            {refusal}
          </p>
        )}
        <button type="button" className="quiet reset-hyper" onClick={() => update({ hyper: {} })} disabled={Object.keys(run.hyper).length === 0}>
          Reset run {number} to {definition.family === 'first-order' ? "torch's" : 'the'} defaults
        </button>
      </fieldset>

      {takesScheduleAndClipping(definition) && (
        <>
          {isShown(classroom, 'runs.schedule') && (
          <fieldset className="settings-group">
            <legend>
              Learning-rate schedule<span className="visually-hidden"> of run {number}</span>
            </legend>
            <Select
              label="Schedule"
              accessibleName={`Learning-rate schedule of run ${number}`}
              value={run.schedule?.type ?? 'constant'}
              onChange={(type) => update({ schedule: scheduleForSteps(type as ScheduleType, steps) })}
            >
              {(Object.keys(SCHEDULE_SPECS) as ScheduleType[]).map((type) => (
                <option key={type} value={type}>
                  {SCHEDULE_LABELS[type]}
                </option>
              ))}
            </Select>
            {run.schedule && <ScheduleControls schedule={run.schedule} steps={steps} onChange={(schedule) => update({ schedule })} onLive={setLive} />}
          </fieldset>
          )}

          {isShown(classroom, 'runs.clip') && (
          <fieldset className="settings-group">
            <legend>
              Gradient clipping<span className="visually-hidden"> of run {number}</span>
            </legend>
            <Select
              label="Clipping"
              accessibleName={`Gradient clipping of run ${number}`}
              value={run.clip?.type ?? 'none'}
              onChange={(type) => update({ clip: clipOfType(type, run.clip) })}
            >
              <option value="none">none</option>
              <option value="norm">by norm (clip_grad_norm_)</option>
              <option value="value">by value (clip_grad_value_)</option>
            </Select>
            {run.clip && (
              <Slider
                name={CLIP_AMOUNTS[run.clip.type].name}
                code
                description={CLIP_AMOUNTS[run.clip.type].description}
                value={run.clip.type === 'norm' ? run.clip.max_norm : run.clip.clip_value}
                slider={CLIP_RANGE}
                valid={POSITIVE}
                onChange={(amount) => update({ clip: run.clip?.type === 'norm' ? { type: 'norm', max_norm: amount } : { type: 'value', clip_value: amount } })}
                onLive={setLive}
              />
            )}
          </fieldset>
          )}
        </>
      )}
    </>
  );
}

/** The schedule's own parameters (StepLR's step_size and gamma, the cosine's T_max and eta_min, ...). */
function ScheduleControls({
  schedule,
  steps,
  onChange,
  onLive,
}: {
  schedule: ScheduleSpec;
  steps: number;
  onChange(schedule: ScheduleSpec): void;
  onLive(live: boolean): void;
}) {
  const values = schedule as unknown as Readonly<Record<string, number>>;
  return SCHEDULE_SPECS[schedule.type].map((spec) => {
    if (spec.kind !== 'number') return null;
    const value = values[spec.name];
    return (
      <Slider
        key={`${schedule.type}-${spec.name}`}
        name={spec.name}
        code
        description={spec.description}
        value={value}
        slider={sliderRangeFor(spec, steps, value)}
        valid={numberRange(spec)}
        onChange={(next) => onChange({ ...schedule, [spec.name]: next } as ScheduleSpec)}
        onLive={onLive}
      />
    );
  });
}

/** Clipping of the chosen type, keeping the amount when the type does not change. */
function clipOfType(type: string, current: ClipSpec | undefined): ClipSpec | undefined {
  if (type === 'norm') return current?.type === 'norm' ? current : { type: 'norm', max_norm: CLIP_AMOUNTS.norm.defaultValue };
  if (type === 'value') return current?.type === 'value' ? current : { type: 'value', clip_value: CLIP_AMOUNTS.value.defaultValue };
  return undefined;
}
