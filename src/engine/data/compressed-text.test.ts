import { describe, expect, it } from 'vitest';
import { compressText, inflateText } from './compressed-text';
import { checkDatasetSpec } from './dataset-spec';

// Oracles: Python's zlib (raw DEFLATE, wbits=-15) and base64.urlsafe_b64encode for a text written by
// hand, and the platform's own CompressionStream('deflate-raw') (Node 20, Chromium), which the page
// could use to read what we write and write what we read.

/** zlib.compressobj(9, zlib.DEFLATED, -15) of this text, urlsafe base64 without '=' (/usr/bin/python3). */
const PYTHON_TEXT = 'x,y,label\n1.5,-2,0\nβ,ü,1\n';
const PYTHON_COMPRESSED = 'q9Cp1MlJTErN4TLUM9XRNdIx4Dq3SefwHh1DLgA';

async function throughStream(bytes: Uint8Array<ArrayBuffer>, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const output = new Blob([bytes]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(output).arrayBuffer());
}

function base64UrlBytes(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(text.replaceAll('-', '+').replaceAll('_', '/') + '='.repeat((4 - (text.length % 4)) % 4)), (character) => character.charCodeAt(0));
}

function base64Url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes)).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

describe('a CSV compressed for a link', () => {
  it("reads Python zlib's raw DEFLATE in base64url", () => {
    expect(inflateText(PYTHON_COMPRESSED)).toEqual({ ok: true, value: PYTHON_TEXT });
  });

  it("writes what DecompressionStream('deflate-raw') reads, and reads what CompressionStream writes, for every tail length", async () => {
    for (const text of [PYTHON_TEXT, '', 'a', 'ab', 'abc', `h1,h2\n${Array.from({ length: 500 }, (_, index) => `${index},${(index * 37) % 101}`).join('\n')}\n`]) {
      const ours = compressText(text);
      expect(ours).toMatch(/^[A-Za-z0-9_-]*$/);
      const inflated = await throughStream(base64UrlBytes(ours), new DecompressionStream('deflate-raw'));
      expect(new TextDecoder().decode(inflated)).toBe(text);
      const theirs = base64Url(await throughStream(new TextEncoder().encode(text), new CompressionStream('deflate-raw')));
      expect(inflateText(theirs)).toEqual({ ok: true, value: text });
    }
  });

  it('refuses text that is not base64url, or was cut short', () => {
    expect(inflateText('abc$')).toEqual({ ok: false, errors: ['is not base64url text (A-Z, a-z, 0-9, - and _)'] });
    const cut = inflateText(PYTHON_COMPRESSED.slice(0, 20));
    expect(cut.ok ? '' : cut.errors[0]).toMatch(/^is not raw-DEFLATE data \(.+\); was the link cut short\?$/);
  });

  it('is read by checkDatasetSpec into the CSV text, with messages naming the field', () => {
    const errors = (value: unknown) => {
      const checked = checkDatasetSpec(value, 'problem.dataset');
      return checked.ok ? [] : checked.errors;
    };
    expect(errors({ csv: 'a.csv', compressed: 'abc$' })).toEqual(['problem.dataset.compressed (a.csv) is not base64url text (A-Z, a-z, 0-9, - and _)']);
    expect(errors({ csv: 'a.csv', compressed: 12 })).toEqual(['problem.dataset.compressed must be the file\'s text compressed (raw DEFLATE, base64url), got 12']);
    expect(errors({ csv: 'a.csv', content: 'x\n1\n', compressed: PYTHON_COMPRESSED })).toEqual(['problem.dataset must have the CSV text as "content" or as "compressed", not both']);
    expect(errors({ csv: 'a.csv' })).toEqual(['problem.dataset: the file "a.csv" is not loaded (open it again; the CLI reads it from the path)']);
  });
});
