import { shortened } from '../checks';
/** What is wrong with a typed formula and where: the message names the column too. */
export interface FormulaError {
  readonly message: string;
  /** 1-based column of the first character to underline. */
  readonly column: number;
  /** Number of characters to underline (0 for an empty formula). */
  readonly length: number;
}

/**
 * Thrown inside the tokenizer and parser only, to unwind from deep recursion; parseFormula and
 * compileFormula catch it and return its `error`, so callers never see an exception.
 */
export class FormulaSyntaxError extends Error {
  /** The error to hand back to the caller. */
  readonly error: FormulaError;

  constructor(message: string, column: number, length: number) {
    super(message);
    this.name = 'FormulaSyntaxError';
    this.error = { message, column, length };
  }
}

/** A token as a message quotes it: 'sinn', or its first 40 characters and '…' (shortened), so a message stays short whatever was typed. */
export function quoted(text: string): string {
  return `'${shortened(text)}'`;
}
