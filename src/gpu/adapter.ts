/// <reference types="@webgpu/types" />
// The WebGPU adapter as the rest of the app sees it (AdapterDescription), whether it is a real GPU,
// and the error a lost device becomes.
import type { AdapterDescription } from '../engine/batch/types';

/** GPUAdapterInfo as browsers ship it: newer ones also say isFallbackAdapter here. */
type AdapterInfoLike = Pick<GPUAdapterInfo, 'vendor' | 'architecture' | 'device' | 'description'> & { readonly isFallbackAdapter?: boolean };

/**
 * The adapter's description; isFallbackAdapter is true for a software adapter, reported as such
 * (GPUAdapterInfo.isFallbackAdapter, or GPUAdapter.isFallbackAdapter in older browsers) or
 * recognisable by name (SwiftShader calls itself vendor "google", architecture "swiftshader").
 */
export function describeAdapter(info: AdapterInfoLike, adapterIsFallback = false): AdapterDescription {
  const text = [info.vendor, info.architecture, info.device, info.description].join(' ');
  return {
    vendor: info.vendor,
    architecture: info.architecture,
    device: info.device,
    description: info.description,
    isFallbackAdapter: info.isFallbackAdapter === true || adapterIsFallback || /swiftshader/i.test(text),
  };
}

/** The description of a GPUAdapter (browsers before GPUAdapter.info get an empty one, named by the flag alone). */
export function describeGpuAdapter(adapter: GPUAdapter): AdapterDescription {
  const withInfo = adapter as GPUAdapter & { readonly info?: AdapterInfoLike; readonly isFallbackAdapter?: boolean };
  const info = withInfo.info ?? { vendor: '', architecture: '', device: '', description: '' };
  return describeAdapter(info, withInfo.isFallbackAdapter === true);
}

/** The GPU device was lost (driver reset, another tab, the browser reclaiming it): the job must rerun elsewhere. */
export class DeviceLostError extends Error {
  readonly deviceLost = true;

  constructor(message: string) {
    super(message);
    this.name = 'DeviceLostError';
  }
}

/** A promise that rejects with a DeviceLostError when `device` is lost (and never settles otherwise). */
export function deviceLoss(device: GPUDevice): Promise<never> {
  const lost = device.lost.then((info) => {
    throw new DeviceLostError(info.message || `the GPU device was lost (${info.reason ?? 'unknown reason'})`);
  });
  // nobody may be waiting when it happens; the rejection is read by whoever races against it next
  lost.catch(() => undefined);
  return lost;
}
