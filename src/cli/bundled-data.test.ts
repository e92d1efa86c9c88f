import { describe, expect, it } from 'vitest';
import { bundledCsvPath, loadBundledDataset } from './bundled-data';
import { nodeIo, type CliIo } from './io';

describe('the CLI reads the bundled data sets from public/datasets/', () => {
  it('finds each file in the package and builds the data set', async () => {
    expect(bundledCsvPath('iris.csv')).toMatch(/[/\\]public[/\\]datasets[/\\]iris\.csv$/);
    const iris = await loadBundledDataset('iris', nodeIo());
    expect(iris.ok && [iris.value.rows, iris.value.columns, iris.value.classNames]).toEqual([150, 4, ['setosa', 'versicolor', 'virginica']]);
    const diabetes = await loadBundledDataset('diabetes', nodeIo());
    expect(diabetes.ok && [diabetes.value.rows, diabetes.value.columns, diabetes.value.task]).toEqual([442, 10, 'regression']);
  });

  it('says why when the name is unknown or the file cannot be read', async () => {
    const unreadable: CliIo = { ...nodeIo(), readFile: () => Promise.reject(Object.assign(new Error('gone'), { code: 'ENOENT' })) };
    const missing = await loadBundledDataset('wine', unreadable);
    expect(missing.ok ? [] : missing.errors).toEqual([`cannot read the bundled data set 'wine' from '${bundledCsvPath('wine.csv')}': no such file or directory`]);
    const unknown = await loadBundledDataset('mnist', nodeIo());
    expect(unknown.ok ? [] : unknown.errors).toEqual(['unknown bundled data set "mnist" (known: iris, wine, breast_cancer, diabetes, digits)']);
  });
});
