// The offline service worker: after the first visit the app opens, runs and loads its bundled data
// sets with no network. It is built by scripts/vite-service-worker.ts into the output folder as
// sw.js, beside index.html, with that build's precache list and version; it is never part of the
// dev server or the unit tests.
//
// Strategy: everything the main page can load (index.html, its JS and CSS, the worker chunks,
// KaTeX's lazy chunk and woff2 fonts, public/ files such as datasets/*.csv) is cached at install, in
// a cache named for the build. Hashed files are answered from that cache first; the page itself
// goes to the network first (so an online visitor always gets the newest deploy) and falls back to
// the cached copy offline. A new build installs beside the old one, takes over at once and deletes
// the caches of other builds. Anything else (bench.html, source maps, other origins) is left to the
// network untouched.

/** The files to cache, relative to this script's folder ('./' is the page); written in by the build. */
declare const PRECACHE_PATHS: readonly string[];
/** A hash of every precached file's name and content: a new deploy gets a new cache. */
declare const CACHE_VERSION: string;

const serviceWorker = self as unknown as ServiceWorkerGlobalScope;

/** The prefix of every cache this app makes, so a new build deletes only its own old caches. */
const CACHE_PREFIX = 'optimizer-playground-';
const CACHE_NAME = `${CACHE_PREFIX}${CACHE_VERSION}`;
/** How long the page waits for the network before the cached copy answers (a connection that hangs). */
const PAGE_NETWORK_TIMEOUT_MS = 4000;

const scope = serviceWorker.registration.scope;
const APP_PAGE = new URL('./', scope).href;
const APP_PAGE_FILE = new URL('index.html', scope).href;
const precached = new Set(PRECACHE_PATHS.map((path) => new URL(path, scope).href));

serviceWorker.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE_NAME);
      // 'reload': straight from the server, never a stale copy from the HTTP cache
      await cache.addAll([...precached].map((url) => new Request(url, { cache: 'reload' })));
      await serviceWorker.skipWaiting();
    })(),
  );
});

serviceWorker.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(names.filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE_NAME).map((name) => caches.delete(name)));
      // the page that registered this worker is served by it from now on, not only after a reload
      await serviceWorker.clients.claim();
    })(),
  );
});

serviceWorker.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  url.hash = '';
  const address = url.href;
  if (request.mode === 'navigate') {
    url.search = '';
    if (url.href === APP_PAGE || url.href === APP_PAGE_FILE) event.respondWith(pageFromNetworkThenCache(request));
    return;
  }
  if (precached.has(address)) event.respondWith(fromCacheThenNetwork(request, address));
});

/** The app's page: the network's copy while it answers within the timeout, else the cached one. */
async function pageFromNetworkThenCache(request: Request): Promise<Response> {
  const cached = caches.open(CACHE_NAME).then((cache) => cache.match(APP_PAGE, { ignoreVary: true }));
  try {
    return await withTimeout(fetch(request), PAGE_NETWORK_TIMEOUT_MS);
  } catch (error) {
    const response = await cached;
    if (response) return response;
    throw error;
  }
}

/** A precached file: from this build's cache (hashed names never change), else from the network. */
async function fromCacheThenNetwork(request: Request, address: string): Promise<Response> {
  const cache = await caches.open(CACHE_NAME);
  // ignoreVary: a module script's request carries headers the install's plain request did not
  return (await cache.match(address, { ignoreVary: true })) ?? fetch(request);
}

/** The promise's result, or a rejection once `milliseconds` pass first. */
function withTimeout<T>(promise: Promise<T>, milliseconds: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${milliseconds} ms`)), milliseconds);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
