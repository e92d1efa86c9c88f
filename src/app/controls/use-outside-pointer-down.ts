import { useEffect, type RefObject } from 'react';

/** While `active`, calls `onOutside` when a pointer goes down outside `root`: a click elsewhere closes a popup. Pass a stable `onOutside` (useCallback). */
export function useOutsidePointerDown(root: RefObject<HTMLElement | null>, active: boolean, onOutside: () => void): void {
  useEffect(() => {
    if (!active) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) onOutside();
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [root, active, onOutside]);
}
