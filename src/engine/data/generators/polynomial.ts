import type { DatasetGenerator } from './generator';
import { checkXRange, integerSpec, noiseSpec, numberParam, pairParam, realSpec, samplesSpec, uniform, X_RANGE_SPEC } from './generator';

// y = c0 + c1·x + … + c_d·x^d + ε with x uniform on x_range and ε ~ N(0, noise²). The coefficients
// are drawn from the seed, c_k ~ N(0, coefficient_scale²), and returned as the truth: a vector is not
// one of the hyperparameter kinds, so a fixed polynomial is chosen by seed rather than typed in.

/** One feature, a polynomial curve of the given degree with Gaussian noise. */
export const polynomial: DatasetGenerator = {
  name: 'polynomial',
  title: 'Polynomial with noise',
  task: 'regression',
  noiseParameter: 'noise',
  paramSpecs: [
    samplesSpec(100),
    noiseSpec(0.1, 'standard deviation of the Gaussian noise added to y'),
    integerSpec('degree', 3, 0, 10, 'degree d of the polynomial'),
    realSpec('coefficient_scale', 1, 0, 100, 'standard deviation of the seeded coefficients c0..c_d'),
    X_RANGE_SPEC,
  ],
  validate: checkXRange,
  generate: (params, random) => {
    const samples = numberParam(params, 'samples');
    const noise = numberParam(params, 'noise');
    const degree = numberParam(params, 'degree');
    const scale = numberParam(params, 'coefficient_scale');
    const [low, high] = pairParam(params, 'x_range');
    const coefficients = new Float64Array(degree + 1);
    for (let k = 0; k <= degree; k++) coefficients[k] = scale * random.nextGaussian();
    const features = new Float64Array(samples);
    const targets = new Float64Array(samples);
    for (let i = 0; i < samples; i++) features[i] = uniform(random, low, high);
    for (let i = 0; i < samples; i++) targets[i] = evaluatePolynomial(coefficients, features[i]) + noise * random.nextGaussian();
    return {
      features,
      targets,
      rows: samples,
      columns: 1,
      featureNames: ['x'],
      targetName: 'y',
      task: 'regression',
      truth: { coefficients },
    };
  },
};

/** Σ c_k x^k by Horner's rule (coefficients from the constant term up). */
export function evaluatePolynomial(coefficients: Float64Array, x: number): number {
  let value = 0;
  for (let k = coefficients.length - 1; k >= 0; k--) value = value * x + coefficients[k];
  return value;
}
