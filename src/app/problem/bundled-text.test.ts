import { afterEach, describe, expect, it, vi } from 'vitest';
import { bundledUrl, fetchBundledCsv } from './bundled-text';

function response(status: number, body: string, type = 'text/csv'): Response {
  return new Response(body, { status, statusText: status === 404 ? 'Not Found' : 'OK', headers: { 'content-type': type } });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('fetchBundledCsv', () => {
  it('fetches datasets/<file> under the base URL once, and keeps the text', async () => {
    const fetch = vi.fn(async () => response(200, 'a,target\n1,0\n'));
    vi.stubGlobal('fetch', fetch);
    const url = bundledUrl('/playground/', 'kept.csv');
    expect(url).toBe('/playground/datasets/kept.csv');
    expect(await fetchBundledCsv(url)).toBe('a,target\n1,0\n');
    expect(await fetchBundledCsv(url)).toBe('a,target\n1,0\n');
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch).toHaveBeenCalledWith(url);
  });

  it('rejects with a message naming the file when it is missing (an HTTP error, or the app page served in its place), and tries again next time', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => response(404, 'nope')));
    await expect(fetchBundledCsv('/datasets/missing.csv')).rejects.toThrow(/datasets\/missing\.csv could not be fetched \(HTTP 404 Not Found\)/);
    vi.stubGlobal('fetch', vi.fn(async () => response(200, '<!doctype html>', 'text/html; charset=utf-8')));
    await expect(fetchBundledCsv('/datasets/missing.csv')).rejects.toThrow(/datasets\/missing\.csv is not on this server/);
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    await expect(fetchBundledCsv('/datasets/missing.csv')).rejects.toThrow(/could not be fetched \(offline\?\)/);
    vi.stubGlobal('fetch', vi.fn(async () => response(200, 'x,target\n')));
    expect(await fetchBundledCsv('/datasets/missing.csv')).toBe('x,target\n');
  });
});
