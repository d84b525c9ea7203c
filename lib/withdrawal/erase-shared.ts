import { sharedCache } from '@/lib/shared-cache/store';

/**
 * With REDIS_URL, the editor's command deletes a legally removed article's entries from the
 * shared cache itself (every entry under its tags), so that none is left even when no site
 * runs, and every instance hears it and deletes its own copies. Says what happened, or null
 * without REDIS_URL. Leaves the connection open: expireInSharedCache, which the command asks
 * next with the same tags, closes it.
 */
export async function eraseInSharedCache(tags: readonly string[]): Promise<string | null> {
  const shared = sharedCache();
  if (!shared || tags.length === 0) return null;
  await shared.ready;
  const deleted = await shared.eraseTagged(tags);
  return deleted === null
    ? 'The shared cache (Redis) did not answer: its entries of the article are not deleted (see docs/withdrawal.md).'
    : `The shared cache (Redis) deleted ${deleted} ${deleted === 1 ? 'entry' : 'entries'} that held the article.`;
}
