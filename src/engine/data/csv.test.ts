import { dsvFormat } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import type { Checked } from '../check-values';
import { Random } from '../random';
import { csvToDataset, defaultFeatureNames, inspectCsv, MAX_CSV_BYTES, MAX_CSV_COLUMNS, MAX_CSV_ROWS, MAX_LISTED_PROBLEMS, type CsvLimits } from './csv';
import { detectDelimiter } from './csv-table';
import type { Dataset } from './dataset';

// Hand-written cases state the expected numbers and messages; the property tests format random
// tables with d3-dsv's writer (an independent path from our reader's choices) and read them back, and
// the fuzz loop throws 2,000 random and mutated texts at both steps.

function dataset(result: Checked<Dataset>): Dataset {
  if (!result.ok) throw new Error(`expected a data set, got: ${result.errors.join('; ')}`);
  return result.value;
}

function errors<T>(result: Checked<T>): string[] {
  if (result.ok) throw new Error('expected a refusal');
  return result.errors;
}

const HOUSES = ['rooms,city,price,area', '3,Paris,250.5,70', '2,Lyon,120,45.5', '4,"Nice, France",310,90', ''].join('\n');

describe('csvToDataset: reading', () => {
  it('reads a header, takes the last column as target and every other numeric column as a feature', () => {
    const data = dataset(csvToDataset(HOUSES));
    expect(data.targetName).toBe('area');
    expect(data.featureNames).toEqual(['rooms', 'price']); // "city" holds text: not a default feature
    expect(data.rows).toBe(3);
    expect(data.columns).toBe(2);
    expect(Array.from(data.features)).toEqual([3, 250.5, 2, 120, 4, 310]);
    expect(Array.from(data.targets)).toEqual([70, 45.5, 90]);
    expect(data.task).toBe('regression'); // 70, 45.5, 90: not all integers
    expect(data.classNames).toBeUndefined();
  });

  it('uses the chosen target and features, in the chosen order', () => {
    const data = dataset(csvToDataset(HOUSES, { target: 'price', features: ['area', 'rooms'] }));
    expect(data.featureNames).toEqual(['area', 'rooms']);
    expect(Array.from(data.features)).toEqual([70, 3, 45.5, 2, 90, 4]);
    expect(Array.from(data.targets)).toEqual([250.5, 120, 310]);
  });

  it('names the columns column1..N when the first row is all numbers', () => {
    const inspection = inspectCsv('1,2,3\n4,5,6.5\n');
    expect(inspection.ok && inspection.value.header).toBe(false);
    const data = dataset(csvToDataset('1,2,3\n4,5,6.5\n'));
    expect(data.featureNames).toEqual(['column1', 'column2']);
    expect(data.targetName).toBe('column3');
    expect(Array.from(data.features)).toEqual([1, 2, 4, 5]);
    expect(Array.from(data.targets)).toEqual([3, 6.5]);
  });

  it('accepts semicolons (with decimal commas) and tabs when the first line has no comma', () => {
    const semicolon = dataset(csvToDataset('x;y\n1,5;2\n-3;4,25\n'));
    expect(Array.from(semicolon.features)).toEqual([1.5, -3]);
    expect(Array.from(semicolon.targets)).toEqual([2, 4.25]);
    const tab = dataset(csvToDataset('x\ty\n1.5\t2\n-3\t4.25\n'));
    expect(Array.from(tab.features)).toEqual([1.5, -3]);
    expect(Array.from(tab.targets)).toEqual([2, 4.25]);
    // a quoted comma in a semicolon file's header does not make it a comma file
    const afterBlankLines = dataset(csvToDataset('\n  \r\nx;y\n1,5;2,5\n3;4\n'));
    expect(Array.from(afterBlankLines.features)).toEqual([1.5, 3]);
    const quoted = inspectCsv('"a,b";c\n1;2\n');
    expect(quoted.ok && quoted.value.delimiter).toBe(';');
    expect(quoted.ok && quoted.value.columns.map((column) => column.name)).toEqual(['a,b', 'c']);
  });

  it('reads quoted fields (commas, doubled quotes, line breaks), CRLF, a byte-order mark and blank lines', () => {
    const text = '\uFEFFlabel,"x, in cm",y\r\n"say ""hi""",1,0\r\n\r\n"two\r\nlines",2,1\r\n\r\n\r\n';
    const data = dataset(csvToDataset(text, { target: 'label', task: 'classification' }));
    expect(data.featureNames).toEqual(['x, in cm', 'y']);
    expect(data.classNames).toEqual(['say "hi"', 'two\r\nlines']);
    expect(Array.from(data.targets)).toEqual([0, 1]);
    expect(Array.from(data.features)).toEqual([1, 0, 2, 1]);
  });

  it('names empty and repeated header cells as pandas does', () => {
    const inspection = inspectCsv('x,,x,x\n1,2,3,4\n');
    expect(inspection.ok && inspection.value.columns.map((column) => column.name)).toEqual(['x', 'column2', 'x.1', 'x.2']);
  });

  it('counts lines as an editor does: the header is line 1, blank and quoted line breaks count', () => {
    const text = 'a,b\n\n"one\ntwo",1\n\n3,oops\n';
    expect(errors(csvToDataset(text, { target: 'b', features: ['a'] }))).toEqual(['line 3, column "a" (1): "one\\ntwo" is not a number']);
    const messages = errors(csvToDataset(text, { target: 'a', features: ['b'] }));
    expect(messages).toEqual(['line 6, column "b" (2): "oops" is not a number']);
  });
});

describe('csvToDataset: the task and the classes', () => {
  it('treats a text target as class labels, sorted by code unit', () => {
    const data = dataset(csvToDataset('x,species\n1,virginica\n2,setosa\n3,versicolor\n4,setosa\n'));
    expect(data.task).toBe('classification');
    expect(data.classNames).toEqual(['setosa', 'versicolor', 'virginica']);
    expect(Array.from(data.targets)).toEqual([2, 0, 1, 0]);
  });

  it('treats at most 20 distinct integers as classes, in numeric order', () => {
    const rows = [9, 10, -1, 2, 10, 9].map((label, i) => `${i},${label}`);
    const data = dataset(csvToDataset(['x,y', ...rows].join('\n')));
    expect(data.task).toBe('classification');
    expect(data.classNames).toEqual(['-1', '2', '9', '10']);
    expect(Array.from(data.targets)).toEqual([2, 3, 0, 1, 3, 2]);
    // 1 and 1.0 are one class
    expect(dataset(csvToDataset('x,y\n0,1\n1,1.0\n2,0\n')).classNames).toEqual(['0', '1']);
  });

  it('treats 21 distinct integers, or any non-integer, as a regression target', () => {
    const many = ['x,y', ...Array.from({ length: 21 }, (_, i) => `${i},${i * 3}`)].join('\n');
    expect(dataset(csvToDataset(many)).task).toBe('regression');
    const twenty = ['x,y', ...Array.from({ length: 20 }, (_, i) => `${i},${i * 3}`)].join('\n');
    expect(dataset(csvToDataset(twenty)).task).toBe('classification');
    expect(dataset(csvToDataset('x,y\n0,1\n1,1.5\n')).task).toBe('regression');
  });

  it('lets the caller choose the task', () => {
    const data = dataset(csvToDataset('x,y\n0,1\n1,0\n2,1\n', { task: 'regression' }));
    expect(data.task).toBe('regression');
    expect(Array.from(data.targets)).toEqual([1, 0, 1]);
    const classes = dataset(csvToDataset('x,y\n0,0.5\n1,0.25\n2,0.5\n', { task: 'classification' }));
    expect(classes.classNames).toEqual(['0.25', '0.5']);
    expect(Array.from(classes.targets)).toEqual([1, 0, 1]);
  });

  it('refuses a text target for regression and a single class', () => {
    expect(errors(csvToDataset('x,y\n1,2\n2,abc\n', { task: 'regression' }))).toEqual(['line 3, column "y" (2): "abc" is not a number, and a regression target must be numeric']);
    expect(errors(csvToDataset('x,y\n1,a\n2,a\n'))).toEqual(['the target "y" has a single class ("a"); classification needs at least two']);
  });
});

describe('csvToDataset: refusals name the line and the column', () => {
  it('text in a numeric feature column', () => {
    const text = ['id,size,price', '1,10,3', '2,11,4', '3,12,5', '4,13,6', '5,14,7', '6,15,abc', '7,16,8', '8,17,9'].join('\n');
    expect(errors(csvToDataset(text, { target: 'id' }))).toEqual(['line 7, column "price" (3): "abc" is not a number']);
  });

  it('ragged rows, shorter and longer, with and without a header', () => {
    expect(errors(inspectCsv('a,b,c\n1,2,3\n4,5\n6,7,8,9\n'))).toEqual([
      'line 3, column "c" (3): the row has 2 cells but the header has 3',
      'line 4, column 4: the row has 4 cells but the header has 3',
    ]);
    expect(errors(csvToDataset('1,2\n3\n'))).toEqual(['line 2, column 2: the row has 1 cell but the first row has 2']);
  });

  it('points at a quote that is never closed', () => {
    expect(errors(inspectCsv('a,b\n1,2\n3,"4\n5,6\n7,8\n'))).toEqual(['line 3, column "b" (2): this quoted cell is never closed (is a closing quote missing?)']);
    expect(errors(inspectCsv('a,"b\n1,2\n'))).toEqual(['line 1, column 2: this quoted cell is never closed (is a closing quote missing?)']);
    // doubled quotes inside a closed quoted cell are one quote
    expect(dataset(csvToDataset('a,b\n"1""",2\n3,4\n', { target: 'a' })).classNames).toEqual(['3', '1"']);
  });

  it('an empty file, blank lines only, a header without rows', () => {
    expect(errors(inspectCsv(''))).toEqual(['the file is empty']);
    expect(errors(inspectCsv('\n \r\n\n'))).toEqual(['the file is empty']);
    expect(errors(inspectCsv('\uFEFF'))).toEqual(['the file is empty']);
    expect(errors(csvToDataset('x,y\n\n'))).toEqual(['the file has a header line (line 1) but no data rows']);
  });

  it('sizes over the limits, naming the limit and the size found', () => {
    expect([MAX_CSV_BYTES, MAX_CSV_ROWS, MAX_CSV_COLUMNS]).toEqual([5_000_000, 100_000, 1_000]);
    const big = `x,y\n${'1,2\n'.repeat(1_250_000)}`; // 5,000,004 bytes
    expect(errors(inspectCsv(big))).toEqual(['the file is 5,000,004 bytes; the limit is 5,000,000 bytes (5 MB)']);
    const limits: CsvLimits = { bytes: 100, rows: 3, columns: 2 };
    expect(errors(inspectCsv('é'.repeat(51), limits))).toEqual(['the file is 102 bytes; the limit is 100 bytes (0.0001 MB)']);
    expect(errors(inspectCsv('x,y\n1,2\n3,4\n5,6\n7,8\n', limits))).toEqual(['the file has 4 data rows; the limit is 3']);
    expect(errors(inspectCsv('x,y,z\n1,2,3\n', limits))).toEqual(['the file has 3 columns; the limit is 2']);
    const rows = ['x,y', ...Array.from({ length: MAX_CSV_ROWS + 1 }, () => '1,2')].join('\n');
    expect(errors(inspectCsv(rows))).toEqual(['the file has 100,001 data rows; the limit is 100,000']);
    const wide = Array.from({ length: MAX_CSV_COLUMNS + 1 }, (_, i) => `c${i}`).join(',');
    expect(errors(inspectCsv(`${wide}\n${wide}\n`))).toEqual(['the file has 1,001 columns; the limit is 1,000']);
  }, 60_000);

  it('unknown names (with a suggestion), a feature that is the target, a feature listed twice, no features', () => {
    expect(errors(csvToDataset(HOUSES, { target: 'prize' }))).toEqual([
      `target: no column named "prize" (did you mean 'price'?) (the columns are "rooms", "city", "price", "area")`,
    ]);
    expect(errors(csvToDataset(HOUSES, { features: ['rooms', 'zzz'] }))).toEqual([`feature: no column named "zzz" (the columns are "rooms", "city", "price", "area")`]);
    expect(errors(csvToDataset(HOUSES, { target: 'price', features: ['price', 'rooms', 'rooms'] }))).toEqual([
      'feature "price" is also the target',
      'feature "rooms" is listed twice',
    ]);
    expect(errors(csvToDataset(HOUSES, { features: [] }))).toEqual(['choose at least one feature column']);
    expect(errors(csvToDataset('name,y\na,1\nb,2\n'))).toEqual(['no numeric column besides the target "y" to use as a feature']);
  });

  it('missing values in a used column, and none in an unused one', () => {
    const text = 'a,b,c,y\n1,,5,0\n2,NA,6,1\n3,4,,?\n';
    expect(errors(csvToDataset(text))).toEqual([
      'line 2, column "b" (2): missing value (empty cell)',
      'line 3, column "b" (2): missing value ("NA")',
      'line 4, column "c" (3): missing value (empty cell)',
      'line 4, column "y" (4): missing value ("?") in the target',
    ]);
    const data = dataset(csvToDataset('a,b,c\n1,,5\n2,NA,6\n', { target: 'c', features: ['a'] }));
    expect(Array.from(data.features)).toEqual([1, 2]);
  });

  it('lists ten problems, then how many more', () => {
    const rows = Array.from({ length: 25 }, (_, i) => `${i},x${i}`);
    const messages = errors(csvToDataset(['y,x', ...rows].join('\n'), { target: 'y', features: ['x'] }));
    expect(messages.length).toBe(MAX_LISTED_PROBLEMS + 1);
    expect(messages[0]).toBe('line 2, column "x" (2): "x0" is not a number');
    expect(messages[9]).toBe('line 11, column "x" (2): "x9" is not a number');
    expect(messages[10]).toBe('and 15 more problems');
  });
});

describe('inspectCsv', () => {
  it('summarises each column and the default choice', () => {
    const result = inspectCsv('id,group,score,label\n1,a,1.5,0\n2,b,2,1\n3,a,,1\n4,c,1.50,0\n5,,7,1\n');
    if (!result.ok) throw new Error(result.errors.join('; '));
    const { columns, rows, header, delimiter, target, features } = result.value;
    expect({ rows, header, delimiter, target, features }).toEqual({ rows: 5, header: true, delimiter: ',', target: 'label', features: ['id', 'score'] });
    expect(columns[1]).toEqual({ name: 'group', index: 1, numeric: false, numberCount: 0, textCount: 4, missingCount: 1, distinctCount: 3, sample: ['a', 'b', 'c'], targetTask: 'classification' });
    expect(columns[2]).toEqual({ name: 'score', index: 2, numeric: true, numberCount: 4, textCount: 0, missingCount: 1, distinctCount: 3, sample: ['1.5', '2', '7'], targetTask: 'regression' });
    expect(columns[3].targetTask).toBe('classification');
    expect(columns[0].distinctCount).toBe(5);
    expect(defaultFeatureNames(result.value, 'score')).toEqual(['id', 'label']);
  });

  it('offers a mostly numeric column as a feature, so the stray text is named', () => {
    const result = inspectCsv('x,y\n1,0\n2,1\nabc,0\n4,1\n');
    expect(result.ok && result.value.columns[0].numeric).toBe(false);
    expect(result.ok && result.value.features).toEqual(['x']);
    expect(errors(csvToDataset('x,y\n1,0\n2,1\nabc,0\n4,1\n'))).toEqual(['line 4, column "x" (1): "abc" is not a number']);
  });
});

describe('properties', () => {
  const DELIMITERS = [',', ';', '\t'] as const;

  // Numbers as people write them: integers, decimals, exponents, negative zero, tiny and huge.
  function randomNumber(random: Random): number {
    const kind = random.nextUint32() % 5;
    if (kind === 0) return (random.nextUint32() % 2001) - 1000;
    if (kind === 1) return Math.round((random.nextFloat() - 0.5) * 1e6) / 1000;
    if (kind === 2) return (random.nextFloat() - 0.5) * 10 ** ((random.nextUint32() % 40) - 20);
    if (kind === 3) return random.nextGaussian();
    return [0, -0, 1e-300, 1.7976931348623157e308, 5e-324][random.nextUint32() % 5];
  }

  it('reads back every number of a random table written by d3-dsv, with any delimiter, with or without a header', () => {
    const random = new Random(11);
    for (let trial = 0; trial < 300; trial++) {
      const delimiter = DELIMITERS[trial % 3];
      const rows = 1 + (random.nextUint32() % 12);
      const columns = 2 + (random.nextUint32() % 6);
      const header = random.nextFloat() < 0.5;
      const names = Array.from({ length: columns }, (_, j) => (j % 3 === 0 ? `col "${j}", ${delimiter}x` : `c${j}`));
      const values = Array.from({ length: rows }, () => Array.from({ length: columns }, () => randomNumber(random)));
      const lines = values.map((row) => row.map((value) => (Object.is(value, -0) ? '-0' : String(value))));
      const text = dsvFormat(delimiter).formatRows(header ? [names, ...lines] : lines) + (random.nextFloat() < 0.5 ? '\r\n\n' : '');
      const read = dataset(csvToDataset(text, { task: 'regression' }));
      expect(read.rows).toBe(rows);
      expect(read.columns).toBe(columns - 1);
      if (header) expect([...read.featureNames, read.targetName]).toEqual(names);
      for (let i = 0; i < rows; i++) {
        for (let j = 0; j < columns - 1; j++) expect(Object.is(read.features[i * (columns - 1) + j], values[i][j])).toBe(true);
        expect(Object.is(read.targets[i], values[i][columns - 1])).toBe(true);
      }
    }
  }, 60_000);

  // Random texts from CSV's own alphabet, and valid files with characters inserted, deleted or replaced.
  function fuzzText(random: Random, trial: number): string {
    const alphabet = [',', ';', '\t', '"', '\n', '\r', ' ', '0', '1', '9', '.', '-', 'e', 'E', '+', 'a', 'x', 'NA', '?', '\uFEFF', 'é', '\uD83D\uDE00', '\uD83D'];
    if (trial % 2 === 0) {
      const length = random.nextUint32() % 80;
      return Array.from({ length }, () => alphabet[random.nextUint32() % alphabet.length]).join('');
    }
    let text = [HOUSES, 'a;b;c\n1,5;2;3\n4;5;6\n', '1\t2\n3\t4\n', 'x,y\n1,a\n2,b\n3,a\n'][random.nextUint32() % 4];
    const edits = 1 + (random.nextUint32() % 6);
    for (let k = 0; k < edits; k++) {
      const at = random.nextUint32() % (text.length + 1);
      const piece = alphabet[random.nextUint32() % alphabet.length];
      const edit = random.nextUint32() % 3;
      text = edit === 0 ? text.slice(0, at) + piece + text.slice(at) : edit === 1 ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + piece + text.slice(at + 1);
    }
    return text;
  }

  // d3-dsv itself as the oracle for "a quote is never closed": append a quote and a sentinel row to
  // the text (ending in a line break). An open quote is closed by the added one, so the sentinel is
  // a row of its own; otherwise the added quote opens a cell that swallows the sentinel.
  function d3LeavesQuoteOpen(text: string): boolean {
    const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
    const rows = dsvFormat(detectDelimiter(body)).parseRows(`${/[\r\n]$/.test(body) ? body : `${body}\n`}"\nSENTINEL`);
    return rows.length > 0 && rows[rows.length - 1].join('|') === 'SENTINEL';
  }

  function expectWellFormed(result: Checked<Dataset>): void {
    if (!result.ok) {
      expect(result.errors.length).toBeGreaterThan(0);
      expect(result.errors.length).toBeLessThanOrEqual(MAX_LISTED_PROBLEMS + 1);
      for (const message of result.errors) expect(typeof message === 'string' && message.length > 0).toBe(true);
      return;
    }
    const data = result.value;
    expect(data.features.length).toBe(data.rows * data.columns);
    expect(data.targets.length).toBe(data.rows);
    expect(data.featureNames.length).toBe(data.columns);
    expect(data.features.every(Number.isFinite)).toBe(true);
    if (data.task === 'classification') {
      const classes = data.classNames?.length ?? 0;
      expect(classes).toBeGreaterThanOrEqual(2);
      expect(data.targets.every((target) => Number.isInteger(target) && target >= 0 && target < classes)).toBe(true);
    } else expect(data.targets.every(Number.isFinite)).toBe(true);
  }

  it('answers quickly for pathological texts at the size limit (no quadratic regex or scan)', () => {
    const size = MAX_CSV_BYTES - 10;
    const texts = [
      `x,y\n${'9'.repeat(size)}x,1\n`, // a regex that backtracks would take hours here
      `x,y\n1,${'1'.repeat(size)}.5e\n`,
      `a;b\n${'1'.repeat(size)},x;1\n`,
      ','.repeat(size), // millions of columns
      '"'.repeat(size), // doubled quotes all the way
      '\n'.repeat(size),
      `x,y\n${'\n'.repeat(size)}1,2\n`,
      `x,y\n${'1,2\n'.repeat(size / 4 - 2)}`,
    ];
    for (const text of texts) {
      const started = performance.now();
      const inspection = inspectCsv(text); // csvToDataset reads the text the same way first
      expect(inspection.ok || inspection.errors.length > 0).toBe(true);
      const elapsed = performance.now() - started;
      expect(elapsed, JSON.stringify(text.slice(0, 20))).toBeLessThan(20_000); // ~0.7 s here; a quadratic path takes hours
    }
  }, 120_000);

  it('never throws: 2,000 random and mutated texts each give a data set or messages', () => {
    const random = new Random(2026);
    let accepted = 0;
    let unclosed = 0;
    for (let trial = 0; trial < 2000; trial++) {
      const text = fuzzText(random, trial);
      const inspection = inspectCsv(text, { bytes: 10_000, rows: 50, columns: 20 });
      if (inspection.ok) {
        expect(inspection.value.rows).toBeGreaterThan(0);
        // the row and column limits (checked by a first pass) see exactly the rows and columns d3-dsv returns
        const rows = inspection.value.rows;
        expect(inspectCsv(text, { bytes: 10_000, rows, columns: 20 }).ok).toBe(true);
        expect(inspectCsv(text, { bytes: 10_000, rows: rows - 1, columns: 20 })).toEqual({ ok: false, errors: [`the file has ${rows} data rows; the limit is ${rows - 1}`] });
        const width = inspection.value.columns.length;
        expect(inspectCsv(text, { bytes: 10_000, rows, columns: width - 1 })).toEqual({ ok: false, errors: [`the file has ${width} columns; the limit is ${width - 1}`] });
        const names = inspection.value.columns.map((column) => column.name);
        const target = names[random.nextUint32() % names.length];
        expectWellFormed(csvToDataset(text, { target }, { bytes: 10_000, rows: 50, columns: 20 }));
        expectWellFormed(csvToDataset(text, { target, features: names.filter((name) => name !== target).slice(0, 2), task: trial % 3 === 0 ? 'classification' : undefined }));
      } else expect(inspection.errors.length).toBeGreaterThan(0);
      const refusedAsUnclosed = !inspection.ok && inspection.errors.some((message) => message.includes('is never closed'));
      if (inspection.ok || !inspection.errors.includes('the file is empty')) expect(refusedAsUnclosed, JSON.stringify(text)).toBe(d3LeavesQuoteOpen(text));
      if (refusedAsUnclosed) unclosed++;
      const result = csvToDataset(text);
      expectWellFormed(result);
      if (result.ok) accepted++;
    }
    // the loop exercises both outcomes, not only refusals
    expect(accepted).toBeGreaterThan(100);
    expect(accepted).toBeLessThan(1900);
    expect(unclosed).toBeGreaterThan(50); // and the open-quote check against d3-dsv ran on both sides
  }, 60_000);
});
