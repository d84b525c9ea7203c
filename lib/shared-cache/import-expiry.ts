import type pg from 'pg';
import { primaryWalPosition } from '@/lib/db/read-position';
import { poolReader } from '@/lib/db/sql-reader';
import { recordContentVersion } from './content-version';
import { sharedCache } from './store';

/**
 * With REDIS_URL, the import expires what it changed in the shared cache itself, so that
 * every instance shows the change at once even if none of them is told (or none runs);
 * the running site is still told (lib/importer/notify-site.ts). Says what happened, or
 * null without REDIS_URL.
 */
export async function expireInSharedCache(
  pool: pg.Pool,
  tags: readonly string[],
): Promise<{ said: string; everywhere: boolean } | null> {
  const shared = sharedCache();
  if (!shared || tags.length === 0) return null;
  try {
    await shared.ready;
    if (!(await shared.expire(tags, shared.now(), await primaryWalPosition(poolReader(pool)))))
      return {
        said: 'The shared cache (Redis) did not answer: each instance shows the change when told, or within 60 seconds.',
        everywhere: false,
      };
    await recordContentVersion(shared, pool);
    return { said: 'The shared cache (Redis) expired the change for every instance.', everywhere: true };
  } finally {
    await shared.close();
  }
}
