// torch.optim's SGD (with momentum) and Adam on M stacked parameter vectors [M, P], each model with
// its own learning rate (a [M, 1] column), in float32. The state tensors are owned here: step()
// replaces them (disposing the old ones) and dispose() releases them.
import * as tf from '@tensorflow/tfjs-core';

/** The update rule, with torch.optim's names and defaults. */
export type TrainingOptimizer =
  | { readonly kind: 'sgd'; readonly momentum?: number }
  | { readonly kind: 'adam'; readonly beta1?: number; readonly beta2?: number; readonly eps?: number };

/** Per-model optimizer state over [M, P] parameters. */
export interface StackedOptimizer {
  /** The parameters after step `step` (1-based) from `gradient`; call inside tf.tidy (the new state is kept). */
  step(parameters: tf.Tensor2D, gradient: tf.Tensor2D, step: number): tf.Tensor2D;
  dispose(): void;
}

/** The optimizer's state for M models with the given learning-rate column [M, 1]. */
export function createStackedOptimizer(optimizer: TrainingOptimizer, learningRates: tf.Tensor2D): StackedOptimizer {
  return optimizer.kind === 'sgd' ? sgd(optimizer.momentum ?? 0, learningRates) : adam(optimizer, learningRates);
}

/** b_t = μ b_{t−1} + g_t (b_1 = g_1, as torch), θ_t = θ_{t−1} − γ b_t; plain θ − γ g without momentum. */
function sgd(momentum: number, learningRates: tf.Tensor2D): StackedOptimizer {
  let momentumBuffer: tf.Tensor2D | null = null;
  return {
    step(parameters, gradient) {
      if (momentum === 0) return tf.sub(parameters, tf.mul(learningRates, gradient));
      const buffer: tf.Tensor2D = momentumBuffer === null ? gradient : tf.add(tf.mul(momentumBuffer, momentum), gradient);
      momentumBuffer?.dispose();
      momentumBuffer = tf.keep(buffer);
      return tf.sub(parameters, tf.mul(learningRates, buffer));
    },
    dispose() {
      momentumBuffer?.dispose();
      momentumBuffer = null;
    },
  };
}

/**
 * m_t = β1 m + (1 − β1) g, v_t = β2 v + (1 − β2) g², θ_t = θ − (γ / (1 − β1ᵗ)) m_t / (√v_t / √(1 − β2ᵗ) + ε),
 * torch.optim.Adam's order of operations (ε added after the bias correction of √v).
 */
function adam(options: { beta1?: number; beta2?: number; eps?: number }, learningRates: tf.Tensor2D): StackedOptimizer {
  const beta1 = options.beta1 ?? 0.9;
  const beta2 = options.beta2 ?? 0.999;
  const eps = options.eps ?? 1e-8;
  let firstMoment: tf.Tensor2D | null = null;
  let secondMoment: tf.Tensor2D | null = null;
  return {
    step(parameters, gradient, step) {
      const first: tf.Tensor2D = firstMoment === null ? tf.mul(gradient, 1 - beta1) : tf.add(tf.mul(firstMoment, beta1), tf.mul(gradient, 1 - beta1));
      const second: tf.Tensor2D = secondMoment === null ? tf.mul(tf.square(gradient), 1 - beta2) : tf.add(tf.mul(secondMoment, beta2), tf.mul(tf.square(gradient), 1 - beta2));
      firstMoment?.dispose();
      secondMoment?.dispose();
      firstMoment = tf.keep(first);
      secondMoment = tf.keep(second);
      // the bias corrections are scalars of the step: computed here in float64
      const stepSize = tf.div(learningRates, 1 - beta1 ** step);
      const denominator = tf.add(tf.div(tf.sqrt(second), Math.sqrt(1 - beta2 ** step)), eps);
      return tf.sub(parameters, tf.mul(stepSize, tf.div(first, denominator)));
    },
    dispose() {
      firstMoment?.dispose();
      secondMoment?.dispose();
      firstMoment = secondMoment = null;
    },
  };
}
