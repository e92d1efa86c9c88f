import type { HyperSpec, HyperValues } from '../../methods/hyperparameters';
import type { Random } from '../../random';
import type { Dataset } from '../dataset';

// The contract every generated data set follows: a name, parameter specs with sklearn's names, and a
// pure function of the validated parameters and a seeded Random. Rows come out in construction order
// (sklearn's shuffle=False: class 0's rows, then class 1's, ...); the seeded train/validation shuffle
// in ../split.ts is what mixes them.

/** The ground truth a generator knows and a fit can be compared with. */
export interface GeneratorTruth {
  /** Regression weights per feature (make_regression's `coef`), or the polynomial's c0..c_degree. */
  readonly coefficients?: Float64Array;
  readonly bias?: number;
  /** Cluster centers, row-major, `columns` numbers each (blobs, classification). */
  readonly centers?: Float64Array;
}

/** A generated data set with the truth it was drawn from. */
export interface GeneratedDataset extends Dataset {
  readonly truth: GeneratorTruth;
}

/** One generator of the registry. */
export interface DatasetGenerator {
  /** The id in experiments and links: "two_moons". */
  readonly name: string;
  readonly title: string;
  readonly task: Dataset['task'];
  readonly paramSpecs: readonly HyperSpec[];
  /** The parameter the UI's "noise" control edits (Gaussian noise, cluster spread or label flips). */
  readonly noiseParameter: string;
  /** Cross-parameter rules (n_informative ≤ n_features): a message per broken rule. */
  readonly validate?: (params: HyperValues) => string[];
  /** Draws the data from validated, defaulted parameters. */
  readonly generate: (params: HyperValues, random: Random) => GeneratedDataset;
}

/** `samples`: the number of rows. */
export function samplesSpec(defaultValue: number): HyperSpec {
  return { kind: 'number', name: 'samples', defaultValue, min: 1, max: 100000, integer: true, description: 'number of rows' };
}

/** `noise`: a standard deviation (or amplitude) ≥ 0 of the noise, as each generator describes. */
export function noiseSpec(defaultValue: number, description: string, max = 10): HyperSpec {
  return { kind: 'number', name: 'noise', defaultValue, min: 0, max, description };
}

/** A whole-number parameter. */
export function integerSpec(name: string, defaultValue: number, min: number, max: number, description: string): HyperSpec {
  return { kind: 'number', name, defaultValue, min, max, integer: true, description };
}

/** A real parameter in [min, max]. */
export function realSpec(name: string, defaultValue: number, min: number, max: number, description: string): HyperSpec {
  return { kind: 'number', name, defaultValue, min, max, description };
}

/** `x_range`: the one feature of the curve-fitting sets, drawn uniformly from [low, high). */
export const X_RANGE_SPEC: HyperSpec = { kind: 'pair', name: 'x_range', defaultValue: [-1, 1], min: -1000, max: 1000, description: 'x is drawn uniformly from [low, high)' };

/** The rule between x_range's two ends: low < high. */
export function checkXRange(params: HyperValues): string[] {
  const [low, high] = pairParam(params, 'x_range');
  return low < high ? [] : [`x_range must have low < high, got [${low}, ${high}]`];
}

/** A parameter that must be a number (throws: parameters are validated before generate()). */
export function numberParam(params: HyperValues, name: string): number {
  const value = params[name];
  if (typeof value !== 'number') throw new TypeError(`data set parameter ${name} must be a number`);
  return value;
}

/** A parameter that must be a pair [low, high]. */
export function pairParam(params: HyperValues, name: string): readonly [number, number] {
  const value = params[name];
  if (!Array.isArray(value) || value.length !== 2) throw new TypeError(`data set parameter ${name} must be a pair`);
  return value as readonly [number, number];
}

/** numpy's linspace(start, stop, count, endpoint): start + i·step, the last point exactly `stop`. */
export function linspace(start: number, stop: number, count: number, endpoint: boolean): Float64Array {
  const values = new Float64Array(count);
  const divisions = endpoint ? count - 1 : count;
  const step = divisions > 0 ? (stop - start) / divisions : 0;
  for (let i = 0; i < count; i++) values[i] = i * step + start;
  if (endpoint && count > 1) values[count - 1] = stop;
  return values;
}

/** A uniform draw in [low, high). */
export function uniform(random: Random, low: number, high: number): number {
  return low + (high - low) * random.nextFloat();
}

/** Class names "0".."k−1", as sklearn labels its classes. */
export function indexNames(count: number): string[] {
  return Array.from({ length: count }, (_, index) => String(index));
}
