import { useEffect, useId, useState, type ChangeEvent } from 'react';
import { MAX_STEPS } from '../../experiment/experiment';
import { startPlaybackClock } from './playback-clock';
import { positionOf, SPEED_POSITIONS, speedAt } from './speed-scale';
import { useAppStore, useAppStoreApi } from '../use-app-store';
import { useKeyboardShortcuts } from './use-keyboard-shortcuts';
import { InspectorToggle } from '../inspector/InspectorToggle';
import { Shown, useLocked } from '../classroom/use-shown';
import './PlaybackBar.css';

const FORMAT_COUNT = new Intl.NumberFormat('en-US');

/** Play / Pause, stepping, the scrubber over the whole history, speed and the number of steps. */
export function PlaybackBar() {
  const store = useAppStoreApi();
  const step = useAppStore((state) => state.step);
  const steps = useAppStore((state) => state.experiment.steps);
  const playing = useAppStore((state) => state.playing);
  const togglePlay = useAppStore((state) => state.togglePlay);
  const stepBack = useAppStore((state) => state.stepBack);
  const stepForward = useAppStore((state) => state.stepForward);
  const resetPlayback = useAppStore((state) => state.resetPlayback);

  // the clock and the shortcuts live as long as the bar does: the whole life of the page
  useEffect(() => startPlaybackClock(store), [store]);
  useKeyboardShortcuts();

  // scrubbing only moves the step shown (nothing is recomputed); grabbing it stops playback
  const scrub = (event: ChangeEvent<HTMLInputElement>) => {
    const state = store.getState();
    if (state.playing) state.pause();
    state.setStep(Number(event.target.value));
  };

  return (
    <section className="panel playback-bar" aria-label="Playback">
      <div className="playback-row">
        <div className="playback-buttons">
          <button type="button" className="icon-button" onClick={resetPlayback} aria-keyshortcuts="R" title="Reset to step 0 (R)">
            <Icon path="M3 2h2.5v12H3zM14 2 6.5 8l7.5 6z" />
            <span className="visually-hidden">Reset</span>
          </button>
          <button type="button" className="icon-button" onClick={stepBack} aria-keyshortcuts="ArrowLeft Shift+ArrowLeft" title="Step back (←, Shift+← for 10)">
            <Icon path="M13 2v12L5 8zM2.5 2H5v12H2.5z" />
            <span className="visually-hidden">Step back</span>
          </button>
          <button type="button" className="play-button" onClick={togglePlay} aria-keyshortcuts="Space" title={playing ? 'Pause (Space)' : 'Play (Space)'}>
            <Icon path={playing ? 'M3.5 2h3.5v12H3.5zM9 2h3.5v12H9z' : 'M3.5 2v12L13.5 8z'} />
            <span>{playing ? 'Pause' : 'Play'}</span>
          </button>
          <button type="button" className="icon-button" onClick={stepForward} aria-keyshortcuts="ArrowRight Shift+ArrowRight" title="Step (→, Shift+→ for 10)">
            <Icon path="M3 2v12l8-6zM11 2h2.5v12H11z" />
            <span className="visually-hidden">Step</span>
          </button>
        </div>
        <input
          type="range"
          className="scrubber"
          aria-label="Step"
          min={0}
          max={steps}
          step={1}
          value={Math.min(step, steps)}
          aria-valuetext={`step ${step} of ${steps}`}
          onChange={scrub}
        />
        <span className="step-counter" data-testid="step-counter" aria-live={playing ? 'off' : 'polite'} aria-atomic="true">
          step {FORMAT_COUNT.format(step)} / {FORMAT_COUNT.format(steps)}
        </span>
        <InspectorToggle />
      </div>
      <div className="playback-row playback-settings">
        <Shown name="playback.speed">
          <SpeedControl />
        </Shown>
        <Shown name="playback.steps">
          <MaxStepsField />
        </Shown>
        <p className="shortcut-hint">
          <kbd>Space</kbd> play/pause · <kbd>←</kbd> <kbd>→</kbd> step (<kbd>Shift</kbd> ×10) · <kbd>R</kbd> reset
        </p>
      </div>
    </section>
  );
}

function Icon({ path }: { path: string }) {
  return (
    <svg className="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d={path} fill="currentColor" />
    </svg>
  );
}

/** Steps per second on a log-scale slider. */
function SpeedControl() {
  const speed = useAppStore((state) => state.speed);
  const setSpeed = useAppStore((state) => state.setSpeed);
  const id = useId();
  // the slider remembers where it was put: at slow speeds neighbouring positions share a whole speed
  const [position, setPosition] = useState(() => positionOf(speed));
  const shown = speedAt(position) === speed ? position : positionOf(speed);
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const next = Number(event.target.value);
    setPosition(next);
    setSpeed(speedAt(next));
  };
  const text = `${FORMAT_COUNT.format(speed)} ${speed === 1 ? 'step' : 'steps'}/s`;
  return (
    <div className="speed-control">
      <label htmlFor={id}>Speed</label>
      <input
        id={id}
        type="range"
        aria-label="Speed (steps per second)"
        min={0}
        max={SPEED_POSITIONS}
        step={1}
        value={shown}
        aria-valuetext={`${FORMAT_COUNT.format(speed)} steps per second`}
        onChange={onChange}
      />
      <output htmlFor={id} className="speed-value">
        {text}
      </output>
    </div>
  );
}

/** Why a maximum-steps text is not usable, or null when it is. */
function stepsProblem(text: string, badInput: boolean): string | null {
  const range = `a whole number from 1 to ${FORMAT_COUNT.format(MAX_STEPS)}`;
  if (badInput) return `Maximum steps: that is not a number; enter ${range}.`;
  if (text.trim() === '') return `Maximum steps: enter ${range}.`;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > MAX_STEPS) return `Maximum steps: "${text}" is not ${range}.`;
  return null;
}

/**
 * The number of steps every run takes (recomputes the runs). A valid number applies as it is typed;
 * an invalid one stays in the field, marked, with the message beside it, and changes nothing.
 */
function MaxStepsField() {
  const store = useAppStoreApi();
  const steps = useAppStore((state) => state.experiment.steps);
  const locked = useLocked();
  const id = useId();
  const messageId = useId();
  /** What the user typed, while it differs from the experiment's steps (null: show those). */
  const [draft, setDraft] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  // a valid draft that no longer matches (the URL changed the steps) gives way to the experiment
  const shownText = draft !== null && (problem !== null || Number(draft) === steps) ? draft : String(steps);

  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const text = event.target.value;
    const found = stepsProblem(text, event.target.validity.badInput);
    setDraft(text);
    setProblem(found);
    if (found) return;
    const next = Number(text);
    const state = store.getState();
    if (next === state.experiment.steps) return;
    // at the last step, stay at the (new) last step; otherwise keep the step, clamped
    const atEnd = state.step >= state.experiment.steps;
    state.setSteps(next);
    state.setStep(atEnd ? next : Math.min(state.step, next));
  };

  return (
    <div className="max-steps">
      <label htmlFor={id}>Maximum steps</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={1}
        max={MAX_STEPS}
        step={1}
        value={shownText}
        disabled={locked}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? messageId : undefined}
        onChange={onChange}
        onBlur={() => {
          if (!problem) setDraft(null);
        }}
      />
      {problem && (
        <span id={messageId} className="field-error" role="alert">
          {problem}
        </span>
      )}
    </div>
  );
}
