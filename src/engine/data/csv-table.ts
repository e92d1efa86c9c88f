import { dsvFormat } from 'd3-dsv';
import { fail, type Checked } from '../check-values';

// CSV text → a table of trimmed cells with the line each row starts on, the first of csv.ts's two
// steps. d3-dsv does the RFC 4180 parsing (quotes, quoted delimiters and line breaks); this file adds
// what a user needs around it: delimiter and header detection, size limits, blank lines, ragged rows,
// and line numbers as an editor shows them (the header is line 1; a quoted line break counts).

/** The largest CSV text accepted, in UTF-8 bytes (5 MB). */
export const MAX_CSV_BYTES = 5_000_000;
/** The most data rows accepted (the header line not counted). */
export const MAX_CSV_ROWS = 100_000;
/** The most columns accepted. */
export const MAX_CSV_COLUMNS = 1_000;
/** How many problems a refusal lists before "and N more problems". */
export const MAX_LISTED_PROBLEMS = 10;

/** Size limits for a CSV text; tests and callers may lower them. */
export interface CsvLimits {
  readonly bytes: number;
  readonly rows: number;
  readonly columns: number;
}

/** The limits used when none are given: MAX_CSV_BYTES, MAX_CSV_ROWS, MAX_CSV_COLUMNS. */
export const DEFAULT_CSV_LIMITS: CsvLimits = { bytes: MAX_CSV_BYTES, rows: MAX_CSV_ROWS, columns: MAX_CSV_COLUMNS };

/** The field separators recognised: comma, semicolon, tab. */
export type CsvDelimiter = ',' | ';' | '\t';

/** A parsed CSV: column names, data rows of trimmed cells (all of the header's width) and where each row starts. */
export interface CsvTable {
  readonly names: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** The 1-based line on which each data row starts (the header, when present, is line 1). */
  readonly lines: readonly number[];
  readonly header: boolean;
  readonly delimiter: CsvDelimiter;
}

/** What one cell holds: a finite number, nothing (a missing value), or text. */
export type CsvCell = { kind: 'number'; value: number } | { kind: 'missing' } | { kind: 'text' };

// pandas.read_csv's default na_values, plus UCI's "?": cells that mean "no value" rather than text.
const MISSING_MARKERS = new Set(['', '#N/A', '#N/A N/A', '#NA', '-1.#IND', '-1.#QNAN', '-NaN', '-nan', '1.#IND', '1.#QNAN', '<NA>', 'N/A', 'NA', 'NULL', 'NaN', 'None', 'n/a', 'nan', 'null', '?']);
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const DECIMAL_COMMA = /^[+-]?(?:\d+,?\d*|,\d+)(?:[eE][+-]?\d+)?$/;
const BYTE_ORDER_MARK = '\uFEFF';

/**
 * Reads a trimmed cell: a decimal number (1, -2.5, .5, 3e-4; with a semicolon delimiter also a
 * decimal comma, 3,14), a missing-value marker (empty, NA, NaN, null, ?, ... as pandas reads them),
 * or text. Hexadecimal, Infinity and numbers beyond float64's range are text.
 */
export function readCell(cell: string, delimiter: CsvDelimiter): CsvCell {
  if (MISSING_MARKERS.has(cell)) return { kind: 'missing' };
  let decimal = cell;
  if (!DECIMAL.test(cell)) {
    if (delimiter !== ';' || !DECIMAL_COMMA.test(cell)) return { kind: 'text' };
    decimal = cell.replace(',', '.');
  }
  const value = Number(decimal);
  return Number.isFinite(value) ? { kind: 'number', value } : { kind: 'text' };
}

/**
 * Splits a CSV text into a table, or refuses it with messages naming lines and columns. The
 * delimiter is a comma, or a semicolon or tab when the first line has one of those (outside quotes)
 * and no comma (the more frequent of the two). A first row whose cells are not all numbers is the
 * header (empty names become column1.., repeated ones get pandas' ".1", ".2" suffixes); otherwise the
 * columns are named column1..columnN. A leading byte-order mark and blank lines are skipped.
 */
export function parseCsvTable(text: string, limits: CsvLimits = DEFAULT_CSV_LIMITS): Checked<CsvTable> {
  const bytes = utf8Length(text);
  if (bytes > limits.bytes) return fail(`the file is ${grouped(bytes)} bytes; the limit is ${grouped(limits.bytes)} bytes (${megabytes(limits.bytes)})`);
  const body = text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text;
  const delimiter = detectDelimiter(body);
  const parsed = dsvFormat(delimiter).parseRows(body);

  const cells: string[][] = [];
  const lines: number[] = [];
  // only a quoted cell can hold a line break, so a file without quotes has one row per line
  const quoted = body.includes('"');
  let line = 1;
  for (const row of parsed) {
    const blank = row.length === 1 && row[0].trim() === '';
    if (!blank) {
      cells.push(row.map((cell) => cell.trim()));
      lines.push(line);
    }
    line += quoted ? 1 + row.reduce((sum, cell) => sum + lineBreaks(cell), 0) : 1;
  }
  if (cells.length === 0) return fail('the file is empty');

  const first = cells[0];
  const header = !first.every((cell) => readCell(cell, delimiter).kind === 'number');
  const width = first.length;
  const names = header ? uniqueNames(first) : numberedColumns(width);
  const open = quoted ? unclosedQuote(body, delimiter) : undefined;
  if (open) {
    const where = header && open.line <= lines[0] ? `column ${open.column + 1}` : columnLabel(names, open.column, header);
    return fail(`line ${open.line}, ${where}: this quoted cell is never closed (is a closing quote missing?)`);
  }
  if (width > limits.columns) return fail(`the file has ${grouped(width)} columns; the limit is ${grouped(limits.columns)}`);
  const dataStart = header ? 1 : 0;
  const dataRows = cells.length - dataStart;
  if (dataRows === 0) return fail(`the file has a header line (line ${lines[0]}) but no data rows`);
  if (dataRows > limits.rows) return fail(`the file has ${grouped(dataRows)} data rows; the limit is ${grouped(limits.rows)}`);

  const problems = new ProblemList();
  for (let i = dataStart; i < cells.length; i++) {
    const count = cells[i].length;
    if (count === width) continue;
    const widthOf = header ? `the header has ${width}` : `the first row has ${width}`;
    const where = count < width ? columnLabel(names, count, header) : `column ${width + 1}`;
    problems.add(`line ${lines[i]}, ${where}: the row has ${count} ${count === 1 ? 'cell' : 'cells'} but ${widthOf}`);
  }
  if (problems.count > 0) return fail(...problems.messages());
  return { ok: true, value: { names, rows: cells.slice(dataStart), lines: lines.slice(dataStart), header, delimiter } };
}

/** How messages name a column (0-based index): `column "price" (3)` with a header, `column 3` without. */
export function columnLabel(names: readonly string[], index: number, header: boolean): string {
  return header ? `column ${JSON.stringify(names[index] ?? '')} (${index + 1})` : `column ${index + 1}`;
}

/** A cell's text for a message: quoted and escaped, cut to 40 characters. */
export function quoteCell(cell: string): string {
  return JSON.stringify(cell.length > 40 ? `${cell.slice(0, 39)}…` : cell);
}

/** Collects refusal messages, keeping the first MAX_LISTED_PROBLEMS and counting the rest. */
export class ProblemList {
  private readonly listed: string[] = [];
  count = 0;

  /** Records one problem. */
  add(message: string): void {
    if (this.listed.length < MAX_LISTED_PROBLEMS) this.listed.push(message);
    this.count++;
  }

  /** The listed problems, then "and N more problems" when some were not listed. */
  messages(): string[] {
    const more = this.count - this.listed.length;
    return more > 0 ? [...this.listed, `and ${grouped(more)} more ${more === 1 ? 'problem' : 'problems'}`] : [...this.listed];
  }
}

/** A count with thousands separators, the same in every locale: 100,000. */
export function grouped(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function megabytes(bytes: number): string {
  return `${Number((bytes / 1e6).toPrecision(3))} MB`;
}

/**
 * The delimiter of a CSV text: a comma, or a semicolon or tab when the first line has one of those
 * and no comma (the more frequent of the two). Counts only outside quotes, so a quoted "a,b" in a
 * semicolon file does not decide it.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  let commas = 0;
  let semicolons = 0;
  let tabs = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (c === '\n' || c === '\r') break;
    else if (c === ',') commas++;
    else if (c === ';') semicolons++;
    else if (c === '\t') tabs++;
  }
  if (commas > 0 || (semicolons === 0 && tabs === 0)) return ',';
  return semicolons >= tabs ? ';' : '\t';
}

// A quoted cell may hold line breaks: \r\n, \n and a lone \r each end a line, as d3-dsv reads them.
function lineBreaks(cell: string): number {
  let count = 0;
  for (let i = 0; i < cell.length; i++) {
    const c = cell.charCodeAt(i);
    if (c === 10) count++;
    else if (c === 13) {
      count++;
      if (cell.charCodeAt(i + 1) === 10) i++;
    }
  }
  return count;
}

// d3-dsv reads a quote that is never closed as one cell running to the end of the file, which
// would surface as a puzzling text cell or ragged row. This walks the text as d3-dsv does (a quote
// opens a cell only at its start; "" inside is a quote; the character after the closing quote is
// taken as the delimiter) and finds where such a cell starts: its line and 0-based column.
function unclosedQuote(text: string, delimiter: CsvDelimiter): { line: number; column: number } | undefined {
  let line = 1;
  let column = 0;
  let cellStart = true;
  const endOfLine = (i: number): number => {
    line++;
    column = 0;
    cellStart = true;
    return text[i] === '\r' && text[i + 1] === '\n' ? i + 1 : i;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (cellStart && c === '"') {
      const start = { line, column };
      for (i++; ; i++) {
        if (i >= text.length) return start;
        if (text[i] === '"') {
          if (text[i + 1] !== '"') break;
          i++;
        } else if (text[i] === '\n' || text[i] === '\r') {
          line++;
          if (text[i] === '\r' && text[i + 1] === '\n') i++;
        }
      }
      i++; // past the closing quote, onto what d3-dsv takes as the delimiter
      if (i < text.length && (text[i] === '\n' || text[i] === '\r')) i = endOfLine(i);
      else {
        column++;
        cellStart = true;
      }
    } else if (c === '\n' || c === '\r') i = endOfLine(i);
    else if (c === delimiter) {
      column++;
      cellStart = true;
    } else cellStart = false;
  }
  return undefined;
}

function uniqueNames(cells: readonly string[]): string[] {
  const used = new Set<string>();
  return cells.map((cell, index) => {
    const base = cell === '' ? `column${index + 1}` : cell;
    let name = base;
    for (let suffix = 1; used.has(name); suffix++) name = `${base}.${suffix}`;
    used.add(name);
    return name;
  });
}

function numberedColumns(count: number): string[] {
  return Array.from({ length: count }, (_, index) => `column${index + 1}`);
}

// UTF-8 length without TextEncoder (the engine compiles without the DOM library): a code unit below
// 0x80 is 1 byte, below 0x800 2, a surrogate pair 4, any other unit 3 (a lone surrogate becomes U+FFFD).
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
