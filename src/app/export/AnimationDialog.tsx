// The dialog behind "Export video (WebM)" and "Export GIF": size, what to show, steps per frame and
// frame rate, then a progress bar with Cancel while the frames are drawn and encoded. Loaded when
// first opened (lazyComponent), with the stage; the encoders load when an export starts.
import { useEffect, useId, useRef, useState } from 'react';
import { downloadFile } from './download';
import { FRAME_SIZES, type AnimationContent } from './animation-layout';
import { animationLastStep, animationSteps, contentAvailable, exportAnimation, ExportCancelled, type AnimationSettings } from './animation-export';
import { Select } from '../controls/Select';
import { useAppStore, useAppStoreApi } from '../use-app-store';
import './AnimationDialog.css';

/** Which file the dialog makes. */
export type AnimationFormat = 'webm' | 'gif';

const CONTENT_CHOICES: readonly { value: AnimationContent; label: string }[] = [
  { value: 'map-and-chart', label: 'Map and loss chart' },
  { value: 'map', label: 'Map' },
  { value: 'chart', label: 'Loss chart' },
];

/** Frame rates offered: GIF players honour hundredths of a second, so 25 and not 24 or 30 there. */
const FPS_CHOICES: Record<AnimationFormat, readonly number[]> = { webm: [10, 24, 30, 60], gif: [10, 15, 20, 25] };
const DEFAULT_FPS: Record<AnimationFormat, number> = { webm: 30, gif: 15 };
/** About this many frames by default: a few seconds of animation, a GIF that stays small. */
const DEFAULT_FRAMES = 100;

/** The dialog's state: choosing, encoding (frames done), or finished with a message. */
type Phase = { kind: 'choosing' } | { kind: 'encoding'; done: number; frames: number } | { kind: 'finished'; text: string; failed: boolean };

/** Props of the AnimationDialog. */
export interface AnimationDialogProps {
  readonly format: AnimationFormat;
  /** Called when the dialog closes (Close, Escape, or after a saved file). */
  onClose(): void;
  /** Called with "Saved <file> …" once a file is saved, for the toolbar's status line. */
  onSaved(text: string): void;
}

/** A modal dialog that exports the map and the loss chart as an animation (WebM video or GIF). */
export function AnimationDialog({ format, onClose, onSaved }: AnimationDialogProps) {
  const store = useAppStoreApi();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const abortRef = useRef<AbortController | null>(null);
  const titleId = useId();
  const mapShown = useAppStore((state) => contentAvailable(state, 'map'));
  const lastStep = useAppStore(animationLastStep);
  const [sizeIndex, setSizeIndex] = useState(0);
  const [content, setContent] = useState<AnimationContent>(mapShown ? 'map-and-chart' : 'chart');
  const [stepsPerFrame, setStepsPerFrame] = useState(() => Math.max(1, Math.ceil(lastStep / (DEFAULT_FRAMES - 1))));
  const [fps, setFps] = useState(DEFAULT_FPS[format]);
  const [phase, setPhase] = useState<Phase>({ kind: 'choosing' });

  useEffect(() => {
    const dialog = dialogRef.current!;
    if (!dialog.open) dialog.showModal();
    return () => {
      abortRef.current?.abort();
      if (dialog.open) dialog.close();
    };
  }, []);

  const frames = useAppStore((state) => animationSteps(state, stepsPerFrame).length);
  const seconds = frames / fps;
  const size = FRAME_SIZES[sizeIndex];
  const encoding = phase.kind === 'encoding';
  const name = format === 'webm' ? 'video (WebM)' : 'GIF';

  const start = async () => {
    const settings: AnimationSettings = { format, width: size.width, height: size.height, content, stepsPerFrame, fps };
    const abort = new AbortController();
    abortRef.current = abort;
    setPhase({ kind: 'encoding', done: 0, frames });
    try {
      const file = await exportAnimation(store.getState(), settings, { signal: abort.signal, onProgress: (done, total) => setPhase({ kind: 'encoding', done, frames: total }) });
      downloadFile(file.blob, file.fileName, file.blob.type);
      const text = `Saved ${file.fileName} (${file.frames} frames, ${size.width}×${size.height}, ${(file.blob.size / 1024).toFixed(0)} KB, ${(file.milliseconds / 1000).toFixed(1)} s; ${file.path})`;
      setPhase({ kind: 'finished', text, failed: false });
      onSaved(text);
    } catch (error) {
      if (error instanceof ExportCancelled) setPhase({ kind: 'finished', text: 'Export cancelled.', failed: false });
      else setPhase({ kind: 'finished', text: `Could not export the ${name}: ${error instanceof Error ? error.message : String(error)}`, failed: true });
    } finally {
      abortRef.current = null;
    }
  };

  return (
    <dialog
      ref={dialogRef}
      className="animation-dialog"
      aria-labelledby={titleId}
      data-testid="animation-dialog"
      onCancel={(event) => {
        // Escape cancels a running export first, and closes the dialog only when idle
        if (encoding) {
          event.preventDefault();
          abortRef.current?.abort();
        }
      }}
      onClose={onClose}
    >
      <h2 id={titleId}>Export {name}</h2>
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          if (!encoding) void start();
        }}
      >
        <Select label="Size" value={String(sizeIndex)} onChange={(value) => setSizeIndex(Number(value))} disabled={encoding}>
          {FRAME_SIZES.map(({ width, height }, index) => (
            <option key={width} value={index}>
              {width} × {height}
            </option>
          ))}
        </Select>
        <Select label="Show" value={content} onChange={(value) => setContent(value as AnimationContent)} disabled={encoding}>
          {CONTENT_CHOICES.map((choice) => (
            <option key={choice.value} value={choice.value} disabled={choice.value !== 'chart' && !mapShown}>
              {choice.label}
            </option>
          ))}
        </Select>
        <label className="number-row">
          <span className="control-name">Steps per frame</span>
          <input
            type="number"
            min={1}
            max={Math.max(1, lastStep)}
            step={1}
            value={stepsPerFrame}
            disabled={encoding}
            onChange={(event) => {
              const value = Math.floor(Number(event.target.value));
              if (Number.isFinite(value) && value >= 1) setStepsPerFrame(value);
            }}
          />
        </label>
        <Select label="Frames per second" value={String(fps)} onChange={(value) => setFps(Number(value))} disabled={encoding}>
          {FPS_CHOICES[format].map((choice) => (
            <option key={choice} value={choice}>
              {choice}
            </option>
          ))}
        </Select>
        <p className="animation-summary" data-testid="animation-summary">
          {frames} frames (steps 0 to {lastStep}), {seconds.toFixed(1)} s at {fps} frames per second
        </p>
        {encoding && (
          <progress max={phase.frames} value={phase.done} aria-label={`Export progress: frame ${phase.done} of ${phase.frames}`}>
            {phase.done} of {phase.frames}
          </progress>
        )}
        <p className={phase.kind === 'finished' && phase.failed ? 'animation-status failed' : 'animation-status'} role="status" aria-live="polite" data-testid="animation-status">
          {encoding ? `Frame ${phase.done} of ${phase.frames}…` : phase.kind === 'finished' ? phase.text : ''}
        </p>
        <div className="dialog-buttons">
          {encoding ? (
            <button type="button" onClick={() => abortRef.current?.abort()}>
              Cancel export
            </button>
          ) : (
            <button type="button" onClick={() => dialogRef.current?.close()}>
              Close
            </button>
          )}
          <button type="submit" disabled={encoding}>
            Export {format === 'webm' ? 'WebM' : 'GIF'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
