/**
 * The box a map fits in, in CSS pixels: on the one-screen layout the frame the page sizes (the SVG
 * fills it, absolutely placed); in page flow the frame's width and the SVG's max-height (MapPanel.css).
 */
export function mapBox(frame: HTMLElement, svg: SVGSVGElement): [number, number] {
  const style = getComputedStyle(svg);
  if (style.position === 'absolute') return [frame.clientWidth, frame.clientHeight];
  const maxHeight = parseFloat(style.maxHeight);
  return [frame.clientWidth, Number.isFinite(maxHeight) ? maxHeight : Infinity];
}
