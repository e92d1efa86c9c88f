/** Gradient clipping: torch.nn.utils.clip_grad_norm_ (L2, max_norm) or clip_grad_value_ (clip_value). */
export type ClipSpec = { readonly type: 'norm'; readonly max_norm: number } | { readonly type: 'value'; readonly clip_value: number };

/** Added to the norm before dividing, exactly as clip_grad_norm_ does. */
export const CLIP_NORM_EPSILON = 1e-6;

/** Clips `gradient` in place with torch's semantics (the whole vector is one parameter tensor). */
export function clipGradient(gradient: Float64Array, clip: ClipSpec): void {
  if (clip.type === 'value') {
    const limit = clip.clip_value;
    // clamp_(−c, c): NaN stays NaN, as in torch
    for (let i = 0; i < gradient.length; i++) gradient[i] = Math.min(Math.max(gradient[i], -limit), limit);
    return;
  }
  let sumOfSquares = 0;
  for (let i = 0; i < gradient.length; i++) sumOfSquares += gradient[i] * gradient[i];
  // torch always multiplies by min(max_norm / (‖g‖ + 1e-6), 1): a no-op below the threshold, slightly
  // under max_norm above it, 0 for an infinite norm and NaN for a NaN one (error_if_nonfinite=False)
  const scale = Math.min(clip.max_norm / (Math.sqrt(sumOfSquares) + CLIP_NORM_EPSILON), 1);
  for (let i = 0; i < gradient.length; i++) gradient[i] *= scale;
}
