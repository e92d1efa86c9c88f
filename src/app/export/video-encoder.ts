// WebM video of the frames drawn on a canvas. Where the browser has WebCodecs, a VideoEncoder
// (VP9, else VP8, else AV1) encodes each frame with its exact timestamp and mediabunny muxes the
// packets into WebM: one packet per frame, the duration exactly frames / fps. Elsewhere the canvas
// is recorded by MediaRecorder in real time, which stamps frames by the clock (so the export takes
// as long as the video lasts, and the frame count is the recorder's).
import { BufferTarget, EncodedPacket, EncodedVideoPacketSource, Output, WebMOutputFormat, type VideoCodec } from 'mediabunny';
import type { FrameEncoder } from './frame-encoder';

/** WebCodecs configurations tried in order: the codec string and mediabunny's name for its family. */
const WEBCODECS_CODECS: readonly { codec: string; family: VideoCodec }[] = [
  // VP9 profile 0, level 4.1 (up to 1920 × 1200 at 30 fps), 8 bits
  { codec: 'vp09.00.41.08', family: 'vp9' },
  { codec: 'vp8', family: 'vp8' },
  // AV1 main profile, level 4.1, main tier, 8 bits
  { codec: 'av01.0.09M.08', family: 'av1' },
];

/** MediaRecorder types tried in order. */
const RECORDER_TYPES = ['video/webm;codecs=vp9', 'video/webm;codecs=vp8', 'video/webm'];

/** A keyframe every this many seconds: a player can seek, and the file stays small. */
const KEYFRAME_SECONDS = 2;

/** Frames the encoder may hold before the next waits for it (backpressure). */
const MAX_QUEUED_FRAMES = 4;

/** Bits per second for frames of this size: flat drawings compress well; enough that thin paths stay sharp. */
function bitrateFor(width: number, height: number, fps: number): number {
  return Math.round(Math.min(12e6, Math.max(5e5, width * height * fps * 0.12)));
}

/** The first WebCodecs configuration this browser encodes at this size, or null (no WebCodecs, or none of the codecs). */
async function supportedConfig(width: number, height: number, fps: number): Promise<{ config: VideoEncoderConfig; family: VideoCodec } | null> {
  if (typeof VideoEncoder === 'undefined') return null;
  for (const { codec, family } of WEBCODECS_CODECS) {
    const config: VideoEncoderConfig = { codec, width, height, framerate: fps, bitrate: bitrateFor(width, height, fps) };
    try {
      const { supported } = await VideoEncoder.isConfigSupported(config);
      if (supported) return { config, family };
    } catch {
      // a codec string this browser does not parse: try the next
    }
  }
  return null;
}

/** A WebM encoder for frames of `width` × `height` at `fps`: WebCodecs and mediabunny where possible, else MediaRecorder. */
export async function videoEncoder(canvas: HTMLCanvasElement, fps: number): Promise<FrameEncoder> {
  const { width, height } = canvas;
  const chosen = await supportedConfig(width, height, fps);
  if (chosen) return webCodecsEncoder(chosen.config, chosen.family, fps);
  if (typeof MediaRecorder !== 'undefined' && typeof canvas.captureStream === 'function') return recorderEncoder(canvas, fps);
  throw new Error('this browser can encode no WebM video (neither WebCodecs nor MediaRecorder)');
}

function webCodecsEncoder(config: VideoEncoderConfig, family: VideoCodec, fps: number): FrameEncoder {
  const output = new Output({ format: new WebMOutputFormat(), target: new BufferTarget() });
  const source = new EncodedVideoPacketSource(family);
  output.addVideoTrack(source, { frameRate: fps });
  const started = output.start();
  let failure: unknown = null;
  // packets reach the muxer in the order the encoder emits them (decode order)
  let muxing: Promise<void> = started;
  const encoder = new VideoEncoder({
    output: (chunk, metadata) => {
      muxing = muxing.then(() => source.add(EncodedPacket.fromEncodedChunk(chunk), metadata));
      muxing.catch((error: unknown) => (failure ??= error));
    },
    error: (error) => (failure ??= error),
  });
  encoder.configure(config);
  const frameMicroseconds = 1e6 / fps;
  const check = () => {
    if (failure) throw failure instanceof Error ? failure : new Error(String(failure));
  };
  return {
    path: `WebCodecs VideoEncoder ${config.codec} → WebM (mediabunny)`,
    async addFrame(context, index) {
      check();
      while (encoder.encodeQueueSize > MAX_QUEUED_FRAMES) await new Promise((resolve) => encoder.addEventListener('dequeue', resolve, { once: true }));
      // whole microseconds from the frame's index: no drift over a long video
      const timestamp = Math.round(index * frameMicroseconds);
      const frame = new VideoFrame(context.canvas, { timestamp, duration: Math.round((index + 1) * frameMicroseconds) - timestamp });
      try {
        encoder.encode(frame, { keyFrame: index % Math.max(1, Math.round(fps * KEYFRAME_SECONDS)) === 0 });
      } finally {
        frame.close();
      }
    },
    async finish() {
      await encoder.flush();
      encoder.close();
      await muxing;
      check();
      await output.finalize();
      const buffer = (output.target as BufferTarget).buffer;
      if (!buffer) throw new Error('the video muxer wrote nothing');
      return new Blob([buffer], { type: 'video/webm' });
    },
    cancel() {
      if (encoder.state !== 'closed') encoder.close();
      void started.then(() => output.cancel()).catch(() => undefined);
    },
  };
}

function recorderEncoder(canvas: HTMLCanvasElement, fps: number): FrameEncoder {
  const mimeType = RECORDER_TYPES.find((type) => MediaRecorder.isTypeSupported(type)) ?? '';
  // frame rate 0: a frame is captured only when requestFrame asks, once it is drawn
  const stream = canvas.captureStream(0);
  const track = stream.getVideoTracks()[0] as CanvasCaptureMediaStreamTrack;
  const recorder = new MediaRecorder(stream, { mimeType: mimeType || undefined, videoBitsPerSecond: bitrateFor(canvas.width, canvas.height, fps) });
  const chunks: Blob[] = [];
  recorder.addEventListener('dataavailable', (event) => chunks.push(event.data));
  const stopped = new Promise<void>((resolve) => recorder.addEventListener('stop', () => resolve(), { once: true }));
  recorder.start();
  const stop = () => {
    if (recorder.state !== 'inactive') recorder.stop();
    for (const each of stream.getTracks()) each.stop();
  };
  return {
    path: `MediaRecorder ${recorder.mimeType || 'video/webm'}`,
    async addFrame() {
      track.requestFrame();
      // the recorder stamps frames by the clock: each is held for its share of a second
      await new Promise((resolve) => setTimeout(resolve, 1000 / fps));
    },
    async finish() {
      stop();
      await stopped;
      return new Blob(chunks, { type: 'video/webm' });
    },
    cancel: stop,
  };
}
