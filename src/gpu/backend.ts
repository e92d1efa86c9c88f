/// <reference types="@webgpu/types" />
// Starts tfjs on its WebGPU backend in this worker, once: tfjs owns the device and every buffer;
// the fused kernels go through its program interface. Worker side only.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-webgpu';
import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import type { AdapterDescription } from '../engine/batch/types';
import { describeGpuAdapter, deviceLoss } from './adapter';

/** A started WebGPU backend: tfjs's, the adapter it runs on, and a promise that rejects if its device is lost. */
export interface GpuBackend {
  readonly backend: WebGPUBackend;
  readonly adapter: AdapterDescription;
  readonly lost: Promise<never>;
}

/** The backend, or why there is none (a message for the user). */
export type GpuBackendResult = { readonly ok: true; readonly gpu: GpuBackend } | { readonly ok: false; readonly message: string };

let started: Promise<GpuBackendResult> | null = null;

/** Starts (once) and returns tfjs's WebGPU backend. */
export function startGpuBackend(): Promise<GpuBackendResult> {
  started ??= start();
  return started;
}

async function start(): Promise<GpuBackendResult> {
  const gpu = (globalThis.navigator as (Navigator & { readonly gpu?: GPU }) | undefined)?.gpu;
  if (gpu === undefined) return { ok: false, message: 'this browser has no WebGPU (navigator.gpu is missing in workers)' };
  // the same request tfjs makes, for the adapter's description (tfjs keeps only vendor and architecture)
  const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  if (adapter === null) return { ok: false, message: 'the browser offers no WebGPU adapter' };
  const description = describeGpuAdapter(adapter);
  let ready = false;
  try {
    ready = await tf.setBackend('webgpu');
  } catch (error) {
    return { ok: false, message: `tfjs could not start WebGPU: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (!ready) return { ok: false, message: 'tfjs could not start its WebGPU backend' };
  const backend = tf.backend() as WebGPUBackend;
  return { ok: true, gpu: { backend, adapter: description, lost: deviceLoss(backend.device) } };
}

/** tfjs's tensor count and the GPU buffers its WebGPU backend holds (in use and pooled): flat across jobs when nothing leaks. */
export function gpuMemory(backend: WebGPUBackend): { numTensors: number; numBuffers: number } {
  return { numTensors: tf.memory().numTensors, numBuffers: backend.bufferManager.getNumUsedBuffers() + backend.bufferManager.getNumFreeBuffers() };
}
