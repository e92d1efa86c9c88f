// JSON.parse says what went wrong in words that change between Node versions, and often not
// where. This scanner re-reads text that JSON.parse rejected and finds the first error's line and
// column, so the CLI can say "experiment.json: invalid JSON at line 4, column 12: trailing comma".

/** Where a JSON text first goes wrong, 1-based, with the reason in words. */
export interface JsonErrorLocation {
  readonly line: number;
  readonly column: number;
  readonly reason: string;
}

class JsonSyntaxError extends Error {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/** Line, column and reason of the first syntax error in `text`, or undefined when it is valid JSON. */
export function locateJsonError(text: string): JsonErrorLocation | undefined {
  try {
    new JsonScanner(text).document();
    return undefined;
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) return undefined; // e.g. nesting deeper than the stack
    const before = text.slice(0, error.offset);
    const line = before.split('\n').length;
    const column = error.offset - before.lastIndexOf('\n');
    return { line, column, reason: error.reason };
  }
}

const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;

class JsonScanner {
  private position = 0;

  constructor(private readonly text: string) {}

  document(): void {
    this.whitespace();
    this.value();
    this.whitespace();
    if (this.position < this.text.length) this.fail('unexpected text after the end of the JSON value');
  }

  private value(): void {
    const character = this.text[this.position];
    if (character === undefined) this.fail('unexpected end of the file (is something cut off?)');
    else if (character === '{') this.object();
    else if (character === '[') this.array();
    else if (character === '"') this.string();
    else if (character === '-' || (character >= '0' && character <= '9')) this.number();
    else if (!this.literal('true') && !this.literal('false') && !this.literal('null')) {
      const quoteHint = character === "'" ? ' (JSON strings take double quotes)' : '';
      this.fail(`unexpected character '${character}'${quoteHint}`);
    }
  }

  private object(): void {
    this.position++;
    this.whitespace();
    if (this.text[this.position] === '}') return void this.position++;
    for (;;) {
      if (this.text[this.position] !== '"') this.fail('expected a property name in double quotes');
      this.string();
      this.whitespace();
      if (this.text[this.position] !== ':') this.fail("expected ':' after the property name");
      this.position++;
      this.whitespace();
      this.value();
      this.whitespace();
      if (this.text[this.position] === '}') return void this.position++;
      if (this.text[this.position] !== ',') this.fail("expected ',' or '}' after the property value");
      this.position++;
      this.whitespace();
      if (this.text[this.position] === '}') this.fail("trailing comma before '}'");
    }
  }

  private array(): void {
    this.position++;
    this.whitespace();
    if (this.text[this.position] === ']') return void this.position++;
    for (;;) {
      this.value();
      this.whitespace();
      if (this.text[this.position] === ']') return void this.position++;
      if (this.text[this.position] !== ',') this.fail("expected ',' or ']' after the array element");
      this.position++;
      this.whitespace();
      if (this.text[this.position] === ']') this.fail("trailing comma before ']'");
    }
  }

  private string(): void {
    const start = this.position;
    this.position++;
    for (;;) {
      const character = this.text[this.position];
      if (character === undefined) this.fail('unterminated string', start);
      if (character === '"') return void this.position++;
      if (character < ' ') this.fail('line break or control character inside a string');
      if (character === '\\') {
        const escape = this.text[this.position + 1];
        if (escape === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.position + 2, this.position + 6))) this.fail('bad \\u escape');
          this.position += 6;
          continue;
        }
        if (escape === undefined || !'"\\/bfnrt'.includes(escape)) this.fail(`bad escape '\\${escape ?? ''}'`);
        this.position += 2;
        continue;
      }
      this.position++;
    }
  }

  private number(): void {
    NUMBER.lastIndex = this.position;
    const match = NUMBER.exec(this.text);
    if (!match) this.fail('bad number');
    this.position += match[0].length;
    const next = this.text[this.position];
    if (next !== undefined && /[0-9.eE]/.test(next)) this.fail('bad number (JSON numbers have no leading zeros, and need digits around the point)');
  }

  private literal(word: string): boolean {
    if (!this.text.startsWith(word, this.position)) return false;
    this.position += word.length;
    return true;
  }

  private whitespace(): void {
    while (this.position < this.text.length && ' \t\n\r'.includes(this.text[this.position])) this.position++;
  }

  private fail(reason: string, offset = this.position): never {
    throw new JsonSyntaxError(offset, reason);
  }
}
