import { power } from '../../power';
import { booleanHyper, numberHyper, pairHyper } from '../first-order/hyper';
import type { HyperValues } from '../hyperparameters';
import { latexNumber as num, latexVector as vec, narratedNumber as word, narratedVector as words } from '../narration-format';
import { numberQuantity, vectorQuantity } from '../gradient-free/state-quantities';
import type { UpdateTeller } from './gaussian-estimate';

// ZO-AdaMM's update for the inspector. The update itself is first-order/adam.ts's instance, whose
// moments are its own; on the inspector's replay this follows them from the first step with torch's
// formulas (m ← β1 m + (1 − β1)ĝ, v ← β2 v + (1 − β2)ĝ², AMSGrad's running max of v), so the moments
// shown are the ones Adam divided by (the test checks the step they imply is the step taken).

/** A teller that keeps Adam's moments, fed every step's estimate on the inspector's replay. */
export function adamTeller(hyper: HyperValues, dimension: number): UpdateTeller {
  const [beta1, beta2] = pairHyper(hyper, 'betas');
  const epsilon = numberHyper(hyper, 'eps');
  const amsgrad = booleanHyper(hyper, 'amsgrad');
  const firstMoment = new Float64Array(dimension);
  const secondMoment = new Float64Array(dimension);
  const maxSecondMoment = new Float64Array(dimension);
  let step = 0;
  return (previous, estimate, learningRate, point) => {
    step++;
    const previousFirst = firstMoment.slice();
    const previousSecond = secondMoment.slice();
    for (let i = 0; i < dimension; i++) {
      firstMoment[i] = firstMoment[i] * beta1 + (1 - beta1) * estimate[i];
      secondMoment[i] = secondMoment[i] * beta2 + (1 - beta2) * estimate[i] * estimate[i];
      maxSecondMoment[i] = Math.max(maxSecondMoment[i], secondMoment[i]);
    }
    const divisor = amsgrad ? maxSecondMoment : secondMoment;
    // torch: step_size = lr / (1 − β1^t), denominator √v / √(1 − β2^t) + ε
    const stepSize = learningRate / (1 - power(beta1, step));
    const correction = Math.sqrt(1 - power(beta2, step));
    const effective = divisor.map((v) => stepSize / (Math.sqrt(v) / correction + epsilon));
    const vName = amsgrad ? 'the running maximum of v' : 'v';
    return {
      state: [
        vectorQuantity('firstMoment', 'first moment m (running mean of the estimates) [exp_avg]', 'm_t', firstMoment),
        vectorQuantity('secondMoment', 'second moment v (running mean of the squared estimates) [exp_avg_sq]', 'v_t', secondMoment),
        ...(amsgrad ? [vectorQuantity('maxSecondMoment', 'running maximum of v (AMSGrad) [max_exp_avg_sq]', '\\hat v_t^{\\max}', maxSecondMoment)] : []),
        vectorQuantity('effectiveLearningRate', 'step size applied to m per coordinate', '\\frac{\\gamma / (1 - \\beta_1^t)}{\\sqrt{v_t / (1 - \\beta_2^t)} + \\epsilon}', effective),
        numberQuantity('step', 'Adam steps taken (t)', 't', step),
      ],
      narration: [
        {
          sentence: `The first moment decays by ${word(beta1)} from ${words(previousFirst)} and adds ${word(1 - beta1)} of the estimate: m = ${words(firstMoment)}.`,
          rule: `m_{${step}} = ${num(beta1)}\\, ${vec(previousFirst)} + ${num(1 - beta1)}\\, ${vec(estimate)} = ${vec(firstMoment)}`,
        },
        {
          sentence: `The second moment decays by ${word(beta2)} and adds ${word(1 - beta2)} of the squared estimate: v = ${words(secondMoment)}.`,
          rule: `v_{${step}} = ${num(beta2)}\\, ${vec(previousSecond)} + ${num(1 - beta2)}\\, \\hat g^2 = ${vec(secondMoment)}`,
        },
        {
          sentence: `With the bias corrections of step ${step}, each coordinate moves by its step size ${words(effective)} times m (divided by ${vName}): from ${words(previous)} to ${words(point)}.`,
          rule: `x \\leftarrow x - \\frac{\\gamma / (1 - \\beta_1^{${step}})}{\\sqrt{v / (1 - \\beta_2^{${step}})} + \\epsilon}\\, m = ${vec(previous)} - ${vec(effective)} \\odot ${vec(firstMoment)} = ${vec(point)}`,
        },
      ],
    };
  };
}
