import type { Locator, Page } from '@playwright/test';

// What a reader sees without scrolling: boxes measured against the window, and what is on top.

/** How far a box sticks out of the window (0 when it lies wholly inside), in CSS pixels. */
export async function outsideWindow(locator: Locator): Promise<number> {
  const box = await locator.boundingBox();
  if (!box) return Infinity;
  const { width, height } = locator.page().viewportSize()!;
  return Math.max(0, -box.x, -box.y, box.x + box.width - width, box.y + box.height - height);
}

/** What is drawn on top at the centre of `locator` when that is not it (nor inside it), or null when nothing covers it there. */
export async function coveredBy(locator: Locator): Promise<string | null> {
  return locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const top = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
    if (top !== null && (top === element || element.contains(top))) return null;
    return top ? `${top.tagName.toLowerCase()}.${top.getAttribute('class') ?? ''} "${(top.textContent ?? '').slice(0, 40)}"` : 'nothing (outside the window)';
  });
}

/** The page's scroll position and how far its content reaches beyond the window, both ways. */
export async function pageScroll(page: Page): Promise<{ scrollX: number; scrollY: number; overflowX: number; overflowY: number }> {
  return page.evaluate(() => ({
    scrollX: window.scrollX,
    scrollY: window.scrollY,
    overflowX: document.documentElement.scrollWidth - window.innerWidth,
    overflowY: document.documentElement.scrollHeight - window.innerHeight,
  }));
}
