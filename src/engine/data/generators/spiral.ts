import type { DatasetGenerator } from './generator';
import { indexNames, noiseSpec, numberParam, samplesSpec, uniform } from './generator';

// TensorFlow Playground's spiral (dataset.ts, classifySpiralData): arm k has m points i = 0..m−1 at
// radius r = 5i/m and angle t = 1.75·2π·i/m + Δ, placed at (r·sin t, r·cos t) plus noise·U[−1, 1)
// on each coordinate. Class 1 is the arm with Δ = 0 (the Playground's positive label), class 0 the
// arm with Δ = π; the Playground gives each arm n/2 points (a fractional n/2 for odd n), here class 0
// gets ⌊n/2⌋ and class 1 ⌈n/2⌉, as make_moons splits them.

/** Two interleaved spiral arms. */
export const spiral: DatasetGenerator = {
  name: 'spiral',
  title: 'Spiral',
  task: 'classification',
  noiseParameter: 'noise',
  paramSpecs: [samplesSpec(200), noiseSpec(0, 'amplitude a of the uniform noise U[−a, a) added to each coordinate')],
  generate: (params, random) => {
    const samples = numberParam(params, 'samples');
    const noise = numberParam(params, 'noise');
    const features = new Float64Array(2 * samples);
    const targets = new Float64Array(samples);
    const negative = Math.floor(samples / 2);
    const arms = [
      { count: negative, offset: Math.PI, label: 0, first: 0 },
      { count: samples - negative, offset: 0, label: 1, first: negative },
    ];
    for (const arm of arms) {
      for (let i = 0; i < arm.count; i++) {
        const radius = (i / arm.count) * 5;
        const angle = ((1.75 * i) / arm.count) * 2 * Math.PI + arm.offset;
        const row = arm.first + i;
        features[2 * row] = radius * Math.sin(angle) + uniform(random, -1, 1) * noise;
        features[2 * row + 1] = radius * Math.cos(angle) + uniform(random, -1, 1) * noise;
        targets[row] = arm.label;
      }
    }
    return { features, targets, rows: samples, columns: 2, featureNames: ['x1', 'x2'], targetName: 'class', task: 'classification', classNames: indexNames(2), truth: {} };
  },
};
