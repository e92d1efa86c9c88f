import type { Lesson } from '../lesson';

/** Weight decay in Adam (an L2 penalty) against AdamW (decoupled decay). */
export const adamAdamw: Lesson = {
  id: 'adam-adamw',
  title: 'Weight decay in Adam vs AdamW',
  text: [
    'The loss (x − 3)² + 0.01(y − 3)² has its minimum at (3, 3), but x is steep and y is flat. Both runs use weight_decay = 0.5.',
    "Adam's weight_decay adds 0.5·w to the gradient before Adam divides by the gradient's size: it is an L2 penalty, and the run goes to the minimum of loss + 0.25|w|².",
    "AdamW (Loshchilov & Hutter) shrinks the weights directly, w ← w − lr·0.5·w, outside Adam's division: every weight decays at the same rate.",
  ],
  link: 'v=1&f=(x-3)^2%20+%200.01*(y-3)^2&domain=-1,5,-1,5&steps=1500&run=adam(lr=0.05,weight_decay=0.5)@0,0&run=adamw(lr=0.05,weight_decay=0.5)@0,0',
  view: { step: 0 },
  lookAt: 'Look at where the two paths end on the map, and compare x with y for each.',
  question: {
    kind: 'choice',
    prompt: 'Which run pulls the flat weight y furthest towards 0?',
    options: ['Adam (L2 penalty)', 'AdamW (decoupled decay)', 'Neither: both end at (3, 3)'],
    answer: 0,
  },
  reveal: [
    "Adam ends at (2.40, 0.115), exactly the minimum of the penalized loss: 2(x − 3) + 0.5x = 0 gives x = 2.4, and 0.02(y − 3) + 0.5y = 0 gives y = 0.115. The flat weight, whose own gradient is weak, is crushed.",
    "AdamW ends at (1.85, 1.85): Adam's normalized step has size about 1 whatever the gradient's scale, so both weights settle where the decay λ·w balances it, near 1/λ = 2, and equally.",
  ],
  claims: [
    { claim: { kind: 'final-near', run: 0, point: [2.4, 0.06 / 0.52], radius: 1e-3 }, says: 'Adam ends at the minimum of the L2-penalized loss' },
    { claim: { kind: 'equal-coordinates', run: 1, tolerance: 1e-6 }, says: 'AdamW treats the steep and the flat weight alike' },
    { claim: { kind: 'final-near', run: 1, point: [2, 2], radius: 0.25 }, says: 'AdamW settles near 1/λ' },
  ],
};
