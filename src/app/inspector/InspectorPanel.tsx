import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { StepInspection } from '../../engine/inspect-step';
import { getMethodSpec } from '../../engine/methods/catalogue';
import { Katex } from '../controls/Katex';
import { runLabels } from '../runs/labels';
import { useAppStore, useAppStoreApi } from '../use-app-store';
import { inspectionJson } from './inspector-format';
import { takeReveal } from './inspector-open';
import { Narration } from './Narration';
import { NumberText, QuantityValue, VectorText } from './QuantityValue';
import './InspectorPanel.css';

/**
 * The step inspector: one run at the shown step (x_k, f, the exact ∇f, the update Δ, the evaluations
 * so far) and the method's state in its own named quantities, with the step narrated on request. The
 * engine replays the run to the step (sync/inspection-sync.ts); this panel only shows the answer.
 * Loaded on first open (lazy-component.ts): it is not part of the first paint.
 */
export function InspectorPanel() {
  const store = useAppStoreApi();
  const inspectedRun = useAppStore((state) => state.inspectedRun);
  const runs = useAppStore((state) => state.experiment.runs);
  const experiment = useAppStore((state) => state.experiment);
  const step = useAppStore((state) => state.step);
  const inspections = useAppStore((state) => state.inspections);
  const [narrate, setNarrate] = useState(false);
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);

  // a run removed while inspected: show the last one left
  useEffect(() => {
    if (inspectedRun !== null && inspectedRun >= runs.length) store.getState().setInspectedRun(runs.length - 1);
  }, [inspectedRun, runs.length, store]);
  // opened from a button: into view, the focus on the heading so the keyboard continues from here
  useEffect(() => {
    if (inspectedRun !== null && takeReveal()) {
      headingRef.current?.scrollIntoView({ block: 'nearest' });
      headingRef.current?.focus({ preventScroll: true });
    }
  }, [inspectedRun]);

  if (inspectedRun === null || inspectedRun >= runs.length) return null;
  const run = runs[inspectedRun];
  const names = runLabels(runs);
  const method = getMethodSpec(run.optimizer);
  const fresh = inspections !== null && inspections.experiment === experiment && inspections.step === step;
  // the previous answer stays on screen (marked busy) until the engine answers for this step, so scrubbing does not flicker
  const inspection: StepInspection | undefined = inspections !== null && inspections.experiment === experiment ? inspections.runs[inspectedRun] : undefined;

  return (
    <section className="panel inspector-panel" aria-labelledby={headingId} aria-busy={!fresh} data-testid="inspector" data-step={fresh ? inspection?.step : undefined}>
      <div className="inspector-head">
        <h2 id={headingId} ref={headingRef} tabIndex={-1}>
          Step inspector
        </h2>
        <label className="inspector-run-picker">
          <span>Run</span>
          <select aria-label="Inspected run" value={inspectedRun} onChange={(event) => store.getState().setInspectedRun(Number(event.target.value))}>
            {runs.map((_, index) => (
              <option key={index} value={index}>
                {index + 1}: {names[index]}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="quiet" onClick={() => store.getState().setInspectedRun(null)}>
          Close<span className="visually-hidden"> the step inspector</span>
        </button>
      </div>

      <div className="inspector-steps" role="group" aria-label="Inspected step">
        <button type="button" onClick={() => store.getState().stepBack()} disabled={step <= 0}>
          ← Previous step
        </button>
        <output className="inspector-step" aria-live="off">
          step <strong>{step}</strong> of {experiment.steps}
        </output>
        <button type="button" onClick={() => store.getState().stepForward()} disabled={step >= experiment.steps}>
          Next step →
        </button>
        <label className="inspector-narrate">
          <input type="checkbox" checked={narrate} onChange={(event) => setNarrate(event.target.checked)} />
          Narrate steps
        </label>
      </div>

      {inspection === undefined ? (
        <p className="inspector-waiting">Inspecting run {inspectedRun + 1} at step {step}…</p>
      ) : (
        <InspectionView runIndex={inspectedRun} inspection={inspection} methodName={method?.name ?? run.optimizer} askedStep={step} narrate={narrate} />
      )}
    </section>
  );
}

/** Props of InspectionView. */
interface InspectionViewProps {
  runIndex: number;
  inspection: StepInspection;
  methodName: string;
  /** The step shown on the page (the run may have ended before it). */
  askedStep: number;
  narrate: boolean;
}

/** One run's inspection: the narration when asked, the point and its derivatives, the counts, the method's state. */
function InspectionView({ runIndex, inspection, methodName, askedStep, narrate }: InspectionViewProps) {
  const playing = useAppStore((state) => state.playing);
  const { step, point, value, gradient, delta, evaluations, method } = inspection;
  const k = String(step);
  const previous = String(step - 1);
  return (
    <>
      {step < askedStep && <p className="inspector-note">This run ended at step {step}: shown there.</p>}
      <dl className="inspector-values">
        <Row testId="inspector-point" symbol={`x_{${k}}`} label="the point">
          <VectorText vector={point} />
        </Row>
        <Row testId="inspector-value" symbol={`f(x_{${k}})`} label="the loss there">
          <NumberText value={value} />
        </Row>
        <Row testId="inspector-gradient" symbol={`\\nabla f(x_{${k}})`} label="the gradient there, exact (no noise, all the data)">
          <VectorText vector={gradient} />
        </Row>
        <Row testId="inspector-delta" symbol={step === 0 ? `\\Delta_{0}` : `\\Delta_{${k}} = x_{${k}} - x_{${previous}}`} label="the update">
          {delta === null ? <span>none: the start</span> : <VectorText vector={delta} />}
        </Row>
        <Row testId="inspector-evaluations" symbol="\#" label="evaluations so far">
          <span>
            f <NumberText value={evaluations.function} />, ∇f <NumberText value={evaluations.gradient} />, ∇²f <NumberText value={evaluations.hessian} />
          </span>
        </Row>
      </dl>
      {narrate && <Narration step={step} narration={method?.narration ?? null} playing={playing} />}

      <h3 className="inspector-subheading">{methodName}’s state after step {step}</h3>
      {method === null ? (
        <p className="inspector-note">This method does not show its state yet.</p>
      ) : method.state.length === 0 ? (
        <p className="inspector-note">This method keeps no state between steps.</p>
      ) : (
        <div className="inspector-state-wrap">
          <table className="inspector-state">
            <thead>
              <tr>
                <th scope="col">Quantity</th>
                <th scope="col">Symbol</th>
                <th scope="col">Value</th>
              </tr>
            </thead>
            <tbody>
              {method.state.map((quantity) => (
                <tr key={quantity.name} data-quantity={quantity.name}>
                  <th scope="row">{quantity.label}</th>
                  <td>
                    <Katex tex={quantity.symbol} fallback={quantity.symbol} />
                  </td>
                  <td>
                    <QuantityValue quantity={quantity} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <CopyJsonButton runIndex={runIndex} inspection={inspection} />
    </>
  );
}

/** One line of the point's values: the symbol typeset, what it is in words, the value. */
function Row({ testId, symbol, label, children }: { testId: string; symbol: string; label: string; children: ReactNode }) {
  return (
    <div className="inspector-row" data-testid={testId}>
      <dt>
        <Katex tex={symbol} fallback={symbol} />
        <span className="inspector-label">{label}</span>
      </dt>
      <dd>{children}</dd>
    </div>
  );
}

/** Copies the step as the CLI's `inspect` JSON: every float64 exact, matrices whole. */
function CopyJsonButton({ runIndex, inspection }: { runIndex: number; inspection: StepInspection }) {
  const [copied, setCopied] = useState<'copied' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(inspectionJson(runIndex, inspection));
      setCopied('copied');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <p className="inspector-copy">
      <button type="button" onClick={() => void copy()} title="The full float64 values, in the shape the command line's inspect prints">
        Copy step as JSON
      </button>
      <span role="status">{copied === 'copied' ? 'Copied.' : copied === 'failed' ? 'The clipboard refused; the page has no permission to write to it.' : ''}</span>
    </p>
  );
}
