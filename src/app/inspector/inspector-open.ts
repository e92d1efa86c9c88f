// Opening the step inspector from a button (a run card's, the toolbar's): the run is set in the
// store, and the panel, once it has loaded, comes into view and takes the focus. A link opening it
// leaves the page's scroll and focus where they are.
import type { AppStore } from '../../store/store';

let revealNext = false;

/** Opens the inspector on run `index` (0-based), to be brought into view when it renders. */
export function openInspector(store: AppStore, index: number): void {
  revealNext = true;
  store.getState().setInspectedRun(index);
}

/** True once after openInspector: the panel then scrolls itself into view and focuses its heading. */
export function takeReveal(): boolean {
  const reveal = revealNext;
  revealNext = false;
  return reveal;
}
