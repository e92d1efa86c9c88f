// Text widths for laying out labels before they are drawn. A canvas measures with the page's own
// fonts without laying out the document (getComputedTextLength would force a layout on every
// redraw, and redraws follow a drag); where there is no canvas (Node tests) an average glyph width
// stands in.

/** Average glyph width of a proportional sans-serif font, as a fraction of its size. */
const AVERAGE_GLYPH_WIDTH = 0.58;

let context: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null | undefined;

function measuringContext(): CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null {
  if (context !== undefined) return context;
  if (typeof OffscreenCanvas !== 'undefined') context = new OffscreenCanvas(1, 1).getContext('2d');
  else if (typeof document !== 'undefined') context = document.createElement('canvas').getContext('2d');
  else context = null;
  return context;
}

/** The width in CSS pixels of `text` set in `font` (a CSS font shorthand) of `fontSize` pixels. */
export function textWidth(text: string, font: string, fontSize: number): number {
  const measure = measuringContext();
  if (!measure) return text.length * fontSize * AVERAGE_GLYPH_WIDTH;
  measure.font = font;
  return measure.measureText(text).width;
}
