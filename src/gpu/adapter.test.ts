import { describe, expect, it } from 'vitest';
import { describeAdapter, DeviceLostError } from './adapter';

describe('describeAdapter', () => {
  const info = { vendor: 'nvidia', architecture: 'hopper', device: '', description: 'NVIDIA H100' };

  it('keeps a real GPU a GPU', () => {
    expect(describeAdapter(info)).toEqual({ ...info, isFallbackAdapter: false });
  });

  it('calls a fallback adapter one, however it reports it', () => {
    expect(describeAdapter({ ...info, isFallbackAdapter: true }).isFallbackAdapter).toBe(true);
    expect(describeAdapter(info, true).isFallbackAdapter).toBe(true);
  });

  it('recognises SwiftShader by name (as headless Chromium reports it)', () => {
    expect(describeAdapter({ vendor: 'google', architecture: 'swiftshader', device: '', description: '' }).isFallbackAdapter).toBe(true);
  });
});

describe('DeviceLostError', () => {
  it('carries the flag the worker protocol reports', () => {
    const error = new DeviceLostError('the GPU device was lost (destroyed)');
    expect(error.deviceLost).toBe(true);
    expect(error).toBeInstanceOf(Error);
  });
});
