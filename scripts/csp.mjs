// The built app's Content-Security-Policy, in one place: the preview server (`npm start`, the e2e)
// sends it as a header with the other security headers, and the built pages carry it as a
// <meta http-equiv> for static hosts that send no headers. The dev server gets neither: React's
// fast refresh injects an inline script there.
/**
 * The policy, directive by directive. Nothing inline and no eval anywhere: scripts, workers and
 * styles come only from the app's own files. React's `style` props, D3's `.style()` and KaTeX's
 * `render` write styles through the CSSOM, which a policy does not govern; only `style="..."` set as
 * an attribute or a <style> element would need 'unsafe-inline', and the app has neither.
 */
export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  // engine, batch and GPU workers are built as files of their own (never blob: or data:)
  'worker-src': ["'self'"],
  'style-src': ["'self'"],
  // the bundled data sets and, in workers, nothing else
  'connect-src': ["'self'"],
  // the basin map's raster is a data: PNG inside the SVG; PNG exports draw an SVG from a blob:
  'img-src': ["'self'", 'data:', 'blob:'],
  // Vite inlines KaTeX's smallest font files into its stylesheet as data: URLs
  'font-src': ["'self'", 'data:'],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  // honoured only as a header: a <meta> policy ignores it (and X-Frame-Options below covers old browsers)
  'frame-ancestors': ["'none'"],
};

/** Directives a browser ignores (with a console warning) when the policy comes in a <meta> tag. */
const HEADER_ONLY_DIRECTIVES = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

/** The policy as a header value; `forMeta` leaves out the directives a <meta> policy cannot carry. */
export function policyText(forMeta = false) {
  return Object.entries(CONTENT_SECURITY_POLICY)
    .filter(([directive]) => !(forMeta && HEADER_ONLY_DIRECTIVES.has(directive)))
    .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
    .join('; ');
}

/** Every response header the preview server adds: the policy, frame protection, no MIME sniffing, no referrer. */
export const SECURITY_HEADERS = {
  'Content-Security-Policy': policyText(),
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/** The <meta> tag for static hosts, placed right after the charset so it governs every script and stylesheet tag. */
export function policyMetaTag() {
  return `<meta http-equiv="Content-Security-Policy" content="${policyText(true)}" />`;
}

/** Vite plugin: the security headers on the preview server, the <meta> policy in every built page. */
/** @returns {import('vite').Plugin} */
export function contentSecurityPolicy() {
  return {
    name: 'optimizer-playground:content-security-policy',
    config: () => ({ preview: { headers: { ...SECURITY_HEADERS } } }),
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        if (context.server) return html; // the dev server: fast refresh needs its inline script
        const charset = /<meta charset="[^"]*"\s*\/?>/i.exec(html);
        if (!charset) return html.replace(/<head>/i, `<head>\n    ${policyMetaTag()}`);
        const end = charset.index + charset[0].length;
        return `${html.slice(0, end)}\n    ${policyMetaTag()}${html.slice(end)}`;
      },
    },
  };
}
