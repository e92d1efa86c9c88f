// A Vite plugin that builds the offline service worker (src/worker/service-worker.ts) into the
// output folder as sw.js, with the list of files to precache and a version for this build.
//
// Why not vite-plugin-pwa: it fits Vite 8, but brings workbox-build (about 300 packages: Babel,
// Rollup, Terser) to compile a service worker of about 100 lines on every build; this plugin uses
// the esbuild the CLI build already has, and the list it writes is exactly what the page can load.
//
// The list is found, not configured: starting from index.html, every emitted file whose name
// appears in a file already listed (script and link tags, static and dynamic imports, worker URLs,
// fonts in CSS) is listed too, plus everything in public/ (the bundled data sets). So bench.html and
// its worker, source maps and the .vite manifest stay out, and a new lazy chunk or worker is cached
// with no change here. KaTeX's .woff and .ttf fonts stay out too: every browser that runs service
// workers takes the woff2 its @font-face lists first.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin, ResolvedConfig } from 'vite';

/** Where the service worker's source lives, and the file name it gets beside index.html. */
const SOURCE = fileURLToPath(new URL('../src/worker/service-worker.ts', import.meta.url));
export const SERVICE_WORKER_FILE = 'sw.js';

/** Files never precached: maps, and font formats a service-worker browser never asks for. */
const NEVER_PRECACHED = /\.(map|woff|ttf|eot)$/;
/** A file name as it appears inside another emitted file (assets/x-Hash.js, datasets/iris.csv). */
const FILE_REFERENCE = /[\w.-]+\.(?:js|mjs|css|woff2|svg|png|wasm|json|csv|html)/g;

/** The plugin: on `vite build`, writes sw.js with the precache list of what index.html can reach. */
export function serviceWorkerPlugin(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'optimizer-playground:service-worker',
    apply: 'build',
    enforce: 'post',
    configResolved(resolved) {
      config = resolved;
    },
    // last of all: Vite writes the names of a lazy chunk's CSS into the importing chunk in its own
    // generateBundle, and a list made before that left them out (the data panel's CSS, offline)
    generateBundle: {
      order: 'post',
      async handler(_options, bundle) {
        const emitted = new Map<string, string | Uint8Array>();
        for (const [fileName, output] of Object.entries(bundle)) emitted.set(fileName, output.type === 'chunk' ? output.code : output.source);
        if (!emitted.has('index.html')) return; // a build without the app page (a library, a worker alone)
        const reached = reachableFrom('index.html', emitted);
        const publicFiles = config.publicDir ? await filesUnder(config.publicDir) : [];
        const precache = new Map<string, string | Uint8Array>();
        for (const fileName of [...reached].sort()) precache.set(fileName, emitted.get(fileName)!);
        for (const { path, content } of publicFiles) if (!NEVER_PRECACHED.test(path)) precache.set(path, content);
        const version = createHash('sha256');
        for (const [fileName, content] of precache) version.update(fileName).update('\0').update(content).update('\0');
        // the page is cached under its folder's address ('./'), which is how visitors reach it
        const paths = [...precache.keys()].map((fileName) => (fileName === 'index.html' ? './' : fileName));
        const { build } = await import('esbuild');
        const result = await build({
          entryPoints: [SOURCE],
          bundle: true,
          write: false,
          format: 'iife',
          target: 'es2022',
          minify: true,
          legalComments: 'none',
          logLevel: 'warning',
          define: { PRECACHE_PATHS: JSON.stringify(paths), CACHE_VERSION: JSON.stringify(version.digest('hex').slice(0, 16)) },
        });
        this.emitFile({ type: 'asset', fileName: SERVICE_WORKER_FILE, source: result.outputFiles[0].text });
      },
    },
  };
}

/** The emitted files reachable from `start` by name: itself, the files it names, and theirs. */
function reachableFrom(start: string, emitted: ReadonlyMap<string, string | Uint8Array>): Set<string> {
  const byBaseName = new Map<string, string>();
  for (const fileName of emitted.keys()) byBaseName.set(fileName.slice(fileName.lastIndexOf('/') + 1), fileName);
  const reached = new Set<string>([start]);
  const pending = [start];
  while (pending.length > 0) {
    const content = emitted.get(pending.pop()!)!;
    if (typeof content !== 'string') continue; // images and fonts name no other file
    for (const [name] of content.matchAll(FILE_REFERENCE)) {
      const fileName = byBaseName.get(name);
      if (fileName === undefined || reached.has(fileName) || NEVER_PRECACHED.test(fileName)) continue;
      reached.add(fileName);
      pending.push(fileName);
    }
  }
  return reached;
}

/** Every file under `folder`, by its path relative to it with '/' separators, and its bytes. */
async function filesUnder(folder: string): Promise<{ path: string; content: Uint8Array }[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
  const files = entries.filter((entry) => entry.isFile());
  return Promise.all(
    files.map(async (entry) => {
      const absolute = join(entry.parentPath, entry.name);
      return { path: relative(folder, absolute).split(sep).join('/'), content: await readFile(absolute) };
    }),
  );
}
