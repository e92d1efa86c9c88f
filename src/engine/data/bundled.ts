import { fail, type Checked } from '../check-values';
import { csvToDataset } from './csv';
import type { Dataset, DatasetTask } from './dataset';

// The real data sets shipped with the playground: scikit-learn's bundled copies (Debian
// python3-sklearn 1.2.1), written to public/datasets/<name>.csv by scripts/references/sklearn_bundled.py
// with sklearn's feature names, a `target` column of class indices (or values) and no other change.
// The page fetches the file and the CLI reads it from disk; both hand the text to bundledDataset.
// Sources and licences: public/datasets/LICENSES.md.

/** The names of the bundled data sets. */
export type BundledName = 'iris' | 'wine' | 'breast_cancer' | 'diabetes' | 'digits';

/** One bundled data set: what it is, its shape, its file and where it comes from. */
export interface BundledDatasetInfo {
  readonly name: BundledName;
  readonly title: string;
  readonly task: DatasetTask;
  readonly rows: number;
  /** Feature columns (the target not counted). */
  readonly columns: number;
  /** sklearn's target_names, in class-index order (classification only). */
  readonly classNames?: readonly string[];
  /** The file under public/datasets/ (the app fetches `datasets/<fileName>`). */
  readonly fileName: string;
  /** Each row is a width × height image, row-major, pixel values 0..maxValue (digits). */
  readonly image?: { readonly width: number; readonly height: number; readonly maxValue: number };
  readonly citation: string;
  /** Where the data comes from, and under which terms (see public/datasets/LICENSES.md). */
  readonly licence: string;
}

/** The bundled data sets, in the order the picker lists them. */
export const BUNDLED_DATASETS: readonly BundledDatasetInfo[] = [
  {
    name: 'iris',
    title: 'Iris (3 species, 4 measurements)',
    task: 'classification',
    rows: 150,
    columns: 4,
    classNames: ['setosa', 'versicolor', 'virginica'],
    fileName: 'iris.csv',
    citation: 'R. A. Fisher (1936), "The use of multiple measurements in taxonomic problems", Annals of Eugenics 7(2), 179-188.',
    licence: 'UCI Machine Learning Repository (Iris, id 53): CC BY 4.0; sklearn\'s copy follows Fisher\'s paper.',
  },
  {
    name: 'wine',
    title: 'Wine (3 cultivars, 13 chemical measurements)',
    task: 'classification',
    rows: 178,
    columns: 13,
    classNames: ['class_0', 'class_1', 'class_2'],
    fileName: 'wine.csv',
    citation: 'M. Forina et al., PARVUS (1988); S. Aeberhard, D. Coomans, O. de Vel (1992), via the UCI Machine Learning Repository.',
    licence: 'UCI Machine Learning Repository (Wine, id 109): CC BY 4.0.',
  },
  {
    name: 'breast_cancer',
    title: 'Breast cancer Wisconsin, diagnostic (2 classes, 30 features)',
    task: 'classification',
    rows: 569,
    columns: 30,
    classNames: ['malignant', 'benign'],
    fileName: 'breast_cancer.csv',
    citation: 'W. N. Street, W. H. Wolberg, O. L. Mangasarian (1993), "Nuclear feature extraction for breast tumor diagnosis", Proc. SPIE 1905, 861-870.',
    licence: 'UCI Machine Learning Repository (Breast Cancer Wisconsin (Diagnostic), id 17): CC BY 4.0.',
  },
  {
    name: 'diabetes',
    title: 'Diabetes (disease progression, 10 baseline variables)',
    task: 'regression',
    rows: 442,
    columns: 10,
    fileName: 'diabetes.csv',
    citation: 'B. Efron, T. Hastie, I. Johnstone, R. Tibshirani (2004), "Least Angle Regression", Annals of Statistics 32(2), 407-499.',
    licence: 'Published with Efron et al. (2004) at https://www4.stat.ncsu.edu/~boos/var.select/diabetes.html; no licence stated; shipped in scikit-learn (BSD-3-Clause).',
  },
  {
    name: 'digits',
    title: 'Digits (8×8 handwritten digits, 10 classes)',
    task: 'classification',
    rows: 1797,
    columns: 64,
    classNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
    fileName: 'digits.csv',
    image: { width: 8, height: 8, maxValue: 16 },
    citation: 'E. Alpaydin, C. Kaynak (1998), Optical Recognition of Handwritten Digits (test set), UCI Machine Learning Repository.',
    licence: 'UCI Machine Learning Repository (Optical Recognition of Handwritten Digits, id 80): CC BY 4.0.',
  },
];

/** The bundled data set with this name, or undefined. */
export function findBundledDataset(name: string): BundledDatasetInfo | undefined {
  return BUNDLED_DATASETS.find((info) => info.name === name);
}

/**
 * The named bundled data set built from its CSV text (the content of public/datasets/<fileName>),
 * with sklearn's class names; refused when the name is unknown or the text is not the expected file.
 */
export function bundledDataset(name: string, csvText: string): Checked<Dataset> {
  const info = findBundledDataset(name);
  if (!info) return fail(`unknown bundled data set "${name}" (known: ${BUNDLED_DATASETS.map((known) => known.name).join(', ')})`);
  const read = csvToDataset(csvText, { target: 'target', task: info.task });
  if (!read.ok) return fail(...read.errors.map((error) => `${info.fileName}: ${error}`));
  const dataset = read.value;
  if (dataset.rows !== info.rows || dataset.columns !== info.columns) {
    return fail(`${info.fileName}: expected ${info.rows} rows × ${info.columns} features, found ${dataset.rows} × ${dataset.columns}`);
  }
  if (info.task === 'regression') return read;
  // The file holds class indices 0..k−1; the reader names the classes after them ("0", "1", ...).
  const classCount = info.classNames?.length ?? 0;
  const indices = dataset.classNames ?? [];
  if (indices.length !== classCount || indices.some((label, index) => label !== String(index))) {
    return fail(`${info.fileName}: expected the class indices 0..${classCount - 1} in the target column, found ${indices.join(', ')}`);
  }
  return { ok: true, value: { ...dataset, classNames: info.classNames } };
}
