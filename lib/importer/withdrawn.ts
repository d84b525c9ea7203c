import type pg from 'pg';
import type { ArticleDraft } from '@/lib/documents/types';
import { addressHash, identityHash } from '@/lib/withdrawal/hashes';
import { draftKey, type StoredArticle } from './plan';

/**
 * The drafts of a batch that an import must leave alone ("Withdrawal" in the format): those
 * whose stored article is withdrawn, and those whose identity a legal removal in force holds
 * (no row remains: only the hash of its identity on its day, or undated). One statement for
 * the batch, by draftKey.
 */
export async function loadWithdrawnDrafts(
  client: pg.PoolClient,
  drafts: readonly ArticleDraft[],
  stored: ReadonlyMap<string, StoredArticle>,
): Promise<Set<string>> {
  const ids = [...new Set([...stored.values()].map((article) => article.id).filter((id) => id !== null))];
  // A dated draft may be a removed undated article that gained its date, as it would have matched it.
  const hashes = drafts.map((draft) => [
    identityHash(draft.identity, draft.date?.day ?? ''),
    ...(draft.date ? [identityHash(draft.identity, '')] : []),
  ]);
  const { rows } = await client.query<{ article_id: number | null; identity_hash: string | null }>(
    `SELECT w.article_id, NULL AS identity_hash FROM withdrawals w WHERE w.article_id = ANY($1::int[])
     UNION ALL
     SELECT NULL, r.identity_hash FROM legal_removals r WHERE r.identity_hash = ANY($2::text[]) AND r.lifted_at IS NULL`,
    [ids, hashes.flat()],
  );
  if (rows.length === 0) return new Set();
  const withdrawnIds = new Set(rows.map((row) => row.article_id).filter((id) => id !== null));
  const removed = new Set(rows.map((row) => row.identity_hash).filter((hash) => hash !== null));
  const keys = new Set<string>();
  drafts.forEach((draft, i) => {
    const key = draftKey(draft);
    const id = stored.get(key)?.id;
    if ((id != null && withdrawnIds.has(id)) || hashes[i]!.some((hash) => removed.has(hash))) keys.add(key);
  });
  return keys;
}

/**
 * Which of these slugs a legal removal in force holds: they keep answering 451, so no new
 * article may be given one (one probe of the removals' GIN index).
 */
export async function loadRemovedSlugs(client: pg.PoolClient, slugs: readonly string[]): Promise<Set<string>> {
  const bySlug = new Map(slugs.map((slug) => [addressHash(slug), slug]));
  const { rows } = await client.query<{ hash: string }>(
    `SELECT DISTINCT h AS hash FROM legal_removals r, unnest(r.address_hashes) h
      WHERE r.address_hashes && $1::text[] AND r.lifted_at IS NULL AND h = ANY($1::text[])`,
    [[...bySlug.keys()]],
  );
  return new Set(rows.map((row) => bySlug.get(row.hash)!));
}
