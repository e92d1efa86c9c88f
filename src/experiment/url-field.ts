import type { Domain } from '../engine/objective';
import type { CostAxis, GradientCost } from './cost';
import type { AnalysisSettings } from './analysis-settings';
import type { Experiment } from './experiment';
import type { MapView } from './map-view';
import type { ClassroomView } from './classroom-names';
import { unescapeText } from './url-text';

// What one key of the share URL is: the shape every entry of the field table (url-codec.ts) has,
// and `valueField`, which builds the common kind of entry (one value per key) from a declaration
// of the key, where its value lives, its default, its text form and what a bad value costs.

/** How the map is looked at, as a link carries it. */
export interface UrlView {
  /** The map's visible domain; null for the problem's own. */
  readonly domain: Domain | null;
  /** The step shown; undefined for the last one. */
  readonly step: number | undefined;
  /** What the loss chart's x axis counts (and the budget's unit); undefined for steps. */
  readonly lossAxis?: CostAxis;
  /** The price of a gradient on the weighted-cost axis; undefined for automatic differentiation. */
  readonly gradientCost?: GradientCost;
  /** Budget mode: every run stops at the last point within this cost; undefined or null when off. */
  readonly budget?: number | null;
  /** The run the step inspector shows (0-based; `inspect=` is 1-based); undefined or null when it is closed. */
  readonly inspectedRun?: number | null;
  /** Contour map, 3-D surface or both; undefined for the contour map. */
  readonly mapView?: MapView;
  /** The optimizer-internals glyphs drawn on the map (url-fields-view.ts names them); undefined or empty for none. */
  readonly glyphs?: readonly ViewGlyph[];
  /** The theory overlay (the local quadratic model at the cursor or the selected run); undefined for off. */
  readonly theory?: boolean;
  /** What a classroom link hides, locks and presents (url-fields-classroom.ts); undefined for the ordinary page. */
  readonly classroom?: ClassroomView;
}

/** A glyph the map can draw at the shown step (the store's Glyph, named here so links can carry it). */
export type ViewGlyph = 'gradient' | 'velocity' | 'stepBox' | 'newtonStep' | 'probeDirection';

/** Everything a share URL carries: the experiment, its view and the analyses run on it. */
export interface UrlState {
  readonly experiment: Experiment;
  readonly view: UrlView;
  readonly analyses: AnalysisSettings;
}

/** A share URL as read: what it opens, and one sentence per field that fell back. */
export interface DecodedUrlState extends UrlState {
  readonly problems: string[];
}

/** The view a link opens when it says nothing about it: the problem's own domain, the last step. */
export const DEFAULT_URL_VIEW: UrlView = { domain: null, step: undefined };

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** A UrlState while the URL is being read: starts at the defaults, and each field sets its part. */
export interface UrlDraft {
  experiment: Mutable<Experiment>;
  view: Mutable<UrlView>;
  analyses: Mutable<AnalysisSettings>;
}

/** A file a link names, as the host loaded it (or why it could not). */
export type LoadedFile = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly error: string };

/**
 * The files a link refers to by name and the host loads before the link is read (the page fetches
 * them, the CLI reads them from disk): the bundled data sets, by name (linkBundledSets in url-codec.ts).
 */
export interface LinkFiles {
  readonly bundled: ReadonlyMap<string, LoadedFile>;
}

/** No files loaded. */
export const NO_LINK_FILES: LinkFiles = { bundled: new Map() };

/** The part of the state a field belongs to; the CLI reads the experiment's alone. */
export type UrlPart = 'experiment' | 'view' | 'analyses';

/** One key of the hash: how to write it from a state, and how to read it back into a draft. */
export interface UrlField {
  readonly key: string;
  readonly part: UrlPart;
  /** The key's values (URL text, escaped) for this state; none when the field holds its default. */
  write(state: UrlState): string[];
  /**
   * Reads every value given for the key (raw, still escaped) into the draft; returns the problems.
   * Fields are read in table order, so the draft already holds what the fields before this one read.
   */
  read(texts: readonly string[], draft: UrlDraft, files: LinkFiles): string[];
}

/** A value read from the URL, with the parts of it that fell back alone; or why none could be read. */
export type FieldRead<T> = { ok: true; value: T; problems?: readonly string[] } | { ok: false; error: string };

/** A key with one value: where the value lives, its default, its text form and what a bad one costs. */
export interface ValueFieldSpec<T> {
  readonly key: string;
  readonly part: UrlPart;
  /** The value in a state; undefined when the state has none to write (a formula has no surface). */
  get(state: UrlState): T | undefined;
  set(draft: UrlDraft, value: T): void;
  /** The value left out of the URL (undefined: only an absent value is left out). */
  readonly defaultValue: T | undefined;
  /** What a value that cannot be read costs, after its message: "using 300". */
  readonly fallback: string;
  /** The value as URL text, escaped where it needs to be. */
  format(value: T): string;
  /** Reads unescaped text; an error names the field ("steps: 'abc' is not a whole number"). */
  parse(text: string, draft: Readonly<UrlDraft>, files: LinkFiles): FieldRead<T>;
  /**
   * The view and analysis keys keep the leniency they were first read with: a repeat silently
   * replaces the value before it, and a value that is not valid percent-encoding is ignored.
   * Without it (the experiment's keys) a repeat is reported and a bad escape costs the fallback.
   */
  readonly lenient?: boolean;
}

/** Builds a table entry from a one-value declaration; both directions use the same declaration. */
export function valueField<T>(spec: ValueFieldSpec<T>): UrlField {
  return {
    key: spec.key,
    part: spec.part,
    write(state) {
      const value = spec.get(state);
      if (value === undefined || deepEqual(value, spec.defaultValue)) return [];
      return [spec.format(value)];
    },
    read(texts, draft, files) {
      if (texts.length === 0) return [];
      const problems: string[] = [];
      let text: string | undefined;
      if (spec.lenient) {
        for (const raw of texts) {
          const unescaped = unescapeText(raw);
          if (unescaped.ok) text = unescaped.value;
          else problems.push(`${spec.key}: ${unescaped.error}; ignored`);
        }
        if (text === undefined) return problems;
      } else {
        if (texts.length > 1) problems.push(`${spec.key}: given ${texts.length} times; reading the last`);
        const unescaped = unescapeText(texts[texts.length - 1]);
        if (!unescaped.ok) return [...problems, `${spec.key}: ${unescaped.error}; ${spec.fallback}`];
        text = unescaped.value;
      }
      const parsed = spec.parse(text, draft, files);
      if (!parsed.ok) return [...problems, `${parsed.error}; ${spec.fallback}`];
      spec.set(draft, parsed.value);
      return [...problems, ...(parsed.problems ?? [])];
    },
  };
}

/** Structural equality of JSON-like values; numbers by Object.is, so -0 differs from 0. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  const bKeys = Object.keys(b);
  if (aKeys.length !== bKeys.length) return false;
  return aKeys.every((key) => Object.hasOwn(b, key) && deepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}
