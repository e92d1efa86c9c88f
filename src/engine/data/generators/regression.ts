import { numberedNames } from '../dataset';
import type { DatasetGenerator } from './generator';
import { integerSpec, noiseSpec, numberParam, realSpec, samplesSpec } from './generator';

// sklearn's make_regression with shuffle=False and effective_rank=None: X ~ N(0, 1) entrywise, the
// first n_informative weights w_j = 100·U[0, 1) and the rest 0, y = X·w + bias + N(0, noise²).
// The weights come back as the truth (sklearn's coef=True). Single target only (n_targets = 1).

/** Multivariate linear regression with only some informative features. */
export const regression: DatasetGenerator = {
  name: 'regression',
  title: 'Linear regression (make_regression)',
  task: 'regression',
  noiseParameter: 'noise',
  paramSpecs: [
    samplesSpec(100),
    noiseSpec(10, 'standard deviation of the Gaussian noise added to y', 1000),
    integerSpec('n_features', 4, 1, 100, 'number of features'),
    integerSpec('n_informative', 2, 0, 100, 'features with a nonzero weight (the first ones)'),
    realSpec('bias', 0, -1000, 1000, 'the intercept added to every target'),
  ],
  validate: (params) => {
    const features = numberParam(params, 'n_features');
    const informative = numberParam(params, 'n_informative');
    return informative <= features ? [] : [`n_informative (${informative}) must be ≤ n_features (${features})`];
  },
  generate: (params, random) => {
    const samples = numberParam(params, 'samples');
    const noise = numberParam(params, 'noise');
    const columns = numberParam(params, 'n_features');
    const informative = numberParam(params, 'n_informative');
    const bias = numberParam(params, 'bias');
    // Draw order as sklearn's: X (row-major), then the weights, then the noise.
    const features = new Float64Array(samples * columns);
    for (let i = 0; i < features.length; i++) features[i] = random.nextGaussian();
    const coefficients = new Float64Array(columns);
    for (let j = 0; j < informative; j++) coefficients[j] = 100 * random.nextFloat();
    const targets = new Float64Array(samples);
    for (let i = 0; i < samples; i++) {
      let value = bias;
      for (let j = 0; j < informative; j++) value += features[i * columns + j] * coefficients[j];
      targets[i] = value;
    }
    if (noise > 0) for (let i = 0; i < samples; i++) targets[i] += noise * random.nextGaussian();
    return {
      features,
      targets,
      rows: samples,
      columns,
      featureNames: numberedNames('x', columns),
      targetName: 'y',
      task: 'regression',
      truth: { coefficients, bias },
    };
  },
};
