// How a cancelled batch job ends: its promise rejects with an AbortError, as fetch does for an
// aborted signal, so callers tell "cancelled" from "failed" the standard way.

/** The rejection of a job whose signal was aborted. */
export function abortError(): DOMException {
  return new DOMException('the batch job was cancelled', 'AbortError');
}

/** True for the rejection of a cancelled job (by name, so an AbortError from any realm counts). */
export function isAbort(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}
