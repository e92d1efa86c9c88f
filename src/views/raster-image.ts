// A grid of coloured cells (a basin map, a sweep heatmap) shown as an SVG <image>: the cells are
// painted into a canvas of one pixel per cell, encoded off the main thread (canvas.toBlob) and set
// as a data: URL, so the picture scales with the SVG, stays crisp (pixelated) at 64 cells across,
// and goes along when the SVG is exported. Repaints arriving while one is being encoded wait, and
// only the newest is encoded next.

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An SVG image element whose pixels are a grid of cells painted by the caller. */
export class RasterImage {
  /** The <image> element (place it with `place`). */
  readonly element: SVGImageElement;
  private readonly canvas: HTMLCanvasElement;
  /** Reused while the size stays: a streaming 512 x 512 map repaints every frame. */
  private pixels: ImageData | null = null;
  private encoding = false;
  private waiting = false;
  private destroyed = false;
  /** Bumped per paint and clear. */
  private generation = 0;
  /** The generation of the last clear: pictures painted before it are not shown. */
  private clearedAt = -1;

  constructor(parent: Element, className: string) {
    this.element = document.createElementNS(SVG_NS, 'image');
    this.element.setAttribute('class', className);
    this.element.setAttribute('preserveAspectRatio', 'none');
    this.element.style.imageRendering = 'pixelated';
    parent.appendChild(this.element);
    this.canvas = document.createElement('canvas');
  }

  /** Paints a columns × rows picture: `fill` writes all 4 bytes (r, g, b, a) of every cell, row 0 at the top. */
  paint(columns: number, rows: number, fill: (rgba: Uint8ClampedArray) => void): void {
    if (this.canvas.width !== columns || this.canvas.height !== rows) {
      this.canvas.width = columns;
      this.canvas.height = rows;
    }
    const context = this.canvas.getContext('2d');
    if (!context) return;
    if (!this.pixels || this.pixels.width !== columns || this.pixels.height !== rows) this.pixels = context.createImageData(columns, rows);
    const image = this.pixels;
    fill(image.data);
    context.putImageData(image, 0, 0);
    this.generation++;
    this.encode();
  }

  /** Removes the picture (the element stays, empty). */
  clear(): void {
    this.clearedAt = ++this.generation;
    this.waiting = false;
    this.element.removeAttribute('href');
  }

  /** Puts the picture's corners at these SVG coordinates. */
  place(x: number, y: number, width: number, height: number): void {
    this.element.setAttribute('x', String(x));
    this.element.setAttribute('y', String(y));
    this.element.setAttribute('width', String(Math.max(0, width)));
    this.element.setAttribute('height', String(Math.max(0, height)));
  }

  private encode(): void {
    if (this.encoding) {
      this.waiting = true;
      return;
    }
    this.encoding = true;
    this.waiting = false;
    const generation = this.generation;
    this.canvas.toBlob((blob) => {
      if (!blob || this.destroyed) {
        this.encoding = false;
        return;
      }
      const reader = new FileReader();
      reader.onload = () => {
        this.encoding = false;
        if (this.destroyed) return;
        // shown even when a newer paint waits (it is newer than what is shown), not after a clear()
        if (generation > this.clearedAt) this.element.setAttribute('href', String(reader.result));
        if (this.waiting) this.encode();
      };
      reader.onerror = () => {
        this.encoding = false;
      };
      reader.readAsDataURL(blob);
    }, 'image/png');
  }

  /** Removes the element. */
  destroy(): void {
    this.destroyed = true;
    this.element.remove();
  }
}
