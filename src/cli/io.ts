import { readFile, writeFile } from 'node:fs/promises';

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
    readFile: (path) => readFile(path, 'utf8'),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
      return Buffer.concat(chunks).toString('utf8');
    },
    writeFile: (path, text) => writeFile(path, text, 'utf8'),
  };
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
      return error instanceof Error ? error.message.split('\n')[0] : String(error);
  }
}
