// A small seeded PRNG whose streams are bit-identical on every machine: all state is uint32 and every
// operation is an exact integer one (Math.imul, shifts, xor). scripts/golden/optimizers.py
// reimplements it in Python and the tests compare the two.
//
//   seeding:   splitmix32, i.e. a Weyl sequence s += 0x9E3779B9 mixed by MurmurHash3's fmix32,
//              fills xoshiro128**'s four words (never all zero: fmix32 is a bijection).
//   generator: xoshiro128** 1.1 (Blackman & Vigna, https://prng.di.unimi.it/xoshiro128starstar.c).
//   floats:    53 random bits, (a >>> 5) · 2^26 + (b >>> 6) over 2^53, as numpy's random_sample.
//   Gaussians: Box-Muller on u1 = 1 − nextFloat() ∈ (0, 1] and u2 = nextFloat(): each pair of calls
//              returns r·cos(2πu2) and then the cached r·sin(2πu2). These depend on Math.log/cos/sin,
//              which ECMAScript does not pin to the last bit (V8 and SpiderMonkey both use fdlibm).

const GOLDEN_GAMMA = 0x9e3779b9;
const TWO_POW_26 = 67108864;
const TWO_POW_53 = 9007199254740992;

/** MurmurHash3's 32-bit finalizer: a bijection on uint32 with full avalanche. */
export function fmix32(value: number): number {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * The seed of stream `stream` (run i of an experiment) derived from an experiment's seed:
 * fmix32(seed + 0x9E3779B9·(stream + 1) mod 2^32). For a fixed seed distinct streams (mod 2^32) get
 * distinct seeds, and for a fixed stream distinct seeds do.
 */
export function deriveSeed(seed: number, stream: number): number {
  return fmix32((seed >>> 0) + Math.imul(GOLDEN_GAMMA, (stream + 1) >>> 0));
}

/** A seeded xoshiro128** generator (seed: any uint32; other numbers are reduced mod 2^32). */
export class Random {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  private spareGaussian = 0;
  private hasSpareGaussian = false;

  constructor(seed: number) {
    let weyl = seed >>> 0;
    const next = (): number => {
      weyl = (weyl + GOLDEN_GAMMA) >>> 0;
      return fmix32(weyl);
    };
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next();
  }

  /** The next uniform uint32. */
  nextUint32(): number {
    const result = Math.imul(rotateLeft(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const shifted = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= shifted;
    this.s3 = rotateLeft(this.s3, 11);
    return result;
  }

  /** A uniform float in [0, 1) with 53 random bits (consumes two uint32s). */
  nextFloat(): number {
    const high = this.nextUint32() >>> 5;
    const low = this.nextUint32() >>> 6;
    return (high * TWO_POW_26 + low) / TWO_POW_53;
  }

  /** A standard normal N(0, 1) by Box-Muller (every other call is the cached partner). */
  nextGaussian(): number {
    if (this.hasSpareGaussian) {
      this.hasSpareGaussian = false;
      return this.spareGaussian;
    }
    const radius = Math.sqrt(-2 * Math.log(1 - this.nextFloat())); // 1 − u ∈ (0, 1]: log is finite
    const angle = 2 * Math.PI * this.nextFloat();
    this.spareGaussian = radius * Math.sin(angle);
    this.hasSpareGaussian = true;
    return radius * Math.cos(angle);
  }
}

function rotateLeft(value: number, bits: number): number {
  return (value << bits) | (value >>> (32 - bits));
}
