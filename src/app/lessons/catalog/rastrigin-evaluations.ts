import type { Lesson } from '../lesson';

/** Gradient-free against gradient on Rastrigin, counted in evaluations. */
export const rastriginEvaluations: Lesson = {
  id: 'rastrigin-evaluations',
  title: 'Gradient-free vs gradient on Rastrigin',
  text: [
    'Rastrigin is a bowl under an egg-crate: a local minimum near every integer point, the global one at the origin.',
    'Gradient descent follows the local slope into the nearest dimple. CMA-ES (population 20) samples a cloud of points and moves to where they did best, which smooths over the dimples.',
    'Comparing them fairly means counting cost, not steps: the loss chart\'s x axis is cost here, one per evaluation of f and one per gradient.',
  ],
  link: 'v=1&surface=rastrigin&steps=200&run=sgd(lr=0.002)@-2.3,1.8&run=cma_es(sigma=1,population_size=20)@-2.3,1.8&x=cost',
  view: { step: 0 },
  lookAt: 'Play and watch the map: where does gradient descent stop, and where does the CMA-ES cloud go?',
  question: {
    kind: 'choice',
    prompt: 'CMA-ES spends 20 evaluations a step. Which run gets to a loss of 0.001 for the smallest cost?',
    options: ['Gradient descent (2 per step)', 'CMA-ES', 'Neither reaches it'],
    answer: 1,
  },
  reveal: [
    'CMA-ES reaches 0.001 at step 27, after 568 evaluations, and never asks for a gradient. Gradient descent stops in the dimple at (−1.99, 1.99) with loss 7.96 and never gets there at any cost.',
    'Many evaluations per step buy a global view; on a smooth bowl the gradient would win easily.',
  ],
  claims: [
    { claim: { kind: 'fewer-evaluations', faster: 1, slower: 0, threshold: 1e-3 }, says: 'CMA-ES reaches 1e-3 for less cost' },
    { claim: { kind: 'no-gradients', run: 1 }, says: 'CMA-ES uses no gradients' },
    { claim: { kind: 'final-near', run: 0, point: [-1.99, 1.99], radius: 0.01 }, says: 'gradient descent stops in a local minimum' },
  ],
};
