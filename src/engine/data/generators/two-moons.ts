import type { DatasetGenerator } from './generator';
import { indexNames, linspace, noiseSpec, numberParam, samplesSpec } from './generator';

// sklearn's make_moons with shuffle=False: ⌊n/2⌋ points of class 0 on the upper unit half circle
// (cos t, sin t), t = linspace(0, π), then ⌈n/2⌉ of class 1 on the lower one shifted to
// (1 − cos t, 1 − sin t − 0.5); then N(0, noise²) added to every coordinate.

/** Two interleaving half circles. */
export const twoMoons: DatasetGenerator = {
  name: 'two_moons',
  title: 'Two moons',
  task: 'classification',
  noiseParameter: 'noise',
  paramSpecs: [samplesSpec(200), noiseSpec(0.1, 'standard deviation of the Gaussian noise added to each coordinate')],
  generate: (params, random) => {
    const samples = numberParam(params, 'samples');
    const noise = numberParam(params, 'noise');
    const outer = Math.floor(samples / 2);
    const inner = samples - outer;
    const features = new Float64Array(2 * samples);
    const targets = new Float64Array(samples);
    const outerAngles = linspace(0, Math.PI, outer, true);
    const innerAngles = linspace(0, Math.PI, inner, true);
    for (let i = 0; i < outer; i++) {
      features[2 * i] = Math.cos(outerAngles[i]);
      features[2 * i + 1] = Math.sin(outerAngles[i]);
    }
    for (let i = 0; i < inner; i++) {
      const row = outer + i;
      features[2 * row] = 1 - Math.cos(innerAngles[i]);
      features[2 * row + 1] = 1 - Math.sin(innerAngles[i]) - 0.5;
      targets[row] = 1;
    }
    if (noise > 0) for (let i = 0; i < features.length; i++) features[i] += noise * random.nextGaussian();
    return { features, targets, rows: samples, columns: 2, featureNames: ['x1', 'x2'], targetName: 'class', task: 'classification', classNames: indexNames(2), truth: {} };
  },
};
