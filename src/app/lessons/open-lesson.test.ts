import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_EXPERIMENT } from '../../experiment/experiment';
import { decodeUrlState } from '../../experiment/url-codec';
import { createAppStore } from '../../store/store';
import { getLesson } from './catalog';
import { applyLessonView, openLesson } from './open-lesson';

describe('openLesson', () => {
  it("opens a lesson's link as the page's own: its experiment, paused at its step, with its glyphs and inspected run", async () => {
    const store = createAppStore({ experiment: DEFAULT_EXPERIMENT });
    store.getState().play();
    store.getState().setGlyph('gradient', true);
    const lesson = getLesson('momentum-ravine');
    if (!lesson) throw new Error('no lesson');
    await openLesson(store, lesson, 'page');
    const state = store.getState();
    expect(state.experiment).toEqual(decodeUrlState(lesson.link).experiment);
    expect(state.playing).toBe(false);
    expect(state.step).toBe(0);
    expect(state.glyphs).toEqual({ gradient: false, velocity: true, stepBox: false, newtonStep: false, probeDirection: false });
    expect(state.inspectedRun).toBe(1);
    // opening the page's link is no edit: nothing to undo
    expect(state.past).toEqual([]);
  });

  it('applies the theory overlay and the 3-D view where the store offers them', () => {
    const store = createAppStore({ experiment: DEFAULT_EXPERIMENT });
    const setTheoryOverlay = vi.fn();
    const setView3d = vi.fn();
    store.setState({ setTheoryOverlay, setView3d } as never);
    applyLessonView(store, { theory: 'stability', view3d: true });
    expect(setTheoryOverlay).toHaveBeenCalledWith('stability');
    expect(setView3d).toHaveBeenCalledWith(true);
    applyLessonView(store, undefined);
    expect(setTheoryOverlay).toHaveBeenLastCalledWith(null);
    expect(setView3d).toHaveBeenLastCalledWith(false);
  });

  it('leaves a store without those actions alone', () => {
    const store = createAppStore({ experiment: DEFAULT_EXPERIMENT });
    expect(() => applyLessonView(store, { theory: 'stability', view3d: true })).not.toThrow();
  });
});
