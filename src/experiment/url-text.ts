// Percent-escaping for the share URL's hash, kept minimal so formulas stay readable:
// "f=(1-x)^2+100*(y-x^2)^2" survives as it is. Escaped are only the characters that would break
// the hash apart ('%', '&', '#'), those a browser would rewrite in a fragment anyway (whitespace,
// controls, '"', '<', '>', '`', non-ASCII, see the WHATWG URL standard's fragment
// percent-encode set), and whatever extra delimiters a nested field gives ("label" escapes ';').

/** Characters escaped in every text value of the hash. */
const ALWAYS_ESCAPED = new Set(['%', '&', '#', '"', '<', '>', '`']);

/** Percent-escapes what must be escaped in a free-text value (a formula, a label), plus `extra`. */
export function escapeText(text: string, extra = ''): string {
  let escaped = '';
  for (const character of text) {
    // for...of walks code points, so a surrogate pair arrives whole.
    const code = character.codePointAt(0) ?? 0;
    const mustEscape = code <= 0x20 || code >= 0x7f || ALWAYS_ESCAPED.has(character) || extra.includes(character);
    escaped += mustEscape ? percentEncode(character) : character;
  }
  return escaped;
}

/** Undoes percent-escaping; a malformed escape ("%zz", a cut-off UTF-8 sequence) is reported, not thrown. */
export function unescapeText(text: string): { ok: true; value: string } | { ok: false; error: string } {
  if (!text.includes('%')) return { ok: true, value: text };
  try {
    return { ok: true, value: decodeURIComponent(text) };
  } catch {
    return { ok: false, error: `'${text.length > 40 ? `${text.slice(0, 40)}…` : text}' is not valid percent-encoding` };
  }
}

function percentEncode(character: string): string {
  const code = character.charCodeAt(0);
  // A lone surrogate has no UTF-8 form; it becomes U+FFFD, as a browser would make it.
  if (character.length === 1 && code >= 0xd800 && code <= 0xdfff) return '%EF%BF%BD';
  return encodeURIComponent(character).replace(/[!'()*~]/g, (reserved) => `%${reserved.charCodeAt(0).toString(16).toUpperCase()}`);
}
