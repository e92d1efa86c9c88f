import { describe, expect, it } from 'vitest';
import { inspectStep, type StepInspection } from '../engine/inspect-step';
import type { StateQuantity } from '../engine/methods/inspection';
import { METHODS } from '../engine/methods';
import { defaultHyperValues } from '../engine/methods/first-order/hyper';
import { resolveProblem } from '../engine/problems';
import {
  MAX_VIEW_WIDTHS,
  NORMALISED_SHARE,
  gradientArrow,
  learningRateOf,
  newtonArrows,
  probeArrow,
  runGlyphs,
  stepBoxes,
  velocityArrow,
  type GlyphSource,
} from './glyph-geometry';

// Oracles: hand-derived steps (SGD with momentum on x² + 10y², torch's buffer rule b₁ = g₁,
// b_t = μb_{t−1} + g_t), the Newton step of a quadratic (its minimiser, by hand), and geometry.

function inspection(parts: Partial<StepInspection> & { state?: StateQuantity[] }): StepInspection {
  return {
    step: 1,
    point: Float64Array.of(1, 1),
    value: 0,
    gradient: Float64Array.of(2, 20),
    previousPoint: null,
    delta: null,
    evaluations: { function: 1, gradient: 1, hessian: 0 },
    method: parts.state ? { state: parts.state, narration: [] } : null,
    ...parts,
  };
}

const quantity = (name: string, value: number | Float64Array): StateQuantity => ({ name, label: name, symbol: name, value });
const ALL = { gradient: true, velocity: true, stepBox: true, newtonStep: true, probeDirection: true };

describe('the gradient arrow', () => {
  it('is the step plain gradient descent would take, −lr·∇f from x_k', () => {
    const arrow = gradientArrow({ inspection: inspection({}), learningRate: 0.01 }, 4);
    expect(arrow).toMatchObject({ from: [1, 1], scale: 'displacement', label: '−lr·∇f' });
    expect(arrow!.to[0]).toBeCloseTo(0.98, 15);
    expect(arrow!.to[1]).toBeCloseTo(0.8, 15);
  });

  it('is normalised with ‖∇f‖ in its label when there is no learning rate or the step is too short to see', () => {
    const arrow = gradientArrow({ inspection: inspection({ gradient: Float64Array.of(3, 4) }), learningRate: null }, 10);
    expect(arrow!.scale).toBe('normalised');
    expect(arrow!.label).toBe('−∇f/‖∇f‖ (‖∇f‖ = 5)');
    expect(Math.hypot(arrow!.to[0] - 1, arrow!.to[1] - 1)).toBeCloseTo(NORMALISED_SHARE * 10, 12);
    expect(arrow!.to[0]).toBeLessThan(1);
    const tiny = gradientArrow({ inspection: inspection({ gradient: Float64Array.of(3e-9, 4e-9) }), learningRate: 0.1 }, 10);
    expect(tiny!.scale).toBe('normalised');
    expect(tiny!.label).toBe('−lr·∇f (normalised; length 5.00e-10)');
  });

  it('is clipped, with its true length said, when a too-large rate would leave the map', () => {
    const arrow = gradientArrow({ inspection: inspection({}), learningRate: 10 }, 4);
    expect(arrow!.scale).toBe('clipped');
    expect(Math.hypot(arrow!.to[0] - 1, arrow!.to[1] - 1)).toBeCloseTo(MAX_VIEW_WIDTHS * 4, 12);
    expect(arrow!.label).toContain(`length ${Number((10 * Math.hypot(2, 20)).toPrecision(3))}`);
  });

  it('is absent at a stationary point', () => {
    expect(gradientArrow({ inspection: inspection({ gradient: Float64Array.of(0, 0) }), learningRate: 0.1 }, 4)).toBeNull();
  });
});

describe('the velocity arrow', () => {
  it("SGD's velocity: −lr·v, the displacement it produces", () => {
    const source = { inspection: inspection({ state: [quantity('velocity', Float64Array.of(3.4, -2))] }), learningRate: 0.1 };
    const arrow = velocityArrow(source, 4);
    expect(arrow!.label).toBe('−lr·v');
    expect(arrow!.to[0]).toBeCloseTo(1 - 0.34, 15);
    expect(arrow!.to[1]).toBeCloseTo(1 + 0.2, 15);
  });

  it("Adam's first moment through its per-coordinate effective rate, −η⊙m", () => {
    const state = [quantity('firstMoment', Float64Array.of(0.2, -0.4)), quantity('effectiveLearningRate', Float64Array.of(0.5, 0.25))];
    const arrow = velocityArrow({ inspection: inspection({ state }), learningRate: 0.1 }, 4);
    expect(arrow!.label).toBe('−η⊙m');
    expect(arrow!.to).toEqual([1 - 0.1, 1 + 0.1]);
  });

  it('is absent for a method with neither quantity', () => {
    expect(velocityArrow({ inspection: inspection({ state: [quantity('learningRate', 0.1)] }), learningRate: 0.1 }, 4)).toBeNull();
    expect(velocityArrow({ inspection: inspection({}), learningRate: 0.1 }, 4)).toBeNull();
  });
});

describe("Adam's step box", () => {
  it('|Δᵢ| per coordinate around x_{k−1}, and the ±lr box, only for methods with a second moment', () => {
    const parts = { previousPoint: Float64Array.of(1.05, 0.9), delta: Float64Array.of(-0.05, 0.1) };
    const boxes = stepBoxes({ inspection: inspection({ ...parts, state: [quantity('secondMoment', Float64Array.of(1, 1))] }), learningRate: 0.1 });
    expect(boxes).toHaveLength(2);
    expect(boxes[0]).toMatchObject({ role: 'step', centre: [1.05, 0.9] });
    expect(boxes[0].halfWidths[0]).toBeCloseTo(0.05, 15);
    expect(boxes[0].halfWidths[1]).toBeCloseTo(0.1, 15);
    expect(boxes[1]).toMatchObject({ role: 'learning-rate', halfWidths: [0.1, 0.1] });
    // x_k sits on the step box's corner
    expect(1.05 - boxes[0].halfWidths[0]).toBeCloseTo(1, 15);
    expect(stepBoxes({ inspection: inspection({ ...parts, state: [quantity('velocity', Float64Array.of(1, 1))] }), learningRate: 0.1 })).toEqual([]);
  });
});

describe('the Newton step beside the gradient step', () => {
  it('on 3x² + 2xy + y² lands on the minimiser (0, 0) from any point', () => {
    const source: GlyphSource = { inspection: inspection({ point: Float64Array.of(1, -2), gradient: Float64Array.of(2, -2) }), learningRate: 0.05, hessian: [6, 2, 2, 2] };
    const { arrows, notes } = newtonArrows(source, 4);
    const newton = arrows.find((arrow) => arrow.role === 'newton')!;
    expect(newton.dashed).toBe(false);
    expect(newton.to[0]).toBeCloseTo(0, 12);
    expect(newton.to[1]).toBeCloseTo(0, 12);
    const gradientStep = arrows.find((arrow) => arrow.role === 'newton-gradient-step')!;
    expect(gradientStep.to[0]).toBeCloseTo(0.9, 15);
    expect(gradientStep.to[1]).toBeCloseTo(-1.9, 15);
    expect(notes).toEqual([]);
  });

  it('is dashed and said to be indefinite at a saddle', () => {
    const source: GlyphSource = { inspection: inspection({ point: Float64Array.of(1, 1), gradient: Float64Array.of(2, -2) }), learningRate: 0.05, hessian: [2, 0, 0, -2] };
    const { arrows, notes } = newtonArrows(source, 10);
    const newton = arrows.find((arrow) => arrow.role === 'newton')!;
    expect(newton.dashed).toBe(true);
    expect(newton.label).toBe('Newton −H⁻¹∇f (H indefinite)');
    // the model's saddle is the origin
    expect(newton.to[0]).toBeCloseTo(0, 12);
    expect(newton.to[1]).toBeCloseTo(0, 12);
    expect(notes[0]).toMatch(/indefinite.*saddle.*dashed/);
  });
});

describe('the probe direction', () => {
  it("a two-headed segment ±c·u through the probe pair's centre", () => {
    const probes = Float64Array.of(0.6, 0.8, -0.6, -0.8);
    const arrow = probeArrow({ inspection: inspection({}), learningRate: 0.1, probes, direction: Float64Array.of(0.6, 0.8) }, 4);
    expect(arrow).toMatchObject({ twoHeaded: true, scale: 'displacement', from: [-0.6, -0.8], label: '±c·u' });
    expect(arrow!.to[0]).toBeCloseTo(0.6, 15);
    expect(arrow!.to[1]).toBeCloseTo(0.8, 15);
  });

  it("the 'probeDirection' quantity, normalised when c is too small to see", () => {
    const state = [quantity('probeDirection', Float64Array.of(0, 1)), quantity('perturbation', 1e-3)];
    const arrow = probeArrow({ inspection: inspection({ previousPoint: Float64Array.of(0, 0), state }), learningRate: 0.1 }, 4);
    expect(arrow!.scale).toBe('normalised');
    expect(arrow!.from[1]).toBeCloseTo(-NORMALISED_SHARE * 4, 15);
    expect(arrow!.label).toBe('probe u (normalised; c = 0.001)');
  });
});

describe('glyphs from a real run (inspectStep)', () => {
  const objective = resolveProblem({ kind: 'formula', expression: 'x^2 + 10*y^2' }).objective;
  const method = METHODS.find((candidate) => candidate.id === 'sgd')!;
  const hyper = { ...defaultHyperValues(method.hyperSpecs), lr: 0.1, momentum: 0.9 };
  const inspected = inspectStep({ objective, method, hyper, start: [1, 1], numSteps: 5 }, 2);

  it('SGD with momentum at step 2: x₂ = (0.46, −0.8), its gradient step, and its velocity where the method is inspected', () => {
    // by hand: g₀ = (2, 20), x₁ = (0.8, −1); g₁ = (1.6, −20), b₂ = 0.9·(2, 20) + (1.6, −20) = (3.4, −2), x₂ = x₁ − 0.1·b₂
    expect(inspected.point[0]).toBeCloseTo(0.46, 14);
    expect(inspected.point[1]).toBeCloseTo(-0.8, 14);
    const lr = learningRateOf(inspected, hyper.lr);
    expect(lr).toBe(0.1);
    const glyphs = runGlyphs({ inspection: inspected, learningRate: lr, hessian: [2, 0, 0, 20] }, ALL, 4);
    const gradientStep = glyphs.arrows.find((arrow) => arrow.role === 'gradient-step')!;
    // ∇f(x₂) = (0.92, −16)
    expect(gradientStep.to[0]).toBeCloseTo(0.46 - 0.092, 14);
    expect(gradientStep.to[1]).toBeCloseTo(-0.8 + 1.6, 14);
    const newton = glyphs.arrows.find((arrow) => arrow.role === 'newton')!;
    expect(newton.to[0]).toBeCloseTo(0, 12);
    expect(newton.to[1]).toBeCloseTo(0, 12);
    const velocity = glyphs.arrows.find((arrow) => arrow.glyph === 'velocity');
    if (inspected.method?.state.some((q) => q.name === 'velocity')) {
      // −lr·b₂ = Δ₂ for plain momentum
      expect(velocity!.to[0]).toBeCloseTo(0.46 - 0.34, 12);
      expect(velocity!.to[1]).toBeCloseTo(-0.8 + 0.2, 12);
    } else {
      expect(velocity).toBeUndefined();
    }
    // SGD has no second moment and no probes
    expect(glyphs.boxes).toEqual([]);
    expect(glyphs.arrows.some((arrow) => arrow.glyph === 'probeDirection')).toBe(false);
  });
});
