import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { AppState, AppStore } from '../store/store';

/** Provides the one app store to the React tree. */
export const AppStoreContext = createContext<AppStore | null>(null);

/** Reads a slice of the app state through a selector (re-renders only when it changes). */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  const store = useContext(AppStoreContext);
  if (!store) throw new Error('useAppStore outside <AppStoreContext.Provider>');
  return useStore(store, selector);
}

/** The store itself, for event handlers that read the latest state or call several actions. */
export function useAppStoreApi(): AppStore {
  const store = useContext(AppStoreContext);
  if (!store) throw new Error('useAppStoreApi outside <AppStoreContext.Provider>');
  return store;
}
