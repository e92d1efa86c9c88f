import { createContext, useContext } from 'react';

// What the toolbar's Lessons button and the lessons panel share: whether the panel is open and on
// what (the list, or one lesson). Kept apart from the lessons themselves, which load with the panel.

/** The lessons panel's state: closed, the list, or one lesson (`fromPageLink`: the page opened on it with `#lesson=`, its experiment still to load). */
export type LessonsMode = { readonly kind: 'closed' } | { readonly kind: 'menu' } | { readonly kind: 'lesson'; readonly id: string; readonly fromPageLink: boolean };

/** The lessons panel's state and how to change it. */
export interface LessonsNavigation {
  readonly mode: LessonsMode;
  setMode(mode: LessonsMode): void;
  /** The id of the panel's element (the Lessons button controls it). */
  readonly panelId: string;
}

/** Provides the lessons' navigation (LessonsProvider). */
export const LessonsContext = createContext<LessonsNavigation | null>(null);

/** The lessons' navigation; throws outside LessonsProvider. */
export function useLessons(): LessonsNavigation {
  const navigation = useContext(LessonsContext);
  if (!navigation) throw new Error('useLessons outside <LessonsProvider>');
  return navigation;
}
