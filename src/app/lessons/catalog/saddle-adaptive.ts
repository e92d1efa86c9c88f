import type { Lesson } from '../lesson';

/** Adam and RMSprop at a saddle: dividing by the gradient's size escapes faster. */
export const saddleAdaptive: Lesson = {
  id: 'saddle-adaptive',
  title: 'Adam and RMSprop at a saddle',
  text: [
    'The surface x² − y² is a saddle: downhill along y, uphill along x. The runs start almost exactly on the ridge, y = 0.001.',
    'Gradient descent slides to the saddle point, where the gradient is nearly zero, and the tiny y-offset grows only by 1.02 per step.',
    'RMSprop and Adam divide each step by a running size of the gradient, so a tiny gradient still gives a step of about lr.',
  ],
  link: 'v=1&surface=saddle&run=sgd(lr=0.01)@-1.5,0.001&run=rmsprop(lr=0.01)@-1.5,0.001&run=adam(lr=0.01)@-1.5,0.001',
  view: { step: 0, mapView: 'both' },
  lookAt: 'Play and watch which run turns off the ridge first; the loss chart shows the escape as the loss falling below 0.',
  question: {
    kind: 'choice',
    prompt: 'Which run is the last to get off the saddle (loss below −1)?',
    options: ['SGD', 'RMSprop', 'Adam'],
    answer: 0,
  },
  reveal: [
    'RMSprop gets below −1 at step 24 and Adam at step 91; SGD is still at −0.14 after 300 steps, its y only 0.38.',
    'RMSprop is faster still because torch\'s RMSprop has no bias correction: its running average of g² starts near 0, so its first steps are up to 10 times lr.',
  ],
  claims: [
    { claim: { kind: 'fewer-steps', faster: 1, slower: 0, threshold: -1 }, says: 'RMSprop escapes before SGD' },
    { claim: { kind: 'fewer-steps', faster: 2, slower: 0, threshold: -1 }, says: 'Adam escapes before SGD' },
    { claim: { kind: 'fewer-steps', faster: 1, slower: 2, threshold: -1 }, says: 'RMSprop escapes before Adam' },
  ],
};
