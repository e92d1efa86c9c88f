// What a method asks of the objective, as the run settings say it and decide by it. Pure, tested in Node.
import type { MethodSpec, MethodNeeds } from '../../engine/methods/catalogue';

/** What a method evaluates, in words: "f only", "f and ∇f", "f, ∇f and ∇²f". */
export function evaluatesText(needs: MethodNeeds): string {
  if (needs.hessian) return needs.gradient ? 'f, ∇f and ∇²f' : 'f and ∇²f';
  return needs.gradient ? 'f and ∇f' : 'f only';
}

/**
 * True when a learning-rate schedule and gradient clipping mean something for the method: it has
 * an `lr` to schedule and gradients to clip (Adam, L-BFGS, zeroth-order estimates with an `lr`
 * clip nothing they do not evaluate, so `needs.gradient` decides).
 */
export function takesScheduleAndClipping(definition: Pick<MethodSpec, 'hyperSpecs' | 'needs'>): boolean {
  return definition.needs.gradient && definition.hyperSpecs.some((spec) => spec.name === 'lr');
}
