import type { Lesson } from '../lesson';

/** Momentum in a ravine: the heavy ball stops the zig-zag. */
export const momentumRavine: Lesson = {
  id: 'momentum-ravine',
  title: 'Momentum in a ravine',
  text: [
    'This bowl is a long, narrow ravine: steep across (curvature 1), almost flat along it (curvature 1/100).',
    'Plain gradient descent walks straight down the steep wall, then crawls along the floor, because the gradient there is tiny.',
    'Momentum (0.8) keeps a running velocity: the pushes across the ravine cancel out, the small pushes along it add up.',
  ],
  link: 'v=1&surface=ill-conditioned(condition=100,angle=30)&steps=200&run=sgd(lr=1)@-1,2.5&run=sgd(lr=1,momentum=0.8)@-1,2.5',
  view: { step: 0, glyphs: ['velocity'], inspectedRun: 1 },
  lookAt: 'Play it and watch the two paths on the map, then the loss chart: how many steps does each need to get the loss below 0.001?',
  question: {
    kind: 'choice',
    prompt: 'Both runs use the same learning rate, 1. How much faster is the one with momentum to a loss of 0.001?',
    options: ['About the same', 'About twice as fast', 'More than five times as fast'],
    answer: 2,
  },
  reveal: [
    'Momentum reaches a loss of 0.001 at step 32; plain gradient descent needs 178 steps, more than five times as many.',
    'By step 200 momentum is at 1e-14 while plain descent is still at 6e-4: in the flat direction its step shrinks the error by only 1 − lr/100 = 0.99 per step.',
  ],
  claims: [{ claim: { kind: 'fewer-steps', faster: 1, slower: 0, threshold: 1e-3 }, says: 'momentum reaches 1e-3 first (32 against 178 steps)' }],
};
