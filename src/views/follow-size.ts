// A chart that fills a box its page layout sizes (the loss chart on the one-screen layout) takes one
// SVG unit per CSS pixel of that box, so it is redrawn whenever the box changes width or height.

/** Calls `resize` with the element's content size now and each time it changes, never with a zero side (a hidden element); returns the function that stops it. */
export function followSize(element: HTMLElement, resize: (width: number, height: number) => void): () => void {
  let last = { width: 0, height: 0 };
  const update = () => {
    const width = element.clientWidth;
    const height = element.clientHeight;
    if (width <= 0 || height <= 0 || (width === last.width && height === last.height)) return;
    last = { width, height };
    resize(width, height);
  };
  update();
  const observer = new ResizeObserver(update);
  observer.observe(element);
  return () => observer.disconnect();
}
