// With its file name: the server (scripts/server.ts) is bundled as an ES module that imports
// packages at run time, and Node finds no `next/cache` without it (next has no exports map).
import { revalidateTag } from 'next/cache.js';
import { onContentChanged, publishContentChanged, type ContentChange } from '@/lib/content-changed';
import { requireReadPosition } from '@/lib/db/read-position';
import { forgetKnownPages } from '@/lib/known-pages';
import { forgetSearchResults } from '@/lib/queries/search-cache';
import { sharedCacheConfig } from '@/lib/shared-cache/store';

/**
 * Every in-process cache, subscribed to the content-changed event (lib/content-changed.ts)
 * here and nowhere else. Importing this module subscribes them; publishers publish through
 * `contentChanged` below, so that no change is published before its caches listen.
 *
 * Not here, because they need no expiry: finished responses (lib/http/finish-response.ts)
 * and share images (lib/seo/share-image.tsx) are kept by their body or text, so a changed
 * page is a new entry; the shared cache's own copies of its entries
 * (lib/shared-cache/local-entries.ts) are checked against Redis on every read.
 */

// Reads made because of the change come from a replica that has replayed it, or the primary.
onContentChanged('read position', (change) => requireReadPosition(change.lsn));

// What exists may have changed anywhere (an article added, moved, a section emptied).
onContentChanged('known pages', () => forgetKnownPages());

// Any change may add, drop or reorder the results of any search.
onContentChanged('search results', (change) => {
  if (change.tags.length > 0) forgetSearchResults();
});

// Next's page and data caches, without REDIS_URL: this instance's own, expired tag by tag
// (once the response is sent). With REDIS_URL they live in Redis, where the change was
// recorded before it was published (lib/cache-expire.ts, or the import itself), and every
// read checks it there: calling revalidateTag would record it again, and tell every instance again.
onContentChanged("Next's cache", (change) => {
  if (sharedCacheConfig()) return;
  for (const tag of change.tags) revalidateTag(tag, { expire: 0 });
});

/** The content changed: every in-process cache of this instance forgets what it changed. */
export function contentChanged(change: ContentChange): void {
  publishContentChanged(change);
}
