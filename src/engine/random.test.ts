import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deriveSeed, fmix32, Random } from './random';

/*
 * The oracle is the Python reimplementation in scripts/golden/optimizers.py (unbounded integers
 * masked with & 0xFFFFFFFF, math.log/cos/sin), written from the algorithm's description rather than
 * from this file's Math.imul/>>> code. Integers and uniform floats must match exactly; Gaussians to
 * 1e-15 relative, since Math.log/cos/sin and CPython's libm may differ in the last bit.
 */
interface GoldenSequence {
  seed: number;
  uint32: number[];
  float: number[];
  gaussian: number[];
}

interface GoldenRandom {
  sequences: GoldenSequence[];
  deriveSeed: { seed: number; stream: number; derived: number }[];
}

const golden = JSON.parse(readFileSync(new URL('./random.golden.json', import.meta.url), 'utf8')) as GoldenRandom;

describe('Random against the Python reimplementation', () => {
  it.each(golden.sequences.map((sequence) => [sequence.seed, sequence] as const))('seed %i', (seed, sequence) => {
    const integers = new Random(seed);
    expect(sequence.uint32.map(() => integers.nextUint32())).toEqual(sequence.uint32);
    const floats = new Random(seed);
    expect(sequence.float.map(() => floats.nextFloat())).toEqual(sequence.float);
    const gaussians = new Random(seed);
    for (const expected of sequence.gaussian) {
      const actual = gaussians.nextGaussian();
      expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-15 * Math.abs(expected));
    }
  });

  it('deriveSeed matches', () => {
    for (const { seed, stream, derived } of golden.deriveSeed) expect(deriveSeed(seed, stream), `${seed}/${stream}`).toBe(derived);
  });
});

describe('Random', () => {
  it('is deterministic and returns uint32s and floats in [0, 1)', () => {
    const first = new Random(2024);
    const second = new Random(2024);
    for (let i = 0; i < 1000; i++) {
      const value = first.nextUint32();
      expect(second.nextUint32()).toBe(value);
      expect(Number.isInteger(value) && value >= 0 && value < 2 ** 32).toBe(true);
      const float = first.nextFloat();
      expect(second.nextFloat()).toBe(float);
      expect(float >= 0 && float < 1).toBe(true);
    }
  });

  it('reduces any seed mod 2^32', () => {
    expect(new Random(-1).nextUint32()).toBe(new Random(0xffffffff).nextUint32());
    expect(new Random(2 ** 32 + 5).nextUint32()).toBe(new Random(5).nextUint32());
  });

  it('gives Gaussians with mean ≈ 0 and variance ≈ 1', () => {
    const random = new Random(99);
    const count = 200_000;
    let sum = 0;
    let sumOfSquares = 0;
    for (let i = 0; i < count; i++) {
      const z = random.nextGaussian();
      sum += z;
      sumOfSquares += z * z;
    }
    // standard errors: 1/√n ≈ 0.0022 for the mean, √(2/n) ≈ 0.0032 for the variance; 5σ bounds
    expect(Math.abs(sum / count)).toBeLessThan(0.012);
    expect(Math.abs(sumOfSquares / count - 1)).toBeLessThan(0.016);
  });

  it('derives distinct seeds for distinct streams', () => {
    const seeds = new Set(Array.from({ length: 10_000 }, (_, stream) => deriveSeed(7, stream)));
    expect(seeds.size).toBe(10_000);
  });

  it('fmix32 is MurmurHash3 fmix32 (published vectors)', () => {
    // MurmurHash3_x86_32 of the empty input with seed s is fmix32(s): the reference test vectors
    // give 0 for seed 0, 0x514E28B7 for seed 1 and 0x81F16F39 for seed 0xFFFFFFFF
    expect(fmix32(0)).toBe(0);
    expect(fmix32(1)).toBe(0x514e28b7);
    expect(fmix32(0xffffffff)).toBe(0x81f16f39);
  });
});
