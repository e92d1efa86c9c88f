import type { Domain, KnownMinimum, Objective } from '../../objective';
import { LIMITS } from '../../limits';

/** How the surface picker groups the built-in surfaces. */
export type SurfaceGroup = 'convex' | 'valleys' | 'multimodal' | 'saddles';

/** A tunable constant of a surface (Rosenbrock's a and b, the quadratic's condition number). */
export interface SurfaceParameter {
  readonly name: string;
  readonly label: string;
  readonly defaultValue: number;
  readonly min: number;
  readonly max: number;
  /** Slider on a log scale. */
  readonly log?: boolean;
}

/** Values for a surface's parameters, by name. */
export type SurfaceParameterValues = Readonly<Record<string, number>>;

/** A suggested start point (x, y) on the plane. */
export type SuggestedStart = readonly [number, number];

/** A built-in surface with its parameters bound: the objective, its formula and its known minima. */
export interface Surface extends Objective {
  readonly dimension: 2;
  /** The same function in the formula language of `engine/expression` (parameters substituted). */
  readonly expression: string;
  /** Known global minima (empty when there is none, as on a saddle). */
  readonly minima: readonly KnownMinimum[];
}

/** A built-in test function: canonical definition, default domain, parameters and known minima. */
export interface SurfaceDefinition {
  readonly id: string;
  readonly name: string;
  readonly group: SurfaceGroup;
  /** One line about what the surface teaches. */
  readonly description: string;
  readonly parameters: readonly SurfaceParameter[];
  readonly domain: Domain;
  /**
   * Start points that show what the surface teaches (its `description`), inside `domain`, at the
   * default parameters; a run moved to this surface begins at one (run i at suggestion i mod k).
   */
  readonly suggestedStarts: readonly SuggestedStart[];
  /** Binds parameter values (missing ones take their defaults). */
  create(values?: SurfaceParameterValues): Surface;
  /**
   * Surfaces with an n-dimensional form: the dimensions allowed (2 included) and the surface in
   * `dimension` coordinates; at dimension 2 it is the same function as `create`'s (which the
   * engine uses there, so 2-D runs stay bit-identical).
   */
  readonly nDimensional?: {
    /** The n-dimensional form as LaTeX, in x₁ … xₙ. */
    readonly formula: string;
    readonly minDimension: number;
    readonly maxDimension: number;
    create(values: SurfaceParameterValues | undefined, dimension: number): VectorSurface;
  };
}

/** A built-in surface in n coordinates: the objective and its known minima (no formula: that is in x and y). */
export interface VectorSurface extends Objective {
  readonly minima: readonly KnownMinimum[];
}

/** Most coordinates an n-dimensional surface may take (its Hessian is dimension² numbers). */
export const MAX_SURFACE_DIMENSION = LIMITS.dimension.value;
