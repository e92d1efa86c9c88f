import type { Lesson } from '../lesson';

/** A learning rate too large: overshooting, then blowing up. */
export const learningRateTooLarge: Lesson = {
  id: 'learning-rate-too-large',
  title: 'A learning rate too large',
  text: [
    'On the round bowl x² + y² the gradient is 2x, so one step of gradient descent multiplies the distance to the minimum by (1 − 2·lr).',
    'With lr = 0.1 that factor is 0.8: a steady slide. With lr = 0.9 it is −0.8: the point jumps across the minimum each step, but lands closer. With lr = 1.1 it is −1.2: each jump lands farther out.',
  ],
  link: 'v=1&surface=quadratic&steps=60&run=sgd(lr=0.1)@1.5,1&run=sgd(lr=0.9)@1.5,1&run=sgd(lr=1.1)@1.5,1',
  view: { step: 0 },
  lookAt: 'Step through the first few steps and watch the three paths; then look at the loss chart on its log scale.',
  question: {
    kind: 'choice',
    prompt: 'Which run gets to a loss of 1e-6 first?',
    options: ['lr = 0.1', 'lr = 0.9', 'They tie', 'lr = 1.1'],
    answer: 2,
  },
  reveal: [
    'They tie: both reach 1e-6 at step 34, because |1 − 2·0.1| = |1 − 2·0.9| = 0.8, and the loss shrinks by 0.8² = 0.64 per step for both.',
    'lr = 1.1 multiplies the loss by 1.2² = 1.44 every step: from 3.25 to 1e10 in 60 steps. On this bowl any lr above 1 = 2/λmax diverges.',
  ],
  claims: [
    { claim: { kind: 'loss-ratio', run: 0, fromStep: 0, toStep: 30, expected: 0.64, tolerance: 1e-9 }, says: 'lr 0.1 shrinks the loss by (1 − 0.2)² per step' },
    { claim: { kind: 'loss-ratio', run: 1, fromStep: 0, toStep: 30, expected: 0.64, tolerance: 1e-9 }, says: 'lr 0.9 shrinks the loss by (1 − 1.8)² per step' },
    { claim: { kind: 'reaches', run: 1, threshold: 1e-6, withinSteps: 34 }, says: 'lr 0.9 reaches 1e-6 by step 34' },
    { claim: { kind: 'loss-ratio', run: 2, fromStep: 0, toStep: 60, expected: 1.44, tolerance: 1e-9 }, says: 'lr 1.1 multiplies the loss by (1 − 2.2)² per step' },
    { claim: { kind: 'diverges', run: 2 }, says: 'lr 1.1 diverges' },
  ],
};
