import { numberedNames } from '../dataset';
import type { Random } from '../../random';
import type { DatasetGenerator } from './generator';
import { indexNames, integerSpec, numberParam, realSpec, samplesSpec } from './generator';

// sklearn's make_classification, simplified. Kept: clusters at distinct vertices of the hypercube
// [−class_sep, class_sep]^n_informative, n_clusters_per_class per class and class k % n_classes for
// cluster k; samples split among clusters as sklearn does; each cluster's informative features are
// N(0, I)·A + vertex with A uniform on [−1, 1)^(d×d); redundant features are X_informative·B with B
// uniform on [−1, 1); the remaining (useless) features are N(0, 1); labels flipped to a random class
// with probability flip_y (the noise control). Left out: weights (classes are balanced), n_repeated,
// hypercube=False, shift and scale (0 and 1) and shuffle (rows come in cluster order, features in the
// order informative, redundant, useless).

/** Gaussian clusters on hypercube vertices with informative, redundant and useless features. */
export const classification: DatasetGenerator = {
  name: 'classification',
  title: 'Classification (make_classification)',
  task: 'classification',
  noiseParameter: 'flip_y',
  paramSpecs: [
    samplesSpec(200),
    realSpec('flip_y', 0.01, 0, 1, 'fraction of rows whose class is redrawn at random'),
    integerSpec('n_features', 2, 1, 100, 'number of features'),
    integerSpec('n_informative', 2, 1, 30, 'features that carry the clusters'),
    integerSpec('n_redundant', 0, 0, 100, 'features that are random linear combinations of the informative ones'),
    integerSpec('n_classes', 2, 2, 20, 'number of classes'),
    integerSpec('n_clusters_per_class', 1, 1, 20, 'Gaussian clusters per class'),
    realSpec('class_sep', 1, 0, 100, 'half the side of the hypercube whose vertices are the cluster centers'),
  ],
  validate: (params) => {
    const errors: string[] = [];
    const features = numberParam(params, 'n_features');
    const informative = numberParam(params, 'n_informative');
    const redundant = numberParam(params, 'n_redundant');
    const clusters = numberParam(params, 'n_classes') * numberParam(params, 'n_clusters_per_class');
    if (informative + redundant > features) errors.push(`n_informative + n_redundant (${informative + redundant}) must be ≤ n_features (${features})`);
    // As sklearn, through log2 (exact for powers of two) rather than 2^n_informative.
    if (Math.log2(clusters) > informative) errors.push(`n_classes · n_clusters_per_class (${clusters}) must be ≤ 2^n_informative`);
    return errors;
  },
  generate: (params, random) => {
    const samples = numberParam(params, 'samples');
    const flipY = numberParam(params, 'flip_y');
    const columns = numberParam(params, 'n_features');
    const informative = numberParam(params, 'n_informative');
    const redundant = numberParam(params, 'n_redundant');
    const classes = numberParam(params, 'n_classes');
    const perClass = numberParam(params, 'n_clusters_per_class');
    const classSep = numberParam(params, 'class_sep');
    const clusters = classes * perClass;

    const counts = clusterSizes(samples, classes, perClass);
    const centers = hypercubeVertices(clusters, informative, random);
    for (let i = 0; i < centers.length; i++) centers[i] = centers[i] * 2 * classSep - classSep;

    const features = new Float64Array(samples * columns);
    const targets = new Float64Array(samples);
    const informativeRows = new Float64Array(samples * informative);
    for (let i = 0; i < informativeRows.length; i++) informativeRows[i] = random.nextGaussian();
    let start = 0;
    for (let cluster = 0; cluster < clusters; cluster++) {
      const mixing = uniformMatrix(informative, informative, random); // a random covariance AᵀA
      for (let row = start; row < start + counts[cluster]; row++) {
        for (let j = 0; j < informative; j++) {
          let value = centers[cluster * informative + j];
          for (let m = 0; m < informative; m++) value += informativeRows[row * informative + m] * mixing[m * informative + j];
          features[row * columns + j] = value;
        }
        targets[row] = cluster % classes;
      }
      start += counts[cluster];
    }

    if (redundant > 0) {
      const combination = uniformMatrix(informative, redundant, random);
      for (let row = 0; row < samples; row++) {
        for (let r = 0; r < redundant; r++) {
          let value = 0;
          for (let m = 0; m < informative; m++) value += features[row * columns + m] * combination[m * redundant + r];
          features[row * columns + informative + r] = value;
        }
      }
    }
    for (let row = 0; row < samples; row++) {
      for (let j = informative + redundant; j < columns; j++) features[row * columns + j] = random.nextGaussian();
    }

    // As sklearn: first which rows flip, then their new (possibly unchanged) classes.
    const flipped: number[] = [];
    for (let row = 0; row < samples; row++) if (random.nextFloat() < flipY) flipped.push(row);
    for (const row of flipped) targets[row] = Math.floor(random.nextFloat() * classes);

    return {
      features,
      targets,
      rows: samples,
      columns,
      featureNames: numberedNames('x', columns),
      targetName: 'class',
      task: 'classification',
      classNames: indexNames(classes),
      truth: { centers },
    };
  },
};

/** Rows per cluster as sklearn: ⌊n / classes / per class⌋ each, the remainder dealt round-robin. */
export function clusterSizes(samples: number, classes: number, perClass: number): number[] {
  const clusters = classes * perClass;
  // sklearn computes int(n_samples * (1 / n_classes) / n_clusters_per_class) in floating point.
  const counts = Array.from({ length: clusters }, () => Math.trunc((samples * (1 / classes)) / perClass));
  const assigned = counts.reduce((sum, count) => sum + count, 0);
  for (let i = 0; i < samples - assigned; i++) counts[i % clusters] += 1;
  return counts;
}

/** `count` distinct vertices of {0, 1}^dimensions, row-major, drawn uniformly without replacement. */
function hypercubeVertices(count: number, dimensions: number, random: Random): Float64Array {
  const vertices = new Float64Array(count * dimensions);
  const seen = new Set<string>();
  for (let vertex = 0; vertex < count; ) {
    const bits = Array.from({ length: dimensions }, () => (random.nextFloat() < 0.5 ? 0 : 1));
    const key = bits.join('');
    if (seen.has(key)) continue;
    seen.add(key);
    vertices.set(bits, vertex * dimensions);
    vertex++;
  }
  return vertices;
}

/** A rows × columns matrix (row-major) with entries uniform on [−1, 1). */
function uniformMatrix(rows: number, columns: number, random: Random): Float64Array {
  const matrix = new Float64Array(rows * columns);
  for (let i = 0; i < matrix.length; i++) matrix[i] = 2 * random.nextFloat() - 1;
  return matrix;
}
