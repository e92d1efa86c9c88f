import { createReadStream } from 'node:fs';
import { stat, writeFile } from 'node:fs/promises';
import { LIMITS, type Limit } from '../engine/limits';

/** Everything the CLI does to the outside world, so tests can run it in-process with fakes. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readFile: (path: string) => Promise<string>;
  readonly readStdin: () => Promise<string>;
  readonly writeFile: (path: string, text: string) => Promise<void>;
}

/** The real process: stdout, stderr, the file system and stdin. */
export function nodeIo(): CliIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    readFile: async (path) => {
      // a regular file says its size up front; a device or a pipe (/dev/zero) is read up to the limit
      const size = (await stat(path)).size;
      if (size > LIMITS.fileBytes.value) throw new OverLimitError(LIMITS.fileBytes.over(size));
      return readUpTo(createReadStream(path), LIMITS.fileBytes);
    },
    readStdin: () => readUpTo(process.stdin, LIMITS.stdinBytes),
    writeFile: (path, text) => writeFile(path, text, 'utf8'),
  };
}

/** An input over its limit in the table (limits.ts); the message is the limit's, without the input's name (the caller says it). */
export class OverLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OverLimitError';
  }
}

/** Reads a stream as UTF-8 and stops (closing it) as soon as it passes `limit`: `run - </dev/zero` ends at once. */
export async function readUpTo(stream: NodeJS.ReadableStream & { destroy?: () => void }, limit: Limit): Promise<string> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    bytes += buffer.length;
    if (bytes > limit.value) {
      stream.destroy?.();
      throw new OverLimitError(limit.over(limit.value, true));
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** A failed write in words: "no space left on device (ENOSPC)", else as fileErrorText says it. */
export function outputErrorText(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOSPC' ? 'no space left on device (ENOSPC)' : fileErrorText(error);
}

/** A file-system error in words: "no such file", "permission denied". */
export function fileErrorText(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EISDIR':
      return 'it is a directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    default:
      if (error instanceof OverLimitError) return error.message;
      return error instanceof Error ? error.message.split('\n')[0] : String(error);
  }
}
