// How much LaTeX the page will hand to KaTeX. A formula comes from a share link, so it is a
// stranger's input: x^x^...^x with 150 x's typesets about 1,000 elements deep, which kills the
// renderer, and its gradient (143,000 characters of LaTeX) kept the main thread for 5 s. KaTeX's
// own `throwOnError: false` covers parse errors only, not the stack overflow of a deep tree, so the
// limits are measured here first, on the LaTeX itself, in one linear pass that never recurses.

/**
 * Deepest nesting of groups ({...}, \left...\right, \begin...\end) that is typeset; deeper is shown as
 * text. KaTeX makes 5 to 7 elements of each level, so this stays under 200 elements deep; the
 * formulas and update rules the app ships nest at most 4.
 */
export const MAX_TYPESET_DEPTH = 24;

/**
 * Longest LaTeX, in characters, that is typeset; longer is shown as text. KaTeX's time grows with
 * the length; the longest the app ships is 562 (Goldstein-Price's gradient).
 */
export const MAX_TYPESET_LENGTH = 4_000;

/**
 * Most groups (fractions, roots, powers, brackets: each `{` or \left) that are typeset; more is shown
 * as text. Each costs KaTeX as much as 25 characters of plain terms (a fraction or a root sizes its
 * parts, draws a rule or an SVG), so a short gradient of nested roots is slower than a long sum.
 */
export const MAX_TYPESET_GROUPS = 120;

/** Longest plain text shown in place of a formula that is not typeset (a gradient can be 100,000+ characters). */
export const MAX_FALLBACK_LENGTH = 4_000;

/** The size of a LaTeX string as the limits see it. */
export interface LatexSize {
  /** Characters. */
  readonly length: number;
  /** Deepest nesting of groups: braces, \left...\right and \begin...\end. */
  readonly depth: number;
  /** Groups in all: each opening brace, \left and \begin. */
  readonly groups: number;
}

/** Measures LaTeX in one pass: its length, its groups and their deepest nesting (escaped braces such as \{ are not groups). */
export function measureLatex(tex: string): LatexSize {
  let depth = 0;
  let deepest = 0;
  let groups = 0;
  for (let index = 0; index < tex.length; index++) {
    const char = tex[index];
    if (char === '{') {
      groups++;
      deepest = Math.max(deepest, ++depth);
    }
    else if (char === '}') depth = Math.max(0, depth - 1);
    else if (char === '\\') {
      // a control word (\left, \frac) runs to the last letter; a control symbol (\{, \\, \,) is one character
      let end = index + 1;
      while (end < tex.length && isLetter(tex.charCodeAt(end))) end++;
      const word = tex.slice(index + 1, end);
      if (word === 'left' || word === 'begin') {
        groups++;
        deepest = Math.max(deepest, ++depth);
      }
      else if (word === 'right' || word === 'end') depth = Math.max(0, depth - 1);
      index = end === index + 1 ? index + 1 : end - 1;
    }
  }
  return { length: tex.length, depth: deepest, groups };
}

/** Why LaTeX of this size is not typeset (a sentence for the reader, ending "shown as text"), or null when it is within the limits. */
export function typesetRefusal(size: LatexSize): string | null {
  if (size.depth > MAX_TYPESET_DEPTH) {
    return `Too deeply nested to typeset (${size.depth.toLocaleString('en-US')} levels; at most ${MAX_TYPESET_DEPTH}): shown as text.`;
  }
  if (size.groups > MAX_TYPESET_GROUPS) {
    return `Too many parts to typeset (${size.groups.toLocaleString('en-US')} fractions, roots, powers and brackets; at most ${MAX_TYPESET_GROUPS}): shown as text.`;
  }
  if (size.length > MAX_TYPESET_LENGTH) {
    return `Too long to typeset (${size.length.toLocaleString('en-US')} characters of LaTeX; at most ${MAX_TYPESET_LENGTH.toLocaleString('en-US')}): shown as text.`;
  }
  return null;
}

/** The text shown in place of a formula: all of it, or its first MAX_FALLBACK_LENGTH characters and how long it is. */
export function fallbackText(text: string): string {
  if (text.length <= MAX_FALLBACK_LENGTH) return text;
  return `${text.slice(0, MAX_FALLBACK_LENGTH)} … (${text.length.toLocaleString('en-US')} characters in all)`;
}

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}
