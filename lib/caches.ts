// With its file name: the server (scripts/server.ts) is bundled as an ES module that imports
// packages at run time, and Node finds no `next/cache` without it (next has no exports map).
import { revalidateTag } from 'next/cache.js';
// Next's own record of when each tag expired (its default cache handler reads it on every get).
import { tagsManifest } from 'next/dist/server/lib/incremental-cache/tags-manifest.external.js';
import { onContentChanged, publishContentChanged, type ContentChange } from '@/lib/content-changed';
import { eraseMemories } from '@/lib/erasable';
import { eraseNextCache } from '@/lib/next-cache-erase';
import { getPrimaryPrisma, hasReplicas } from '@/lib/db/client';
import { primaryWalPosition, requireReadPosition } from '@/lib/db/read-position';
import { forgetKnownPages } from '@/lib/known-pages';
import { forgetSearchResults } from '@/lib/queries/search-cache';
import { releaseClockLookAgain } from '@/lib/release-clock';
import { recordContentVersion } from '@/lib/shared-cache/content-version';
import { sharedCache, sharedCacheConfig } from '@/lib/shared-cache/store';

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
// recorded before it was published (expireEverywhere below, or the import itself), and every
// read checks it there: calling revalidateTag would record it again, and tell every instance again.
// Inside a request (the import's notice) through revalidateTag, which Next applies once the
// response is sent; outside one (the release clock, lib/release-clock.ts), where revalidateTag
// has no request to attach to and throws, in the record Next's default handler reads, at once,
// as that handler's own revalidateTag writes it.
onContentChanged("Next's cache", (change) => {
  if (sharedCacheConfig()) return;
  for (const tag of change.tags) {
    try {
      revalidateTag(tag, { expire: 0 });
    } catch {
      const now = Date.now();
      tagsManifest.set(tag, { ...tagsManifest.get(tag), stale: now, expired: now });
    }
  }
});

// A legal removal: every in-memory store that may hold its text is emptied (lib/erasable.ts:
// finished responses, share images, the shared cache's local copies), and without REDIS_URL
// Next's own entries under its tags are deleted, on disk and in memory (with REDIS_URL they
// are in Redis, which eraseEverywhere below and the editor's command delete).
onContentChanged('erased copies', (change) => {
  if (!change.erase) return;
  eraseMemories();
  if (!sharedCacheConfig()) eraseNextCache(change.tags);
});

// A change may add a scheduled article (an import), or be a release: the clock looks for the next one.
onContentChanged('release clock', () => releaseClockLookAgain());

/** The content changed: every in-process cache of this instance forgets what it changed. */
export function contentChanged(change: ContentChange): void {
  publishContentChanged(change);
}

/** Where an expiry took effect. */
export type Reach =
  | 'this instance'
  | 'every instance'
  | 'this instance (Redis did not answer)'
  | 'this instance (Redis did not answer: sent when it does)';

/**
 * Expires these cache tags, as the import's notice (app/api/revalidate) and the release clock
 * (lib/release.ts) ask: publishes the change to this instance's caches at once (without
 * REDIS_URL, Next's own cache among them), and with REDIS_URL records it in Redis before
 * answering, whence every instance hears it (scripts/server.ts) and publishes it to its own:
 * the next request on any of them renders the pages again and searches again. Recording the
 * same expiry twice (every instance's release clock does) only dates it again. With read
 * replicas, what is read because of the change comes from the primary until a replica has
 * replayed it (the primary's position now is past it).
 */
export async function expireEverywhere(tags: readonly string[]): Promise<Reach> {
  const lsn = hasReplicas() ? await primaryWalPosition(await getPrimaryPrisma()) : null;
  contentChanged({ tags, lsn });
  const shared = sharedCache();
  if (!shared) return 'this instance';
  await shared.ready;
  // Nothing to expire (an import that only schedules): every instance still hears of the change.
  if (tags.length === 0 && !lsn)
    return (await shared.announce()) ? 'every instance' : 'this instance (Redis did not answer)';
  if (!(await shared.expire(tags, shared.now(), lsn))) return 'this instance (Redis did not answer: sent when it does)';
  await recordContentVersion(shared, await getPrimaryPrisma()).catch(() => undefined);
  return 'every instance';
}

/**
 * A render that read the database before a legal removal committed may store its page after
 * the erasure: erased again after these delays (ms), which outlast a render.
 */
export const ERASE_AGAIN_AFTER_MS = [1_000, 5_000] as const;

/**
 * A legal removal's notice (`"erase": true`): deletes every cache entry under these tags, here
 * and, with REDIS_URL, in Redis and on every instance (each hears it on the shared cache's
 * `erased` channel, scripts/server.ts), and again after ERASE_AGAIN_AFTER_MS; then expires
 * them everywhere, as any notice does.
 */
export async function eraseEverywhere(tags: readonly string[]): Promise<Reach> {
  const erase = async () => {
    contentChanged({ tags, lsn: null, erase: true });
    const shared = sharedCache();
    if (shared) await shared.ready.then(() => shared.eraseTagged(tags));
  };
  await erase();
  for (const delay of ERASE_AGAIN_AFTER_MS) setTimeout(() => void erase().catch(() => undefined), delay).unref();
  return expireEverywhere(tags);
}
