import type { Lesson } from '../lesson';

/** Mini-batch size and gradient noise. */
export const miniBatch: Lesson = {
  id: 'mini-batch',
  title: 'Mini-batch size and noise',
  text: [
    'The same line fit, but each step sees only 4 random rows (batch_size = 4) instead of all of them.',
    'A mini-batch gradient is right on average but noisy: the chart shows the loss over all training rows, so every bad batch shows up as a bump.',
  ],
  link: 'v=1&problem={%22kind%22:%22data%22,%22dataset%22:{%22name%22:%22linear_1d%22,%22params%22:{}},%22model%22:{%22kind%22:%22linear%22},%22batch_size%22:4}&steps=200&run=sgd(lr=0.1)',
  view: { step: 0 },
  lookAt: 'Watch the loss chart for steps where the loss goes up, and the fitted line wobbling near the end.',
  question: {
    kind: 'choice',
    prompt: 'With the full batch instead (every row, every step), at how many of the 200 steps would the loss go up?',
    options: ['None', 'About a quarter', 'About half'],
    answer: 0,
  },
  reveal: [
    'None: with the full batch and this small learning rate each step goes downhill, ending at 0.0867. With batches of 4 the loss rose at 88 of the 200 steps and ends at 0.101, above the best fit.',
    'The noise of a mini-batch gradient shrinks like 1/√batch_size: bigger batches are smoother and cost more per step; smaller ones are cheap and noisy.',
  ],
  claims: [
    { claim: { kind: 'loss-rises', run: 0, atLeast: 30 }, says: 'with batches of 4 the loss goes up at many steps' },
    { claim: { kind: 'loss-rises', run: 0, atMost: 0 }, variant: { fullBatch: true }, says: 'with the full batch it never goes up' },
  ],
};
