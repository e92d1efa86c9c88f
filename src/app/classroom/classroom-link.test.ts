import { describe, expect, it } from 'vitest';
import { decodeUrlState } from '../../experiment/url-codec';
import { classroomHash, compareHash, compareUrl, hashOfLink, isComparePage, parseCompareHash } from './classroom-link';

// Oracle: links written by hand, and the URL codec reading back what was written.

const A = 'v=1&surface=booth&run=adam(lr=0.1)@0,0&hide=runs.lr';
const B = 'v=1&surface=himmelblau&steps=40&run=sgd(lr=0.01,momentum=0.9)@1,1';

describe('classroom links', () => {
  it('makes a teacher link that reads back as chosen', () => {
    const state = decodeUrlState(B);
    const hash = classroomHash(state, { hidden: ['analysis', 'runs.momentum'], locked: true, presenting: false });
    expect(hash).toBe(`${B}&hide=runs.momentum,analysis&lock=1`);
    const read = decodeUrlState(hash);
    expect(read.view.classroom).toEqual({ hidden: ['runs.momentum', 'analysis'], locked: true, presenting: false });
    expect(read.experiment).toEqual(state.experiment);
  });

  it('takes a pasted link whole, a bare hash, and refuses an empty text or an A/B link', () => {
    expect(hashOfLink(` https://example.org/playground/#${B} `)).toBe(B);
    expect(hashOfLink(B)).toBe(B);
    expect(hashOfLink('  ')).toBeNull();
    expect(hashOfLink(`https://example.org${compareUrl('/', A, B)}`)).toBeNull();
  });

  it('escapes each side whole, so its & and = stay inside it, and reads both back', () => {
    const hash = compareHash(A, B);
    expect(hash.split('&')).toHaveLength(2);
    expect(parseCompareHash(`#${hash}`)).toEqual({ ok: true, a: A, b: B });
    expect(parseCompareHash('a=x')).toMatchObject({ ok: false });
    expect(compareUrl('/sub/', A, B)).toBe(`/sub/?compare#${hash}`);
    expect(isComparePage('?compare')).toBe(true);
    expect(isComparePage('?engine=js&compare')).toBe(true);
    expect(isComparePage('?engine=js')).toBe(false);
    expect(parseCompareHash('a=%E0%A4%A&b=x')).toMatchObject({ ok: false });
  });
});
