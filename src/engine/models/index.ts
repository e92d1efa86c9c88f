import { LinearRegression } from './linear';
import { LogisticRegression } from './logistic';
import { type Activation, Mlp, type OutputLoss } from './mlp';
import type { Model } from './model';
import { SoftmaxRegression } from './softmax';

export type { Model, ModelKind } from './model';
export type { Activation, OutputLoss } from './mlp';

/** A model as an experiment names it (`"model": {...}`), in the reference libraries' snake_case. */
export type ModelSpec =
  | { readonly kind: 'linear' }
  | { readonly kind: 'logistic' }
  | { readonly kind: 'softmax' }
  | {
      readonly kind: 'mlp';
      readonly hidden: readonly number[];
      readonly activation: Activation;
      /** 'mse' (regression) or 'cross_entropy' (classification). */
      readonly loss: OutputLoss;
      readonly weight_decay?: number;
      /** Seed of the default Glorot initialization (0 when absent). */
      readonly seed?: number;
    };

/**
 * The model a spec names, for data with `featureCount` inputs and, for classification, `classCount`
 * classes (softmax and cross-entropy MLPs; an MLP with 2 classes has one logit).
 */
export function createModel(spec: ModelSpec, featureCount: number, classCount = 2): Model {
  switch (spec.kind) {
    case 'linear':
      return new LinearRegression(featureCount);
    case 'logistic':
      return new LogisticRegression(featureCount);
    case 'softmax':
      return new SoftmaxRegression(featureCount, classCount);
    case 'mlp':
      return new Mlp({
        featureCount,
        hidden: spec.hidden,
        activation: spec.activation,
        loss: spec.loss,
        classCount,
        weightDecay: spec.weight_decay ?? 0,
      });
  }
}
