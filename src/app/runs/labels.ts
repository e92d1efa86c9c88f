import type { HyperSpec } from '../../engine/methods/catalogue';
import type { ScheduleType } from '../../engine/schedules';
import { getSurface, type SurfaceGroup } from '../../engine/problems/surfaces';
import { dataProblemTitle } from '../../engine/problems';
import type { Experiment } from '../../experiment/experiment';
import { automaticRunName } from '../../experiment/run-name';

type Run = Experiment['runs'][number];

/**
 * A run's display name: the label the user typed, else its automatic name ("Adam lr 0.05",
 * experiment/run-name.ts), which follows the optimizer and its settings. With `runs`, an automatic
 * name that an earlier run already has is numbered ("Adam lr 0.05 (2)"), so a legend or a tooltip
 * never shows two runs under one name.
 */
export function runLabel(run: Run | undefined, index: number, runs?: readonly Run[]): string {
  if (!run) return `run ${index + 1}`;
  if (run.label) return run.label;
  if (runs && runs[index] === run) return runLabels(runs)[index];
  const name = automaticRunName(run);
  if (!runs) return name;
  return numbered(name, index, runs);
}

/** The names of the last run lists asked for: the views ask on every store change, the runs change far less often. */
const namesOf = new WeakMap<readonly Run[], readonly string[]>();

/** Every run's display name, in order (numbered where automatic names repeat). */
export function runLabels(runs: readonly Run[]): readonly string[] {
  let names = namesOf.get(runs);
  if (!names) {
    // how many earlier runs show each name, typed or automatic
    const earlierWith = new Map<string, number>();
    names = runs.map((run) => {
      const name = displayName(run);
      const earlier = earlierWith.get(name) ?? 0;
      earlierWith.set(name, earlier + 1);
      return run.label || earlier === 0 ? name : `${name} (${earlier + 1})`;
    });
    namesOf.set(runs, names);
  }
  return names;
}

function numbered(name: string, index: number, runs: readonly Run[]): string {
  let earlier = 0;
  for (let i = 0; i < index && i < runs.length; i++) if (displayName(runs[i]) === name) earlier++;
  return earlier === 0 ? name : `${name} (${earlier + 1})`;
}

function displayName(run: Run): string {
  return run.label ? run.label : automaticRunName(run);
}

/** The problem as a title: the surface's name, or the typed formula. */
export function problemTitle(problem: Experiment['problem']): string {
  switch (problem.kind) {
    case 'surface': {
      const name = getSurface(problem.surface)?.name ?? problem.surface;
      return problem.dimension === undefined ? name : `${name} (${problem.dimension}-D)`;
    }
    case 'formula':
      return `f(x, y) = ${problem.expression}`;
    case 'data':
      return dataProblemTitle(problem);
  }
}

/** How the surface picker names its groups. */
export const SURFACE_GROUP_LABELS: Readonly<Record<SurfaceGroup, string>> = {
  convex: 'Convex',
  valleys: 'Valleys',
  multimodal: 'Multimodal',
  saddles: 'Saddles & plateaus',
};

/** Names of the Okabe-Ito run colours (RUN_COLORS), as the colour picker reads them out. */
export const COLOR_NAMES: Readonly<Record<string, string>> = {
  '#e69f00': 'orange',
  '#56b4e9': 'sky blue',
  '#009e73': 'bluish green',
  '#cc79a7': 'reddish purple',
  '#d55e00': 'vermilion',
  '#0072b2': 'blue',
  '#f0e442': 'yellow',
  '#000000': 'black',
};

/** A colour by name when it is one of the palette's, else its hex code. */
export function colorName(color: string): string {
  return COLOR_NAMES[color.toLowerCase()] ?? color.toLowerCase();
}

/** Names of the two halves of a pair such as betas: the math's symbol, torch's name and index, and what it does. */
export function pairPartLabels(spec: Pick<HyperSpec, 'name'>): readonly [PartLabel, PartLabel] {
  if (spec.name === 'betas') {
    return [
      { symbol: 'β1', name: 'betas[0]', description: 'decay rate of the first-moment (gradient) average' },
      { symbol: 'β2', name: 'betas[1]', description: 'decay rate of the second-moment (squared-gradient) average' },
    ];
  }
  return [
    { symbol: `${spec.name}[0]`, name: `${spec.name}[0]`, description: 'first value' },
    { symbol: `${spec.name}[1]`, name: `${spec.name}[1]`, description: 'second value' },
  ];
}

/** One half of a pair hyperparameter, named for its control. */
export interface PartLabel {
  readonly symbol: string;
  readonly name: string;
  readonly description: string;
}

/** The schedule picker's names, with torch's scheduler for each. */
export const SCHEDULE_LABELS: Readonly<Record<ScheduleType, string>> = {
  constant: 'constant',
  step: 'step decay (StepLR)',
  exponential: 'exponential (ExponentialLR)',
  cosine: 'cosine annealing (CosineAnnealingLR)',
  warmup_cosine: 'linear warm-up, then cosine',
  inverse_time: 'inverse time: lr / (1 + γt)',
};

/**
 * An update rule written as equations separated by ",\quad" (one line in the registry) stacked one
 * per line and left-aligned, so it fits a sidebar: "a = 1,\quad b = 2" → aligned "&a = 1 \\ &b = 2".
 * Only separators outside braces and environments split.
 */
export function stackEquations(tex: string): string {
  const lines: string[] = [];
  let depth = 0;
  let lineStart = 0;
  const separator = String.raw`,\quad`;
  for (let i = 0; i < tex.length; i++) {
    if (tex[i] === '\\' && tex.startsWith('\\begin', i)) depth++;
    else if (tex[i] === '\\' && tex.startsWith('\\end', i)) depth--;
    else if (tex[i] === '{') depth++;
    else if (tex[i] === '}') depth--;
    else if (depth === 0 && tex.startsWith(separator, i)) {
      lines.push(tex.slice(lineStart, i).trim());
      lineStart = i + separator.length;
      i = lineStart - 1;
    }
  }
  lines.push(tex.slice(lineStart).trim());
  if (lines.length === 1) return tex;
  return String.raw`\begin{aligned}` + lines.map((line) => `&${line}`).join(String.raw` \\ `) + String.raw`\end{aligned}`;
}

/** A loss as a status line shows it: four significant digits, exponent form when tiny or huge. */
export function formatLoss(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const magnitude = Math.abs(value);
  if (magnitude !== 0 && (magnitude < 1e-3 || magnitude >= 1e5)) return value.toExponential(2);
  return String(Number(value.toPrecision(4)));
}
