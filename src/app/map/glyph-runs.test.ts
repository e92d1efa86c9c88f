import { describe, expect, it } from 'vitest';
import type { StepInspection } from '../../engine/inspect-step';
import { DEFAULT_EXPERIMENT, type Experiment } from '../../experiment/experiment';
import { glyphRuns, theoryDrawing } from './glyph-runs';

// What the glyph layer is handed: visible runs only, the run's own lr, the Hessian only for the
// inspections it was computed for, nothing for inspections of another experiment.

const experiment: Experiment = {
  ...DEFAULT_EXPERIMENT,
  runs: [
    { optimizer: 'sgd', hyper: { lr: 0.01 }, start: [0, 0] },
    { optimizer: 'nelder_mead', hyper: {}, start: [1, 1], hidden: true },
    { optimizer: 'zo_sgd', hyper: { lr: 0.02 }, start: [1, 0] },
  ],
};
const inspection = (x: number) => ({ step: 1, point: Float64Array.of(x, 0), gradient: Float64Array.of(1, 0), previousPoint: null, delta: null, method: null }) as unknown as StepInspection;
const inspections = { experiment, step: 1, runs: [inspection(0), inspection(1), inspection(2)] };

describe('glyphRuns', () => {
  it('gives the visible runs, each with its lr, probes and Hessian', () => {
    const direction = Float64Array.of(0, 1);
    const runs = [null, null, { snapshots: [null, { direction }] }] as never;
    const model = { problem: experiment.problem, point: [0, 0], value: 0, gradient: [0, 0], hessian: [1, 0, 0, 3] };
    const glyphs = glyphRuns({ experiment, runs, inspections, newtonModels: { inspections, models: [model, model, model] } });
    expect(glyphs.map((run) => run.index)).toEqual([0, 2]);
    expect(glyphs.map((run) => run.source.learningRate)).toEqual([0.01, 0.02]);
    expect(glyphs[1].source.direction).toBe(direction);
    expect(glyphs[0].source.hessian).toEqual([1, 0, 0, 3]);
    // Hessians of older inspections are not used
    const stale = glyphRuns({ experiment, runs, inspections, newtonModels: { inspections: { ...inspections }, models: [model, model, model] } });
    expect(stale[0].source.hessian).toBeNull();
  });

  it('gives nothing for another experiment’s inspections, and no theory drawing while off', () => {
    expect(glyphRuns({ experiment: { ...experiment }, runs: null, inspections })).toEqual([]);
    const model = { problem: experiment.problem, point: [0.5, 1], value: 0, gradient: [0, 0], hessian: [2, 0, 0, 8] };
    expect(theoryDrawing({ experiment, theoryOverlay: false, theoryModel: { model, source: { kind: 'cursor' } } })).toBeNull();
    const drawing = theoryDrawing({ experiment, theoryOverlay: true, theoryModel: { model, source: { kind: 'cursor' } } });
    expect(drawing?.point).toEqual([0.5, 1]);
    expect(Array.from(drawing!.model.eigenvalues)).toEqual([2, 8]);
  });
});
