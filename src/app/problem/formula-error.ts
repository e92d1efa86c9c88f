import type { FormulaError } from '../../engine/expression';

// How a formula's error is shown: the message always names the column, and the echo of the text
// under the field marks the characters the error is about.

/** The parser's message, with the column added where the message does not already say it. */
export function messageWithColumn(error: FormulaError): string {
  return /\bcolumn \d+/.test(error.message) ? error.message : `${error.message} at column ${error.column}`;
}

/** The text cut around the error: what comes before, the marked characters, and the rest. */
export interface ErrorSpan {
  readonly before: string;
  /** The offending characters; empty when the error is past the end (a formula that stops early). */
  readonly marked: string;
  readonly after: string;
}

/** Splits `text` at the error's 1-based column and length, clamped to the text. */
export function errorSpan(text: string, error: FormulaError): ErrorSpan {
  const start = Math.min(Math.max(0, error.column - 1), text.length);
  const end = Math.min(text.length, start + Math.max(0, error.length));
  return { before: text.slice(0, start), marked: text.slice(start, end), after: text.slice(end) };
}
