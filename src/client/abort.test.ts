import { describe, expect, it } from 'vitest';
import { abortError, isAbort } from './abort';

describe('isAbort', () => {
  it('tells a cancelled job from a failed one', () => {
    expect(isAbort(abortError())).toBe(true);
    expect(isAbort(new DOMException('stopped', 'AbortError'))).toBe(true);
    expect(isAbort(new Error('worker crashed twice'))).toBe(false);
    expect(isAbort(null)).toBe(false);
    expect(isAbort('AbortError')).toBe(false);
  });
});
