import type pg from 'pg';
import { articleIdentity, nameIdentity } from '@/lib/slug';
import { BATCH, setAside } from './article-identity-backfill';

/** Where the new identities wait for migration 20261206000200_own_letters_identity, which moves them in and drops it. */
export const NEXT_IDENTITIES = 'article_identity_next';

/**
 * Recomputes the identity of every stored article under the own-letters rule (lib/slug.ts
 * `articleIdentity`, document-format.md "Identity and re-imports"), which is JavaScript
 * (NFKC, Unicode case folding, the letters of every script), not SQL: PostgreSQL's `lower()` and
 * its letter classes follow the database's locale, and the embedded database's is `C`. So it
 * runs in the migration runner before 20261206000200_own_letters_identity, which swaps them in,
 * in one transaction, for every article at once (a row at a time could meet another's old
 * identity in the unique index).
 *
 * The new identities are written to NEXT_IDENTITIES in batches in id order: a run cut short
 * resumes after the last id written. Two stored articles the new rule reads as one (on one day)
 * are set aside as the first backfill set them aside (`setAside`): the first stored keeps the
 * identity, each later one gets `<identity> #<id>` and keeps its address, untouched by imports.
 * Two the old rule had merged were one row already: they cannot be told apart now.
 *
 * Authors' and tags' identities are recomputed too (`nameIdentity`): those with an ASCII
 * transliteration keep theirs; a name read by its own letters keeps its vowel signs now (Thai,
 * Devanagari). One that another name already holds keeps its old identity, said in a note.
 */
export async function stageOwnLettersIdentity(client: pg.ClientBase): Promise<string[]> {
  await client.query(`CREATE TABLE IF NOT EXISTS ${NEXT_IDENTITIES} (
    id INTEGER PRIMARY KEY, identity TEXT NOT NULL, date_key TEXT NOT NULL, UNIQUE (identity, date_key))`);
  const notes: string[] = [];
  const last = await client.query<{ id: number }>(`SELECT coalesce(max(id), 0) AS id FROM ${NEXT_IDENTITIES}`);
  for (let after = last.rows[0]!.id; ;) {
    const { rows } = await client.query<{
      id: number;
      slug: string;
      identity: string;
      headline: string;
      date_key: string;
    }>(`SELECT id, slug, identity, headline, date_key FROM articles WHERE id > $1 ORDER BY id LIMIT $2`, [
      after,
      BATCH,
    ]);
    if (rows.length === 0) break;
    after = rows[rows.length - 1]!.id;
    const wanted = rows.map((row) => articleIdentity(row.headline));
    const held = await client.query<{ identity: string; date_key: string }>(
      `SELECT n.identity, n.date_key FROM ${NEXT_IDENTITIES} n
         JOIN unnest($1::text[], $2::text[]) AS q(identity, date_key) USING (identity, date_key)`,
      [wanted, rows.map((row) => row.date_key)],
    );
    const dayKey = (identity: string, day: string) => `${identity}\n${day}`;
    const identities = setAside(
      rows,
      wanted,
      rows.map((row, i) => dayKey(wanted[i]!, row.date_key)),
      new Set(held.rows.map((row) => dayKey(row.identity, row.date_key))),
      notes,
    );
    await client.query(
      `INSERT INTO ${NEXT_IDENTITIES} (id, identity, date_key)
       SELECT * FROM unnest($1::int[], $2::text[], $3::text[])`,
      [rows.map((row) => row.id), identities, rows.map((row) => row.date_key)],
    );
  }
  for (const table of ['authors', 'tags']) notes.push(...(await renameIdentities(client, table)));
  return notes;
}

/** Gives each author (or tag) the identity `nameIdentity` makes of its name now, unless another holds it. */
async function renameIdentities(client: pg.ClientBase, table: string): Promise<string[]> {
  const { rows } = await client.query<{ id: number; identity: string; name: string; slug: string }>(
    `SELECT id, identity, name, slug FROM ${table} ORDER BY id`,
  );
  const held = new Set(rows.map((row) => row.identity));
  const notes: string[] = [];
  const changed: Array<{ id: number; identity: string }> = [];
  for (const row of rows) {
    const identity = nameIdentity(row.name);
    if (identity === row.identity || identity === '') continue;
    if (held.has(identity)) {
      notes.push(`${table} ${row.slug} keeps its identity: "${identity}" is another's`);
      continue;
    }
    held.add(identity);
    changed.push({ id: row.id, identity });
  }
  if (changed.length > 0) {
    await client.query(
      `UPDATE ${table} t SET identity = v.identity FROM unnest($1::int[], $2::text[]) AS v(id, identity) WHERE t.id = v.id`,
      [changed.map((row) => row.id), changed.map((row) => row.identity)],
    );
  }
  return notes;
}
