// Whether a panel or control is on the page: a classroom link's hide= leaves it out of the DOM
// (not only out of sight, so neither a screen reader nor Tab finds it), and presenter mode keeps
// only the map and the loss chart. Wrap what a name stands for: <Shown name="runs.lr">…</Shown>,
// or ask useShown('runs.lr') where a wrapper does not fit.
import type { ReactNode } from 'react';
import { isHidden, panelOf } from '../../experiment/classroom-names';
import type { AppState } from '../../store/store';
import { useAppStore } from '../use-app-store';

/** The panels presenter mode keeps: the map and the loss chart. */
export const PRESENTER_PANELS: readonly string[] = ['map', 'loss'];

/** Whether `name` (experiment/classroom-names.ts) is shown in this state. */
export function isShown(state: Pick<AppState, 'hidden' | 'presenting'>, name: string): boolean {
  if (state.presenting && !PRESENTER_PANELS.includes(panelOf(name))) return false;
  return !isHidden(state.hidden, name);
}

/** Whether the panel or control `name` is rendered. */
export function useShown(name: string): boolean {
  return useAppStore((state) => isShown(state, name));
}

/** Whether a classroom link locked the experiment (its controls are disabled). */
export function useLocked(): boolean {
  return useAppStore((state) => state.locked);
}

/** Renders its children only while `name` is shown. */
export function Shown({ name, children }: { name: string; children: ReactNode }) {
  return useShown(name) ? children : null;
}
