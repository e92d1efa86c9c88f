import type { StepInspection } from '../engine/inspect-step';
import type { StateQuantity } from '../engine/methods/inspection';
import { localQuadratic } from '../engine/theory/local-quadratic';
import { newtonStep } from '../engine/theory/newton-step';

// Where each optimizer-internals glyph goes, in parameter space (coordinates 0 and 1), from one
// run's inspection at the shown step: pure, so the geometry is tested without a DOM. Arrows that a
// learning rate scales are drawn at their true length (the displacement they produce) when that is
// visible; otherwise they are normalised to a fixed share of the view and their label says so and
// gives the norm. Nothing is drawn longer than a few views (a diverging step is said in words).

/** A point (x, y) in parameter space. */
export type PlanePoint = readonly [number, number];

/** Which toggle draws a mark. */
export type GlyphKind = 'gradient' | 'velocity' | 'stepBox' | 'newtonStep' | 'probeDirection';

/** An arrow (or a two-headed segment for a probe direction) with its short label and how it is scaled. */
export interface GlyphArrow {
  readonly glyph: GlyphKind;
  /** What the arrow is: 'gradient-step', 'velocity', 'newton', 'newton-gradient-step', 'probe'. */
  readonly role: string;
  readonly from: PlanePoint;
  readonly to: PlanePoint;
  /** Drawn dashed: the Newton step of an indefinite Hessian (not a minimum of the model). */
  readonly dashed: boolean;
  /** Both ends headed: a direction with no sign of its own (the probe pair ±u). */
  readonly twoHeaded: boolean;
  /** 'displacement': the true step in parameter units; 'normalised': a fixed share of the view; 'clipped': a displacement longer than shown. */
  readonly scale: 'displacement' | 'normalised' | 'clipped';
  /** On the map beside the head: "−lr·∇f", "Newton −H⁻¹∇f (H indefinite)". */
  readonly label: string;
}

/** An axis-aligned box around a centre: Adam's per-coordinate step, or the ±learning-rate box. */
export interface GlyphBox {
  readonly glyph: 'stepBox';
  readonly role: 'step' | 'learning-rate';
  readonly centre: PlanePoint;
  readonly halfWidths: PlanePoint;
  readonly label: string;
}

/** Every glyph of one run at the shown step, and sentences for what could not be drawn. */
export interface RunGlyphs {
  readonly arrows: readonly GlyphArrow[];
  readonly boxes: readonly GlyphBox[];
  readonly notes: readonly string[];
}

/** What one run's glyphs are built from. */
export interface GlyphSource {
  readonly inspection: StepInspection;
  /** The learning rate of the latest step (the 'learningRate' quantity, else the run's `lr`); null for methods without one. */
  readonly learningRate: number | null;
  /** Zeroth-order runs' snapshot at the shown point: the probe pairs and the first pair's unit direction. */
  readonly probes?: Float64Array;
  readonly direction?: Float64Array;
  /** ∇²f at x_k, row-major 2 × 2 (theory-sync's answer), for the Newton step. */
  readonly hessian?: readonly number[] | null;
}

/** Which glyphs are on. */
export type GlyphToggles = Readonly<Record<GlyphKind, boolean>>;

/** A normalised arrow's length, as a share of the view's width. */
export const NORMALISED_SHARE = 0.12;
/** Below this share of the view's width a true-length arrow is not readable: it is normalised instead. */
export const MIN_VISIBLE_SHARE = 0.015;
/** Above this many view widths an arrow is clipped (and says how long it really is). */
export const MAX_VIEW_WIDTHS = 2;

/** A number in three significant digits for a label. */
export function formatGlyphNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return Math.abs(value) >= 1e-3 && Math.abs(value) < 1e4 ? String(Number(value.toPrecision(3))) : value.toExponential(2);
}

/** The learning rate of the latest step: the method's 'learningRate' quantity, else the run's `lr` hyperparameter. */
export function learningRateOf(inspection: StepInspection, hyperLearningRate: unknown): number | null {
  const quantity = quantityOf(inspection, 'learningRate');
  if (typeof quantity?.value === 'number' && Number.isFinite(quantity.value)) return quantity.value;
  return typeof hyperLearningRate === 'number' && Number.isFinite(hyperLearningRate) ? hyperLearningRate : null;
}

function quantityOf(inspection: StepInspection, name: string): StateQuantity | undefined {
  return inspection.method?.state.find((quantity) => quantity.name === name);
}

function vectorOf(inspection: StepInspection, name: string): Float64Array | null {
  const value = quantityOf(inspection, name)?.value;
  return value instanceof Float64Array && value.length >= 2 ? value : null;
}

const plane = (values: ArrayLike<number>): PlanePoint => [values[0], values[1]];

/**
 * An arrow from `from` along `displacement` at its true length when that is readable in a view
 * `viewWidth` wide, else normalised (label gets the norm) or clipped (label gets the true length).
 */
export function scaledArrow(
  base: Omit<GlyphArrow, 'to' | 'scale' | 'label' | 'dashed' | 'twoHeaded'> & { dashed?: boolean; twoHeaded?: boolean },
  displacement: PlanePoint,
  viewWidth: number,
  label: string,
): GlyphArrow | null {
  const length = Math.hypot(displacement[0], displacement[1]);
  if (!Number.isFinite(length) || length === 0) return null;
  const at = (share: number): PlanePoint => [base.from[0] + (displacement[0] / length) * share, base.from[1] + (displacement[1] / length) * share];
  const common = { dashed: false, twoHeaded: false, ...base };
  if (length < MIN_VISIBLE_SHARE * viewWidth) {
    return { ...common, to: at(NORMALISED_SHARE * viewWidth), scale: 'normalised', label: `${label} (normalised; length ${formatGlyphNumber(length)})` };
  }
  if (length > MAX_VIEW_WIDTHS * viewWidth) {
    return { ...common, to: at(MAX_VIEW_WIDTHS * viewWidth), scale: 'clipped', label: `${label} (clipped; length ${formatGlyphNumber(length)})` };
  }
  return { ...common, to: [base.from[0] + displacement[0], base.from[1] + displacement[1]], scale: 'displacement', label };
}

/** The gradient glyph: −lr·∇f from x_k (the step plain gradient descent would take), or −∇f normalised when there is no learning rate. */
export function gradientArrow(source: GlyphSource, viewWidth: number, role = 'gradient-step', glyph: GlyphKind = 'gradient'): GlyphArrow | null {
  const { point, gradient } = source.inspection;
  const from = plane(point);
  const lr = source.learningRate;
  if (lr === null) {
    const norm = Math.hypot(gradient[0], gradient[1]);
    if (!Number.isFinite(norm) || norm === 0) return null;
    const share = NORMALISED_SHARE * viewWidth;
    return { glyph, role, from, to: [from[0] - (gradient[0] / norm) * share, from[1] - (gradient[1] / norm) * share], dashed: false, twoHeaded: false, scale: 'normalised', label: `−∇f/‖∇f‖ (‖∇f‖ = ${formatGlyphNumber(norm)})` };
  }
  return scaledArrow({ glyph, role, from }, [-lr * gradient[0], -lr * gradient[1]], viewWidth, role === 'gradient-step' ? '−lr·∇f' : 'GD −lr·∇f');
}

/**
 * The momentum glyph: the displacement the method's velocity produces, −lr·v ('velocity': SGD's and
 * RMSprop's buffer), or the first moment's, −η ⊙ m with Adam's per-coordinate effective rate η
 * (−lr·m where the method gives none), drawn from x_k.
 */
export function velocityArrow(source: GlyphSource, viewWidth: number): GlyphArrow | null {
  const { inspection, learningRate } = source;
  const from = plane(inspection.point);
  const velocity = vectorOf(inspection, 'velocity');
  if (velocity && learningRate !== null) return scaledArrow({ glyph: 'velocity', role: 'velocity', from }, [-learningRate * velocity[0], -learningRate * velocity[1]], viewWidth, '−lr·v');
  const moment = vectorOf(inspection, 'firstMoment');
  if (!moment) return null;
  const effective = vectorOf(inspection, 'effectiveLearningRate');
  if (effective) return scaledArrow({ glyph: 'velocity', role: 'first-moment', from }, [-effective[0] * moment[0], -effective[1] * moment[1]], viewWidth, '−η⊙m');
  if (learningRate === null) return null;
  return scaledArrow({ glyph: 'velocity', role: 'first-moment', from }, [-learningRate * moment[0], -learningRate * moment[1]], viewWidth, '−lr·m');
}

/** Adam's boxes (methods with a 'secondMoment'): |Δ_i| per coordinate around x_{k−1}, and ±lr around it. */
export function stepBoxes(source: GlyphSource): GlyphBox[] {
  const { inspection, learningRate } = source;
  if (!quantityOf(inspection, 'secondMoment') || inspection.previousPoint === null || inspection.delta === null) return [];
  const centre = plane(inspection.previousPoint);
  const boxes: GlyphBox[] = [{ glyph: 'stepBox', role: 'step', centre, halfWidths: [Math.abs(inspection.delta[0]), Math.abs(inspection.delta[1])], label: '|Δᵢ|' }];
  if (learningRate !== null && learningRate > 0) boxes.push({ glyph: 'stepBox', role: 'learning-rate', centre, halfWidths: [learningRate, learningRate], label: '±lr' });
  return boxes;
}

/** Newton's step −H⁻¹∇f from x_k (dashed where H is indefinite) beside the gradient step −lr·∇f; a note where there is none. */
export function newtonArrows(source: GlyphSource, viewWidth: number): { arrows: GlyphArrow[]; notes: string[] } {
  const { inspection, hessian } = source;
  const arrows: GlyphArrow[] = [];
  const notes: string[] = [];
  const gradientStep = gradientArrow(source, viewWidth, 'newton-gradient-step', 'newtonStep');
  if (gradientStep && source.learningRate !== null) arrows.push(gradientStep);
  if (!hessian || hessian.length < 4) return { arrows, notes };
  const model = localQuadratic(hessian, 2);
  const newton = newtonStep(model, inspection.gradient);
  if (newton === null) {
    notes.push('H is singular here: no Newton step.');
    return { arrows, notes };
  }
  const label = newton.indefinite ? 'Newton −H⁻¹∇f (H indefinite)' : 'Newton −H⁻¹∇f';
  const arrow = scaledArrow({ glyph: 'newtonStep', role: 'newton', from: plane(inspection.point), dashed: newton.indefinite }, plane(newton.step), viewWidth, label);
  if (arrow) arrows.push(arrow);
  if (newton.indefinite) notes.push(`H is indefinite here (λ = ${Array.from(model.eigenvalues, formatGlyphNumber).join(', ')}): −H⁻¹∇f goes to the model's ${model.curvature === 'saddle' ? 'saddle' : 'stationary point'}${newton.descends ? '' : ', uphill'}; drawn dashed.`);
  return { arrows, notes };
}

/**
 * The zeroth-order probe direction u ('probeDirection', else the snapshot's `direction`) as a
 * two-headed segment through the probes' centre (x_{k−1}, where the pair was evaluated), ±c·u at
 * true length when readable, else normalised.
 */
export function probeArrow(source: GlyphSource, viewWidth: number): GlyphArrow | null {
  const { inspection } = source;
  const direction = vectorOf(inspection, 'probeDirection') ?? (source.direction && source.direction.length >= 2 ? source.direction : null);
  if (!direction) return null;
  const probes = source.probes;
  const centre: PlanePoint =
    probes && probes.length >= 4 ? [(probes[0] + probes[2]) / 2, (probes[1] + probes[3]) / 2] : plane(inspection.previousPoint ?? inspection.point);
  const perturbation = quantityOf(inspection, 'perturbation')?.value;
  const halfLength = probes && probes.length >= 4 ? Math.hypot(probes[0] - centre[0], probes[1] - centre[1]) : typeof perturbation === 'number' ? perturbation : 0;
  const norm = Math.hypot(direction[0], direction[1]);
  if (!Number.isFinite(norm) || norm === 0) return null;
  const unit: PlanePoint = [direction[0] / norm, direction[1] / norm];
  const visible = halfLength >= MIN_VISIBLE_SHARE * viewWidth && halfLength <= MAX_VIEW_WIDTHS * viewWidth;
  const reach = visible ? halfLength : NORMALISED_SHARE * viewWidth;
  return {
    glyph: 'probeDirection',
    role: 'probe',
    from: [centre[0] - unit[0] * reach, centre[1] - unit[1] * reach],
    to: [centre[0] + unit[0] * reach, centre[1] + unit[1] * reach],
    dashed: false,
    twoHeaded: true,
    scale: visible ? 'displacement' : 'normalised',
    label: visible ? '±c·u' : `probe u (normalised; c = ${formatGlyphNumber(halfLength)})`,
  };
}

/** Every glyph that is on for one run at the shown step, in a view `viewWidth` wide. */
export function runGlyphs(source: GlyphSource, toggles: GlyphToggles, viewWidth: number): RunGlyphs {
  const arrows: GlyphArrow[] = [];
  const notes: string[] = [];
  const push = (arrow: GlyphArrow | null) => {
    if (arrow) arrows.push(arrow);
  };
  if (toggles.gradient) push(gradientArrow(source, viewWidth));
  if (toggles.velocity) push(velocityArrow(source, viewWidth));
  if (toggles.newtonStep) {
    const newton = newtonArrows(source, viewWidth);
    arrows.push(...newton.arrows);
    notes.push(...newton.notes);
  }
  if (toggles.probeDirection) push(probeArrow(source, viewWidth));
  const boxes = toggles.stepBox ? stepBoxes(source) : [];
  return { arrows, boxes, notes };
}
