import { lazy, Suspense, type ComponentType } from 'react';

/**
 * A screen in its own chunk: `load` runs on first render, `Fallback` shows meanwhile (nothing by default).
 * The portal's pages (pages/lazy.tsx) and the officer workspace (officer/lazy.tsx) both split this way, so a
 * first visit downloads only the page it asked for (issue 9 budget: ≤ 150 KB of JS, gzip).
 */
export function deferred<P extends object>(
  load: () => Promise<ComponentType<P>>,
  Fallback?: ComponentType,
): ComponentType<P> {
  const Lazy = lazy(async () => ({ default: await load() }));
  return function Deferred(props: P) {
    return (
      <Suspense fallback={Fallback ? <Fallback /> : null}>
        <Lazy {...props} />
      </Suspense>
    );
  };
}
