import { FormulaSyntaxError, quoted, type FormulaError } from './errors';

/** An operator symbol; `**` is read as `^`. */
export type OperatorSymbol = '+' | '-' | '*' | '/' | '^';

interface TokenPosition {
  /** The characters as typed ("**" for a power, "2.5E+4" for a number). */
  readonly text: string;
  /** 1-based column of the first character. */
  readonly column: number;
}

/** One lexical token of a formula, with where it was typed. */
export type Token =
  | (TokenPosition & { readonly kind: 'number'; readonly value: number })
  | (TokenPosition & { readonly kind: 'identifier'; readonly name: string })
  | (TokenPosition & { readonly kind: 'operator'; readonly operator: OperatorSymbol })
  | (TokenPosition & { readonly kind: '(' | ')' | ',' | 'end' });

/** The tokens of a formula (ending with an 'end' token), or the first lexical error. */
export type TokenizeResult = { readonly ok: true; readonly tokens: readonly Token[] } | { readonly ok: false; readonly error: FormulaError };

const isDigit = (c: string): boolean => c >= '0' && c <= '9';
const isIdentifierStart = (c: string): boolean => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_';
const isIdentifierPart = (c: string): boolean => isIdentifierStart(c) || isDigit(c);
const isWhitespace = (c: string): boolean => /\s/.test(c);

/** Splits a formula into tokens; whitespace separates tokens and is otherwise ignored. */
export function tokenize(text: string): TokenizeResult {
  try {
    return { ok: true, tokens: scan(text) };
  } catch (error) {
    if (error instanceof FormulaSyntaxError) return { ok: false, error: error.error };
    throw error;
  }
}

/** Like tokenize, but throws FormulaSyntaxError. */
export function scan(text: string): Token[] {
  const stream = new TokenStream(text);
  const tokens: Token[] = [];
  for (let token = stream.next(); ; token = stream.next()) {
    tokens.push(token);
    if (token.kind === 'end') return tokens;
  }
}

/**
 * A formula's tokens one at a time (throwing FormulaSyntaxError at a lexical error), for the
 * parser: it stops at the first error, so a 150 KB text whose first 4,000 operations are already
 * too many is never scanned to its end.
 */
export class TokenStream {
  private i = 0;

  constructor(private readonly text: string) {}

  /** The next token; the 'end' token once the text is used up. */
  next(): Token {
    const text = this.text;
    while (this.i < text.length && isWhitespace(text[this.i])) this.i++;
    const i = this.i;
    const column = i + 1;
    if (i >= text.length) return { kind: 'end', text: '', column: text.length + 1 };
    const c = text[i];
    if (isDigit(c) || c === '.') {
      const end = scanNumberEnd(text, i);
      this.i = end;
      return numberToken(text.slice(i, end), column);
    }
    if (isIdentifierStart(c)) {
      let end = i + 1;
      while (end < text.length && isIdentifierPart(text[end])) end++;
      this.i = end;
      return { kind: 'identifier', name: text.slice(i, end), text: text.slice(i, end), column };
    }
    if (c === '*' && text[i + 1] === '*') {
      this.i += 2;
      return { kind: 'operator', operator: '^', text: '**', column };
    }
    if (c === '+' || c === '-' || c === '*' || c === '/' || c === '^') {
      this.i++;
      return { kind: 'operator', operator: c, text: c, column };
    }
    if (c === '(' || c === ')' || c === ',') {
      this.i++;
      return { kind: c, text: c, column };
    }
    // Report a whole code point, so an emoji is quoted and underlined as one character.
    const character = String.fromCodePoint(text.codePointAt(i) ?? 0);
    throw new FormulaSyntaxError(`unexpected character '${character}' at column ${column}`, column, character.length);
  }
}

/**
 * Where a number starting at `start` ends: digits and dots, then an exponent. An 'e' directly
 * after the digits is an exponent unless a letter follows it ("2exp(x)" is 2·exp(x)); a dangling
 * "1e" or "1e+" is kept in the number so that it is reported as malformed.
 */
function scanNumberEnd(text: string, start: number): number {
  let end = start;
  while (end < text.length && (isDigit(text[end]) || text[end] === '.')) end++;
  if (text[end] === 'e' || text[end] === 'E') {
    const next = text[end + 1] ?? '';
    if (isDigit(next)) {
      end += 1;
    } else if (next === '+' || next === '-') {
      end += 2;
    } else if (isIdentifierPart(next)) {
      return end;
    } else {
      return end + 1;
    }
    while (end < text.length && isDigit(text[end])) end++;
  }
  return end;
}

// Unambiguous on purpose: \d+\.?\d* backtracks quadratically on a long run of digits that does not match.
const NUMBER_PATTERN = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

function numberToken(text: string, column: number): Token {
  if (!NUMBER_PATTERN.test(text)) {
    throw new FormulaSyntaxError(`number ${quoted(text)} is malformed at column ${column}`, column, text.length);
  }
  const value = Number(text);
  if (!Number.isFinite(value)) {
    throw new FormulaSyntaxError(`number ${quoted(text)} is too large at column ${column}`, column, text.length);
  }
  return { kind: 'number', value, text, column };
}
