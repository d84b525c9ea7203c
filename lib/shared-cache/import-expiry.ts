import type pg from 'pg';
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
    const { rows } = await pool.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn');
    if (!(await shared.expire(tags, shared.now(), rows[0]?.lsn ?? null)))
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
