import { useEffect, useId, useMemo } from 'react';
import { compileFormula, FUNCTION_NAMES, toLatex, type FormulaError } from '../../engine/expression';
import type { Domain } from '../../engine/objective';
import { LIMITS } from '../../engine/limits';
import { DEFAULT_FORMULA_DOMAIN, MAX_EXPRESSION_LENGTH, type FormulaProblem } from '../../experiment/experiment';
import { NumberField } from '../controls/NumberField';
import { Katex } from '../controls/Katex';
import { useAppStoreApi } from '../use-app-store';
import { errorSpan, messageWithColumn } from './formula-error';
import { GradientDetails } from './GradientDetails';

/** Quiet time after the last keystroke before a formula that parses replaces the experiment's. */
export const FORMULA_DEBOUNCE_MS = 150;

/** Props of FormulaEditor. */
export interface FormulaEditorProps {
  /** The text in the field: the user's, possibly with an error (it is never thrown away). */
  draft: string;
  onDraftChange(text: string): void;
  /** The experiment's formula: the last one that parsed. */
  problem: FormulaProblem;
}

/**
 * The typed formula: checked on every keystroke, the error named with its column in a message and
 * underlined in an echo of the text; a formula that parses replaces the experiment's after a short
 * pause, so the map redraws while the text with an error stays only here.
 */
export function FormulaEditor({ draft, onDraftChange, problem }: FormulaEditorProps) {
  const store = useAppStoreApi();
  const inputId = useId();
  const errorId = useId();
  const helpId = useId();
  const compiled = useMemo(() => compileFormula(draft), [draft]);
  const tooLong = draft.length > MAX_EXPRESSION_LENGTH;
  const error: FormulaError | null = tooLong
    ? { message: LIMITS.formulaLength.message(draft.length, 'the formula'), column: MAX_EXPRESSION_LENGTH + 1, length: draft.length - MAX_EXPRESSION_LENGTH }
    : compiled.ok
      ? null
      : compiled.error;

  // A formula that parses goes into the experiment once typing pauses.
  const parses = error === null;
  useEffect(() => {
    if (!parses || draft === problem.expression) return;
    const timer = setTimeout(() => {
      const current = store.getState().experiment.problem;
      const domain = 'domain' in current ? current.domain : undefined;
      store.getState().setProblem({ kind: 'formula', expression: draft, ...(domain && { domain }) });
    }, FORMULA_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [draft, parses, problem.expression, store]);

  const domain = problem.domain ?? DEFAULT_FORMULA_DOMAIN;
  const setDomain = (next: Domain) => store.getState().setProblem({ kind: 'formula', expression: problem.expression, domain: next });

  return (
    <div className="formula-editor">
      <label htmlFor={inputId} className="control-name">
        Formula f(x, y)
      </label>
      <input
        id={inputId}
        type="text"
        className="formula-input"
        value={draft}
        spellCheck={false}
        autoComplete="off"
        autoCapitalize="off"
        aria-invalid={error !== null}
        aria-describedby={error ? `${errorId} ${helpId}` : helpId}
        onChange={(event) => onDraftChange(event.target.value)}
      />
      {error && (
        <>
          <ErrorEcho text={draft} error={error} />
          <p id={errorId} className="formula-error" role="alert">
            {messageWithColumn(error)}
          </p>
        </>
      )}
      <p id={helpId} className="problem-hint">
        Use x and y, numbers, + − * / ^, parentheses, the constants pi and e, and {FUNCTION_NAMES.join(', ')}.
      </p>
      {compiled.ok && !tooLong ? (
        <>
          <Katex tex={`f(x, y) = ${toLatex(compiled.ast)}`} fallback={draft} display className="problem-formula" />
          <GradientDetails gradient={compiled.gradient} />
        </>
      ) : (
        <div className="problem-formula-stale">
          <span className="problem-hint">The map shows the last formula that parsed:</span>
          <Katex tex={latexOf(problem.expression)} fallback={problem.expression} display className="problem-formula" />
        </div>
      )}
      <DomainFields domain={domain} onChange={setDomain} />
    </div>
  );
}

/** The formula again, monospaced under the field, with the offending characters underlined. */
function ErrorEcho({ text, error }: { text: string; error: FormulaError }) {
  const { before, marked, after } = errorSpan(text, error);
  return (
    <div className="formula-echo" aria-hidden="true" data-column={error.column}>
      {before}
      {/* an error past the end (a formula that stops early) marks the place where more was expected */}
      <mark className={marked ? 'formula-error-span' : 'formula-error-span formula-error-end'}>{marked || ' '}</mark>
      {after}
    </div>
  );
}

function latexOf(expression: string): string {
  const compiled = compileFormula(expression);
  return compiled.ok ? `f(x, y) = ${toLatex(compiled.ast)}` : String.raw`\text{(no formula)}`;
}

const ANY_NUMBER = { min: -Infinity, max: Infinity } as const;

/** Where the formula is drawn: x and y from and to, each low below high. */
function DomainFields({ domain, onChange }: { domain: Domain; onChange(domain: Domain): void }) {
  const [[xMin, xMax], [yMin, yMax]] = domain;
  const below = (name: string, high: number) => (value: number) => (value < high ? undefined : `${name} must be below ${high}`);
  const above = (name: string, low: number) => (value: number) => (value > low ? undefined : `${name} must be above ${low}`);
  return (
    <fieldset className="domain-fields">
      <legend>Domain</legend>
      <span className="domain-axis">x from</span>
      <NumberField value={xMin} range={ANY_NUMBER} fieldName="x from" label="x from" check={below('x from', xMax)} onCommit={(value) => onChange([[value, xMax], [yMin, yMax]])} />
      <span className="domain-axis">to</span>
      <NumberField value={xMax} range={ANY_NUMBER} fieldName="x to" label="x to" check={above('x to', xMin)} onCommit={(value) => onChange([[xMin, value], [yMin, yMax]])} />
      <span className="domain-axis">y from</span>
      <NumberField value={yMin} range={ANY_NUMBER} fieldName="y from" label="y from" check={below('y from', yMax)} onCommit={(value) => onChange([[xMin, xMax], [value, yMax]])} />
      <span className="domain-axis">to</span>
      <NumberField value={yMax} range={ANY_NUMBER} fieldName="y to" label="y to" check={above('y to', yMin)} onCommit={(value) => onChange([[xMin, xMax], [yMin, value]])} />
    </fieldset>
  );
}
