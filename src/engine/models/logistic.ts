import { sigmoid, softplus } from './model';
import { SingleLogitModel } from './single-logit';

// Logistic regression: P(y = 1 | x) = σ(z) with the logit z = w · x + b; loss the mean binary
// cross-entropy (1/n) Σ [log(1 + e^z) − y z], which is −y log σ(z) − (1 − y) log(1 − σ(z)) written
// so that it neither overflows nor loses digits (torch's binary_cross_entropy_with_logits, scikit-
// learn's log_loss on the probabilities). Parameters: the d weights in feature order, then the bias.
//   ∇ = (1/n) Σ (σ(z) − y) [x; 1]
//   H = (1/n) Σ σ(z)(1 − σ(z)) [x; 1][x; 1]ᵀ      (Newton on this loss is IRLS)

/** Logistic regression with the mean binary cross-entropy; parameters: weights, then the bias. predict writes P(y = 1 | x). */
export class LogisticRegression extends SingleLogitModel {
  readonly kind = 'logistic';

  protected lossTerm(logit: number, target: number): number {
    return softplus(logit) - target * logit;
  }

  protected lossSlope(logit: number, target: number): number {
    return sigmoid(logit) - target;
  }

  protected lossCurvature(logit: number): number {
    const probability = sigmoid(logit);
    return probability * (1 - probability);
  }

  protected output(logit: number): number {
    return sigmoid(logit);
  }
}
