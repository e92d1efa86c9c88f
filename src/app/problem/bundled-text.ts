// The bundled data sets' CSV files (public/datasets/) are fetched when first chosen, never in the
// first paint, and kept for the session: switching back to iris does not fetch it again.

const texts = new Map<string, Promise<string>>();

/** The URL of a bundled data set's file, public/datasets/<fileName>, under the app's base. */
export function bundledUrl(base: string, fileName: string): string {
  return `${base}datasets/${fileName}`;
}

/** The text at `url` (a bundled set's file), fetched once; rejects with a message naming the file. */
export function fetchBundledCsv(url: string): Promise<string> {
  const cached = texts.get(url);
  if (cached) return cached;
  const text = fetch(url).then(
    async (response) => {
      if (!response.ok) throw new Error(`${url} could not be fetched (HTTP ${response.status} ${response.statusText})`.trim());
      // a server that answers every path with the app's page (Vite's fallback) has no such file
      if (response.headers.get('content-type')?.includes('text/html')) throw new Error(`${url} is not on this server`);
      return response.text();
    },
    () => {
      throw new Error(`${url} could not be fetched (offline?)`);
    },
  );
  // a failed fetch is not kept, so choosing the set again tries again
  texts.set(url, text);
  text.catch(() => texts.delete(url));
  return text;
}
