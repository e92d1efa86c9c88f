import { describe, expect, it } from 'vitest';
import { OPTIMIZERS } from '../engine/methods/first-order';
import { DEFAULT_EXPERIMENT } from './experiment';
import { METHODS } from '../engine/methods';
import { automaticRunName, formatSetting, isAutomaticLabel, RUN_NAME_RULES, withoutAutomaticLabels } from './run-name';
import { decodeExperiment, encodeExperiment } from './url-codec';
import { formatRun } from './url-run';

describe('automaticRunName', () => {
  it('names a run by its optimizer and learning rate', () => {
    expect(automaticRunName({ optimizer: 'adam', hyper: { lr: 0.2 } })).toBe('Adam lr 0.2');
    expect(automaticRunName({ optimizer: 'sgd', hyper: { lr: 0.01 } })).toBe('SGD lr 0.01');
    expect(automaticRunName({ optimizer: 'lion', hyper: { lr: 0.01 } })).toBe('Lion lr 0.01');
  });

  it("takes torch's default learning rate when the run sets none", () => {
    expect(automaticRunName({ optimizer: 'adam', hyper: {} })).toBe('Adam lr 0.001');
    expect(automaticRunName({ optimizer: 'lion', hyper: {} })).toBe('Lion lr 0.0001');
  });

  it('names the variant a setting makes: momentum, Nesterov, AMSGrad, centred RMSprop', () => {
    expect(automaticRunName({ optimizer: 'sgd', hyper: { lr: 0.01, momentum: 0.9 } })).toBe('Momentum lr 0.01 μ 0.9');
    expect(automaticRunName({ optimizer: 'sgd', hyper: { lr: 0.01, momentum: 0.9, nesterov: true } })).toBe('Nesterov lr 0.01 μ 0.9');
    expect(automaticRunName({ optimizer: 'adam', hyper: { lr: 0.05, amsgrad: true } })).toBe('AMSGrad lr 0.05');
    expect(automaticRunName({ optimizer: 'rmsprop', hyper: { lr: 0.01, centered: true, momentum: 0.5 } })).toBe('RMSprop centered lr 0.01 μ 0.5');
  });

  it("shows a secondary setting only once it differs from torch's default, AdamW's weight decay always", () => {
    expect(automaticRunName({ optimizer: 'adam', hyper: { lr: 0.05, betas: [0.9, 0.999] } })).toBe('Adam lr 0.05');
    expect(automaticRunName({ optimizer: 'adam', hyper: { lr: 0.05, betas: [0.8, 0.999] } })).toBe('Adam lr 0.05 β1 0.8');
    expect(automaticRunName({ optimizer: 'adam', hyper: { lr: 0.05, betas: [0.9, 0.99], weight_decay: 0.1 } })).toBe('Adam lr 0.05 β2 0.99 wd 0.1');
    expect(automaticRunName({ optimizer: 'adamw', hyper: { lr: 0.05 } })).toBe('AdamW lr 0.05 wd 0.01');
    expect(automaticRunName({ optimizer: 'adadelta', hyper: { lr: 1, rho: 0.95 } })).toBe('Adadelta lr 1 ρ 0.95');
    expect(automaticRunName({ optimizer: 'sgd', hyper: { lr: 0.01, eps: 1 } as never })).toBe('SGD lr 0.01');
  });

  it('adds the schedule and the clipping', () => {
    const run = { optimizer: 'adam', hyper: { lr: 0.05 } };
    expect(automaticRunName({ ...run, schedule: { type: 'cosine', T_max: 300, eta_min: 0 } })).toBe('Adam lr 0.05 cosine');
    expect(automaticRunName({ ...run, clip: { type: 'norm', max_norm: 1 } })).toBe('Adam lr 0.05 clip 1');
    expect(automaticRunName({ ...run, schedule: { type: 'constant' } as never })).toBe('Adam lr 0.05');
  });

  it('writes values with three significant digits', () => {
    expect([0.001, 0.05, 0.123456, 1e-5, 2.5e-7, 12345, 0.9].map(formatSetting)).toEqual(['0.001', '0.05', '0.123', '0.00001', '2.5e-7', '12300', '0.9']);
  });

  it('has a rule for every method in the registry', () => {
    expect(Object.keys(RUN_NAME_RULES).sort()).toEqual(METHODS.map((method) => method.id).sort());
    expect(OPTIMIZERS.every((optimizer) => optimizer.id in RUN_NAME_RULES)).toBe(true);
  });

  it('names only settings a method has', () => {
    for (const method of METHODS) {
      const names = new Set(method.hyperSpecs.map((spec) => spec.name));
      for (const setting of RUN_NAME_RULES[method.id].settings) expect(names, `${method.id}.${setting.hyper}`).toContain(setting.hyper);
    }
  });

  it('names the other families by their variant and their search settings', () => {
    expect(automaticRunName({ optimizer: 'newton', hyper: {} })).toBe('Newton');
    expect(automaticRunName({ optimizer: 'newton', hyper: { line_search: 'backtracking', lr: 0.5 } })).toBe('Damped Newton lr 0.5');
    expect(automaticRunName({ optimizer: 'lbfgs', hyper: { line_search_fn: 'strong_wolfe', history_size: 5 } })).toBe('L-BFGS Wolfe m 5');
    expect(automaticRunName({ optimizer: 'nelder_mead', hyper: { adaptive: true, xatol: 1e-8 } })).toBe('Nelder-Mead adaptive xatol 1e-8');
    expect(automaticRunName({ optimizer: 'powell', hyper: { ftol: 0.01 } })).toBe('Powell ftol 0.01');
    expect(automaticRunName({ optimizer: 'bfgs', hyper: { norm: '2' } })).toBe('BFGS norm 2');
    expect(automaticRunName({ optimizer: 'cma_es', hyper: {} })).toBe('CMA-ES σ 0.5');
    expect(automaticRunName({ optimizer: 'simulated_annealing', hyper: { cooling: 'linear' } })).toBe('Annealing linear σ 0.25');
    expect(automaticRunName({ optimizer: 'differential_evolution', hyper: { mutation: [0.8, 0.8] } })).toBe('DE F 0.8');
    expect(automaticRunName({ optimizer: 'zo_sgd', hyper: { lr: 0.01, q: 4 } })).toBe('ZO-SGD lr 0.01 q 4');
    expect(automaticRunName({ optimizer: 'random_search', hyper: {} })).toBe('Random search');
  });
});

describe('isAutomaticLabel: labels in links the playground wrote by itself', () => {
  it('reads the names presets and the default experiment gave as automatic, numbered or copied', () => {
    expect(isAutomaticLabel({ optimizer: 'sgd', hyper: {}, label: 'SGD' })).toBe(true);
    expect(isAutomaticLabel({ optimizer: 'sgd', hyper: { momentum: 0.9 }, label: 'Momentum' })).toBe(true);
    expect(isAutomaticLabel({ optimizer: 'sgd', hyper: {}, label: 'GD 2' })).toBe(true);
    expect(isAutomaticLabel({ optimizer: 'adam', hyper: {}, label: 'Adam (copy)' })).toBe(true);
    expect(isAutomaticLabel({ optimizer: 'adam', hyper: { amsgrad: true }, label: 'AMSGrad 3 (copy) (copy)' })).toBe(true);
  });

  it('reads "SGD" as automatic on any run: the old default run that a switch never renamed', () => {
    expect(isAutomaticLabel({ optimizer: 'lion', hyper: { lr: 0.01 }, label: 'SGD' })).toBe(true);
  });

  it("reads the run's own automatic name as automatic", () => {
    expect(isAutomaticLabel({ optimizer: 'adam', hyper: { lr: 0.2 }, label: 'Adam lr 0.2' })).toBe(true);
    expect(isAutomaticLabel({ optimizer: 'adam', hyper: { lr: 0.2 }, label: 'Adam lr 0.2 (2)' })).toBe(true);
  });

  it('keeps anything else as typed: another optimizer\'s name, a changed name, free text', () => {
    expect(isAutomaticLabel({ optimizer: 'lion', hyper: {}, label: 'Adam' })).toBe(false);
    expect(isAutomaticLabel({ optimizer: 'adam', hyper: { lr: 0.2 }, label: 'Adam lr 0.1' })).toBe(false);
    expect(isAutomaticLabel({ optimizer: 'adam', hyper: {}, label: 'Adam, fast' })).toBe(false);
    expect(isAutomaticLabel({ optimizer: 'adam', hyper: {}, label: 'Adam 3b' })).toBe(false);
    expect(isAutomaticLabel({ optimizer: 'sgd', hyper: {}, label: 'Plain GD' })).toBe(false);
  });
});

describe('labels in the run= spec', () => {
  it('writes no label for an automatic name and the label for a typed one', () => {
    expect(formatRun({ optimizer: 'lion', hyper: { lr: 0.01 }, start: [-1.5, 2] })).toBe('lion(lr=0.01)@-1.5,2');
    expect(formatRun({ optimizer: 'lion', hyper: { lr: 0.01 }, start: [-1.5, 2], label: 'Mine' })).toBe('lion(lr=0.01)@-1.5,2;label=Mine');
  });

  it('keeps every label in the codec, so a link reproduces its experiment exactly', () => {
    const { experiment } = decodeExperiment('v=1&run=lion(lr=0.01)@-1.5,2;label=SGD');
    expect(experiment.runs).toEqual([{ optimizer: 'lion', hyper: { lr: 0.01 }, start: [-1.5, 2], label: 'SGD' }]);
  });
});

describe('withoutAutomaticLabels: how the playground opens a link', () => {
  it("drops an old link's automatic labels and keeps typed ones", () => {
    const { experiment } = decodeExperiment('v=1&run=lion(lr=0.01)@-1.5,2;label=SGD&run=sgd(lr=0.001,momentum=0.9)@-1.5,2;label=Momentum;color=000000&run=lion(lr=0.01)@0,0;label=Adam');
    expect(withoutAutomaticLabels(experiment).runs).toEqual([
      { optimizer: 'lion', hyper: { lr: 0.01 }, start: [-1.5, 2] },
      { optimizer: 'sgd', hyper: { lr: 0.001, momentum: 0.9 }, start: [-1.5, 2], color: '#000000' },
      { optimizer: 'lion', hyper: { lr: 0.01 }, start: [0, 0], label: 'Adam' },
    ]);
    expect(encodeExperiment(withoutAutomaticLabels(experiment))).toBe('v=1&run=lion(lr=0.01)@-1.5,2&run=sgd(lr=0.001,momentum=0.9)@-1.5,2;color=000000&run=lion(lr=0.01)@0,0;label=Adam');
  });

  it('returns an experiment with nothing to drop as it is', () => {
    expect(withoutAutomaticLabels(DEFAULT_EXPERIMENT)).toBe(DEFAULT_EXPERIMENT);
  });
});
