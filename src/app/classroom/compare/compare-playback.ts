// One playback for the two sides of the A/B page: a single step, clock and Play state that every
// side's store follows, so one Play, Step or scrub moves both and they always show the same step
// (each clamped to its own last step when their lengths differ). The sides' own clocks never run.
import type { AppStore } from '../../../store/store';
import { MAX_FRAME_MS, type FrameScheduler } from '../../playback/playback-clock';
import { BIG_STEP, type ShortcutAction } from '../../playback/use-keyboard-shortcuts';

const browserFrames: FrameScheduler = {
  request: (callback) => requestAnimationFrame(callback),
  cancel: (handle) => cancelAnimationFrame(handle),
  now: () => performance.now(),
};

/** What the shared bar shows. */
export interface ComparePlaybackState {
  readonly step: number;
  /** The longer side's last step. */
  readonly lastStep: number;
  readonly playing: boolean;
}

/** The A/B page's conductor: owns the shared step and drives every side's store to it. */
export class ComparePlayback {
  private state: ComparePlaybackState = { step: 0, lastStep: 0, playing: false };
  private readonly listeners = new Set<() => void>();
  private handle: number | null = null;
  private lastTime = 0;
  /** Fractional steps earned but not shown yet. */
  private carry = 0;
  private readonly unsubscribes: (() => void)[];

  constructor(
    private readonly sides: readonly AppStore[],
    private readonly frames: FrameScheduler = browserFrames,
  ) {
    // a side whose link finished loading (or whose steps changed) takes the shared step
    this.unsubscribes = sides.map((side) =>
      side.subscribe((next, previous) => {
        if (next.experiment.steps !== previous.experiment.steps) this.align();
        // a link opening on its own step (or a side scrolled some other way) comes back to the shared one
        else if (next.step !== Math.min(this.state.step, next.experiment.steps)) next.setStep(this.state.step);
      }),
    );
    this.align();
  }

  /** The current state (stable between changes, for useSyncExternalStore). */
  readonly snapshot = (): ComparePlaybackState => this.state;

  /** Calls `listener` on every change; returns the unsubscribe. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Shows `step` on every side (paused or not); clamped to 0..lastStep. */
  setStep(step: number): void {
    this.update({ step: Math.max(0, Math.min(this.lastStepOfSides(), Math.round(step))) });
  }

  play(): void {
    if (this.state.playing) return;
    // at the end, Play starts over, as the playground's own Play does
    if (this.state.step >= this.state.lastStep) this.setStep(0);
    this.update({ playing: true });
    this.lastTime = this.frames.now();
    this.carry = 0;
    this.handle ??= this.frames.request(this.tick);
  }

  pause(): void {
    if (this.handle !== null) this.frames.cancel(this.handle);
    this.handle = null;
    if (this.state.playing) this.update({ playing: false });
  }

  togglePlay(): void {
    if (this.state.playing) this.pause();
    else this.play();
  }

  /** Performs a playback shortcut (the playground's keys); stepping by hand pauses. */
  apply(action: ShortcutAction): void {
    if (action === 'toggle') return this.togglePlay();
    this.pause();
    const { step, lastStep } = this.state;
    const target = { back: step - 1, forward: step + 1, back10: step - BIG_STEP, forward10: step + BIG_STEP, reset: 0, first: 0, last: lastStep }[action];
    this.setStep(target);
  }

  /** Stops the clock and the sides' subscriptions. */
  destroy(): void {
    this.pause();
    for (const unsubscribe of this.unsubscribes) unsubscribe();
    this.listeners.clear();
  }

  private lastStepOfSides(): number {
    return Math.max(0, ...this.sides.map((side) => side.getState().experiment.steps));
  }

  private readonly tick = (time: number): void => {
    this.handle = null;
    if (!this.state.playing) return;
    const speed = this.sides[0]?.getState().speed ?? 60;
    this.carry += (Math.min(MAX_FRAME_MS, Math.max(0, time - this.lastTime)) * speed) / 1000;
    this.lastTime = Math.max(this.lastTime, time);
    const whole = Math.floor(this.carry + 1e-9);
    if (whole > 0) {
      this.carry = Math.max(0, this.carry - whole);
      this.setStep(this.state.step + whole);
    }
    if (this.state.step >= this.state.lastStep) return this.pause();
    this.handle = this.frames.request(this.tick);
  };

  private align(): void {
    this.update({ lastStep: this.lastStepOfSides(), step: Math.min(this.state.step, this.lastStepOfSides()) });
  }

  private update(patch: Partial<ComparePlaybackState>): void {
    this.state = { ...this.state, ...patch };
    for (const side of this.sides) {
      const sideState = side.getState();
      if (sideState.playing) sideState.pause();
      sideState.setStep(this.state.step);
    }
    for (const listener of this.listeners) listener();
  }
}
