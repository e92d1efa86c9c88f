import { useEffect, useSyncExternalStore, type ChangeEvent } from 'react';
import type { AppStore } from '../../../store/store';
import { PanelBoundary } from '../../errors/PanelBoundary';
import { LossPanel } from '../../loss/LossPanel';
import { MapPanel } from '../../map/MapPanel';
import { shortcutFor } from '../../playback/use-keyboard-shortcuts';
import { useDocumentPreferences } from '../../preferences';
import { problemTitle, runLabels } from '../../runs/labels';
import { UrlProblems } from '../../toolbar/UrlProblems';
import { AppStoreContext, useAppStore } from '../../use-app-store';
import type { ComparePlayback } from './compare-playback';
import '../classroom.css';
import '../classroom-lazy.css';

const FORMAT_COUNT = new Intl.NumberFormat('en-US');

/** One side of the comparison: its label, its link's problems, its map and its own loss chart. */
export interface CompareSide {
  readonly label: string;
  readonly store: AppStore;
  /** The playground link that opens this side alone. */
  readonly href: string;
}

/**
 * The A/B page: two experiments side by side, each with its map and loss chart, under one
 * playback bar that moves both to the same step (ComparePlayback). The keys are the playground's.
 */
export function ComparePage({ sides, playback, error }: { sides: readonly CompareSide[]; playback: ComparePlayback; error: string | null }) {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const action = shortcutFor(event);
      if (!action) return;
      event.preventDefault();
      playback.apply(action);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [playback]);

  return (
    <div className="compare-page">
      <header className="compare-head">
        <h1>A/B compare</h1>
        <a href={sides[0]?.href.replace(/#.*$/, '') ?? './'}>Optimizer Playground</a>
      </header>
      {error && (
        <p className="compare-problems" role="alert">
          This A/B link cannot be read: {error}. Each side shows the default experiment.
        </p>
      )}
      <PanelBoundary name="The shared playback">
        <CompareBar playback={playback} />
      </PanelBoundary>
      <div className="compare-sides">
        {sides.map((side) => (
          <AppStoreContext.Provider key={side.label} value={side.store}>
            <SideView side={side} />
          </AppStoreContext.Provider>
        ))}
      </div>
    </div>
  );
}

/** Play / Pause, Step back, Step and the scrubber, for both sides at once. */
function CompareBar({ playback }: { playback: ComparePlayback }) {
  const { step, lastStep, playing } = useSyncExternalStore(playback.subscribe, playback.snapshot);
  return (
    <section className="panel compare-bar" aria-label="Playback of A and B">
      <button type="button" onClick={() => playback.apply('back')} aria-keyshortcuts="ArrowLeft">
        Step back
      </button>
      <button type="button" className="play-button" onClick={() => playback.togglePlay()} aria-keyshortcuts="Space">
        {playing ? 'Pause' : 'Play'}
      </button>
      <button type="button" onClick={() => playback.apply('forward')} aria-keyshortcuts="ArrowRight">
        Step
      </button>
      <input
        type="range"
        aria-label="Step of A and B"
        min={0}
        max={lastStep}
        step={1}
        value={step}
        aria-valuetext={`step ${step} of ${lastStep}`}
        onChange={(event: ChangeEvent<HTMLInputElement>) => {
          playback.pause();
          playback.setStep(Number(event.target.value));
        }}
      />
      <span className="step-counter" data-testid="compare-step" aria-live={playing ? 'off' : 'polite'}>
        step {FORMAT_COUNT.format(step)} / {FORMAT_COUNT.format(lastStep)}
      </span>
    </section>
  );
}

/** One experiment: its label, runs and step, its link's problems, the map and its loss chart. */
function SideView({ side }: { side: CompareSide }) {
  const step = useAppStore((state) => state.step);
  const steps = useAppStore((state) => state.experiment.steps);
  const runs = useAppStore((state) => state.experiment.runs);
  const problem = useAppStore((state) => state.experiment.problem);
  const engineError = useAppStore((state) => state.engineError);
  return (
    <section className="compare-side" aria-label={`Experiment ${side.label}`} data-testid={`side-${side.label}`}>
      <div className="compare-side-head">
        <h2>
          <span className="compare-label" aria-hidden="true">
            {side.label}
          </span>
          <span className="visually-hidden">Experiment {side.label}</span>
        </h2>
        <span>
          {problemTitle(problem)}: {runLabels(runs).join(' · ')}
        </span>
        <span className="step-counter" data-testid={`step-${side.label}`}>
          step {FORMAT_COUNT.format(step)} / {FORMAT_COUNT.format(steps)}
        </span>
        <a href={side.href}>Open {side.label} in the playground</a>
      </div>
      <UrlProblems />
      {engineError && (
        <p className="compare-problems" role="alert">
          The engine could not run experiment {side.label}: {engineError}
        </p>
      )}
      <PanelBoundary name={`The map of ${side.label}`} className="map-panel">
        <MapPanel />
      </PanelBoundary>
      <PanelBoundary name={`The loss chart of ${side.label}`} className="loss-panel">
        <LossPanel />
      </PanelBoundary>
    </section>
  );
}

/** Applies the reader's theme and text size to the page (from the first side's store). */
export function ComparePreferences({ store }: { store: AppStore }) {
  useDocumentPreferences(store);
  return null;
}
