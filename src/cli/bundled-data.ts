import { fileURLToPath } from 'node:url';
import { fail, type Checked } from '../engine/check-values';
import { bundledDataset, findBundledDataset } from '../engine/data/bundled';
import type { Dataset } from '../engine/data/dataset';
import { fileErrorText, type CliIo } from './io';

// The CLI reads the bundled data sets from the package's public/datasets/, the folder the app
// fetches them from. It lies two folders above both this source file (src/cli/) and the bundle
// scripts/build-cli.mjs makes of it (dist/cli/), so one relative URL serves tests and the installed
// command alike.
const DATASETS_FOLDER = new URL('../../public/datasets/', import.meta.url);

/** The file-system path of a bundled data set's CSV file (`iris.csv` → <package>/public/datasets/iris.csv). */
export function bundledCsvPath(fileName: string): string {
  return fileURLToPath(new URL(fileName, DATASETS_FOLDER));
}

/** Reads the named bundled data set from disk and builds it; refused with a one-line reason per problem. */
export async function loadBundledDataset(name: string, io: CliIo): Promise<Checked<Dataset>> {
  const info = findBundledDataset(name);
  if (!info) return bundledDataset(name, ''); // says which names exist
  const path = bundledCsvPath(info.fileName);
  let text: string;
  try {
    text = await io.readFile(path);
  } catch (error) {
    return fail(`cannot read the bundled data set '${name}' from '${path}': ${fileErrorText(error)}`);
  }
  return bundledDataset(name, text);
}
