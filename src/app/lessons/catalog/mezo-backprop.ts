import type { Lesson } from '../lesson';

/** Zeroth-order (MeZO) against backpropagation on a model, in passes and memory. */
export const mezoBackprop: Lesson = {
  id: 'mezo-backprop',
  title: 'Zeroth-order (MeZO) vs backprop',
  text: [
    'A small neural network (8 tanh units) learns the two-moons data. Backprop gets the exact gradient from one forward and one backward pass, but the backward pass must keep every activation.',
    'MeZO (zeroth-order SGD) never runs backward: it evaluates the loss at w + εz and w − εz for a random direction z and steps along z by the difference. Two forward passes, and z is regenerated from a seed, so it keeps nothing extra.',
  ],
  link: 'v=1&problem={%22kind%22:%22data%22,%22dataset%22:{%22name%22:%22two_moons%22,%22params%22:{}},%22model%22:{%22kind%22:%22mlp%22,%22hidden%22:[8],%22activation%22:%22tanh%22,%22loss%22:%22cross_entropy%22}}&steps=1000&run=sgd(lr=0.5)&run=zo_sgd(lr=0.05)&x=cost',
  view: { step: 0 },
  lookAt: "Compare the loss curves against cost, and read each run's memory line in the runs panel.",
  question: {
    kind: 'choice',
    prompt: 'Which reaches a training loss of 0.3 for fewer passes, and which needs less memory?',
    options: ['Backprop both', 'MeZO both', 'Backprop fewer passes, MeZO less memory'],
    answer: 2,
  },
  reveal: [
    'Backprop reaches 0.3 at step 19, after 40 passes (a forward and a backward each step, and one at the start), and ends at 0.026. MeZO, one random direction per step, needs 589 forward passes (step 196) and ends at 0.24 after 1000 steps.',
    "Besides the parameters, MeZO holds 1,600 floats (the widest layer's activations for every row) and backprop 1,800 (every unit's). The gap grows with depth: on a large language model it is what lets MeZO fine-tune in the memory of inference.",
  ],
  claims: [
    { claim: { kind: 'fewer-evaluations', faster: 0, slower: 1, threshold: 0.3 }, says: 'backprop reaches 0.3 for fewer passes' },
    { claim: { kind: 'less-memory', lower: 1, higher: 0 }, says: 'MeZO keeps fewer floats' },
    { claim: { kind: 'no-gradients', run: 1 }, says: 'MeZO never runs a backward pass' },
  ],
};
