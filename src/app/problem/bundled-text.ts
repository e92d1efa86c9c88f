// The bundled data sets' CSV files (public/datasets/) are fetched when first chosen, never in the
// first paint, and kept for the session: switching back to iris does not fetch it again.

const texts = new Map<string, Promise<string>>();

/** The text of public/datasets/<fileName>, fetched once; rejects with a message naming the file. */
export function fetchBundledCsv(fileName: string): Promise<string> {
  const cached = texts.get(fileName);
  if (cached) return cached;
  const url = `${import.meta.env.BASE_URL}datasets/${fileName}`;
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
  texts.set(fileName, text);
  text.catch(() => texts.delete(fileName));
  return text;
}
