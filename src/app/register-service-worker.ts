// Registers the offline service worker (src/worker/service-worker.ts, built as sw.js beside
// index.html by scripts/vite-service-worker.ts) so the app opens and runs with no network after
// the first visit. Only the production build has sw.js: the dev server and the unit tests skip it.

/** The service worker's address under the app's base (/x/sw.js when built with --base=/x/). */
export function serviceWorkerUrl(base: string): string {
  return `${base}sw.js`;
}

/** Registers sw.js once the page has loaded, so caching the app never competes with its first paint. */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const register = () => {
    // the app works online without it (a browser that refuses it, a file:// page): nothing to say
    navigator.serviceWorker.register(serviceWorkerUrl(import.meta.env.BASE_URL), { scope: import.meta.env.BASE_URL }).catch(() => undefined);
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
