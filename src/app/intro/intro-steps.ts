// The introduction's steps, as data: what each says and which element of the page it points at.
// Four steps, in the order a first look needs them: what the picture is (the map), what made it
// (a run: optimizer and learning rate), how to watch it happen (Play) and how to hand it on (Copy
// link). Elements are found by what the page already exposes (test ids, landmarks' names, button
// names), so the introduction needs no hooks in the panels it explains.
import type { Side } from './placement';

/** One step of the introduction. */
export interface IntroStep {
  /** Names the element explained (data-step on the dialog; the e2e tests read it). */
  readonly id: 'map' | 'run' | 'playback' | 'share';
  readonly title: string;
  /** Paragraphs of plain text. */
  readonly body: readonly string[];
  /** The element the step points at, or null where the page does not show one. */
  find(root: ParentNode): Element | null;
  /** Sides of the element to put the card on, best first. */
  readonly sides: readonly Side[];
}

/** True when the element takes up room on the page (not display: none, not in a collapsed part). */
function shown(element: Element): boolean {
  return element.getClientRects().length > 0;
}

/** The first element matching one of the selectors, in order, that is shown. */
function firstShown(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    const found = Array.from(root.querySelectorAll(selector)).find(shown);
    if (found) return found;
  }
  return null;
}

/** The shown button whose text is `name`. */
function buttonNamed(root: ParentNode, name: string): Element | null {
  return Array.from(root.querySelectorAll('button')).find((button) => button.textContent?.trim() === name && shown(button)) ?? null;
}

/** The introduction, first step first. */
export const INTRO_STEPS: readonly IntroStep[] = [
  {
    id: 'map',
    title: 'The map: the loss as colour',
    body: [
      'Each point is a pair of parameters (x, y), coloured by the loss f there: dark purple is low, yellow is high, and the thin lines join points of equal f. Each path is one optimizer walking downhill from its start point.',
      'Drag a start point to move it and every path is recomputed at once; a click on the map puts the selected run’s start there.',
    ],
    find: (root) => firstShown(root, ['svg[data-testid="map"]', '.map-panel']),
    sides: ['left', 'right', 'bottom', 'top'],
  },
  {
    id: 'run',
    title: 'A run: an optimizer and its learning rate',
    body: [
      'Each card is one run, in the colour of its path. Pick its optimizer here; the settings line at the foot of the card shows its learning rate (lr): open it to change lr and watch the path answer.',
      'Add runs under the cards to race optimizers from the same start.',
    ],
    find: (root) => firstShown(root, ['[data-testid="run"].selected', '[data-testid="run"]']),
    sides: ['right', 'bottom', 'top', 'left'],
  },
  {
    id: 'playback',
    title: 'Play: watch it step by step',
    body: [
      'Play replays every run together from step 0, so you can see which optimizer moves first and which overshoots. Drag the slider to any step; Space plays and pauses, ← and → take one step.',
    ],
    find: (root) => firstShown(root, ['section[aria-label="Playback"]', '.playback-bar']),
    sides: ['top', 'bottom', 'right', 'left'],
  },
  {
    id: 'share',
    title: 'Copy link: share exactly this',
    body: [
      'Copy link copies an address that reopens this experiment as it is: the surface, the runs and their settings, and the step shown. Paste it into slides or a message to your class.',
      'The ? button brings this introduction back.',
    ],
    find: (root) => buttonNamed(root, 'Copy link'),
    sides: ['bottom', 'left', 'top', 'right'],
  },
];
