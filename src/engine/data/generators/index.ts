import { checkHyperValue } from '../../checks';
import type { HyperValue, HyperValues } from '../../methods/hyperparameters';
import { Random } from '../../random';
import { blobs } from './blobs';
import { circles } from './circles';
import { classification } from './classification';
import type { DatasetGenerator, GeneratedDataset } from './generator';
import { linear1d } from './linear-1d';
import { polynomial } from './polynomial';
import { regression } from './regression';
import { spiral } from './spiral';
import { twoMoons } from './two-moons';
import { xor } from './xor';

export type { DatasetGenerator, GeneratedDataset, GeneratorTruth } from './generator';

/** Every generated data set, regression first, in the order the picker lists them. */
export const DATASET_GENERATORS: readonly DatasetGenerator[] = [linear1d, polynomial, regression, twoMoons, circles, spiral, xor, blobs, classification];

/** The generator with this name, or undefined. */
export function findGenerator(name: string): DatasetGenerator | undefined {
  return DATASET_GENERATORS.find((generator) => generator.name === name);
}

/** The parameters with every missing one set to its default. */
export function withDefaultParams(generator: DatasetGenerator, params: HyperValues): Record<string, HyperValue> {
  const complete: Record<string, HyperValue> = {};
  for (const spec of generator.paramSpecs) complete[spec.name] = params[spec.name] ?? spec.defaultValue;
  return complete;
}

/** Messages for unknown, out-of-range or inconsistent parameters (empty when valid); paths start at `path`. */
export function validateDatasetParams(generator: DatasetGenerator, params: HyperValues, path = 'dataset'): string[] {
  const errors: string[] = [];
  const known = new Set(generator.paramSpecs.map((spec) => spec.name));
  for (const name of Object.keys(params)) {
    if (!known.has(name)) errors.push(`${path}.${name} is not a parameter of ${generator.name} (it has ${[...known].join(', ')})`);
  }
  const complete = withDefaultParams(generator, params);
  for (const spec of generator.paramSpecs) {
    const message = checkHyperValue(complete[spec.name], spec, `${path}.${spec.name}`);
    if (message) errors.push(message);
  }
  if (errors.length === 0 && generator.validate) errors.push(...generator.validate(complete).map((message) => `${path}: ${message}`));
  return errors;
}

/** Draws the named data set from its parameters (defaults filled in) and a uint32 seed; throws on bad input. */
export function generateDataset(name: string, params: HyperValues, seed: number): GeneratedDataset {
  const generator = findGenerator(name);
  if (!generator) throw new RangeError(`unknown data set "${name}" (known: ${DATASET_GENERATORS.map((known) => known.name).join(', ')})`);
  const errors = validateDatasetParams(generator, params);
  if (errors.length > 0) throw new RangeError(errors.join('; '));
  return generator.generate(withDefaultParams(generator, params), new Random(seed));
}
