import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { getOptimizer, OPTIMIZERS, validateHyperValues } from './index';
import { defaultHyperValues } from './hyper';

/**
 * How each numeric hyperparameter is written: in an update rule (LaTeX) and in its control's hint
 * (the spec's description), so the reader can match the slider to the symbol in the rule.
 */
const SYMBOLS: Readonly<Record<string, { readonly latex: readonly string[]; readonly text: readonly string[] }>> = {
  lr: { latex: ['\\gamma'], text: ['γ'] },
  momentum: { latex: ['\\mu'], text: ['μ'] },
  dampening: { latex: ['\\tau'], text: ['τ'] },
  weight_decay: { latex: ['\\lambda'], text: ['λ'] },
  eps: { latex: ['\\epsilon'], text: ['ε'] },
  betas: { latex: ['\\beta_1', '\\beta_2'], text: ['β1', 'β2'] },
  alpha: { latex: ['\\alpha'], text: ['α'] },
  rho: { latex: ['\\rho'], text: ['ρ'] },
  lr_decay: { latex: ['\\eta'], text: ['η'] },
  // the rule's s_{t−1} at the first step
  initial_accumulator_value: { latex: ['s_'], text: ['s₀'] },
  momentum_decay: { latex: ['\\psi'], text: ['ψ'] },
};

/** Symbols a rule leaves out although its optimizer uses them: fix the rule, then delete the entry. */
const KNOWN_OMISSIONS: Readonly<Record<string, readonly string[]>> = {
  // the rule uses m̂_t without defining m_t = β1 m_{t−1} + (1 − β1) g_t and m̂_t = m_t / (1 − β1^t)
  radam: ['\\beta_1'],
};

/** True when `rule` contains the LaTeX symbol as a whole command (\eta does not count inside \beta). */
function mentions(rule: string, symbol: string): boolean {
  const escaped = symbol.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
  return new RegExp(`${escaped}(?![a-zA-Z])`).test(rule);
}

describe('OPTIMIZERS', () => {
  it('has the ten first-order optimizers, each findable by its unique id', () => {
    expect(OPTIMIZERS.map((optimizer) => optimizer.id)).toEqual(['sgd', 'adagrad', 'rmsprop', 'adadelta', 'adam', 'adamw', 'adamax', 'nadam', 'radam', 'lion']);
    for (const optimizer of OPTIMIZERS) expect(getOptimizer(optimizer.id)).toBe(optimizer);
    expect(getOptimizer('adamm')).toBeUndefined();
  });

  it.each(OPTIMIZERS.map((optimizer) => [optimizer.id, optimizer] as const))('%s: defaults are valid, specs described', (_id, optimizer) => {
    expect(validateHyperValues(optimizer, defaultHyperValues(optimizer.hyperSpecs))).toBeNull();
    for (const spec of optimizer.hyperSpecs) expect(spec.description.length).toBeGreaterThan(3);
    expect(optimizer.hyperSpecs[0].name).toBe('lr');
  });

  it.each(OPTIMIZERS.map((optimizer) => [optimizer.id, optimizer] as const))('%s: the update rule renders and shows each numeric hyperparameter', (id, optimizer) => {
    // the playground renders with throwOnError: false; a rule that fails here shows as red source text
    expect(() => katex.renderToString(optimizer.updateRule, { throwOnError: true, strict: 'error' })).not.toThrow();
    const omitted = KNOWN_OMISSIONS[id] ?? [];
    for (const spec of optimizer.hyperSpecs) {
      if (spec.kind === 'boolean') continue; // switches such as nesterov or amsgrad change the rule's form, not a symbol in it
      const symbols = SYMBOLS[spec.name];
      expect(symbols, `a symbol for ${spec.name}`).toBeDefined();
      for (const text of symbols.text) expect(spec.description, `${spec.name}'s hint`).toContain(text);
      // an L2 penalty is folded into the gradient (the hint says g ← g + λθ): the rule's g_t already carries it
      if (spec.name === 'weight_decay' && spec.description.includes('g ← g + λθ')) continue;
      for (const latex of symbols.latex) if (!omitted.includes(latex)) expect(mentions(optimizer.updateRule, latex), `${latex} (${spec.name}) in ${optimizer.updateRule}`).toBe(true);
    }
    for (const latex of omitted) expect(mentions(optimizer.updateRule, latex), `${latex} is in the rule now: drop it from KNOWN_OMISSIONS`).toBe(false);
  });
});

describe('validateHyperValues', () => {
  const sgd = getOptimizer('sgd')!;
  const adam = getOptimizer('adam')!;
  const sgdDefaults = defaultHyperValues(sgd.hyperSpecs);

  it('enforces ranges, naming the field', () => {
    expect(validateHyperValues(sgd, { ...sgdDefaults, lr: 0 })).toMatch(/^lr must be > 0/);
    expect(validateHyperValues(adam, { ...defaultHyperValues(adam.hyperSpecs), betas: [0.9, 1] })).toMatch(/^betas\[1\] must be < 1/);
    expect(validateHyperValues(adam, { ...defaultHyperValues(adam.hyperSpecs), amsgrad: 1 })).toMatch(/^amsgrad must be true or false/);
  });

  it("applies torch's rule that nesterov needs momentum > 0 and dampening = 0", () => {
    expect(validateHyperValues(sgd, { ...sgdDefaults, nesterov: true })).toBe('nesterov requires momentum > 0');
    expect(validateHyperValues(sgd, { ...sgdDefaults, nesterov: true, momentum: 0.9, dampening: 0.1 })).toBe('nesterov requires dampening = 0');
    expect(validateHyperValues(sgd, { ...sgdDefaults, nesterov: true, momentum: 0.9 })).toBeNull();
  });
});
