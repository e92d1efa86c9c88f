import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clipGradient, type ClipSpec } from './clipping';

/*
 * The oracle is scripts/golden/optimizers.py: torch.nn.utils.clip_grad_norm_ / clip_grad_value_
 * (torch 1.13, float64) on one parameter tensor holding the gradient. Clipping by value is exact;
 * by norm, |ours − torch| ≤ 1e-15 · max(|torch|, 1e-300) (one or two roundings in the norm).
 */
interface GoldenClip {
  clip: ClipSpec;
  gradient: number[];
  clipped: number[];
}

const golden = JSON.parse(readFileSync(new URL('./clipping.golden.json', import.meta.url), 'utf8')) as { cases: GoldenClip[] };

describe('clipGradient against torch.nn.utils', () => {
  it.each(golden.cases.map((entry) => [`${JSON.stringify(entry.clip)} on [${entry.gradient.join(', ')}]`, entry] as const))(
    '%s',
    (_name, { clip, gradient, clipped }) => {
      const actual = Float64Array.from(gradient);
      clipGradient(actual, clip);
      clipped.forEach((expected, i) => {
        expect(Math.abs(actual[i] - expected)).toBeLessThanOrEqual(1e-15 * Math.max(Math.abs(expected), 1e-300));
      });
    },
  );
});

describe('clipGradient by hand', () => {
  it('scales by max_norm / (‖g‖ + 1e-6), so a clipped norm lands just under max_norm', () => {
    const gradient = Float64Array.of(3, 4); // ‖g‖ = 5
    clipGradient(gradient, { type: 'norm', max_norm: 1 });
    const scale = 1 / (5 + 1e-6);
    expect(Array.from(gradient)).toEqual([3 * scale, 4 * scale]);
  });

  it('leaves a gradient under max_norm unchanged (the factor is clamped to 1)', () => {
    const gradient = Float64Array.of(0.3, -0.4);
    clipGradient(gradient, { type: 'norm', max_norm: 1 });
    expect(Array.from(gradient)).toEqual([0.3, -0.4]);
  });

  it('follows torch on non-finite gradients: an infinite norm zeroes, NaN spreads', () => {
    const infinite = Float64Array.of(Infinity, 1);
    clipGradient(infinite, { type: 'norm', max_norm: 1 });
    // factor max_norm / ∞ = 0, and ∞ · 0 = NaN, exactly as torch's g.mul_(0)
    expect(Number.isNaN(infinite[0])).toBe(true);
    expect(infinite[1]).toBe(0);
    const notANumber = Float64Array.of(Number.NaN, 1);
    clipGradient(notANumber, { type: 'value', clip_value: 1 });
    expect(Number.isNaN(notANumber[0])).toBe(true);
    expect(notANumber[1]).toBe(1);
  });

  it('clamps each component to [−clip_value, clip_value]', () => {
    const gradient = Float64Array.of(-5, 0.5, 7);
    clipGradient(gradient, { type: 'value', clip_value: 1 });
    expect(Array.from(gradient)).toEqual([-1, 0.5, 1]);
  });
});
