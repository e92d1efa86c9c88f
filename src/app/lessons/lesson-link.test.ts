import { describe, expect, it } from 'vitest';
import { decodeUrlState } from '../../experiment/url-codec';
import { lessonOfHash } from './lesson-link';

describe('lessonOfHash', () => {
  it('reads the lesson a link names', () => {
    expect(lessonOfHash('#lesson=momentum-ravine')).toBe('momentum-ravine');
    expect(lessonOfHash('v=1&lesson=schedules')).toBe('schedules');
  });

  it('names no lesson for other links and malformed ids', () => {
    expect(lessonOfHash('')).toBeNull();
    expect(lessonOfHash('#v=1&surface=quadratic')).toBeNull();
    expect(lessonOfHash('#lesson=%E0%A4%A')).toBeNull();
    expect(lessonOfHash('#lesson=<script>')).toBeNull();
  });

  it('is a key the URL codec accepts without a problem', () => {
    expect(decodeUrlState('#lesson=momentum-ravine').problems).toEqual([]);
  });
});
