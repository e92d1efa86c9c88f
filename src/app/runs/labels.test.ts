import { describe, expect, it } from 'vitest';
import { getOptimizer } from '../../engine/methods/first-order';
import { RUN_COLORS } from '../../views/scales';
import { colorName, formatLoss, pairPartLabels, problemTitle, runLabel, runLabels, stackEquations } from './labels';

describe('stackEquations', () => {
  it("puts each of Adam's three equations on its own left-aligned line", () => {
    const stacked = stackEquations(getOptimizer('adam')!.updateRule);
    expect(stacked.startsWith(String.raw`\begin{aligned}&m_t = `)).toBe(true);
    expect(stacked.endsWith(String.raw`\end{aligned}`)).toBe(true);
    expect(stacked.split(String.raw` \\ `)).toHaveLength(3);
    expect(stacked).not.toContain(String.raw`\quad`);
  });

  it('does not split inside braces or an environment', () => {
    expect(stackEquations(String.raw`a = \frac{1,\quad 2}{3},\quad b = 1`)).toBe(String.raw`\begin{aligned}&a = \frac{1,\quad 2}{3} \\ &b = 1\end{aligned}`);
    const radam = stackEquations(getOptimizer('radam')!.updateRule);
    expect(radam.split(String.raw` \\ &`)).toHaveLength(2);
    expect(radam).toContain(String.raw`\begin{cases}`);
  });

  it('leaves a single equation as it is', () => {
    expect(stackEquations('x = 1')).toBe('x = 1');
  });
});

describe('names for people and screen readers', () => {
  it('names every palette colour', () => {
    expect(RUN_COLORS.map(colorName)).toEqual(['orange', 'sky blue', 'bluish green', 'reddish purple', 'vermilion', 'blue', 'yellow', 'black']);
    expect(colorName('#ABCDEF')).toBe('#abcdef');
  });

  it('names the halves of betas by their symbols', () => {
    expect(pairPartLabels({ name: 'betas' }).map((part) => part.symbol)).toEqual(['β1', 'β2']);
  });

  it('titles a run and a problem', () => {
    expect(runLabel({ optimizer: 'adam', hyper: { lr: 0.05 }, start: [0, 0] }, 0)).toBe('Adam lr 0.05');
    expect(runLabel(undefined, 2)).toBe('run 3');
    expect(runLabel({ optimizer: 'adam', hyper: {}, start: [0, 0], label: 'Mine' }, 0)).toBe('Mine');
    expect(problemTitle({ kind: 'surface', surface: 'rosenbrock', params: {} })).toBe('Rosenbrock');
    expect(problemTitle({ kind: 'formula', expression: 'x^2+y^2' })).toBe('f(x, y) = x^2+y^2');
  });
});

describe('runLabels', () => {
  it('numbers an automatic name that an earlier run already has, and never a typed one', () => {
    const adam = { optimizer: 'adam', hyper: { lr: 0.05 }, start: [0, 0] };
    const runs = [adam, { ...adam, start: [1, 1] }, { ...adam, label: 'Adam lr 0.05' }, adam, { ...adam, label: 'Mine' }, { ...adam, label: 'Mine' }];
    expect(runLabels(runs)).toEqual(['Adam lr 0.05', 'Adam lr 0.05 (2)', 'Adam lr 0.05', 'Adam lr 0.05 (4)', 'Mine', 'Mine']);
  });

  it('names a run alike asked alone or with its list, and follows a changed list', () => {
    const adam = { optimizer: 'adam', hyper: { lr: 0.05 }, start: [0, 0] };
    const runs = [adam, { ...adam, label: 'Adam lr 0.05' }, { ...adam }];
    expect(runs.map((run, index) => runLabel({ ...run }, index, runs))).toEqual(runLabels(runs));
    expect(runLabel(runs[2], 2, runs)).toBe('Adam lr 0.05 (3)');
    const changed = [runs[0], { ...adam, hyper: { lr: 0.1 } }, runs[2]];
    expect(runLabels(changed)).toEqual(['Adam lr 0.05', 'Adam lr 0.1', 'Adam lr 0.05 (2)']);
  });

  it('follows the optimizer when a run is switched: SGD becomes Lion', () => {
    expect(runLabels([{ optimizer: 'sgd', hyper: { lr: 0.001 }, start: [0, 0] }])).toEqual(['SGD lr 0.001']);
    expect(runLabels([{ optimizer: 'lion', hyper: { lr: 0.01 }, start: [0, 0] }])).toEqual(['Lion lr 0.01']);
  });
});

describe('formatLoss', () => {
  it('shows four significant digits, exponent form when tiny or huge', () => {
    expect(formatLoss(5.04912)).toBe('5.049');
    expect(formatLoss(0.034217)).toBe('0.03422');
    expect(formatLoss(1.234e-7)).toBe('1.23e-7');
    expect(formatLoss(2.5e6)).toBe('2.50e+6');
    expect(formatLoss(0)).toBe('0');
    expect(formatLoss(-1.0316)).toBe('-1.032');
    expect(formatLoss(Number.NaN)).toBe('NaN');
  });
});
