import { describe, expect, it } from 'vitest';
import { NO_ANALYSIS_SETTINGS } from './analysis-settings';
import { CLASSROOM_NAME_LIST, isHidden, panelOf } from './classroom-names';
import { DEFAULT_EXPERIMENT } from './experiment';
import { DEFAULT_URL_VIEW, decodeUrlState, encodeExperiment, encodeUrlState } from './url-codec';

// Oracles: the links written out by hand (TensorFlow Playground's style, hide=a,b), and the
// registry's own order for what a canonical link lists.

const LINK = 'v=1&surface=booth&run=adam(lr=0.1)@0,0';

describe('the classroom keys of the share URL', () => {
  it('reads hide=, lock= and present= into the view, the names in the registry order', () => {
    const state = decodeUrlState(`${LINK}&hide=analysis,runs.lr&lock=1&present=1`);
    expect(state.problems).toEqual([]);
    expect(state.view.classroom).toEqual({ hidden: ['runs.lr', 'analysis'], locked: true, presenting: true });
  });

  it('writes the keys after the view, and nothing at the defaults (older links unchanged)', () => {
    const experiment = decodeUrlState(LINK).experiment;
    const plain = encodeUrlState({ experiment, view: DEFAULT_URL_VIEW, analyses: NO_ANALYSIS_SETTINGS });
    expect(plain).toBe(encodeExperiment(experiment));
    expect(encodeUrlState({ experiment, view: { ...DEFAULT_URL_VIEW, classroom: { hidden: [], locked: false, presenting: false } }, analyses: NO_ANALYSIS_SETTINGS })).toBe(plain);
    const hash = encodeUrlState({
      experiment,
      view: { ...DEFAULT_URL_VIEW, step: 3, classroom: { hidden: ['problem.surface', 'runs.lr'], locked: true, presenting: false } },
      analyses: NO_ANALYSIS_SETTINGS,
    });
    expect(hash).toBe(`${plain}&step=3&hide=problem.surface,runs.lr&lock=1`);
  });

  it('round-trips every name, alone and all together', () => {
    for (const hidden of [...CLASSROOM_NAME_LIST.map((name) => [name]), [...CLASSROOM_NAME_LIST]]) {
      const classroom = { hidden, locked: hidden.length > 1, presenting: hidden.length === 1 };
      const hash = encodeUrlState({ experiment: DEFAULT_EXPERIMENT, view: { ...DEFAULT_URL_VIEW, classroom }, analyses: NO_ANALYSIS_SETTINGS });
      const decoded = decodeUrlState(hash);
      expect(decoded.problems).toEqual([]);
      expect(decoded.view.classroom).toEqual(classroom);
    }
  });

  it('says which names in hide= are unknown, with a suggestion, and applies the others', () => {
    const state = decodeUrlState(`${LINK}&hide=runs.lrr,analysis,,bogus`);
    expect(state.view.classroom?.hidden).toEqual(['analysis']);
    expect(state.problems).toEqual([
      "hide: 'runs.lrr' is not a panel or control of the page (did you mean 'runs.lr'?); ignored",
      "hide: 'bogus' is not a panel or control of the page; ignored",
    ]);
    // the experiment itself is read as without the key
    expect(state.experiment).toEqual(decodeUrlState(LINK).experiment);
  });

  it('reads lock and present as 1/0/true/false or bare, and names a bad value falling back', () => {
    expect(decodeUrlState(`${LINK}&lock`).view.classroom?.locked).toBe(true);
    expect(decodeUrlState(`${LINK}&lock=true&present=false`).view.classroom).toEqual({ hidden: [], locked: true, presenting: false });
    const bad = decodeUrlState(`${LINK}&lock=yes&present=2`);
    expect(bad.view.classroom?.locked ?? false).toBe(false);
    expect(bad.view.classroom?.presenting ?? false).toBe(false);
    expect(bad.problems).toEqual(["lock: 'yes' is not 1 or 0; leaving the experiment editable", "present: '2' is not 1 or 0; opening the ordinary page"]);
  });

  it('takes a panel to hide its controls, and a control alone to leave its panel', () => {
    expect(panelOf('runs.lr')).toBe('runs');
    expect(panelOf('map')).toBe('map');
    expect(isHidden(['runs'], 'runs.lr')).toBe(true);
    expect(isHidden(['runs.lr'], 'runs')).toBe(false);
    expect(isHidden(['runs.lr'], 'runs.momentum')).toBe(false);
    // every control's panel is itself a name, so the editor can group them
    for (const name of CLASSROOM_NAME_LIST) expect(CLASSROOM_NAME_LIST).toContain(panelOf(name));
  });

  it('is ignored by the CLI reading the experiment alone', async () => {
    const { decodeExperiment } = await import('./url-codec');
    expect(decodeExperiment(`${LINK}&hide=runs&lock=1&present=1`).problems).toEqual([]);
  });
});
