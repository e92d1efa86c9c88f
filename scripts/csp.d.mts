// Types for scripts/csp.mjs, read by vite.config.ts and the e2e specs.
import type { Plugin } from 'vite';

/** The policy, directive by directive. */
export const CONTENT_SECURITY_POLICY: Readonly<Record<string, readonly string[]>>;
/** The policy as a header value; `forMeta` leaves out the directives a <meta> policy cannot carry. */
export function policyText(forMeta?: boolean): string;
/** Every response header the preview server adds. */
export const SECURITY_HEADERS: Readonly<Record<string, string>>;
/** The <meta> tag for static hosts. */
export function policyMetaTag(): string;
/** Vite plugin: the security headers on the preview server, the <meta> policy in every built page. */
export function contentSecurityPolicy(): Plugin;
