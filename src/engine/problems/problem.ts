import type { Checked, JsonObject } from '../check-values';
import type { Domain, KnownMinimum, Objective } from '../objective';
import type { ResolvedData } from './resolved-data';

// What is minimised. A problem is plain data tagged by `kind` (it travels in experiment JSON, share
// URLs and worker messages); its kind's definition validates it and resolves it to an n-dimensional
// Objective. The 2-D views (the contour map, basin maps) need a `plane` as well, which only
// two-dimensional problems have.

/** Any problem as data: its kind and the fields that kind defines. */
export interface ProblemSpec {
  readonly kind: string;
  /** Where to plot a 2-D problem; the kind's default when absent. */
  readonly domain?: Domain;
}

/** What the 2-D views draw: the plotting domain and the minima marked on it. */
export interface ProblemPlane {
  readonly domain: Domain;
  /** Known minima as (x, y) points. */
  readonly minima: readonly KnownMinimum[];
}

/** What a kind resolves a problem to: its objective and what is known about it. */
export interface ResolvedObjective {
  readonly objective: Objective;
  /** Known global minima (empty when none is known, as for a typed formula or a saddle). */
  readonly minima: readonly KnownMinimum[];
  /**
   * The function in the formula language of engine/expression, in x and y (a typed formula as typed,
   * a built-in surface with its parameters substituted); absent where there is none (n-D surfaces).
   * The fused GPU kernels are generated from it.
   */
  readonly expression?: string;
  /** A data problem's rows and model (the data view, the metrics and the validation loss read them). */
  readonly data?: ResolvedData;
}

/** A problem made runnable (engine/problems/index.ts's resolveProblem). */
export interface ResolvedProblem extends ResolvedObjective {
  /** Present for two-dimensional problems: what the map draws. */
  readonly plane?: ProblemPlane;
}

/** One kind of problem: how its data is validated and what it resolves to. */
export interface ProblemKind<Spec extends ProblemSpec = ProblemSpec> {
  readonly kind: Spec['kind'];
  /** Shown in messages: "a built-in surface". */
  readonly title: string;
  /**
   * The JSON key that tells this kind apart when `kind` is not written, as messages name it:
   * { name: 'expression', phrase: 'an "expression"', hint: ' (a formula in x and y)' }.
   */
  readonly identifyingKey: { readonly name: string; readonly phrase: string; readonly hint?: string };
  /** The keys a problem of this kind may have, besides `kind` and `domain`. */
  readonly keys: readonly string[];
  /**
   * Validates `value` (a JSON object with this kind's keys; `domain` and `kind` are checked by the
   * caller), naming each bad field by `path`; returns the problem without its domain.
   */
  check(value: JsonObject, path: string): Checked<Spec>;
  /** Coordinates a start point needs (`problem` passed check). */
  dimension(problem: Spec): number;
  /** The plotting domain when the problem gives none. */
  defaultDomain(problem: Spec): Domain;
  /**
   * Start points that show what the problem teaches, at least one, each with `dimension(problem)`
   * coordinates and, for a 2-D problem, inside its plotting domain.
   */
  suggestedStarts(problem: Spec): readonly (readonly number[])[];
  /** The objective and what is known about it; throws for a problem that did not pass check. */
  resolve(problem: Spec): ResolvedObjective;
}
