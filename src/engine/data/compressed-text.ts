import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { fail, type Checked } from '../check-values';

// A CSV travelling inside a share URL or an exported experiment: its UTF-8 bytes, compressed as raw
// DEFLATE (RFC 1951, what CompressionStream('deflate-raw') and Python's zlib.compress(wbits=-15)
// make), written in base64url (RFC 4648 §5, no padding) so it needs no escaping in a link. fflate's
// synchronous codec, because the URL is written synchronously on every change of the store (a
// table-driven, pure codec) and the CLI's `url` command prints it in one go.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** The value of each base64url character, -1 for any other. */
const VALUES = new Int8Array(128).fill(-1);
for (let index = 0; index < ALPHABET.length; index++) VALUES[ALPHABET.charCodeAt(index)] = index;

/** Most bytes an inflated text may have: a CSV's own size limit, with room (csv.ts refuses larger files by name). */
const MAX_INFLATED_BYTES = 50_000_000;

/** A text as base64url of its raw-DEFLATE-compressed UTF-8 bytes. */
export function compressText(text: string): string {
  return toBase64Url(deflateSync(strToU8(text), { level: 9 }));
}

/** The text `compressText` wrote; refused (with the reason) when the value is not such a text. */
export function inflateText(value: string): Checked<string> {
  const bytes = fromBase64Url(value);
  if (bytes === null) return fail('is not base64url text (A-Z, a-z, 0-9, - and _)');
  try {
    const inflated = inflateSync(bytes);
    if (inflated.length > MAX_INFLATED_BYTES) return fail(`inflates to more than ${MAX_INFLATED_BYTES} bytes`);
    return { ok: true, value: strFromU8(inflated) };
  } catch (error) {
    // fflate says "invalid block type", "unexpected EOF", ...
    return fail(`is not raw-DEFLATE data (${error instanceof Error ? error.message : String(error)}); was the link cut short?`);
  }
}

function toBase64Url(bytes: Uint8Array): string {
  let text = '';
  for (let index = 0; index < bytes.length; index += 3) {
    const second = index + 1 < bytes.length ? bytes[index + 1] : 0;
    const third = index + 2 < bytes.length ? bytes[index + 2] : 0;
    const chunk = (bytes[index] << 16) | (second << 8) | third;
    const characters = Math.min(4, Math.ceil(((bytes.length - index) * 8) / 6));
    for (let k = 0; k < characters; k++) text += ALPHABET[(chunk >> (18 - 6 * k)) & 63];
  }
  return text;
}

function fromBase64Url(text: string): Uint8Array | null {
  // a length of 1 mod 4 holds no whole byte: the text was cut
  if (text.length % 4 === 1) return null;
  const bytes = new Uint8Array(Math.floor((text.length * 6) / 8));
  let buffer = 0;
  let bits = 0;
  let written = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    const value = code < 128 ? VALUES[code] : -1;
    if (value < 0) return null;
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[written++] = (buffer >> bits) & 0xff;
    }
  }
  return bytes;
}
