// The random numbers of the gradient-free kernels: counter-based, so a run keeps no generator state
// between chunks and any split of the runs into blocks draws the same numbers. Draw d of step k of
// run i is a hash of (stream seed, i, k, d) by PCG's output permutation used as a hash (Jarzynski &
// Olano 2020, "Hash Functions for GPU Rendering", JCGT 9(3): pcg passes BigCrush as a hash of a
// counter); uniforms take its top 24 bits, Gaussians come in Box-Muller pairs as engine/random.ts's.
// The WGSL and its TypeScript twin below are the same integer arithmetic (checked in Node).

/** WGSL: pcgHash, randomWord(run, step, draw), randomUniform (in [0, 1)) and gaussianPair, keyed by `uniforms.seedBits`. */
export const WGSL_RANDOM = `
fn pcgHash(value: u32) -> u32 {
  let state = value * 747796405u + 2891336453u;
  let word = ((state >> ((state >> 28u) + 4u)) ^ state) * 277803737u;
  return (word >> 22u) ^ word;
}

fn randomWord(run: u32, step: u32, draw: u32) -> u32 {
  return pcgHash(bitcast<u32>(uniforms.seedBits) ^ pcgHash(run ^ pcgHash(step ^ pcgHash(draw))));
}

fn randomUniform(run: u32, step: u32, draw: u32) -> f32 {
  return f32(randomWord(run, step, draw) >> 8u) * ${(2 ** -24).toExponential()}f;
}

// Box-Muller on u1 in (0, 1] and u2 in [0, 1), from draws 2d and 2d + 1
fn gaussianPair(run: u32, step: u32, draw: u32) -> vec2<f32> {
  let radius = sqrt(-2.0f * log(1.0f - randomUniform(run, step, 2u * draw)));
  let angle = ${(2 * Math.PI).toPrecision(9)}f * randomUniform(run, step, 2u * draw + 1u);
  return vec2<f32>(radius * cos(angle), radius * sin(angle));
}
`;

/** PCG's output permutation as a hash of a uint32 (the WGSL pcgHash). */
export function pcgHash(value: number): number {
  const state = (Math.imul(value >>> 0, 747796405) + 2891336453) >>> 0;
  const word = Math.imul(((state >>> ((state >>> 28) + 4)) ^ state) >>> 0, 277803737) >>> 0;
  return ((word >>> 22) ^ word) >>> 0;
}

/** The uint32 of draw `draw` of step `step` of run `run` in stream `seed` (the WGSL randomWord). */
export function randomWord(seed: number, run: number, step: number, draw: number): number {
  return pcgHash((seed ^ pcgHash((run ^ pcgHash((step ^ pcgHash(draw)) >>> 0)) >>> 0)) >>> 0);
}

/** A uniform in [0, 1) with 24 bits (the WGSL randomUniform, exact in float32). */
export function randomUniform(seed: number, run: number, step: number, draw: number): number {
  return (randomWord(seed, run, step, draw) >>> 8) * 2 ** -24;
}

/** A pair of independent standard normals (the WGSL gaussianPair, in float64). */
export function gaussianPair(seed: number, run: number, step: number, draw: number): [number, number] {
  const radius = Math.sqrt(-2 * Math.log(1 - randomUniform(seed, run, step, 2 * draw)));
  const angle = 2 * Math.PI * randomUniform(seed, run, step, 2 * draw + 1);
  return [radius * Math.cos(angle), radius * Math.sin(angle)];
}
