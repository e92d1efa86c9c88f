import type { Lesson } from '../lesson';

/** Ill-conditioning: the condition number sets how slow gradient descent is. */
export const conditionNumber: Lesson = {
  id: 'condition-number',
  title: 'Ill-conditioning and the condition number',
  text: [
    'This quadratic bends 50 times more sharply across its valley than along it: its condition number κ = λmax/λmin is 50.',
    'The steep direction caps the learning rate: above 2/λmax = 2, steps across the valley grow. The flat direction then shrinks by only (1 − lr·λmin) per step.',
    'Three runs: lr = 1, lr = 1.9 (just under the cap), and lr = 2.05 (just over it).',
  ],
  link: 'v=1&surface=ill-conditioned(condition=50,angle=30)&run=sgd(lr=1)@-1,2.5&run=sgd(lr=1.9)@-1,2.5&run=sgd(lr=2.05)@-1,2.5',
  view: { step: 0, theory: true },
  lookAt: 'Watch the loss chart (log scale): after a few steps each curve becomes a straight line. Its slope is the contraction per step.',
  question: {
    kind: 'thought',
    prompt: 'With lr = 1, by what factor should the loss shrink per step once only the flat direction is left? (Hint: λmin = 1/50, and the loss is a square.)',
  },
  reveal: [
    'By (1 − 1/50)² = 0.9604 per step, which is what the run shows between steps 100 and 300. It needs 277 steps to reach 1e-6.',
    'lr = 1.9 is faster, (1 − 1.9/50)² = 0.9253 per step, reaching 1e-6 at step 145. lr = 2.05 is past 2/λmax: the steep direction grows by 1.05 per step and the run blows up to 4e11.',
    'Even at the largest stable learning rate, 2/λmax, the flat direction shrinks by only 1 − 2/κ per step: about κ/2 steps for each factor e. The condition number is the price of gradient descent.',
  ],
  claims: [
    { claim: { kind: 'loss-ratio', run: 0, fromStep: 100, toStep: 300, expected: 0.9604, tolerance: 1e-6 }, says: 'lr 1 contracts by (1 − 1/κ)²' },
    { claim: { kind: 'loss-ratio', run: 1, fromStep: 100, toStep: 300, expected: (1 - 1.9 / 50) ** 2, tolerance: 1e-6 }, says: 'lr 1.9 contracts by (1 − 1.9/κ)²' },
    { claim: { kind: 'reaches', run: 0, threshold: 1e-6, withinSteps: 277 }, says: 'lr 1 reaches 1e-6 by step 277' },
    { claim: { kind: 'fewer-steps', faster: 1, slower: 0, threshold: 1e-6 }, says: 'lr 1.9 is faster than lr 1' },
    { claim: { kind: 'diverges', run: 2 }, says: 'lr 2.05 > 2/λmax diverges' },
  ],
};
