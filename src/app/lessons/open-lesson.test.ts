import { describe, expect, it } from 'vitest';
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

  it('applies the theory overlay and the map view the lesson asks for, and resets them for one that does not', () => {
    const store = createAppStore({ experiment: DEFAULT_EXPERIMENT });
    applyLessonView(store, { theory: true, mapView: 'both' });
    expect(store.getState().theoryOverlay).toBe(true);
    expect(store.getState().mapView).toBe('both');
    applyLessonView(store, { step: 3 });
    expect(store.getState().theoryOverlay).toBe(false);
    expect(store.getState().mapView).toBe('contour');
  });

});
