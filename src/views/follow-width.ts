// The charts take one SVG unit per CSS pixel, so they are resized whenever the element holding
// them changes width (the panel, the window, the large-text toggle reflowing the page).

/** Calls `resize` with the element's width now and each time it changes, never with 0 (a hidden element); returns the function that stops it. */
export function followWidth(element: HTMLElement, resize: (width: number) => void): () => void {
  const update = () => {
    const width = element.clientWidth;
    if (width > 0) resize(width);
  };
  update();
  const observer = new ResizeObserver(update);
  observer.observe(element);
  return () => observer.disconnect();
}
