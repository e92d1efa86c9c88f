import { lazy, type ComponentType } from 'react';

/**
 * A component loaded on first render from its own chunk (React.lazy for a named export): what the
 * first paint does not show stays out of the main-thread bundle (e2e/bundle-budget.spec.ts). Render
 * it inside a <Suspense>.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- React.lazy's own bound: any props
export function lazyComponent<Module extends Record<Name, ComponentType<any>>, Name extends keyof Module & string>(load: () => Promise<Module>, name: Name) {
  return lazy<Module[Name]>(async () => ({ default: (await load())[name] }));
}
