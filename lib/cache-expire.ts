import 'server-only';
import { contentChanged } from '@/lib/caches';
import { getPrimaryPrisma, hasReplicas } from '@/lib/db/client';
import { primaryWalPosition } from '@/lib/db/read-position';
import { recordContentVersion } from '@/lib/shared-cache/content-version';
import { sharedCache } from '@/lib/shared-cache/store';

/** Where an import's notice took effect. */
export type Reach = 'this instance' | 'every instance' | 'this instance (Redis did not answer: sent when it does)';

/**
 * Expires these cache tags, as the import's notice asks: publishes the change to this
 * instance's caches at once (lib/caches.ts: without REDIS_URL, Next's own cache among them),
 * and with REDIS_URL records it in Redis before answering, whence every instance hears it
 * (scripts/server.ts) and publishes it to its own: the next request on any of them renders
 * the pages again and searches again. With read replicas, what is read because of the change
 * comes from the primary until a replica has replayed the import (the primary's position now
 * is past it).
 */
export async function expireEverywhere(tags: readonly string[]): Promise<Reach> {
  const lsn = hasReplicas() ? await primaryWalPosition(await getPrimaryPrisma()) : null;
  contentChanged({ tags, lsn });
  const shared = sharedCache();
  if (!shared) return 'this instance';
  await shared.ready;
  if (!(await shared.expire(tags, shared.now(), lsn))) return 'this instance (Redis did not answer: sent when it does)';
  await recordContentVersion(shared, await getPrimaryPrisma()).catch(() => undefined);
  return 'every instance';
}
