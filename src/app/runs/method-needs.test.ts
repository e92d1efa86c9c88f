import { describe, expect, it } from 'vitest';
import { getMethod } from '../../engine/methods';
import type { HyperSpec } from '../../engine/methods';
import { evaluatesText, takesScheduleAndClipping } from './method-needs';

const lr: HyperSpec = { kind: 'number', name: 'lr', description: 'learning rate', defaultValue: 0.1, min: 0, max: Infinity };
const xatol: HyperSpec = { kind: 'number', name: 'xatol', description: 'tolerance', defaultValue: 1e-4, min: 0, max: Infinity };

describe('what a method evaluates', () => {
  it('says f only, f and ∇f, or f, ∇f and ∇²f', () => {
    expect(evaluatesText({ value: true, gradient: false, hessian: false })).toBe('f only');
    expect(evaluatesText({ value: true, gradient: true, hessian: false })).toBe('f and ∇f');
    expect(evaluatesText({ value: true, gradient: true, hessian: true })).toBe('f, ∇f and ∇²f');
  });

  it('offers a schedule and clipping only to methods with an lr that evaluate gradients', () => {
    expect(takesScheduleAndClipping(getMethod('adam')!)).toBe(true);
    // Nelder-Mead: no lr, no gradient
    expect(takesScheduleAndClipping({ hyperSpecs: [xatol], needs: { value: true, gradient: false, hessian: false } })).toBe(false);
    // zeroth-order SGD: an lr, but only f is evaluated, so there is no gradient to clip
    expect(takesScheduleAndClipping({ hyperSpecs: [lr], needs: { value: true, gradient: false, hessian: false } })).toBe(false);
    // BFGS: gradients, but its line search sets the step
    expect(takesScheduleAndClipping({ hyperSpecs: [xatol], needs: { value: true, gradient: true, hessian: false } })).toBe(false);
  });
});
