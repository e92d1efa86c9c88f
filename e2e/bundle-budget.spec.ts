import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

// The main-thread bundle stays within 250 KB gzip: the JS and CSS the page loads before its first
// paint (index.html's module script, its modulepreloads and stylesheets, and every chunk those
// import statically), measured in the folder scripts/e2e.mjs has just built. Workers (tfjs lives
// there), KaTeX and other lazy chunks load later and do not count. Gzip at zlib's default level, as
// Vite's build report and most servers use it. No browser is needed.

const OUT_DIR = process.env.E2E_OUT_DIR ?? 'dist';
/** The budget, in bytes of gzip (issue 12: "main-thread bundle ≤ 250 KB gzip"). */
const BUDGET_BYTES = 250 * 1024;

/** A static import of another chunk in built JS: `import{a as b}from"./x.js"` or `import"./x.js"`, never `import(`. */
const STATIC_IMPORT = /\bimport\s*(?:[^'"();]*?\bfrom\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g;
/** The tags of index.html that load before the first paint. */
const FIRST_PAINT_TAGS = /<(?:script[^>]*\btype="module"[^>]*\bsrc|link[^>]*\brel="(?:modulepreload|stylesheet)"[^>]*\bhref)="([^"]+)"/g;

/** The files (relative to the built folder) the page loads before its first paint. */
function firstPaintFiles(outDir: string): string[] {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const files = new Set<string>();
  const pending = Array.from(html.matchAll(FIRST_PAINT_TAGS), ([, href]) => href.replace(/^(\.?\/)+/, ''));
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    if (!file.endsWith('.js')) continue;
    const code = readFileSync(join(outDir, file), 'utf8');
    for (const [, specifier] of code.matchAll(STATIC_IMPORT)) pending.push(posix.normalize(posix.join(posix.dirname(file), specifier)));
  }
  return [...files].sort();
}

test('the main-thread bundle at first paint is at most 250 KB gzip', () => {
  const files = firstPaintFiles(OUT_DIR);
  expect(files.some((file) => file.endsWith('.js'))).toBe(true);
  expect(files.some((file) => file.endsWith('.css'))).toBe(true);
  const sizes = files.map((file) => ({ file, gzip: gzipSync(readFileSync(join(OUT_DIR, file))).length }));
  const total = sizes.reduce((sum, { gzip }) => sum + gzip, 0);
  const report = `main-thread bundle at first paint: ${(total / 1024).toFixed(1)} KB gzip of ${BUDGET_BYTES / 1024} KB (${sizes.map(({ file, gzip }) => `${file} ${(gzip / 1024).toFixed(1)} KB`).join(', ')})`;
  console.log(report);
  test.info().annotations.push({ type: 'bundle size', description: report });
  // no worker or lazy chunk crept into the first paint
  expect(files.filter((file) => /worker|katex/i.test(file))).toEqual([]);
  expect(total, report).toBeLessThanOrEqual(BUDGET_BYTES);
});

// the measurement itself: a static import is followed, a dynamic one is not
test('first-paint files follow static imports and skip dynamic ones', () => {
  expect(Array.from('import{a as b}from"./x-1.js";import"./y-2.js";const c=()=>import("./lazy-3.js")'.matchAll(STATIC_IMPORT), ([, file]) => file)).toEqual(['./x-1.js', './y-2.js']);
});
