import type { Domain } from '../engine/objective';
import { shortened } from '../engine/checks';
import type { MapView } from './map-view';
import { COST_AXES, GRADIENT_COSTS, type CostAxis, type GradientCost } from './cost';
import { valueField, type UrlField, type ViewGlyph } from './url-field';

// The view's keys of the share URL, after the experiment's: the map's visible domain, the step
// shown, and how runs are compared (the loss chart's x axis, the price of a gradient, the budget),
// e.g. view=-8,8,-8,8&step=25&x=cost&gradient_cost=forward&budget=200, and what a teacher turns on
// over the map (glyphs=gradient,newton&theory=1). Each is left out at its
// default (the problem's own domain, the last step, steps, autodiff, no budget), so links written
// before a key existed open as they did. `inspect=N` opens the step inspector on run N (1-based, as
// the run cards number runs) at the step shown: with `step=k`, a link to one step of one run. `view3d=1` shows the 3-D surface instead of the contour
// map, `view3d=both` the two together.

/**
 * Keys set aside for view state a later version may write (play, speed, ...): a link that has them
 * opens without complaint, and they are not read here (`lesson=` is read by app/lessons/lesson-link.ts).
 */
export const RESERVED_VIEW_KEYS: readonly string[] = ['play', 'speed', 'zoom', 'center', 'layers', 'panel', 'compare', 'lesson'];

/**
 * xMin,xMax,yMin,yMax rounded to a millionth of the view's size in each direction: short in the
 * URL, and far below a pixel however deep the zoom or however far from the origin.
 */
export function formatViewDomain(domain: Domain): string {
  return domain
    .flatMap(([low, high]) => {
      const decimals = Math.max(0, Math.min(20, Math.ceil(-Math.log10((high - low) * 1e-6))));
      return [low, high].map((value) => String(Number(value.toFixed(decimals))));
    })
    .join(',');
}

/** Each glyph's name in a link, in the order a link lists them: short words a teacher can type. */
export const URL_GLYPH_NAMES: Readonly<Record<ViewGlyph, string>> = {
  gradient: 'gradient',
  velocity: 'velocity',
  stepBox: 'box',
  newtonStep: 'newton',
  probeDirection: 'probe',
};
const GLYPH_ORDER = Object.keys(URL_GLYPH_NAMES) as ViewGlyph[];

/** The glyphs as a link writes them: their names, comma-separated, in URL_GLYPH_NAMES's order. */
export function formatGlyphs(glyphs: readonly ViewGlyph[]): string {
  return GLYPH_ORDER.filter((glyph) => glyphs.includes(glyph))
    .map((glyph) => URL_GLYPH_NAMES[glyph])
    .join(',');
}

/** Reads `glyphs=`: the names it knows, each unknown one reported and skipped alone. */
export function parseGlyphs(text: string): { ok: true; value: ViewGlyph[]; problems: string[] } {
  const problems: string[] = [];
  const value: ViewGlyph[] = [];
  for (const name of text.split(',').map((part) => part.trim())) {
    if (name === '') continue;
    const glyph = GLYPH_ORDER.find((candidate) => URL_GLYPH_NAMES[candidate] === name);
    if (glyph === undefined) problems.push(`glyphs: '${shortened(name)}' is not one of ${Object.values(URL_GLYPH_NAMES).join(', ')}; left out`);
    else if (!value.includes(glyph)) value.push(glyph);
  }
  return { ok: true, value: GLYPH_ORDER.filter((glyph) => value.includes(glyph)), problems };
}

/** The view's keys, in the order they are written. */
export const VIEW_FIELDS: readonly UrlField[] = [
  valueField<Domain>({
    key: 'view',
    part: 'view',
    get: ({ view }) => view.domain ?? undefined,
    set: (draft, domain) => {
      draft.view.domain = domain;
    },
    defaultValue: undefined,
    fallback: "showing the problem's own domain",
    format: formatViewDomain,
    parse(text) {
      const numbers = text.split(',').map(Number);
      if (numbers.length === 4 && numbers.every(Number.isFinite) && numbers[0] < numbers[1] && numbers[2] < numbers[3]) {
        return { ok: true, value: [[numbers[0], numbers[1]], [numbers[2], numbers[3]]] };
      }
      return { ok: false, error: `view: '${shortened(text)}' is not xMin,xMax,yMin,yMax with min < max` };
    },
    lenient: true,
  }),
  valueField<number>({
    key: 'step',
    part: 'view',
    // the last step is the default, so it is written only when the view is scrubbed back
    get: ({ experiment, view }) => (view.step !== undefined && view.step < experiment.steps ? view.step : undefined),
    set: (draft, step) => {
      draft.view.step = step;
    },
    defaultValue: undefined,
    fallback: 'showing the last step',
    format: String,
    parse(text, draft) {
      const step = Number(text);
      if (Number.isInteger(step) && step >= 0) return { ok: true, value: Math.min(step, draft.experiment.steps) };
      return { ok: false, error: `step: '${shortened(text)}' is not a whole number ≥ 0` };
    },
    lenient: true,
  }),
  valueField<CostAxis>({
    key: 'x',
    part: 'view',
    get: ({ view }) => view.lossAxis,
    set: (draft, lossAxis) => {
      draft.view.lossAxis = lossAxis;
    },
    defaultValue: 'step',
    fallback: 'counting steps',
    format: String,
    parse(text) {
      const axis = COST_AXES.find((candidate) => candidate === text);
      return axis ? { ok: true, value: axis } : { ok: false, error: `x: '${shortened(text)}' is not one of ${COST_AXES.join(', ')}` };
    },
    lenient: true,
  }),
  valueField<GradientCost>({
    key: 'gradient_cost',
    part: 'view',
    get: ({ view }) => view.gradientCost,
    set: (draft, gradientCost) => {
      draft.view.gradientCost = gradientCost;
    },
    defaultValue: 'autodiff',
    fallback: 'pricing a gradient as one evaluation',
    format: String,
    parse(text) {
      const cost = GRADIENT_COSTS.find((candidate) => candidate === text);
      return cost ? { ok: true, value: cost } : { ok: false, error: `gradient_cost: '${shortened(text)}' is not one of ${GRADIENT_COSTS.join(', ')}` };
    },
    lenient: true,
  }),
  valueField<number>({
    key: 'budget',
    part: 'view',
    get: ({ view }) => view.budget ?? undefined,
    set: (draft, budget) => {
      draft.view.budget = budget;
    },
    defaultValue: undefined,
    fallback: 'running without a budget',
    format: String,
    parse(text) {
      const budget = Number(text);
      if (text.trim() !== '' && Number.isFinite(budget) && budget > 0) return { ok: true, value: budget };
      return { ok: false, error: `budget: '${shortened(text)}' is not a number > 0` };
    },
    lenient: true,
  }),
  valueField<number>({
    key: 'inspect',
    part: 'view',
    // read after the experiment's keys, so a run that is not in the link is named as such
    get: ({ experiment, view }) => (view.inspectedRun != null && view.inspectedRun < experiment.runs.length ? view.inspectedRun : undefined),
    set: (draft, inspectedRun) => {
      draft.view.inspectedRun = inspectedRun;
    },
    defaultValue: undefined,
    fallback: 'the inspector stays closed',
    format: (inspectedRun) => String(inspectedRun + 1),
    parse(text, draft) {
      const number = Number(text);
      const runs = draft.experiment.runs.length;
      if (text.trim() !== '' && Number.isInteger(number) && number >= 1 && number <= runs) return { ok: true, value: number - 1 };
      const which = runs === 0 ? 'this link has no runs' : runs === 1 ? 'the only run is 1' : `runs are numbered 1 to ${runs}`;
      return { ok: false, error: `inspect: '${shortened(text)}' is not a run number (${which})` };
    },
    lenient: true,
  }),
  valueField<MapView>({
    key: 'view3d',
    part: 'view',
    get: ({ view }) => view.mapView,
    set: (draft, mapView) => {
      draft.view.mapView = mapView;
    },
    defaultValue: 'contour',
    fallback: 'showing the contour map',
    // '1' reads as "3-D on", the short form a link is typed with; 'both' keeps the map beside it
    format: (mapView) => (mapView === '3d' ? '1' : mapView),
    parse(text) {
      if (text === '1' || text === '3d') return { ok: true, value: '3d' };
      if (text === 'both') return { ok: true, value: 'both' };
      if (text === '0' || text === 'contour') return { ok: true, value: 'contour' };
      return { ok: false, error: `view3d: '${shortened(text)}' is not 1 (the 3-D surface), both or 0 (the contour map)` };
    },
    lenient: true,
  }),
  valueField<readonly ViewGlyph[]>({
    key: 'glyphs',
    part: 'view',
    get: ({ view }) => view.glyphs,
    set: (draft, glyphs) => {
      draft.view.glyphs = glyphs;
    },
    defaultValue: [],
    fallback: 'drawing no glyphs',
    format: formatGlyphs,
    parse: parseGlyphs,
    lenient: true,
  }),
  valueField<boolean>({
    key: 'theory',
    part: 'view',
    get: ({ view }) => view.theory,
    set: (draft, theory) => {
      draft.view.theory = theory;
    },
    defaultValue: false,
    fallback: 'without the theory overlay',
    format: (theory) => (theory ? '1' : '0'),
    parse(text) {
      if (text === '1' || text === '0') return { ok: true, value: text === '1' };
      return { ok: false, error: `theory: '${shortened(text)}' is not 1 or 0` };
    },
    lenient: true,
  }),
];
