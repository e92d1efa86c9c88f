// Pictures of the map and the loss chart as files. The views style their SVG with CSS (theme
// variables, classes), which a stand-alone file does not have; so every element's computed style
// is written onto its clone, and the file looks like the page in whichever theme it was taken.
// PNGs are that same SVG drawn onto a canvas at twice its size, sharp on slides and retina screens.

const SVG_NS = 'http://www.w3.org/2000/svg';

/** How much larger than the SVG's own size a PNG export is drawn. */
export const PNG_SCALE = 2;

/**
 * SVG properties copied from the computed style, with the value each has when nothing sets it;
 * a property at that value is left out, which keeps the file small.
 */
const PAINT_PROPERTIES: Readonly<Record<string, string>> = {
  fill: 'rgb(0, 0, 0)',
  'fill-opacity': '1',
  'fill-rule': 'nonzero',
  stroke: 'none',
  'stroke-width': '1px',
  'stroke-opacity': '1',
  'stroke-dasharray': 'none',
  'stroke-dashoffset': '0px',
  'stroke-linecap': 'butt',
  'stroke-linejoin': 'miter',
  opacity: '1',
  visibility: 'visible',
  'paint-order': 'normal',
  'vector-effect': 'none',
  'shape-rendering': 'auto',
};

/** Text properties, written on text elements only (they inherit, but a file has no stylesheet to inherit from). */
const TEXT_PROPERTIES: Readonly<Record<string, string>> = {
  'font-family': '',
  'font-size': '',
  'font-weight': '400',
  'font-style': 'normal',
  'text-anchor': 'start',
  'dominant-baseline': 'auto',
  'letter-spacing': 'normal',
};

const TEXT_ELEMENTS = new Set(['text', 'tspan', 'textPath']);

/** Elements that are never drawn themselves (tooltips, clip shapes, gradients): copied as they are. */
const NOT_DRAWN = 'title, desc, metadata, defs, clipPath, mask, marker, pattern, symbol, linearGradient, radialGradient, filter';

/**
 * The `style` attribute that pins an element's look: every listed property whose computed value
 * differs from its unset value. `read` gives the computed value of a property.
 */
export function pinnedStyle(tagName: string, read: (property: string) => string): string {
  const properties = TEXT_ELEMENTS.has(tagName) ? { ...PAINT_PROPERTIES, ...TEXT_PROPERTIES } : PAINT_PROPERTIES;
  const declarations: string[] = [];
  for (const [property, unset] of Object.entries(properties)) {
    const value = read(property).trim();
    if (value !== '' && value !== unset) declarations.push(`${property}:${value}`);
  }
  return declarations.join(';');
}

/** The pixel size an SVG draws at on its own: its viewBox, else its laid-out box. */
export function intrinsicSize(svg: SVGSVGElement): { width: number; height: number } {
  const box = svg.viewBox.baseVal;
  if (box && box.width > 0 && box.height > 0) return { width: box.width, height: box.height };
  const rect = svg.getBoundingClientRect();
  return { width: Math.max(1, Math.round(rect.width)), height: Math.max(1, Math.round(rect.height)) };
}

/** The colour behind an element as drawn: the first ancestor background that is not transparent. */
export function backgroundBehind(element: Element): string {
  for (let node: Element | null = element; node; node = node.parentElement) {
    const color = getComputedStyle(node).backgroundColor;
    if (color && color !== 'transparent' && color !== 'rgba(0, 0, 0, 0)') return color;
  }
  return '#ffffff';
}

/** A drawn group placed under a figure in its file (the map's legend of runs), and its height. */
export interface FigureAppendix {
  readonly element: SVGGElement;
  readonly height: number;
}

/** The size of a figure's file: the SVG's own size, and an appendix's height below it. */
export function figureSize(svg: SVGSVGElement, below?: FigureAppendix): { width: number; height: number } {
  const { width, height } = intrinsicSize(svg);
  return { width, height: height + (below?.height ?? 0) };
}

/**
 * A stand-alone SVG document of `svg` as it looks now: computed styles inlined, hidden parts
 * dropped, the page's background behind it; `below` (drawn on the page, with its styles) is added
 * under the picture, which grows by its height. `background` false leaves the page's colour out: a
 * layer drawn over another picture (the loss chart's step line over its curves).
 */
export function serializeSvg(svg: SVGSVGElement, title: string, below?: FigureAppendix, { background = true }: { background?: boolean } = {}): string {
  const { height } = intrinsicSize(svg);
  const total = figureSize(svg, below);
  const clone = svg.cloneNode(true) as SVGSVGElement;
  pinStyles(svg, clone);

  clone.setAttribute('xmlns', SVG_NS);
  clone.setAttribute('width', String(total.width));
  clone.setAttribute('height', String(total.height));
  const box = svg.viewBox.baseVal;
  const origin = box && box.width > 0 && box.height > 0 ? { x: box.x, y: box.y } : { x: 0, y: 0 };
  clone.setAttribute('viewBox', `${origin.x} ${origin.y} ${total.width} ${total.height}`);
  if (below) {
    const appendix = below.element.cloneNode(true) as SVGGElement;
    pinStyles(below.element, appendix);
    appendix.setAttribute('transform', `translate(${origin.x},${origin.y + height})`);
    clone.appendChild(appendix);
  }
  // Page-only attributes mean nothing in a file. Class names stay: they name the layers
  // (contour-fills, trajectories, axis) for whoever edits the file, and no stylesheet comes along to apply them.
  for (const attribute of ['style', 'role', 'aria-label', 'data-testid', 'tabindex']) clone.removeAttribute(attribute);
  pinStyle(clone, pinnedStyle('svg', (property) => getComputedStyle(svg).getPropertyValue(property)));

  if (background) {
    const backgroundRect = document.createElementNS(SVG_NS, 'rect');
    backgroundRect.setAttribute('width', '100%');
    backgroundRect.setAttribute('height', '100%');
    backgroundRect.setAttribute('fill', backgroundBehind(svg));
    clone.insertBefore(backgroundRect, clone.firstChild);
  }
  const titleElement = document.createElementNS(SVG_NS, 'title');
  titleElement.textContent = title;
  clone.insertBefore(titleElement, clone.firstChild);

  return `<?xml version="1.0" encoding="UTF-8"?>\n${withPinnedStyles(new XMLSerializer().serializeToString(clone))}\n`;
}

// The page's Content-Security-Policy refuses `style` attributes set from script (style-src without
// 'unsafe-inline'), even on a detached clone; so the pinned style travels in this attribute, which
// the serialized text then renames. The serializer escapes '<' and '>' everywhere but in markup and
// '"' inside attribute values, so the rename touches tags only.
const PINNED_STYLE_ATTRIBUTE = 'data-pinned-style';
const PINNED_STYLE_IN_TAG = new RegExp(`(<[^<>]*\\s)${PINNED_STYLE_ATTRIBUTE}="`, 'g');

/** Pins a style on an element of the clone (or leaves it with none), to become its `style` attribute in the file. */
function pinStyle(element: Element, style: string): void {
  element.removeAttribute('style');
  if (style) element.setAttribute(PINNED_STYLE_ATTRIBUTE, style);
}

/** The serialized SVG with every pinned style turned into the `style` attribute it stands for. */
export function withPinnedStyles(svgText: string): string {
  return svgText.replace(PINNED_STYLE_IN_TAG, '$1style="');
}

/** Walks the original and its clone in step, pinning each element's computed style onto the clone. */
function pinStyles(original: Element, clone: Element): void {
  const originals = [original, ...original.querySelectorAll('*')];
  const clones = [clone, ...clone.querySelectorAll('*')];
  const removed: Element[] = [];
  originals.forEach((element, index) => {
    const copy = clones[index];
    if (index > 0 && element.closest(NOT_DRAWN)) return;
    const style = getComputedStyle(element);
    if (style.display === 'none') {
      removed.push(copy); // hover readouts and the like that are not showing
      return;
    }
    if (index === 0) return; // the root gets its own treatment
    const pinned = pinnedStyle(element.tagName, (property) => style.getPropertyValue(property));
    pinStyle(copy, pinned);
  });
  // Removed last, so the two lists stay index-aligned while walking.
  for (const element of removed) element.remove();
}

/** Draws an SVG document onto a canvas `scale` times its size and encodes it as PNG. */
export async function svgToPng(svgText: string, width: number, height: number, scale = PNG_SCALE): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const image = new Image(width, height);
    image.decoding = 'async';
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('this browser cannot draw on a canvas');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the picture could not be encoded as PNG'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
