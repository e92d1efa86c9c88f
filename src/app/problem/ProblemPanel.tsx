import { Suspense, useId, useMemo, useState } from 'react';
import { compileFormula, toLatex } from '../../engine/expression';
import { getSurface, SURFACES, type SurfaceGroup, type SurfaceParameter } from '../../engine/problems/surfaces';
import type { KnownMinimum } from '../../engine/objective';
import { DEFAULT_EXPERIMENT, isFormulaProblem, type FormulaProblem, type Problem, type SurfaceProblem } from '../../experiment/experiment';
import type { DataProblem } from '../../engine/problems';
import { resolveDomain } from '../../experiment/run-experiment';
import { NOISE_RANGE, SEED_RANGE } from '../../experiment/validate';
import { NOISE_SLIDER_RANGE } from '../controls/hyper-ranges';
import { NumberField } from '../controls/NumberField';
import { Select } from '../controls/Select';
import { Slider } from '../controls/Slider';
import { formatNumber } from '../controls/slider-scale';
import { Katex } from '../controls/Katex';
import { Segmented } from '../controls/Segmented';
import { problemTitle, SURFACE_GROUP_LABELS } from '../runs/labels';
import { FormulaEditor } from './FormulaEditor';
import { GradientDetails } from './GradientDetails';
import { useAppStore, useAppStoreApi } from '../use-app-store';
import { applyProblem } from './apply-problem';
import { checkDraft, draftForDataset } from './data-draft';
import { lazyComponent } from '../lazy-component';
import './ProblemPanel.css';
import { Shown } from '../classroom/use-shown';

// a data problem's controls (data sets, generators, CSV, model) load with the first data problem shown
const DataProblemControls = lazyComponent(() => import('./DataProblemControls'), 'DataProblemControls');

/** The surface picker's value for "Typed formula…". */
const FORMULA_OPTION = 'formula';

const GROUPS = Object.keys(SURFACE_GROUP_LABELS) as SurfaceGroup[];

/** What the problem is: a function of x and y to minimise, or a model to fit to data. */
type ProblemFamily = 'function' | 'data';
const FAMILIES: readonly { value: ProblemFamily; label: string; title: string }[] = [
  { value: 'function', label: 'Loss surface', title: 'A built-in surface or a formula you type' },
  { value: 'data', label: 'Fit data', title: 'A model (linear, logistic, softmax or an MLP) fitted to a data set or your CSV' },
];

/** The data problem "Fit data" opens on: two moons and a small tanh MLP, as TensorFlow Playground does. */
const FIRST_DATA_SET = 'two_moons';

/**
 * The loss being minimised: a built-in surface (its formula, what it teaches, its parameters as
 * sliders), a typed formula, or a model fitted to data; and the gradient noise that turns gradient
 * descent into SGD.
 */
export function ProblemPanel() {
  const store = useAppStoreApi();
  const problem = useAppStore((state) => state.experiment.problem);
  const headingId = useId();
  const formula = isFormulaProblem(problem) ? problem : null;
  const data = problem.kind === 'data' ? problem : null;
  // each side remembers where it was, so "Loss surface" and "Fit data" go back to it
  const [lastFunction, setLastFunction] = useState<Problem | null>(null);
  const [lastData, setLastData] = useState<DataProblem | null>(null);

  // The formula field's text lives here, apart from the experiment: text with an error is kept
  // (the experiment keeps the last formula that parsed), and it survives a visit to a surface.
  const storeExpression = formula?.expression ?? null;
  const [followedExpression, setFollowedExpression] = useState(storeExpression);
  const [draft, setDraft] = useState(storeExpression ?? '');
  const [lastFormula, setLastFormula] = useState<FormulaProblem | null>(formula);
  if (storeExpression !== followedExpression) {
    // the experiment's formula changed (a link, or our own debounced commit): the field follows
    setFollowedExpression(storeExpression);
    if (storeExpression !== null && storeExpression !== draft) setDraft(storeExpression);
  }

  // the store's setProblem also moves the starts that were left at the old problem's suggestions
  const apply = (next: Problem) => applyProblem(store, next);

  const chooseFamily = (family: ProblemFamily) => {
    const current = store.getState().experiment.problem;
    if ((current.kind === 'data') === (family === 'data')) return;
    if (family === 'function') {
      if (current.kind === 'data') setLastData(current);
      apply(lastFunction ?? DEFAULT_EXPERIMENT.problem);
      return;
    }
    setLastFunction(current);
    if (lastData) {
      apply(lastData);
      return;
    }
    const first = checkDraft(draftForDataset(FIRST_DATA_SET));
    // the generated two moons always pass; a failure here is a bug worth seeing in the console
    if (!first.ok) throw new Error(first.errors.join('; '));
    apply(first.value);
  };

  const choose = (value: string) => {
    const current = store.getState().experiment.problem;
    if (value === FORMULA_OPTION) {
      if (isFormulaProblem(current)) return;
      // back to the formula typed before, else start from the surface's own formula
      const definition = current.kind === 'surface' ? getSurface(current.surface) : undefined;
      const next: FormulaProblem =
        lastFormula ?? {
          kind: 'formula',
          expression: (current.kind === 'surface' && definition?.create(current.params).expression) || 'x^2 + y^2',
          domain: resolveDomain(current),
        };
      setFollowedExpression(next.expression);
      if (!lastFormula) setDraft(next.expression);
      apply(next);
      return;
    }
    if (isFormulaProblem(current)) setLastFormula(current);
    apply({ kind: 'surface', surface: value, params: {} });
  };

  return (
    <section className="panel problem-panel" aria-labelledby={headingId}>
      <div className="problem-panel-heading">
        <h2 id={headingId}>Problem</h2>
        <Segmented choices={FAMILIES} value={data ? 'data' : 'function'} onChange={chooseFamily} label="Problem kind" />
      </div>
      <p className="problem-panel-title" data-testid="problem-title">
        {problemTitle(problem)}
      </p>
      {data ? (
        <Suspense fallback={<p className="lazy-loading">Loading…</p>}>
          <DataProblemControls problem={data} />
        </Suspense>
      ) : (
        <>
          <Shown name="problem.surface">
          <Select label="Surface" value={formula ? FORMULA_OPTION : (problem as SurfaceProblem).surface} onChange={choose}>
            {GROUPS.map((group) => (
              <optgroup key={group} label={SURFACE_GROUP_LABELS[group]}>
                {SURFACES.filter((surface) => surface.group === group).map((surface) => (
                  <option key={surface.id} value={surface.id}>
                    {surface.name}
                  </option>
                ))}
              </optgroup>
            ))}
            <optgroup label="Your own">
              <option value={FORMULA_OPTION}>Typed formula…</option>
            </optgroup>
          </Select>
          </Shown>
          {formula ? <FormulaEditor draft={draft} onDraftChange={setDraft} problem={formula} /> : <SurfaceDetails problem={problem as SurfaceProblem} />}
        </>
      )}
      <NoiseControls fitsData={data !== null} />
    </section>
  );
}

/** A built-in surface: its formula typeset, what it teaches, its known minima and its parameters. */
function SurfaceDetails({ problem }: { problem: SurfaceProblem }) {
  const store = useAppStoreApi();
  const setLive = useAppStore((state) => state.setLive);
  const definition = getSurface(problem.surface);
  const surface = useMemo(() => definition?.create(problem.params), [definition, problem.params]);
  const compiled = useMemo(() => (surface ? compileFormula(surface.expression) : null), [surface]);
  const { dimension } = problem;
  // an n-dimensional surface (a link or a file may ask for one): its n-D formula and minima
  const vector = useMemo(() => (dimension === undefined ? null : (definition?.nDimensional?.create(problem.params, dimension) ?? null)), [definition, problem.params, dimension]);
  if (!definition || !surface) return null;

  // setExperiment rather than setProblem: a parameter change keeps the zoom the user chose
  const setParameter = (name: string, value: number) => {
    const { experiment } = store.getState();
    const current = experiment.problem;
    if (current.kind !== 'surface') return;
    store.getState().setExperiment({ ...experiment, problem: { ...current, params: { ...current.params, [name]: value } } });
  };

  return (
    <div className="surface-details">
      {vector && definition.nDimensional ? (
        <Katex tex={`f(x_1, \\dots, x_{${dimension}}) = ${definition.nDimensional.formula}`} fallback={`${definition.name} in ${dimension} dimensions`} display className="problem-formula" />
      ) : compiled?.ok ? (
        <Katex tex={`f(x, y) = ${toLatex(compiled.ast)}`} fallback={surface.expression} display className="problem-formula" />
      ) : (
        <code className="problem-formula">{surface.expression}</code>
      )}
      <p className="problem-description">{definition.description}</p>
      <p className="problem-hint">{vector ? vectorMinimaText(vector.minima) : minimaText(surface.minima)}</p>
      {definition.parameters.map((parameter) => {
        const { name, description } = parameterLabel(parameter);
        return (
          <Slider
            key={`${definition.id}-${parameter.name}`}
            name={name}
            description={description}
            value={problem.params[parameter.name] ?? parameter.defaultValue}
            slider={{ min: parameter.min, max: parameter.max, scale: parameter.log ? 'log' : 'linear' }}
            valid={{ min: parameter.min, max: parameter.max }}
            onChange={(value) => setParameter(parameter.name, value)}
            onLive={setLive}
          />
        );
      })}
      {Object.keys(problem.params).length > 0 && (
        <button
          type="button"
          className="quiet problem-reset"
          onClick={() => {
            const { experiment } = store.getState();
            store.getState().setExperiment({ ...experiment, problem: { ...problem, params: {} } });
          }}
        >
          Reset {definition.name}'s parameters
        </button>
      )}
      {compiled?.ok && <GradientDetails gradient={compiled.gradient} />}
    </div>
  );
}

/** Gradient noise σ and its seed (which also orders a data problem's mini-batches). */
function NoiseControls({ fitsData }: { fitsData: boolean }) {
  const store = useAppStoreApi();
  const noise = useAppStore((state) => state.experiment.noise);
  const seed = useAppStore((state) => state.experiment.seed);
  const setLive = useAppStore((state) => state.setLive);
  return (
    <div className="noise-controls">
      <Slider
        name="Gradient noise σ"
        value={noise}
        slider={NOISE_SLIDER_RANGE}
        valid={NOISE_RANGE}
        onChange={(value) => store.getState().setNoise(value)}
        onLive={setLive}
      />
      <p className="problem-hint">
        {fitsData
          ? 'On data, mini-batches make gradient descent stochastic (SGD); σ > 0 adds Gaussian noise to every gradient on top. The seed fixes the batch order and the noise, so a link replays them exactly.'
          : 'σ > 0 adds Gaussian noise to every gradient: gradient descent becomes stochastic (SGD). The seed fixes the noise, so a link replays it exactly.'}
      </p>
      <div className="seed-row">
        <span className="control-name" aria-hidden="true">
          Seed
        </span>
        <NumberField value={seed} range={SEED_RANGE} fieldName="seed" label="Seed" integer onCommit={(value) => store.getState().setSeed(value)} />
        <button type="button" title="Draw a new random seed" onClick={() => store.getState().setSeed(randomSeed())}>
          New seed
        </button>
      </div>
    </div>
  );
}

/** A parameter's label split into its name and what it does: "a (minimum at x = a)" → "a", "minimum at x = a". */
function parameterLabel(parameter: SurfaceParameter): { name: string; description?: string } {
  const prefix = `${parameter.name} (`;
  if (parameter.label.startsWith(prefix) && parameter.label.endsWith(')')) {
    return { name: parameter.name, description: parameter.label.slice(prefix.length, -1) };
  }
  return { name: parameter.label };
}

/** The known global minima in a line: "Global minimum f = 0 at (1, 1)". */
function minimaText(minima: readonly KnownMinimum[]): string {
  if (minima.length === 0) return 'No global minimum: f is unbounded below.';
  const at = (minimum: KnownMinimum) => `(${minimum.point.map((value) => formatNumber(Number(value.toPrecision(4)))).join(', ')})`;
  const value = formatNumber(Number(minima[0].value.toPrecision(5)));
  if (minima.length === 1) return `Global minimum f = ${value} at ${at(minima[0])}.`;
  return `${minima.length} global minima, f = ${value}, at ${minima.map(at).join(', ')}.`;
}

/** The known minimum of an n-dimensional surface, its point written short when every coordinate is the same. */
function vectorMinimaText(minima: readonly KnownMinimum[]): string {
  if (minima.length === 0) return 'The global minimum is not known in closed form for these parameters.';
  const [{ point, value }] = minima;
  const coordinate = (x: number) => formatNumber(Number(x.toPrecision(4)));
  const at = point.every((x) => x === point[0]) ? `(${coordinate(point[0])}, …, ${coordinate(point[0])}) in all ${point.length} coordinates` : `(${point.map(coordinate).join(', ')})`;
  return `Global minimum f = ${formatNumber(Number(value.toPrecision(5)))} at ${at}.`;
}

/** A fresh uint32 seed from the platform's random source. */
function randomSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0];
}
