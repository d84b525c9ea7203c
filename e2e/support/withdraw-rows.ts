// Until the editor's command (`npm run withdraw`) lands, what it does to the database, written
// as the schema has it (prisma/migrations/20261204000000_withdrawal), and the site told as the
// import tells it: `tsx e2e/support/withdraw-rows.ts <slug> --reason "…" [--legal] | --restore <slug>`.
import { parseArgs } from 'node:util';
import { ALL_ARTICLES_TAG, CORRECTIONS_TAG, FRONT_TAG, LATEST_TAG, SECTIONS_TAG } from '../../lib/cache-tags';
import { resolveDatabase } from '../../lib/db/connection';
import { createPool } from '../../lib/db/pool';
import { notifySite } from '../../lib/importer/notify-site';
import { expireInSharedCache } from '../../lib/shared-cache/import-expiry';
import { addressHash, identityHash } from '../../lib/withdrawal/hashes';

const args = parseArgs({
  allowPositionals: true,
  options: { reason: { type: 'string' }, legal: { type: 'boolean' }, restore: { type: 'boolean' } },
});
const slug = args.positionals[0] ?? '';

const database = await resolveDatabase();
const pool = createPool(database.ownerUrl, 'import');
try {
  const [row] = (
    await pool.query<{ id: number; section: string; identity: string; date_key: string; links: string[] }>(
      `SELECT a.id, s.slug AS section, a.identity, a.date_key,
              ARRAY(SELECT 'author:' || au.slug FROM article_authors l JOIN authors au ON au.id = l.author_id WHERE l.article_id = a.id)
           || ARRAY(SELECT 'tag:' || t.slug FROM article_tags l JOIN tags t ON t.id = l.tag_id WHERE l.article_id = a.id) AS links
         FROM articles a JOIN sections s ON s.id = a.section_id WHERE a.slug = $1`,
      [slug],
    )
  ).rows;
  if (!row) {
    const removed = await pool.query(
      `SELECT 1 FROM legal_removals WHERE address_hashes @> ARRAY[$1] AND lifted_at IS NULL`,
      [addressHash(slug)],
    );
    if (args.values.legal && removed.rowCount) {
      console.log(`"${slug}" is removed for legal reasons already: nothing changed.`);
      process.exit(0);
    }
    throw new Error(`no article "${slug}"`);
  }
  if (args.values.restore) {
    await pool.query(
      `WITH w AS (DELETE FROM withdrawals WHERE article_id = $1 RETURNING public_at)
       UPDATE articles SET public_at = w.public_at FROM w WHERE id = $1`,
      [row.id],
    );
  } else if (args.values.legal) {
    await pool.query(`INSERT INTO legal_removals (identity_hash, address_hashes, reason) VALUES ($1, $2, $3)`, [
      identityHash(row.identity, row.date_key),
      [addressHash(slug)],
      args.values.reason ?? '',
    ]);
    await pool.query(`DELETE FROM articles WHERE id = $1`, [row.id]);
  } else {
    await pool.query(
      `INSERT INTO withdrawals (article_id, reason, public_at) SELECT id, $2, public_at FROM articles WHERE id = $1 AND public_at <> 'infinity'
       ON CONFLICT DO NOTHING`,
      [row.id, args.values.reason ?? ''],
    );
    await pool.query(`UPDATE articles SET public_at = 'infinity' WHERE id = $1`, [row.id]);
  }
  const tags = [
    SECTIONS_TAG,
    FRONT_TAG,
    LATEST_TAG,
    ALL_ARTICLES_TAG,
    CORRECTIONS_TAG,
    `section:${row.section}`,
    `article:${slug}`,
    `shows:${slug}`,
    ...row.links,
  ];
  const shared = await expireInSharedCache(pool, tags);
  if (shared) console.log(shared.said);
  console.log(await notifySite(tags));
} finally {
  await pool.end();
  await database.close();
}
