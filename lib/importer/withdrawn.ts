import type pg from 'pg';
import type { ArticleDraft } from '@/lib/documents/types';
import { asciiIdentity } from '@/lib/slug';
import { addressHash, identityHash } from '@/lib/withdrawal/hashes';
import { draftKey, type StoredArticle } from './plan';

/**
 * The drafts of a batch that an import must leave alone ("Withdrawal" in the format): those
 * whose stored article is withdrawn, and those whose identity a legal removal in force holds
 * (no row remains: only the hash of its identity on its day, or undated). A removal made before
 * own-letters identities holds the hash of the old rule's identity (`ascii_identity`): drafts
 * are checked against those by `asciiIdentity`, only when the database holds one in force. One
 * statement for the batch, by draftKey (two when it does).
 */
export async function loadWithdrawnDrafts(
  client: pg.PoolClient,
  drafts: readonly ArticleDraft[],
  stored: ReadonlyMap<string, StoredArticle>,
): Promise<Set<string>> {
  const ids = [...new Set([...stored.values()].map((article) => article.id).filter((id) => id !== null))];
  const hashes = drafts.map((draft) => hashesOf(draft.identity, draft));
  const { rows } = await client.query<{ article_id: number | null; identity_hash: string | null }>(
    `SELECT w.article_id, NULL AS identity_hash FROM withdrawals w WHERE w.article_id = ANY($1::int[])
     UNION ALL
     SELECT NULL, r.identity_hash FROM legal_removals r
      WHERE r.identity_hash = ANY($2::text[]) AND r.lifted_at IS NULL AND NOT r.ascii_identity
     UNION ALL
     (SELECT NULL, '' FROM legal_removals r WHERE r.ascii_identity AND r.lifted_at IS NULL LIMIT 1)`,
    [ids, hashes.flat()],
  );
  if (rows.length === 0) return new Set();
  const withdrawnIds = new Set(rows.map((row) => row.article_id).filter((id) => id !== null));
  const removed = new Set(rows.map((row) => row.identity_hash).filter((hash) => hash !== null && hash !== ''));
  const removedBefore = rows.some((row) => row.identity_hash === '') ? await removedUnderOldRule(client, drafts) : null;
  const keys = new Set<string>();
  drafts.forEach((draft, i) => {
    const key = draftKey(draft);
    const id = stored.get(key)?.id;
    if ((id != null && withdrawnIds.has(id)) || hashes[i]!.some((hash) => removed.has(hash)) || removedBefore?.(i))
      keys.add(key);
  });
  return keys;
}

/** A draft's identity hashes: on its day, and, dated, undated too (a removed undated article that gained its date would have matched it). */
function hashesOf(identity: string, draft: ArticleDraft): string[] {
  return [identityHash(identity, draft.date?.day ?? ''), ...(draft.date ? [identityHash(identity, '')] : [])];
}

/** Which drafts (by index) a removal made under the old rule holds, by their hashes under it (none where it gives no identity). */
async function removedUnderOldRule(
  client: pg.PoolClient,
  drafts: readonly ArticleDraft[],
): Promise<(index: number) => boolean> {
  const hashes = drafts.map((draft) => {
    const identity = asciiIdentity(draft.headline);
    return identity === '' ? [] : hashesOf(identity, draft);
  });
  const { rows } = await client.query<{ identity_hash: string }>(
    `SELECT identity_hash FROM legal_removals
      WHERE identity_hash = ANY($1::text[]) AND lifted_at IS NULL AND ascii_identity`,
    [hashes.flat()],
  );
  const removed = new Set(rows.map((row) => row.identity_hash));
  return (index) => hashes[index]!.some((hash) => removed.has(hash));
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
