import type { Lesson } from '../lesson';

/** Newton's step fails where the surface is not convex. */
export const newtonNonconvex: Lesson = {
  id: 'newton-nonconvex',
  title: "Newton's failure on a non-convex surface",
  text: [
    'The double well x⁴/4 − x²/2 + y²/2 has minima at x = ±1 and a hump at x = 0. At the start, x = 0.6, the curvature along x is 3x² − 1 = 0.08: barely positive.',
    "Newton divides the gradient by that curvature, so a small slope over a tiny curvature gives a giant step. The second run adds a backtracking line search (damped Newton); the third is gradient descent.",
  ],
  link: 'v=1&f=x^4/4%20-%20x^2/2%20+%20y^2/2&domain=-2,2,-1.5,1.5&steps=50&run=newton@0.6,0.5&run=newton(line_search=backtracking)@0.6,0.5&run=sgd(lr=0.1)@0.6,0.5',
  view: { step: 0, glyphs: ['newtonStep'], inspectedRun: 0, theory: true },
  lookAt: 'Press Step once and read the loss chart at step 1.',
  question: {
    kind: 'choice',
    prompt: 'After one step, what happens to pure Newton’s loss?',
    options: ['It falls a little', 'It falls to the minimum, −0.25', 'It jumps up, by a lot'],
    answer: 2,
  },
  reveal: [
    "It jumps from −0.023 to 198: the step is 0.384/0.08 ≈ 4.8 units, far out of the well. The quadratic model was a poor fit away from the start, and Newton trusted it.",
    'Backtracking shrinks the step until the loss actually falls, so the damped run descends at every step and reaches the minimum (1, 0) in 5 steps. Newton is fast only where the quadratic model is good.',
  ],
  claims: [
    { claim: { kind: 'loss-rises', run: 0, atLeast: 1 }, says: 'pure Newton goes uphill' },
    { claim: { kind: 'loss-rises', run: 1, atMost: 0 }, says: 'damped Newton never goes uphill' },
    { claim: { kind: 'final-near', run: 1, point: [1, 0], radius: 1e-6 }, says: 'damped Newton ends at the minimum (1, 0)' },
  ],
};
