// Saving a file from the page: an object URL on a temporary <a download>, the one way every
// browser accepts without a server round trip.

/** MIME types of the files the playground writes. */
export const MIME_TYPES = {
  json: 'application/json',
  csv: 'text/csv',
  svg: 'image/svg+xml',
  png: 'image/png',
  webm: 'video/webm',
  gif: 'image/gif',
  py: 'text/x-python',
} as const;

/** Offers `content` to the reader as a download named `fileName`. */
export function downloadFile(content: Blob | string, fileName: string, type: string): void {
  const blob = typeof content === 'string' ? new Blob([content], { type: `${type};charset=utf-8` }) : content;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started reading the blob by the time the click returns; free it a little later
  // anyway, because some browsers read it asynchronously.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
