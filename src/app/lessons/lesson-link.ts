// A lesson is reachable by link: `#lesson=<id>` opens the page on that lesson (its experiment and
// its panel). The key is one of the view keys the URL codec reserves, so the codec reads such a
// link without complaint and the lessons' code reads it here.

/** The lesson a page hash (with or without '#') names with `lesson=`, or null. */
export function lessonOfHash(hash: string): string | null {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  for (const pair of body.split('&')) {
    if (!pair.startsWith('lesson=')) continue;
    try {
      const id = decodeURIComponent(pair.slice('lesson='.length));
      return /^[a-z0-9-]+$/.test(id) ? id : null;
    } catch {
      return null; // a malformed escape names no lesson
    }
  }
  return null;
}
