import type { MapView } from '../../experiment/map-view';
import type { GradientCost } from '../../experiment/cost';
import type { Glyph } from '../../store/inspection-slice';

// A lesson is data: a short text, an experiment (a share link in the app's own URL format), what to
// look at, a question and its answer. Every lesson also states its claim as data, and
// lessons.test.ts runs the link through the engine and checks it, so a text whose numbers drift
// fails a test instead of teaching something the map no longer shows.

/**
 * What a lesson's experiment must show, checked by running it (claim-check.ts). Runs are 0-based
 * indices into the link's runs; "reaching" a threshold means the recorded loss is ≤ threshold.
 */
export type LessonClaim =
  /** `faster` reaches `threshold` in fewer steps than `slower` (which may never reach it). */
  | { readonly kind: 'fewer-steps'; readonly faster: number; readonly slower: number; readonly threshold: number }
  /** `faster` reaches `threshold` having spent less (f = 1 and ∇f, ∇²f priced by `gradientCost`) than `slower`, which may never reach it. */
  | { readonly kind: 'fewer-evaluations'; readonly faster: number; readonly slower: number; readonly threshold: number; readonly gradientCost?: GradientCost }
  /** `run` reaches `threshold` within `withinSteps` steps. */
  | { readonly kind: 'reaches'; readonly run: number; readonly threshold: number; readonly withinSteps: number }
  /** `run` blows up: the engine stops it as diverged, or its loss ends over a million times its start. */
  | { readonly kind: 'diverges'; readonly run: number }
  /** `lower`'s final loss times `factor` is still below `higher`'s. */
  | { readonly kind: 'lower-final-loss'; readonly lower: number; readonly higher: number; readonly factor: number }
  /** The loss shrinks by `expected` per step (geometric mean from `fromStep` to `toStep`), within `tolerance`. */
  | { readonly kind: 'loss-ratio'; readonly run: number; readonly fromStep: number; readonly toStep: number; readonly expected: number; readonly tolerance: number }
  /** `run` ends within `radius` (Euclidean) of `point`. */
  | { readonly kind: 'final-near'; readonly run: number; readonly point: readonly number[]; readonly radius: number }
  /** `run` ends with all its coordinates equal, within `tolerance`. */
  | { readonly kind: 'equal-coordinates'; readonly run: number; readonly tolerance: number }
  /** The number of steps at which `run`'s loss went up lies in [atLeast, atMost]. */
  | { readonly kind: 'loss-rises'; readonly run: number; readonly atLeast?: number; readonly atMost?: number }
  /** `run` never asked for a gradient. */
  | { readonly kind: 'no-gradients'; readonly run: number }
  /** On a data problem, `lower` keeps fewer floats (state and activations) than `higher`. */
  | { readonly kind: 'less-memory'; readonly lower: number; readonly higher: number }
  /**
   * A search distribution's (CMA-ES's) covariance at `step` has its long axis within
   * `toleranceDegrees` of `direction`, and its axes' length ratio at least `minAxisRatio`.
   */
  | {
      readonly kind: 'ellipse-along';
      readonly run: number;
      readonly step: number;
      readonly direction: readonly [number, number];
      readonly toleranceDegrees: number;
      readonly minAxisRatio: number;
    };

/** A claim, and optionally the one thing changed in the experiment before it is checked ("without the noise ..."). */
export interface CheckedClaim {
  readonly claim: LessonClaim;
  /** The experiment changed before running: another noise level, or the mini-batches replaced by the full batch. */
  readonly variant?: { readonly noise?: number; readonly fullBatch?: boolean };
  /** What the claim says, in words (the test's name). */
  readonly says: string;
}

/** What the reader is asked before the answer is revealed. */
export type LessonQuestion =
  | { readonly kind: 'choice'; readonly prompt: string; readonly options: readonly string[]; readonly answer: number }
  | { readonly kind: 'thought'; readonly prompt: string };

/** How the lesson sets the page up beyond its link. */
export interface LessonView {
  /** The step shown when the lesson opens (0: the reader plays it from the start). */
  readonly step?: number;
  /** The glyphs drawn on the map (the step inspector's gradient, velocity, ... arrows). */
  readonly glyphs?: readonly Glyph[];
  /** The run whose step the inspector shows. */
  readonly inspectedRun?: number;
  /** Show the theory overlay (the local quadratic model: eigen-axes, κ, 2/λmax). */
  readonly theory?: boolean;
  /** The 3-D surface instead of the contour map, or beside it; the contour map when absent. */
  readonly mapView?: MapView;
}

/** One lesson. */
export interface Lesson {
  /** The lesson's name in links: `#lesson=<id>`. */
  readonly id: string;
  readonly title: string;
  /** A few sentences in plain words, one paragraph each. */
  readonly text: readonly string[];
  /** The experiment, as a share-link hash (without '#'). */
  readonly link: string;
  readonly view?: LessonView;
  /** What to look at while it plays. */
  readonly lookAt: string;
  readonly question: LessonQuestion;
  /** The answer, with the numbers the run shows. */
  readonly reveal: readonly string[];
  /** What the experiment must show (lessons.test.ts runs it). */
  readonly claims: readonly CheckedClaim[];
}
