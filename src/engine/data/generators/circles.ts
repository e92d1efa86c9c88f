import type { DatasetGenerator } from './generator';
import { indexNames, linspace, noiseSpec, numberParam, realSpec, samplesSpec } from './generator';

// sklearn's make_circles with shuffle=False: ⌊n/2⌋ points of class 0 evenly on the unit circle,
// t = linspace(0, 2π, endpoint=False), then ⌈n/2⌉ of class 1 on the circle of radius `factor`;
// then N(0, noise²) added to every coordinate.

/** A small circle inside a large one. */
export const circles: DatasetGenerator = {
  name: 'circles',
  title: 'Circles',
  task: 'classification',
  noiseParameter: 'noise',
  paramSpecs: [
    samplesSpec(200),
    noiseSpec(0.05, 'standard deviation of the Gaussian noise added to each coordinate'),
    realSpec('factor', 0.5, 0, 0.99, 'radius of the inner circle, below 1 (the outer one has radius 1)'),
  ],
  generate: (params, random) => {
    const samples = numberParam(params, 'samples');
    const noise = numberParam(params, 'noise');
    const factor = numberParam(params, 'factor');
    const outer = Math.floor(samples / 2);
    const inner = samples - outer;
    const features = new Float64Array(2 * samples);
    const targets = new Float64Array(samples);
    const outerAngles = linspace(0, 2 * Math.PI, outer, false);
    const innerAngles = linspace(0, 2 * Math.PI, inner, false);
    for (let i = 0; i < outer; i++) {
      features[2 * i] = Math.cos(outerAngles[i]);
      features[2 * i + 1] = Math.sin(outerAngles[i]);
    }
    for (let i = 0; i < inner; i++) {
      const row = outer + i;
      features[2 * row] = Math.cos(innerAngles[i]) * factor;
      features[2 * row + 1] = Math.sin(innerAngles[i]) * factor;
      targets[row] = 1;
    }
    if (noise > 0) for (let i = 0; i < features.length; i++) features[i] += noise * random.nextGaussian();
    return { features, targets, rows: samples, columns: 2, featureNames: ['x1', 'x2'], targetName: 'class', task: 'classification', classNames: indexNames(2), truth: {} };
  },
};
