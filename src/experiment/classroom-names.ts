// What a classroom link can hide (`hide=runs.lr,analysis`), by name: the page's panels and a few
// controls inside them, as TensorFlow Playground's editor lists its own. A control's name starts
// with its panel's, so hiding a panel hides its controls too. The page reads the names through
// app/classroom/use-shown.ts; the URL field (url-fields-classroom.ts) refuses any other name.

/** How a classroom link shows the page. */
export interface ClassroomView {
  /** Panels and controls not rendered (classroom-names.ts), in the registry's order. */
  readonly hidden: readonly string[];
  /** The experiment is read-only: its controls are disabled; playback and views still work. */
  readonly locked: boolean;
  /** The page opens in presenter mode: large type, the map and the loss chart alone. */
  readonly presenting: boolean;
}

/** The ordinary page: nothing hidden, editable, not presenting. */
export const NO_CLASSROOM: ClassroomView = { hidden: [], locked: false, presenting: false };

/** Whether a name is a whole panel or one control inside a panel. */
export type ClassroomNameKind = 'panel' | 'control';

/** One thing a classroom link can hide. */
export interface ClassroomName {
  /** The name in the link: a panel ("runs") or panel.control ("runs.lr"). */
  readonly name: string;
  /** What the editor calls it. */
  readonly label: string;
  readonly kind: ClassroomNameKind;
}

const panel = (name: string, label: string): ClassroomName => ({ name, label, kind: 'panel' });
const control = (name: string, label: string): ClassroomName => ({ name, label, kind: 'control' });

/** Every name, each panel followed by its controls (the editor's order). */
export const CLASSROOM_NAMES: readonly ClassroomName[] = [
  panel('toolbar', 'Toolbar'),
  control('toolbar.undo', 'Undo and Redo'),
  control('toolbar.share', 'Recent, Export and Copy link'),
  control('toolbar.display', 'Theme and text size'),
  control('toolbar.classroom', 'Classroom link, Presenter mode and A/B compare'),
  panel('problem', 'Problem panel'),
  control('problem.surface', 'Surface picker'),
  panel('runs', 'Runs panel'),
  control('runs.method', "Each run's method"),
  control('runs.lr', 'Learning rate (lr)'),
  control('runs.momentum', 'Momentum'),
  control('runs.betas', 'Adam β1 and β2 (betas)'),
  control('runs.weight_decay', 'Weight decay'),
  control('runs.schedule', 'Learning-rate schedule'),
  control('runs.clip', 'Gradient clipping'),
  control('runs.add', 'Adding runs'),
  panel('map', 'Contour map'),
  panel('data', 'Data panel'),
  panel('loss', 'Loss chart'),
  panel('playback', 'Playback bar'),
  control('playback.speed', 'Playback speed'),
  control('playback.steps', 'Maximum steps'),
  panel('analysis', 'Analysis panel'),
];

/** The names a link may hide, in the editor's order. */
export const CLASSROOM_NAME_LIST: readonly string[] = CLASSROOM_NAMES.map((entry) => entry.name);

/** The panel a name belongs to ("runs.lr" → "runs", "map" → "map"). */
export function panelOf(name: string): string {
  const dot = name.indexOf('.');
  return dot < 0 ? name : name.slice(0, dot);
}

/** Whether `name` is hidden by the hidden list: named itself, or its panel is. */
export function isHidden(hidden: readonly string[], name: string): boolean {
  return hidden.includes(name) || hidden.includes(panelOf(name));
}
