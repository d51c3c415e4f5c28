import type { AppContext } from '../../context.ts';

/**
 * A per-database in-process cache with stale-while-revalidate: a value is fresh for `ttlMs`; until
 * `staleMs` it is still served while one background computation replaces it; older, the caller waits.
 * Time comes from ctx.clock, so tests can move it.
 */
export function createSwrCache<T>(name: string, ttlMs: number, staleMs: number) {
  interface Entry {
    at: number;
    value: Promise<T>;
    refreshing: boolean;
  }
  const entries = new WeakMap<AppContext['db'], Entry>();

  function start(ctx: AppContext, compute: () => Promise<T>): Entry {
    const entry: Entry = { at: ctx.clock.now().getTime(), value: compute(), refreshing: false };
    entries.set(ctx.db, entry);
    // A failed computation is not kept: the next caller tries again.
    entry.value.catch((error: unknown) => {
      if (entries.get(ctx.db) === entry) entries.delete(ctx.db);
      ctx.log.error({ err: error, cache: name }, 'cached report computation failed');
    });
    return entry;
  }

  return function get(ctx: AppContext, compute: () => Promise<T>): Promise<T> {
    const now = ctx.clock.now().getTime();
    const hit = entries.get(ctx.db);
    if (!hit || now < hit.at || now - hit.at >= staleMs) return start(ctx, compute).value;
    if (now - hit.at >= ttlMs && !hit.refreshing) {
      hit.refreshing = true;
      const next = compute();
      next.then(
        () => entries.set(ctx.db, { at: ctx.clock.now().getTime(), value: next, refreshing: false }),
        (error: unknown) => {
          hit.refreshing = false;
          ctx.log.error({ err: error, cache: name }, 'cached report refresh failed');
        },
      );
    }
    return hit.value;
  };
}
