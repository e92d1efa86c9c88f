import { useState } from 'react';
import { toLatex, toText, type Expr } from '../../engine/expression';
import { Katex } from '../controls/Katex';

/**
 * The gradient the optimizers follow, as the engine derived it symbolically (and simplified), behind
 * a disclosure so it does not crowd the panel.
 */
export function GradientDetails({ gradient }: { gradient: readonly [Expr, Expr] }) {
  const [partialX, partialY] = gradient;
  // typeset only once opened: a gradient can be far longer than its formula, and a closed
  // disclosure would pay for it on every edit of the formula
  const [open, setOpen] = useState(false);
  return (
    <details className="gradient-details" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>Gradient ∇f</summary>
      {open && (
        <>
          <Katex tex={String.raw`\frac{\partial f}{\partial x} = ${toLatex(partialX)}`} fallback={`∂f/∂x = ${toText(partialX)}`} display />
          <Katex tex={String.raw`\frac{\partial f}{\partial y} = ${toLatex(partialY)}`} fallback={`∂f/∂y = ${toText(partialY)}`} display />
        </>
      )}
    </details>
  );
}
