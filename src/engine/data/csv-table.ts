import { dsvFormat } from 'd3-dsv';
import { fail, type Checked } from '../check-values';
import { LIMITS, withValue } from '../limits';

// CSV text → a table of trimmed cells with the line each row starts on, the first of csv.ts's two
// steps. d3-dsv does the RFC 4180 parsing (quotes, quoted delimiters and line breaks); this file adds
// what a user needs around it: delimiter and header detection, size limits, blank lines, ragged rows,
// and line numbers as an editor shows them (the header is line 1; a quoted line break counts).

/** The largest CSV text accepted, in UTF-8 bytes (5 MB). */
export const MAX_CSV_BYTES = LIMITS.csvBytes.value;
/** The most data rows accepted (the header line not counted). */
export const MAX_CSV_ROWS = LIMITS.csvRows.value;
/** The most columns accepted. */
export const MAX_CSV_COLUMNS = LIMITS.csvColumns.value;
/** The most blank lines accepted (each costs the parser a row). */
export const MAX_CSV_BLANK_LINES = LIMITS.csvBlankLines.value;
/** How many problems a refusal lists before "and N more problems". */
export const MAX_LISTED_PROBLEMS = LIMITS.listedProblems.value;

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
// Unambiguous on purpose (\d+ then an optional ".digits"): a form like \d+\.?\d* backtracks
// quadratically on a long run of digits that does not match, which a 5 MB cell would turn into a hang.
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const DECIMAL_COMMA = /^[+-]?(?:\d+(?:,\d*)?|,\d+)(?:[eE][+-]?\d+)?$/;
const BYTE_ORDER_MARK = '\uFEFF';
const QUOTE = 34;
const NEWLINE = 10;
const RETURN = 13;

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
 * columns are named column1..columnN. A leading byte-order mark and blank lines are skipped (at most
 * MAX_CSV_BLANK_LINES of them).
 */
export function parseCsvTable(text: string, limits: CsvLimits = DEFAULT_CSV_LIMITS): Checked<CsvTable> {
  const bytes = utf8Length(text);
  if (bytes > limits.bytes) return fail(withValue(LIMITS.csvBytes, limits.bytes).message(bytes));
  const body = withoutTrailingBlankLines(text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text);
  const delimiter = detectDelimiter(body);
  const dsv = dsvFormat(delimiter);

  // One pass without allocations first, so the limits hold before d3-dsv builds a row array per line.
  const scan = scanRecords(body, delimiter);
  if (scan.rows === 0) return fail('the file is empty');
  if (scan.firstWidth > limits.columns) return fail(withValue(LIMITS.csvColumns, limits.columns).message(scan.firstWidth));
  const firstRows = dsv.parseRows(body.slice(0, scan.firstEnd));
  const first = (firstRows[firstRows.length - 1] ?? []).map((cell) => cell.trim());
  const header = !first.every((cell) => readCell(cell, delimiter).kind === 'number');
  const width = first.length;
  const names = header ? uniqueNames(first) : numberedColumns(width);
  if (scan.open) {
    const { line, column } = scan.open;
    const where = header && line <= scan.firstLine ? `column ${column + 1}` : columnLabel(names, column, header);
    return fail(`line ${line}, ${where}: this quoted cell is never closed (is a closing quote missing?)`);
  }
  const dataRows = scan.rows - (header ? 1 : 0);
  if (dataRows === 0) return fail(`the file has a header line (line ${scan.firstLine}) but no data rows`);
  if (dataRows > limits.rows) return fail(withValue(LIMITS.csvRows, limits.rows).message(dataRows));
  // blank lines cost d3-dsv a row each; millions of them are no CSV anyone meant to load
  if (scan.blankRows > MAX_CSV_BLANK_LINES) return fail(LIMITS.csvBlankLines.message(scan.blankRows));

  const cells: string[][] = [];
  const lines: number[] = [];
  // only a quoted cell can hold a line break, so a file without quotes has one row per line
  const quoted = body.includes('"');
  let line = 1;
  for (const row of dsv.parseRows(body)) {
    const blank = row.length === 1 && row[0].trim() === '';
    if (!blank) {
      cells.push(row.map((cell) => cell.trim()));
      lines.push(line);
    }
    line += quoted ? 1 + row.reduce((sum, cell) => sum + lineBreaks(cell), 0) : 1;
  }
  const dataStart = header ? 1 : 0;

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

/** How messages name a column (0-based index): `column "price" (3)` with a header (a long name cut to 40 characters), `column 3` without. */
export function columnLabel(names: readonly string[], index: number, header: boolean): string {
  return header ? `column ${quoteCell(names[index] ?? '')} (${index + 1})` : `column ${index + 1}`;
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


/**
 * The delimiter of a CSV text: a comma, or a semicolon or tab when the first non-blank line has one
 * of those and no comma (the more frequent of the two). Counts only outside quotes, so a quoted "a,b" in a
 * semicolon file does not decide it.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  let commas = 0;
  let semicolons = 0;
  let tabs = 0;
  let quoted = false;
  // the first line that is not blank (spaces only: a line of tabs is a row of empty cells)
  let start = 0;
  for (let i = 0; i < text.length && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r'); i++) if (text[i] !== ' ') start = i + 1;
  for (let i = start; i < text.length; i++) {
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

/** What one pass over the text finds before d3-dsv splits it. */
interface RecordScan {
  /** Rows d3-dsv will return that are not blank (a single cell of whitespace), and those that are. */
  readonly rows: number;
  readonly blankRows: number;
  /** Where the first of them ends (its line break, or the end of the text), and its line. */
  readonly firstEnd: number;
  readonly firstLine: number;
  readonly firstWidth: number;
  /** Where a quoted cell starts that is never closed: line and 0-based column. */
  readonly open?: { readonly line: number; readonly column: number };
}

// Walks the text as d3-dsv reads it: a quote opens a cell only at the cell's start, "" inside is a
// quote, the character after the closing quote is taken as a delimiter, and \r\n, \n and \r end a
// row. d3-dsv reads a quote that is never closed as one cell running to the end of the file, which
// would surface as a puzzling text cell or ragged row; this finds where it starts.
function scanRecords(text: string, delimiter: CsvDelimiter): RecordScan {
  const delimiterCode = delimiter.charCodeAt(0);
  let line = 1;
  let recordLine = 1;
  let column = 0;
  let cellStart = true;
  let content = false; // the row so far is more than one cell of whitespace
  let rows = 0;
  let blankRows = 0;
  let firstEnd = text.length;
  let firstLine = 1;
  let firstWidth = 0;
  let open: { line: number; column: number } | undefined;
  const endRecord = (end: number): void => {
    if (!content) blankRows++;
    else if (rows++ === 0) {
      firstEnd = end;
      firstLine = recordLine;
      firstWidth = column + 1;
    }
    content = false;
    column = 0;
    cellStart = true;
  };
  const skipLineBreak = (i: number): number => {
    line++;
    recordLine = line;
    return text.charCodeAt(i) === RETURN && text.charCodeAt(i + 1) === NEWLINE ? i + 1 : i;
  };
  for (let i = 0; i < text.length && open === undefined; i++) {
    const c = text.charCodeAt(i);
    if (cellStart && c === QUOTE) {
      const start = { line, column };
      for (i++; ; i++) {
        if (i >= text.length) {
          open = start;
          break;
        }
        const q = text.charCodeAt(i);
        if (q === QUOTE) {
          if (text.charCodeAt(i + 1) !== QUOTE) break;
          content = true;
          i++;
        } else if (q === NEWLINE || q === RETURN) {
          line++;
          if (q === RETURN && text.charCodeAt(i + 1) === NEWLINE) i++;
        } else if (!isWhitespace(q)) content = true;
      }
      if (open !== undefined || ++i >= text.length) break; // ++i: onto what d3-dsv takes as the delimiter
      const next = text.charCodeAt(i);
      if (next === NEWLINE || next === RETURN) {
        endRecord(i);
        i = skipLineBreak(i);
      } else {
        column++;
        cellStart = true;
        content = true;
      }
    } else if (c === NEWLINE || c === RETURN) {
      endRecord(i);
      i = skipLineBreak(i);
    } else if (c === delimiterCode) {
      column++;
      cellStart = true;
      content = true;
    } else {
      cellStart = false;
      if (!isWhitespace(c)) content = true;
    }
  }
  endRecord(text.length);
  return { rows, blankRows, firstEnd, firstLine, firstWidth, open };
}

// Blank lines at the end are dropped before parsing (line numbers above them do not change), but
// the last row keeps its own trailing blanks: a tab-separated row may end in empty cells.
function withoutTrailingBlankLines(text: string): string {
  let end = text.length;
  while (end > 0 && isWhitespace(text.charCodeAt(end - 1))) end--;
  while (end < text.length && text.charCodeAt(end) !== NEWLINE && text.charCodeAt(end) !== RETURN) end++;
  return end === text.length ? text : text.slice(0, end);
}

// The characters String.prototype.trim removes (ECMAScript WhiteSpace and LineTerminator).
function isWhitespace(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
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
