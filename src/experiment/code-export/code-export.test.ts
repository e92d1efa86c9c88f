import { describe, expect, it } from 'vitest';
import { parseExperiment } from '../validate';
import type { Experiment } from '../experiment';
import { pytorchScript, scipyScript } from '.';
import { pythonNumber } from './python-formula';

function parse(json: unknown): Experiment {
  const parsed = parseExperiment(json);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.experiment;
}

describe('exported scripts', () => {
  it('write every float64 so Python reads back the same bits', () => {
    for (const value of [0.1, 1 / 3, 5e-324, 1.7976931348623157e308, 1e21, 2, -0.5]) {
      const text = pythonNumber(value).replace(/^\((.*)\)$/, '$1');
      expect(Number(text)).toBe(value);
      expect(text).toMatch(/[.e]/);
    }
    expect(pythonNumber(-0)).toBe('(-0.0)');
  });

  it('list the runs they cannot reproduce, in the header and on stderr, and say where they are', () => {
    const experiment = parse({
      version: 1,
      problem: { surface: 'rastrigin' },
      steps: 20,
      runs: [
        { optimizer: 'adam', hyper: { lr: 0.1 }, start: [1, 1] },
        { optimizer: 'cma_es', hyper: {}, start: [1, 1] },
        { optimizer: 'nelder_mead', hyper: {}, start: [1, 1] },
      ],
    });
    const torch = pytorchScript(experiment, 'https://example.test/#v=1');
    if (!torch.ok) throw new Error(torch.reason);
    expect(torch.skipped).toEqual(['run 2 (CMA-ES σ 0.5): CMA-ES has no PyTorch counterpart here', 'run 3 (Nelder-Mead): Nelder-Mead has no PyTorch counterpart here; the SciPy script reproduces it']);
    expect(torch.script).toContain('Open it in the app: https://example.test/#v=1');
    expect(torch.script).toContain('optimizer = torch.optim.Adam([p], lr=0.1, betas=(0.9, 0.999), eps=1e-8, weight_decay=0, amsgrad=False)');
    expect(torch.script).toContain('print("not exported: run 2 (CMA-ES σ 0.5): CMA-ES has no PyTorch counterpart here", file=sys.stderr)');
    const scipy = scipyScript(experiment);
    if (!scipy.ok) throw new Error(scipy.reason);
    expect(scipy.skipped.map((line) => line.split(':')[0])).toEqual(['run 1 (Adam lr 0.1)', 'run 2 (CMA-ES σ 0.5)']);
    expect(scipy.script).toContain('run(3, "Nelder-Mead", [1, 1]'.replace('[1, 1]', '[1.0, 1.0]'));
  });

  it('refuse with a reason where no script can be written', () => {
    const data = parse({ version: 1, problem: { dataset: { name: 'linear_1d' }, model: { kind: 'linear' } }, steps: 5, runs: [{ optimizer: 'sgd', hyper: { lr: 0.1 } }] });
    expect(scipyScript(data)).toEqual({ ok: false, reason: 'the SciPy script takes formulas and surfaces; a data problem exports as a PyTorch script' });
    const nDimensional = parse({ version: 1, problem: { surface: 'rosenbrock', dimension: 5 }, steps: 5, runs: [{ optimizer: 'sgd', hyper: { lr: 0.001 }, start: [0, 0, 0, 0, 0] }] });
    expect(pytorchScript(nDimensional)).toEqual({ ok: false, reason: 'the 5-dimensional Rosenbrock has no formula in x and y to export yet; export it in two dimensions' });
    const gradientFree = parse({ version: 1, problem: { surface: 'himmelblau' }, steps: 5, runs: [{ optimizer: 'pso', hyper: {}, start: [0, 0] }] });
    const refused = pytorchScript(gradientFree);
    expect(refused.ok).toBe(false);
    expect(refused.ok ? '' : refused.reason).toMatch(/^no run can be written as PyTorch: run 1 \(PSO/);
  });
});
