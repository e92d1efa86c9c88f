import type { Lesson } from '../lesson';

/** Closed-form least squares against gradient descent on data. */
export const leastSquares: Lesson = {
  id: 'least-squares',
  title: 'Closed-form least squares vs gradient descent',
  text: [
    'Fitting a line y = w·x + b to data by mean squared error is a quadratic in (w, b): its minimum solves a small linear system.',
    'The first run solves it directly (a QR factorization of the data matrix) in one step. The second run is gradient descent, lr = 0.1, on the same loss.',
  ],
  link: 'v=1&problem={%22kind%22:%22data%22,%22dataset%22:{%22name%22:%22linear_1d%22,%22params%22:{}},%22model%22:{%22kind%22:%22linear%22}}&steps=200&run=least_squares&run=sgd(lr=0.1)',
  view: { step: 0 },
  lookAt: 'Watch the fitted line on the data and the loss chart: how long does gradient descent take to match the one-step solve?',
  question: {
    kind: 'thought',
    prompt: 'If the closed form is exact in one step, why does anyone train a linear model by gradient descent?',
  },
  reveal: [
    'The solve lands on the best line in one step, loss 0.0867. Gradient descent needs 109 steps to come within 1e-7 of it.',
    'The solve costs O(n·d²) for n rows and d features and needs all the data at once; gradient descent costs O(n·d) a step, works on mini-batches, and works for models that have no closed form.',
  ],
  claims: [
    { claim: { kind: 'reaches', run: 0, threshold: 0.08666715, withinSteps: 1 }, says: 'the solve reaches the least-squares loss in one step' },
    { claim: { kind: 'fewer-steps', faster: 0, slower: 1, threshold: 0.08666715 }, says: 'gradient descent needs more steps' },
    { claim: { kind: 'reaches', run: 1, threshold: 0.08666715, withinSteps: 109 }, says: 'gradient descent gets within 1e-7 by step 109' },
  ],
};
