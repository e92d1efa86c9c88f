import { adadelta } from './adadelta';
import { adagrad } from './adagrad';
import { adam } from './adam';
import { adamax } from './adamax';
import { adamw } from './adamw';
import { lion } from './lion';
import { nadam } from './nadam';
import type { OptimizerDefinition } from './optimizer';
import { radam } from './radam';
import { rmsprop } from './rmsprop';
import { sgd } from './sgd';

export type { HyperSpec, HyperValue, HyperValues, OptimizerDefinition, OptimizerInstance } from './optimizer';
export { defaultHyperValues, validateHyperValues } from './hyper';

/** The first-order optimizers, in the order the picker lists them (torch.optim's semantics and defaults). */
export const OPTIMIZERS: readonly OptimizerDefinition[] = [sgd, adagrad, rmsprop, adadelta, adam, adamw, adamax, nadam, radam, lion];

const BY_ID = new Map(OPTIMIZERS.map((definition) => [definition.id, definition]));

/** The optimizer with this id (`sgd`, `adam`, ...), or undefined. */
export function getOptimizer(id: string): OptimizerDefinition | undefined {
  return BY_ID.get(id);
}
