// The links classroom mode makes: a teacher's link (the experiment with what it hides, locks and
// presents) and the A/B page's link (two experiments' hashes, each escaped whole).
import type { ClassroomView } from '../../experiment/classroom-names';
import { encodeUrlState, type UrlState } from '../../experiment/url-codec';

/** The query that opens the A/B page instead of the playground (main.tsx): ?compare#a=<link A>&b=<link B>. */
export const COMPARE_QUERY = 'compare';

/** Whether a page's query string asks for the A/B page. */
export function isComparePage(search: string): boolean {
  return new URLSearchParams(search).has(COMPARE_QUERY);
}

/** The A/B page's address beside the playground at `pathname`, for two experiments' hashes. */
export function compareUrl(pathname: string, a: string, b: string): string {
  return `${pathname}?${COMPARE_QUERY}#${compareHash(a, b)}`;
}

/** The share hash of `state` shown as `classroom` says. */
export function classroomHash(state: UrlState, classroom: ClassroomView): string {
  return encodeUrlState({ ...state, view: { ...state.view, classroom } });
}

/**
 * The hash of a pasted link: what follows its '#', or the text itself when it has none (a bare
 * "v=1&surface=..." hash); null for an empty text or an A/B link (one side cannot be a comparison).
 */
export function hashOfLink(text: string): string | null {
  const trimmed = text.trim();
  const hash = trimmed.includes('#') ? trimmed.slice(trimmed.indexOf('#') + 1) : trimmed;
  const query = trimmed.includes('?') ? trimmed.slice(trimmed.indexOf('?'), trimmed.includes('#') ? trimmed.indexOf('#') : undefined) : '';
  if (hash === '' || /(^|&)(a|b)=/.test(hash) || isComparePage(query)) return null;
  return hash;
}

/** The A/B page's hash for two experiments' hashes: `a=<A>&b=<B>`, each escaped as one value. */
export function compareHash(a: string, b: string): string {
  return `a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}`;
}

/** The two hashes an A/B page's hash holds, or why it holds none. */
export function parseCompareHash(hash: string): { ok: true; a: string; b: string } | { ok: false; error: string } {
  const values = new Map<string, string>();
  for (const pair of hash.replace(/^#/, '').split('&')) {
    const equals = pair.indexOf('=');
    if (equals < 0) continue;
    try {
      values.set(pair.slice(0, equals), decodeURIComponent(pair.slice(equals + 1)));
    } catch {
      return { ok: false, error: `the link's ${pair.slice(0, equals)}= is not valid percent-encoding` };
    }
  }
  const a = values.get('a');
  const b = values.get('b');
  if (a === undefined || b === undefined) return { ok: false, error: 'an A/B link gives two experiments, a=<link A>&b=<link B>' };
  return { ok: true, a, b };
}
