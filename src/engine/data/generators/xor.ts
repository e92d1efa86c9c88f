import type { DatasetGenerator } from './generator';
import { indexNames, noiseSpec, numberParam, samplesSpec, uniform } from './generator';

// TensorFlow Playground's XOR (dataset.ts, classifyXORData): x and y uniform on [−5, 5), pushed 0.3
// away from the axes; the label is that of the point moved by noise·U[−5, 5) per coordinate, class 1
// where x·y ≥ 0 and class 0 otherwise, while the stored point is the unmoved one. So noise flips
// labels near the axes, as in the Playground.

const PADDING = 0.3;

/** The four quadrants, opposite quadrants sharing a class. */
export const xor: DatasetGenerator = {
  name: 'xor',
  title: 'XOR',
  task: 'classification',
  noiseParameter: 'noise',
  paramSpecs: [samplesSpec(200), noiseSpec(0, 'amplitude: the label is read at the point moved by noise·U[−5, 5) per coordinate', 1)],
  generate: (params, random) => {
    const samples = numberParam(params, 'samples');
    const noise = numberParam(params, 'noise');
    const features = new Float64Array(2 * samples);
    const targets = new Float64Array(samples);
    for (let i = 0; i < samples; i++) {
      let x = uniform(random, -5, 5);
      x += x > 0 ? PADDING : -PADDING;
      let y = uniform(random, -5, 5);
      y += y > 0 ? PADDING : -PADDING;
      const noiseX = uniform(random, -5, 5) * noise;
      const noiseY = uniform(random, -5, 5) * noise;
      features[2 * i] = x;
      features[2 * i + 1] = y;
      targets[i] = (x + noiseX) * (y + noiseY) >= 0 ? 1 : 0;
    }
    return { features, targets, rows: samples, columns: 2, featureNames: ['x1', 'x2'], targetName: 'class', task: 'classification', classNames: indexNames(2), truth: {} };
  },
};
