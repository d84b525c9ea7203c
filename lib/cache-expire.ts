import 'server-only';
import { revalidateTag } from 'next/cache';
import { getPrimaryPrisma, hasReplicas } from '@/lib/db/client';
import { primaryWalPosition, requireReadPosition } from '@/lib/db/read-position';
import { forgetKnownPages } from '@/lib/known-pages';
import { recordContentVersion } from '@/lib/shared-cache/content-version';
import { sharedCache } from '@/lib/shared-cache/store';

/** Where an import's notice took effect. */
export type Reach = 'this instance' | 'every instance' | 'this instance (Redis did not answer: sent when it does)';

/**
 * Expires these cache tags, as the import's notice asks. Without REDIS_URL, in this
 * instance's cache (Next's own, which expires them all in one call once the response is
 * sent). With it, in Redis, before answering, so that every instance renders the pages
 * again on their next request. With read replicas, the pages rendered again read from the
 * primary until a replica has replayed the import (the primary's position now is past it).
 */
export async function expireEverywhere(tags: readonly string[]): Promise<Reach> {
  const lsn = hasReplicas() ? await primaryWalPosition(await getPrimaryPrisma()) : null;
  requireReadPosition(lsn);
  forgetKnownPages();
  const shared = sharedCache();
  if (!shared) {
    for (const tag of tags) revalidateTag(tag, { expire: 0 });
    return 'this instance';
  }
  await shared.ready;
  if (!(await shared.expire(tags, shared.now(), lsn))) return 'this instance (Redis did not answer: sent when it does)';
  await recordContentVersion(shared, await getPrimaryPrisma()).catch(() => undefined);
  return 'every instance';
}
