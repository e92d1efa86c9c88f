import { numberedNames } from '../dataset';
import type { DatasetGenerator } from './generator';
import { indexNames, integerSpec, numberParam, pairParam, realSpec, samplesSpec, uniform } from './generator';

// sklearn's make_blobs with an integer `centers` and shuffle=False: k centers uniform in the box
// center_box^n_features, ⌊n/k⌋ rows per center and one more for the first n mod k centers, each row
// center + N(0, cluster_std²) per coordinate. cluster_std is the noise control.

/** k isotropic Gaussian clusters, one class each. */
export const blobs: DatasetGenerator = {
  name: 'blobs',
  title: 'Gaussian blobs',
  task: 'classification',
  noiseParameter: 'cluster_std',
  paramSpecs: [
    samplesSpec(200),
    integerSpec('centers', 3, 1, 20, 'number of clusters k (one class each)'),
    integerSpec('n_features', 2, 1, 100, 'number of features'),
    realSpec('cluster_std', 1, 0, 100, 'standard deviation of each cluster'),
    { kind: 'pair', name: 'center_box', defaultValue: [-10, 10], min: -1000, max: 1000, description: 'centers are drawn uniformly from this box' },
  ],
  validate: (params) => {
    const [low, high] = pairParam(params, 'center_box');
    return low < high ? [] : [`center_box must have low < high, got [${low}, ${high}]`];
  },
  generate: (params, random) => {
    const samples = numberParam(params, 'samples');
    const k = numberParam(params, 'centers');
    const columns = numberParam(params, 'n_features');
    const clusterStd = numberParam(params, 'cluster_std');
    const [low, high] = pairParam(params, 'center_box');
    const centers = new Float64Array(k * columns);
    for (let i = 0; i < centers.length; i++) centers[i] = uniform(random, low, high);
    const features = new Float64Array(samples * columns);
    const targets = new Float64Array(samples);
    let row = 0;
    for (let center = 0; center < k; center++) {
      const count = Math.floor(samples / k) + (center < samples % k ? 1 : 0);
      for (let i = 0; i < count; i++, row++) {
        for (let j = 0; j < columns; j++) features[row * columns + j] = centers[center * columns + j] + clusterStd * random.nextGaussian();
        targets[row] = center;
      }
    }
    return {
      features,
      targets,
      rows: samples,
      columns,
      featureNames: numberedNames('x', columns),
      targetName: 'class',
      task: 'classification',
      classNames: indexNames(k),
      truth: { centers },
    };
  },
};
