import type { Lesson } from '../lesson';

/** Newton's method solves a quadratic in one step. */
export const newtonQuadratic: Lesson = {
  id: 'newton-quadratic',
  title: "Newton's single step on a quadratic",
  text: [
    "Newton's method fits a quadratic to the loss at the current point (the gradient and the Hessian) and jumps to that quadratic's minimum.",
    'On a loss that is itself a quadratic, the fit is exact. This is the ravine of condition number 100 that took gradient descent hundreds of steps.',
  ],
  link: 'v=1&surface=ill-conditioned(condition=100,angle=30)&steps=50&run=newton@-1,2.5&run=sgd(lr=1)@-1,2.5',
  view: { step: 0, glyphs: ['newtonStep'], inspectedRun: 0 },
  lookAt: 'Press Step once and watch where Newton lands.',
  question: {
    kind: 'thought',
    prompt: 'How many steps will Newton need here, and why does the condition number not matter to it?',
  },
  reveal: [
    'One step: the loss goes from 0.109 to 4e-33 (rounding), and the run stops, converged. Gradient descent is still at 0.013 after 50 steps.',
    "The Hessian's inverse rescales every direction by its own curvature, so a ravine looks like a round bowl to Newton. The price: one Hessian (n² numbers) per step.",
  ],
  claims: [
    { claim: { kind: 'reaches', run: 0, threshold: 1e-20, withinSteps: 1 }, says: 'Newton reaches the minimum in one step' },
    { claim: { kind: 'fewer-steps', faster: 0, slower: 1, threshold: 1e-3 }, says: 'gradient descent is slower' },
  ],
};
