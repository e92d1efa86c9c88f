import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';

// A static host for a built folder, as a plain web server would serve it, under a path prefix
// ('/' or '/x/') on a port of its own: the offline and sub-path specs stop it to take the network
// away for real, and anything the page asks for outside the prefix is a 404 (which the console
// check turns into a failure).

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.csv': 'text/csv; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.map': 'application/json',
};

/** A running static host: its address (ending in the prefix) and a way to stop it. */
export interface StaticHost {
  readonly url: string;
  /** Every path asked for, in order (to check nothing was asked outside the prefix). */
  readonly requests: string[];
  close(): Promise<void>;
}

/** Serves `folder` under `prefix` on a free port of localhost. */
export async function serveFolder(folder: string, prefix = '/'): Promise<StaticHost> {
  const requests: string[] = [];
  const root = resolve(folder);
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    requests.push(path);
    const relative = path.startsWith(prefix) ? path.slice(prefix.length) || 'index.html' : null;
    const file = relative === null ? null : resolve(root, relative);
    if (file === null || !file.startsWith(root + sep)) {
      response.writeHead(404).end();
      return;
    }
    readFile(file).then(
      (content) => {
        response.writeHead(200, { 'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' }).end(content);
      },
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}${prefix}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
