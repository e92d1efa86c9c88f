import type { Locator } from '@playwright/test';

// Positions on the map worked out from the axes the reader sees (tick labels and where they sit),
// never from the app's own scales, so the specs check the drawing against its labels.

/** Where parameter-space (x, y) is in the map's SVG units, read off its axis ticks. */
export async function svgUnits(map: Locator, x: number, y: number): Promise<{ x: number; y: number }> {
  return map.evaluate(
    (svg: SVGSVGElement, [x, y]) => {
      const ticks = (axis: string, coordinate: 'e' | 'f') =>
        Array.from(svg.querySelectorAll<SVGGElement>(`.${axis} .tick`)).map((tick) => ({
          value: Number(tick.textContent!.replace('\u2212', '-')),
          pixel: tick.transform.baseVal.consolidate()!.matrix[coordinate],
        }));
      const fit = (marks: { value: number; pixel: number }[], value: number) => {
        const [first, last] = [marks[0], marks[marks.length - 1]];
        return first.pixel + ((value - first.value) * (last.pixel - first.pixel)) / (last.value - first.value);
      };
      return { x: fit(ticks('axis-x', 'e'), x), y: fit(ticks('axis-y', 'f'), y) };
    },
    [x, y] as const,
  );
}

/** Where parameter-space (x, y) is on the page, read off the map's axis ticks. */
export async function pagePoint(map: Locator, x: number, y: number): Promise<{ x: number; y: number }> {
  const units = await svgUnits(map, x, y);
  return map.evaluate((svg: SVGSVGElement, { x, y }) => {
    const point = new DOMPoint(x, y).matrixTransform(svg.getScreenCTM()!);
    return { x: point.x, y: point.y };
  }, units);
}
