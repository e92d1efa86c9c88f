import type { Lesson } from '../lesson';

/** Learning-rate schedules: decaying the step beats the noise floor. */
export const schedules: Lesson = {
  id: 'schedules',
  title: 'Learning-rate schedules',
  text: [
    'With noisy gradients (σ = 2 here), a constant learning rate never settles: it reaches a noise floor where each step adds as much error as it removes.',
    'A schedule shrinks the learning rate as training goes on. The second run uses torch\'s cosine schedule from 0.1 down to 0 over its 200 steps.',
  ],
  link: 'v=1&surface=quadratic&steps=200&seed=3&noise=2&run=sgd(lr=0.1)@1.5,1&run=sgd(lr=0.1)@1.5,1;schedule=cosine(T_max=200)',
  view: { step: 0 },
  lookAt: 'Early on both runs look alike. Watch the loss chart over the last 50 steps.',
  question: {
    kind: 'choice',
    prompt: 'At step 200, how does the scheduled run compare with the constant one?',
    options: ['About the same loss', 'A few times lower', 'More than ten times lower'],
    answer: 2,
  },
  reveal: [
    'The constant learning rate ends at a loss of 0.21, jittering around the minimum; the cosine schedule ends at 0.006, about 34 times lower.',
    'The noise floor of SGD grows with the learning rate: shrink the steps and it sinks. That is why nearly every training recipe ends with a decay.',
  ],
  claims: [{ claim: { kind: 'lower-final-loss', lower: 1, higher: 0, factor: 10 }, says: 'the cosine schedule ends more than ten times lower' }],
};
