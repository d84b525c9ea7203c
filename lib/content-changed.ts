import { processWide } from '@/lib/process-state';

/**
 * The one event every in-process cache expires on: the content changed. Who publishes it:
 * the import's notice (app/api/revalidate, through expireEverywhere in lib/caches.ts), the shared cache's
 * expiry channel (any instance's notice, or an import that reached Redis itself: scripts/server.ts),
 * and the start-up check that finds the database changed while Redis was not told
 * (lib/shared-cache/content-version.ts, from scripts/server.ts). Who hears it: each cache,
 * subscribed in one place (lib/caches.ts). Nothing else expires an in-process cache.
 */
export interface ContentChange {
  /** The cache tags of what changed (lib/cache-tags.ts); `*` is everything. */
  tags: readonly string[];
  /** The primary's WAL position after the change (null: not known), for reads from replicas. */
  lsn: string | null;
  /**
   * A legal removal: what carries these tags is deleted, not only expired, and every in-memory
   * store that may hold the text is emptied (eraseEverywhere in lib/caches.ts).
   */
  erase?: boolean;
}

export type ContentChangeListener = (change: ContentChange) => void;

/**
 * One registry per process (lib/process-state.ts), by name: each bundle of the process (the
 * server, the route handlers) that loads lib/caches.ts subscribes its own copy of a cache's
 * listener, and the last replaces the others rather than adding a second. (Every copy
 * empties the same process-wide store.)
 */
const listeners = processWide('content-changed', () => new Map<string, ContentChangeListener>());

/** `listener` hears every change published in this process from now on; subscribing again under `name` replaces it. */
export function onContentChanged(name: string, listener: ContentChangeListener): () => void {
  listeners.set(name, listener);
  return () => {
    if (listeners.get(name) === listener) listeners.delete(name);
  };
}

/**
 * Tells every subscriber in this process, at once (synchronously): once this returns, no cache
 * here answers from before the change. A subscriber that fails does not keep the others from
 * hearing; the first failure is thrown once all have heard.
 */
export function publishContentChanged(change: ContentChange): void {
  const failures: unknown[] = [];
  for (const listener of listeners.values()) {
    try {
      listener(change);
    } catch (error) {
      failures.push(error);
    }
  }
  if (failures.length > 0) throw failures[0];
}

/** The names subscribed (for tests). */
export const contentChangeSubscribers = (): string[] => [...listeners.keys()];
