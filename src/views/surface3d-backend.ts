// Which renderer the 3-D view runs on, in words the page shows: WebGPU on a GPU, WebGPU's software
// fallback (Chromium's SwiftShader, where the view draws with WebGL 2 instead), or WebGL 2.

/** Which renderer drew: "WebGPU", "WebGL 2", or "WebGL 2 (WebGPU here is SwiftShader, not a GPU)". */
export type BackendName = string;

/** What an adapter says of itself (GPUAdapterInfo; isFallbackAdapter moved there from the adapter in 2024). */
export interface AdapterFacts {
  readonly info?: { readonly architecture?: string; readonly vendor?: string; readonly description?: string; readonly isFallbackAdapter?: boolean };
  readonly isFallbackAdapter?: boolean;
}

/** What the backend is, in words: WebGPU on a GPU, on a software fallback (SwiftShader), or WebGL 2. */
export function backendName(adapter: AdapterFacts | null): BackendName {
  if (!adapter) return 'WebGL 2';
  const info = adapter.info ?? {};
  const software = /swiftshader/i.test(`${info.architecture ?? ''} ${info.vendor ?? ''} ${info.description ?? ''}`);
  const fallback = info.isFallbackAdapter ?? adapter.isFallbackAdapter ?? false;
  if (software) return 'WebGPU (SwiftShader, not a GPU)';
  return fallback ? 'WebGPU (a software fallback, not a GPU)' : 'WebGPU';
}

