import type { Lesson } from '../lesson';

/** SGD noise escaping a shallow minimum. */
export const noiseEscape: Lesson = {
  id: 'noise-escape',
  title: 'SGD noise escaping a shallow minimum',
  text: [
    'This surface, (x² − 1)² + 0.3x + y², has two valleys: a shallow one at x ≈ 0.96 (loss 0.29) and a deeper one at x ≈ −1.04 (loss −0.31).',
    'The run starts in the shallow one, where the exact gradient would keep it forever. Here every gradient has noise added (σ = 4), as a mini-batch gradient does.',
    'The learning rate decays to zero along a cosine, so the noise matters early and fades at the end.',
  ],
  link: 'v=1&f=(x^2-1)^2%20+%200.3*x%20+%20y^2&domain=-2,2,-1.5,1.5&steps=400&noise=4&run=sgd(lr=0.05)@1,0;schedule=cosine(T_max=400)',
  view: { step: 0 },
  lookAt: 'Play it and watch the path jitter in the right-hand valley until a kick carries it over the ridge at x ≈ 0.08.',
  question: {
    kind: 'choice',
    prompt: 'With the noise set to 0 (the exact gradient), where would this run end?',
    options: ['In the deep valley on the left', 'In the shallow valley where it started', 'On the ridge between them'],
    answer: 1,
  },
  reveal: [
    'Without noise it stays at x = 0.961, the bottom of the shallow valley, loss 0.29. With noise it crosses the ridge early and ends at (−1.01, −0.15), loss −0.28, in the deep valley.',
    'Noise lets SGD climb out of narrow or shallow minima; the decaying learning rate then lets it settle. Try other seeds: not every one escapes.',
  ],
  claims: [
    { claim: { kind: 'final-near', run: 0, point: [-1.036, 0], radius: 0.3 }, says: 'with noise, it ends in the deep valley' },
    { claim: { kind: 'final-near', run: 0, point: [0.961, 0], radius: 0.01 }, variant: { noise: 0 }, says: 'without noise, it stays in the shallow valley' },
  ],
};
