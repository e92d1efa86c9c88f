// tfjs-backend-webgpu caches a compiled pipeline for every shader key it has seen and never lets go.
// Fused shaders differ for every formula and optimizer setting, so a long session would pile them
// up; this keeps the pipelines of the few most recent fused shaders and drops the rest.
import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';

/** Fused shaders whose pipelines stay cached. */
const KEEP_SHADERS = 8;

/** Full cache keys (tfjs appends shapes and types to the program's key) per fused shader, least recently used first. */
const recent = new Map<string, Set<string>>();

/** Records that the fused shader `shaderKey` was dispatched under tfjs's cache key `cacheKey`. */
export function notePipeline(shaderKey: string, cacheKey: string): void {
  const keys = recent.get(shaderKey) ?? new Set<string>();
  recent.delete(shaderKey);
  recent.set(shaderKey, keys.add(cacheKey));
}

/** Drops the cached pipelines of all but the KEEP_SHADERS most recently used fused shaders. */
export function trimPipelines(backend: WebGPUBackend): void {
  // pipelineCache is private in tfjs's types; it is a plain object keyed by cache key
  const cache = (backend as unknown as { pipelineCache: Record<string, unknown> }).pipelineCache;
  while (recent.size > KEEP_SHADERS) {
    const [oldest, keys] = recent.entries().next().value as [string, Set<string>];
    for (const key of keys) delete cache[key];
    recent.delete(oldest);
  }
}
