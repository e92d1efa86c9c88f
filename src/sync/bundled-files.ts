/// <reference types="vite/client" />
import { BUNDLED_DATASETS } from '../engine/data/bundled';
import type { LinkFiles, LoadedFile } from '../experiment/url-codec';

// The bundled data sets' CSV files, fetched from the page's own datasets/ folder (public/datasets/
// in the repository; BASE_URL is where the page is served from). A link names a bundled set and
// the page loads it before reading the link (url-sync.ts); each file is fetched once per page.

/** Fetches one file's text; a reason instead when it cannot be had. */
export type FileFetcher = (url: string) => Promise<LoadedFile>;

/** The file's text, or the HTTP status or network error that stopped it. */
export const fetchText: FileFetcher = async (url) => {
  try {
    const response = await fetch(url);
    if (!response.ok) return { ok: false, error: `${url}: HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}` };
    return { ok: true, text: await response.text() };
  } catch (error) {
    return { ok: false, error: `${url}: ${error instanceof Error ? error.message : String(error)}` };
  }
};

/** Files fetched (or being fetched) so far, by fetcher and URL; a failure is not kept, so the next link tries again. */
const fetchedBy = new WeakMap<FileFetcher, Map<string, Promise<LoadedFile>>>();

/** Where the page serves a bundled data set's CSV file. */
export function bundledFileUrl(name: string): string {
  const fileName = BUNDLED_DATASETS.find((entry) => entry.name === name)?.fileName ?? `${name}.csv`;
  return `${import.meta.env.BASE_URL}datasets/${fileName}`;
}

/** The bundled data set's CSV text, fetched once per page. */
export function loadBundledFile(name: string, fetchFile: FileFetcher = fetchText): Promise<LoadedFile> {
  const url = bundledFileUrl(name);
  let fetched = fetchedBy.get(fetchFile);
  if (!fetched) fetchedBy.set(fetchFile, (fetched = new Map()));
  const known = fetched.get(url);
  if (known) return known;
  const loading = fetchFile(url).then((file) => {
    if (!file.ok) fetched.delete(url);
    return file;
  });
  fetched.set(url, loading);
  return loading;
}

/** The files the named bundled sets hold, loaded together. */
export async function loadLinkFiles(names: readonly string[], fetchFile: FileFetcher = fetchText): Promise<LinkFiles> {
  const files = await Promise.all(names.map((name) => loadBundledFile(name, fetchFile)));
  return { bundled: new Map(names.map((name, index) => [name, files[index]])) };
}
