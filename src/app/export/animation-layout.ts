// Where the map and the loss chart sit in an exported animation's frame. The views are laid out at
// a logical size in CSS pixels (one SVG unit each, as on the page) and drawn `scale` times larger,
// so text reads the same in a 640 × 400 GIF and a 1280 × 800 video, only sharper in the second.

/** What the animation shows. */
export type AnimationContent = 'map-and-chart' | 'map' | 'chart';

/** The frame sizes offered, width × height in pixels, each a multiple of the 640 × 400 layout. */
export const FRAME_SIZES = [
  { width: 640, height: 400 },
  { width: 960, height: 600 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1200 },
] as const;

/** The logical frame the views are laid out in, in CSS pixels. */
export const LOGICAL_FRAME = { width: 640, height: 400 } as const;

/** A rectangle of the frame, in logical pixels. */
export interface Region {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The regions of the frame each view is drawn in (null: not shown), and the scale from logical to output pixels. */
export interface AnimationLayout {
  readonly scale: number;
  readonly map: Region | null;
  readonly chart: Region | null;
}

/** The map's share of the width beside the chart: the map is the picture, the chart its caption. */
const MAP_SHARE = 0.55;

/** The layout of an output frame of `width` × `height` pixels showing `content`. */
export function animationLayout(content: AnimationContent, width: number, height: number): AnimationLayout {
  const scale = Math.min(width / LOGICAL_FRAME.width, height / LOGICAL_FRAME.height);
  const logicalWidth = width / scale;
  const logicalHeight = height / scale;
  const whole: Region = { x: 0, y: 0, width: logicalWidth, height: logicalHeight };
  if (content === 'map') return { scale, map: whole, chart: null };
  if (content === 'chart') return { scale, map: null, chart: whole };
  const mapWidth = Math.round(logicalWidth * MAP_SHARE);
  return {
    scale,
    map: { x: 0, y: 0, width: mapWidth, height: logicalHeight },
    chart: { x: mapWidth, y: 0, width: logicalWidth - mapWidth, height: logicalHeight },
  };
}
