import { useMemo } from 'react';
import { getMethodSpec } from '../../engine/methods/catalogue';
import { problemSuggestedStarts, resolveData, type DataProblem } from '../../engine/problems';
import type { ExperimentRun, Problem } from '../../experiment/experiment';
import { methodMemory } from '../../experiment/method-memory';
import { resolveHyper } from '../../experiment/validate';
import type { RunPayload } from '../../worker/protocol';

// What a run card says instead of an (x, y) start on a problem with more than two coordinates, and,
// on a model, the memory and passes of its method beside its loss (as the zeroth-order papers
// compare MeZO with backpropagation).

const count = new Intl.NumberFormat('en-US');

/** "Start: the model's initialization (105 parameters)", or the start's size for other n-D problems. */
export function StartSummary({ run, problem }: { run: ExperimentRun; problem: Problem }) {
  const isDefault = useMemo(() => {
    if (problem.kind !== 'data') return false;
    const initial = problemSuggestedStarts(problem)[0];
    return initial.length === run.start.length && initial.every((value, index) => Object.is(value, run.start[index]));
  }, [problem, run.start]);
  const size = `${count.format(run.start.length)} ${problem.kind === 'data' ? 'parameters' : 'coordinates'}`;
  return (
    <div className="run-card-row run-start">
      <span className="run-start-label">Start</span>
      <span className="run-start-summary">{isDefault ? `the model's initialization (${size})` : `a given point (${size})`}</span>
    </div>
  );
}

/** "Memory: 105 parameters + 210 state + 170 activation floats · 300 forward, 300 backward passes". */
export function RunMemory({ run, problem, result }: { run: ExperimentRun; problem: DataProblem; result: RunPayload | undefined }) {
  const memory = useMemo(() => {
    const method = getMethodSpec(run.optimizer);
    if (!method) return null;
    const data = resolveData(problem);
    const model = data.createModel();
    const batchRows = Math.min(data.batchSize ?? data.train.rows, data.train.rows);
    return { parameters: model.parameterCount, ...methodMemory(method.id, resolveHyper(method, run.hyper), model, batchRows) };
  }, [run.optimizer, run.hyper, problem]);
  if (memory === null) return null;
  const last = result ? result.loss.length - 1 : -1;
  const forward = last >= 0 ? result?.evaluations.function[last] : undefined;
  const backward = last >= 0 ? result?.evaluations.gradient[last] : undefined;
  return (
    <p className="run-memory" title="Floats the method needs: the parameters, its own state between steps, and the activations one evaluation holds (a backward pass keeps every unit of every row of the batch; a forward-only pass the widest layer)">
      Memory: {count.format(memory.parameters)} parameters + {count.format(memory.stateFloats)} state + {count.format(memory.passFloats)} activation floats
      {forward !== undefined && (
        <>
          {' '}
          · {count.format(forward)} forward{memory.backward ? `, ${count.format(backward ?? 0)} backward` : ''} passes
        </>
      )}
    </p>
  );
}
