import type { Lesson } from '../lesson';

/** CMA-ES adapts its search ellipse to the valley. */
export const cmaEsEllipse: Lesson = {
  id: 'cma-es-ellipse',
  title: 'CMA-ES adapting its ellipse',
  text: [
    'CMA-ES samples a small population of points from a Gaussian, keeps the best, and moves the Gaussian towards them.',
    'It also learns the Gaussian\'s shape (its covariance) from which steps worked. On this ravine, tilted 30° with condition number 100, the search ellipse turns and stretches to lie along the valley floor.',
  ],
  link: 'v=1&surface=ill-conditioned(condition=100,angle=30)&steps=60&run=cma_es@-1,2.5',
  view: { step: 0 },
  lookAt: 'Step through the first 20 steps and watch the ellipse and the sampled points around the mean.',
  question: {
    kind: 'thought',
    prompt: 'Which way should the ellipse point once it has learned the valley, and how elongated should it become?',
  },
  reveal: [
    'Along the valley, the direction (−sin 30°, cos 30°), where the loss changes slowest. By step 15 its long axis is 1.7° from it and 4 times longer than the short axis.',
    'A learned covariance of about the inverse Hessian makes the ravine look round, the same trick as Newton, from loss values alone. It reaches 1e-6 at step 18.',
  ],
  claims: [
    {
      claim: { kind: 'ellipse-along', run: 0, step: 15, direction: [-Math.sin(Math.PI / 6), Math.cos(Math.PI / 6)], toleranceDegrees: 10, minAxisRatio: 3 },
      says: 'by step 15 the ellipse lies along the valley',
    },
    { claim: { kind: 'reaches', run: 0, threshold: 1e-6, withinSteps: 18 }, says: 'it reaches 1e-6 by step 18' },
  ],
};
