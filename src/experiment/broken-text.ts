// A lone surrogate is half of a UTF-16 pair with nothing to pair with: JavaScript strings can hold
// one (a JSON "\ud800" escape, a paste from a broken source), but UTF-8, and so a link or a file,
// cannot; encoding makes it U+FFFD ("�") without a word. Text the user gave (a run's label, a CSV's
// name) is therefore refused where it is validated, naming the field and the position, so the page,
// a link, an experiment file and the CLI all say the same thing instead of changing it quietly.

/** U+FFFD, the replacement character a lone surrogate becomes in UTF-8. */
export const REPLACEMENT_CHARACTER = '\uFFFD';

/** The 1-based position, counted in characters (code points), of the first lone surrogate in `text`; null when there is none. */
export function loneSurrogatePosition(text: string): number | null {
  let position = 0;
  for (let index = 0; index < text.length; index++) {
    position++;
    const unit = text.charCodeAt(index);
    if (unit < 0xd800 || unit > 0xdfff) continue;
    const next = index + 1 < text.length ? text.charCodeAt(index + 1) : 0;
    // a high surrogate followed by a low one is one character: skip its second half
    if (unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) index++;
    else return position;
  }
  return null;
}

/** The message for a text field holding a lone surrogate ("runs[1].label (run 2) has a broken character at position 5: …"), or undefined when the text is whole. */
export function brokenTextProblem(text: string, field: string): string | undefined {
  const position = loneSurrogatePosition(text);
  if (position === null) return undefined;
  return `${field} has a broken character at position ${position}: a lone surrogate (half of a character pair), which no link or file can carry; retype it`;
}

/** `text` with each lone surrogate replaced by U+FFFD, as UTF-8 would make it, for a field that shows the replacement and says so. */
export function withLoneSurrogatesReplaced(text: string): string {
  let whole = '';
  for (const character of text) {
    // for...of yields a lone surrogate as a one-unit string, a pair as a two-unit one
    const unit = character.charCodeAt(0);
    whole += character.length === 1 && unit >= 0xd800 && unit <= 0xdfff ? REPLACEMENT_CHARACTER : character;
  }
  return whole;
}
