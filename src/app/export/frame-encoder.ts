/** Something that turns the frames drawn on one canvas into a file: a WebM or a GIF. */
export interface FrameEncoder {
  /** How the file is made, for the status line: "WebCodecs vp8 → WebM (mediabunny)", "MediaRecorder video/webm;codecs=vp9", "GIF (gifenc)". */
  readonly path: string;
  /** Takes the frame drawn on the context's canvas now (frame `index`, counted from 0). */
  addFrame(context: CanvasRenderingContext2D, index: number): Promise<void>;
  /** Ends the file and hands it over. */
  finish(): Promise<Blob>;
  /** Drops the file: releases the encoder, writes nothing. */
  cancel(): void;
}
