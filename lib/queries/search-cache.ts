import { REVALIDATE_SECONDS } from '@/lib/cache-tags';
import { processWide } from '@/lib/process-state';

/**
 * Search results kept in memory, per normalised query and page: a bounded cache (least
 * recently used go first), emptied by each change of content, on every instance (lib/caches.ts),
 * and otherwise kept at most REVALIDATE_SECONDS, like every page.
 *
 * Why not Next's data cache (unstable_cache) as for the other reads: it writes each entry to
 * disk (.next/cache/fetch-cache) and keeps it there, so a stream of made-up queries would grow
 * the disk without bound. Here a flood of queries only pushes older ones out.
 * One per process (lib/process-state.ts): the server, which hears of changes, and the search
 * page are bundled apart.
 */
export const SEARCH_CACHE_ENTRIES = 500;

interface Entry<T> {
  /** While the first reader's search runs: what readers asking at once wait for. */
  loading?: Promise<T>;
  /** Once it has run: the result itself. */
  result?: { value: T };
  until: number;
}

const store = processWide('search-cache', () => new Map<string, Entry<unknown>>());

/**
 * The cached value under `key`, or `load()`'s, kept for the next reader (readers asking at once share one load).
 * What is kept is the value and not the promise of it: a promise holds on to the async context
 * it was made in (Next keeps the whole request there, its render state included, about 60 KB),
 * so 500 kept promises would keep 500 finished requests in memory.
 */
export function rememberSearch<T>(key: string, load: () => Promise<T>): Promise<T> {
  const found = store.get(key) as Entry<T> | undefined;
  if (found && found.until > Date.now()) {
    // Most recently used goes last.
    store.delete(key);
    store.set(key, found);
    return found.result ? Promise.resolve(found.result.value) : found.loading!;
  }
  const loading = load();
  const entry: Entry<T> = { loading, until: Date.now() + REVALIDATE_SECONDS * 1000 };
  store.delete(key);
  store.set(key, entry);
  loading.then(
    (value) => {
      entry.result = { value };
      entry.loading = undefined;
    },
    // A failed search (the database did not answer) is not remembered.
    () => {
      if (store.get(key) === entry) store.delete(key);
    },
  );
  for (const oldest of store.keys()) {
    if (store.size <= SEARCH_CACHE_ENTRIES) break;
    store.delete(oldest);
  }
  return loading;
}

/** Forgets every result: an import changed what they would show. */
export function forgetSearchResults(): void {
  store.clear();
}

/** How many results are kept (for tests). */
export const searchCacheSize = () => store.size;
