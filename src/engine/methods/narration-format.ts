// Numbers in narrated steps (methods/inspection.ts): plain words take formatSignificant's text, the
// substituted update rules take the same numbers as LaTeX. One place, so every method reads alike.
import { formatPoint, formatSignificant } from '../diagnosis/format';

/** Significant digits in narrated numbers: enough to follow the arithmetic, few enough to read. */
export const NARRATION_DIGITS = 4;

/** A number in a sentence: "0.1235", "−3e-5". */
export function narratedNumber(value: number): string {
  return formatSignificant(value, NARRATION_DIGITS);
}

/** A vector in a sentence: "(0.1235, −2)", its first three coordinates and "…" in many dimensions. */
export function narratedVector(vector: ArrayLike<number>): string {
  if (vector.length <= 3) {
    const parts: string[] = [];
    for (let i = 0; i < vector.length; i++) parts.push(narratedNumber(vector[i]));
    return `(${parts.join(', ')})`;
  }
  return formatPoint(vector);
}

/** A number in a LaTeX rule: "0.1235", "-3 \times 10^{-5}", "\infty". */
export function latexNumber(value: number): string {
  const text = narratedNumber(value).replace('−', '-').replace('∞', '\\infty');
  const exponent = /^(-?[\d.]+)e([+-]?\d+)$/.exec(text);
  return exponent === null ? text : `${exponent[1]} \\times 10^{${Number(exponent[2])}}`;
}

/** A vector in a LaTeX rule: "\left(0.1235,\ -2\right)", its first three coordinates and "\dots" in many dimensions. */
export function latexVector(vector: ArrayLike<number>): string {
  const shown = Math.min(vector.length, 3);
  const parts: string[] = [];
  for (let i = 0; i < shown; i++) parts.push(latexNumber(vector[i]));
  if (vector.length > shown) parts.push('\\dots');
  return `\\left(${parts.join(',\\ ')}\\right)`;
}
