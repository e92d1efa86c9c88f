// `npm run test:audit` (part of `npm test`): the production dependencies' known advisories, from
// `npm audit --omit=dev`. A high or critical advisory fails the build and is listed; when the audit
// service cannot be reached (offline, a registry mirror without the audit endpoint), one line says
// so and the build goes on, since the code under test did not change.
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

/** Severities that fail the build. */
const FAILING = ['high', 'critical'];

/** How long the audit may take before the service counts as unreachable. */
const AUDIT_TIMEOUT_MS = 60_000;

// npm's error codes and messages for a service that did not answer (an HTTP error from it has a statusCode)
const UNREACHABLE_CODE = /^(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|ENOAUDIT)$/;
const UNREACHABLE_MESSAGE = /request to .* failed|network|timed? ?out|ETIMEDOUT|socket hang up|audit endpoint/i;

/**
 * What an `npm audit --json` report means for the build: `ok` (nothing high or critical), `fail`
 * (the advisories, or npm's own error, one line each), or `unreachable` (no answer: the reason).
 * @param {any} report the parsed JSON, or null when npm printed none
 * @returns {{ verdict: 'ok' | 'fail', lines: string[] } | { verdict: 'unreachable', reason: string }}
 */
export function auditVerdict(report) {
  const counts = report?.metadata?.vulnerabilities;
  if (!counts || typeof counts !== 'object') {
    const reason = String(report?.message ?? report?.error?.summary ?? report?.code ?? 'npm printed no audit report').split('\n')[0];
    const unreachable = report === null || report.statusCode !== undefined || UNREACHABLE_CODE.test(report.code ?? '') || UNREACHABLE_MESSAGE.test(reason);
    // anything else (no lockfile, a broken install) is this repository's fault, not the service's
    return unreachable ? { verdict: 'unreachable', reason } : { verdict: 'fail', lines: [`npm audit failed: ${reason}`] };
  }
  const failing = Object.values(report.vulnerabilities ?? {}).filter((entry) => FAILING.includes(entry.severity));
  const lines = failing.map((entry) => {
    const advisories = (entry.via ?? []).filter((via) => typeof via === 'object').map((via) => `${via.title} (${via.url})`);
    const cause = advisories.length > 0 ? advisories.join('; ') : `through ${(entry.via ?? []).join(', ')}`;
    return `${entry.severity}: ${entry.name} ${entry.range ?? ''}: ${cause}${entry.fixAvailable ? ' (a fix is available: npm audit fix)' : ''}`;
  });
  const others = Object.entries(counts).filter(([severity, count]) => severity !== 'total' && !FAILING.includes(severity) && count > 0);
  const summary = `npm audit (production dependencies): ${failing.length} high or critical advisories${others.length ? `; ${others.map(([severity, count]) => `${count} ${severity}`).join(', ')}` : ''}`;
  return { verdict: failing.length > 0 ? 'fail' : 'ok', lines: [summary, ...lines] };
}

function main() {
  const result = spawnSync('npm', ['audit', '--omit=dev', '--audit-level=high', '--json'], { encoding: 'utf8', timeout: AUDIT_TIMEOUT_MS });
  let report = null;
  try {
    report = JSON.parse(result.stdout);
  } catch {
    report = result.error ? { message: result.error.message } : null;
  }
  const outcome = auditVerdict(report);
  if (outcome.verdict === 'unreachable') {
    console.log(`npm audit: the advisory service could not be reached (${outcome.reason}); dependencies not audited this run`);
    return;
  }
  for (const line of outcome.lines) console.log(line);
  if (outcome.verdict === 'fail') process.exitCode = 1;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) main();
