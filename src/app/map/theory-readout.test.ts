import { describe, expect, it } from 'vitest';
import { localQuadratic } from '../../engine/theory/local-quadratic';
import { curvatureSentence, formatTheoryNumber, modelRows, runComparison } from './theory-readout';

// Oracle: diag(1, 100) by hand: κ = 100, 2/λmax = 0.02, optimal 2/101, α* = (2/11)², β* = (9/11)².

const run = (optimizer: string, hyper: Record<string, number | boolean>) => ({ optimizer, hyper, start: [0, 0] });

describe('the theory readout', () => {
  const model = localQuadratic([1, 0, 0, 100], 2);

  it('rows: eigenvalues, κ, 2/λmax, the optimal rate and the critical pair', () => {
    const rows = Object.fromEntries(modelRows(model).map((row) => [row.id, row.value]));
    expect(rows['eigenvalue-1']).toBe(1);
    expect(rows['condition-number']).toBe(100);
    expect(rows['largest-stable-rate']).toBe(0.02);
    expect(rows['critical-momentum']).toBeCloseTo((9 / 11) ** 2, 15);
    expect(formatTheoryNumber(2 / 101)).toBe('0.0198');
    expect(formatTheoryNumber(-3.14159)).toBe('−3.142');
  });

  it('compares the run’s lr and momentum with the bounds and says its rate', () => {
    const sentences = runComparison(model, run('sgd', { lr: 0.03, momentum: 0.9, dampening: 0, nesterov: false }));
    expect(sentences).toContain("The run's lr = 0.03 is above 2/λmax = 0.02.");
    expect(sentences).toContain('With momentum β = 0.9 the rate bound is (2 + 2β)/λmax = 0.038.');
    expect(sentences.join(' ')).toMatch(/lr is below α\* = 0\.03306, β is above β\* = 0\.6694/);
    // heavy ball at lr 0.03 < 0.038 converges; the rate is √β on the complex pairs
    expect(sentences.at(-1)).toBe(`On this model the run contracts by ${formatTheoryNumber(Math.sqrt(0.9))} a step.`);
    expect(runComparison(model, run('sgd', { lr: 0.03, momentum: 0, dampening: 0, nesterov: false })).at(-1)).toBe('On this model the run grows by 2 a step: it moves away from here.');
    expect(runComparison(model, run('adam', { lr: 0.1 }))[0]).toMatch(/adam rescales its steps/);
  });

  it('says a saddle is not convex and which bound still applies', () => {
    const saddle = localQuadratic([-2, 0, 0, 4], 2);
    expect(curvatureSentence(saddle)).toMatch(/saddle.*2\/λmax still bounds/);
    const rows = Object.fromEntries(modelRows(saddle).map((row) => [row.id, row.value]));
    expect(rows['largest-stable-rate']).toBe(0.5);
    expect(rows['condition-number']).toBeNull();
  });
});
