import type { DatasetGenerator } from './generator';
import { checkXRange, noiseSpec, numberParam, pairParam, realSpec, samplesSpec, uniform, X_RANGE_SPEC } from './generator';

// y = slope·x + intercept + ε, x uniform on x_range, ε ~ N(0, noise²): the first regression lesson,
// whose two parameters (slope, intercept) make an exact loss surface on the parameter plane.

/** One feature, a straight line with Gaussian noise. */
export const linear1d: DatasetGenerator = {
  name: 'linear_1d',
  title: 'Line with noise',
  task: 'regression',
  noiseParameter: 'noise',
  paramSpecs: [
    samplesSpec(100),
    noiseSpec(0.3, 'standard deviation of the Gaussian noise added to y'),
    realSpec('slope', 2, -100, 100, 'slope of the line'),
    realSpec('intercept', 1, -100, 100, 'intercept of the line (y at x = 0)'),
    X_RANGE_SPEC,
  ],
  validate: checkXRange,
  generate: (params, random) => {
    const samples = numberParam(params, 'samples');
    const noise = numberParam(params, 'noise');
    const slope = numberParam(params, 'slope');
    const intercept = numberParam(params, 'intercept');
    const [low, high] = pairParam(params, 'x_range');
    const features = new Float64Array(samples);
    const targets = new Float64Array(samples);
    // All x first, then the noise, as numpy would draw the two arrays.
    for (let i = 0; i < samples; i++) features[i] = uniform(random, low, high);
    for (let i = 0; i < samples; i++) targets[i] = slope * features[i] + intercept + noise * random.nextGaussian();
    return {
      features,
      targets,
      rows: samples,
      columns: 1,
      featureNames: ['x'],
      targetName: 'y',
      task: 'regression',
      truth: { coefficients: Float64Array.of(slope), bias: intercept },
    };
  },
};
