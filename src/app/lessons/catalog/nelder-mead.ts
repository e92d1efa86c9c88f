import type { Lesson } from '../lesson';

/** Nelder-Mead's simplex: a triangle that walks, stretches and shrinks. */
export const nelderMead: Lesson = {
  id: 'nelder-mead',
  title: "Nelder-Mead's simplex",
  text: [
    'Nelder-Mead uses no gradient at all. In two dimensions it keeps a triangle (a simplex) and only compares loss values at its corners.',
    'Each step it moves the worst corner: reflected through the others, stretched further if that helped, pulled in if it did not, or the whole triangle shrinks towards the best corner.',
    "On Rosenbrock's banana valley, watch the triangle stretch along the valley and roll down it.",
  ],
  link: 'v=1&steps=120&run=nelder_mead@-1.5,2',
  view: { step: 0 },
  lookAt: 'Step through it and watch the triangle on the map; the loss chart counts steps, most of them one or two evaluations.',
  question: {
    kind: 'choice',
    prompt: 'How many gradients does Nelder-Mead compute on its way to the minimum?',
    options: ['None', 'One per step', 'One per corner per step'],
    answer: 0,
  },
  reveal: [
    'None: it reaches a loss below 1e-6 at step 80 using only loss values, 179 evaluations in all, and stops at (1, 1).',
    'That makes it useful when the loss has no gradient (a simulation, a measurement). It slows down badly in many dimensions, where the simplex has n + 1 corners.',
  ],
  claims: [
    { claim: { kind: 'no-gradients', run: 0 }, says: 'Nelder-Mead uses no gradients' },
    { claim: { kind: 'reaches', run: 0, threshold: 1e-6, withinSteps: 80 }, says: 'it reaches 1e-6 by step 80' },
    { claim: { kind: 'final-near', run: 0, point: [1, 1], radius: 1e-4 }, says: 'it ends at the minimum (1, 1)' },
  ],
};
