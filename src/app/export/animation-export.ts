// An animation of the experiment as a file: the frame schedule picks the steps, the stage draws
// each frame with the app's views, and an encoder (loaded when first used) writes WebM or GIF.
// Frames are drawn one after another with a pause between them, so the page stays responsive; the
// encoders themselves work off the main thread (WebCodecs) or in a few milliseconds a frame (gifenc).
import type { AppState } from '../../store/store';
import { problemTitle } from '../runs/labels';
import { visibleRuns } from '../runs/visible-runs';
import { animationLayout, type AnimationContent } from './animation-layout';
import { AnimationStage, mapAvailable } from './animation-stage';
import { exportFileName, type ExportKind } from './file-names';
import type { FrameEncoder } from './frame-encoder';
import { framesBySteps, lastRecordedStep } from './frame-schedule';

/** What the reader chose in the dialog. */
export interface AnimationSettings {
  readonly format: 'webm' | 'gif';
  readonly width: number;
  readonly height: number;
  readonly content: AnimationContent;
  readonly stepsPerFrame: number;
  readonly fps: number;
}

/** The finished file and how it was made. */
export interface AnimationFile {
  readonly blob: Blob;
  readonly fileName: string;
  /** The encoding path (WebCodecs and its codec string, MediaRecorder, or gifenc). */
  readonly path: string;
  readonly frames: number;
  readonly milliseconds: number;
}

const CONTENT_KINDS: Record<AnimationContent, ExportKind> = { 'map-and-chart': 'map-and-loss-chart', map: 'map', chart: 'loss-chart' };

/** The last step of the runs shown now: the animation's last frame. */
export function animationLastStep(state: Pick<AppState, 'experiment' | 'runs'>): number {
  return lastRecordedStep(visibleRuns(state.experiment.runs, state.runs).map(({ result }) => result.loss.length));
}

/** The steps the animation's frames show, for the runs shown now. */
export function animationSteps(state: Pick<AppState, 'experiment' | 'runs'>, stepsPerFrame: number): number[] {
  return framesBySteps(animationLastStep(state), stepsPerFrame);
}

/** What can be shown: the map needs a two-dimensional problem with its surface sampled. */
export function contentAvailable(state: Pick<AppState, 'experiment' | 'surface'>, content: AnimationContent): boolean {
  return content === 'chart' || mapAvailable(state);
}

/** The file name of an animation of `content` in `format`, named like the other exports. */
export function animationFileName(state: Pick<AppState, 'experiment'>, content: AnimationContent, format: 'webm' | 'gif'): string {
  return exportFileName(state.experiment.problem, CONTENT_KINDS[content], format);
}

/** An error that says the reader cancelled. */
export class ExportCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'ExportCancelled';
  }
}

/**
 * Draws and encodes the animation of `state` with these settings; `onProgress` hears of each
 * frame done. Rejects with ExportCancelled once `signal` aborts.
 */
export async function exportAnimation(
  state: AppState,
  settings: AnimationSettings,
  { signal, onProgress }: { signal?: AbortSignal; onProgress?: (done: number, frames: number) => void } = {},
): Promise<AnimationFile> {
  const began = performance.now();
  if (state.runs === null || visibleRuns(state.experiment.runs, state.runs).length === 0) throw new Error('no run has a result to animate yet');
  if (!contentAvailable(state, settings.content)) throw new Error('the map is not shown for this problem');
  const steps = animationSteps(state, settings.stepsPerFrame);
  const layout = animationLayout(settings.content, settings.width, settings.height);
  const canvas = document.createElement('canvas');
  canvas.width = settings.width;
  canvas.height = settings.height;
  // a canvas kept in memory: reading each frame back (GIF, VideoFrame) costs no GPU round trip
  const context = canvas.getContext('2d', { alpha: false, willReadFrequently: true });
  if (!context) throw new Error('this browser cannot draw on a canvas');
  const stage = new AnimationStage(state, layout, problemTitle(state.experiment.problem));
  let encoder: FrameEncoder | null = null;
  try {
    await stage.ready();
    const cancelled = () => {
      if (signal?.aborted) throw new ExportCancelled();
    };
    cancelled();
    encoder =
      settings.format === 'gif'
        ? (await import('./gif-encoder')).gifEncoder(settings.width, settings.height, settings.fps)
        : await (await import('./video-encoder')).videoEncoder(canvas, settings.fps);
    for (const [index, step] of steps.entries()) {
      cancelled();
      await stage.drawFrame(context, step);
      await encoder.addFrame(context, index);
      onProgress?.(index + 1, steps.length);
      // a turn for the page between frames: input, paint, the Cancel button
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    cancelled();
    const blob = await encoder.finish();
    const path = encoder.path;
    encoder = null;
    return { blob, fileName: animationFileName(state, settings.content, settings.format), path, frames: steps.length, milliseconds: performance.now() - began };
  } finally {
    encoder?.cancel();
    stage.destroy();
  }
}
