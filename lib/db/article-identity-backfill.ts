import type pg from 'pg';
import { articleIdentity } from '@/lib/slug';

/** Rows per batch: each batch is one read and one write of its own, so no statement holds many rows. */
const BATCH = 1_000;

/**
 * Fills in `articles.identity` for the rows stored before the column existed
 * (migration 20261126000000_article_identity), in batches in id order. The
 * identity is the headline normalised by `articleIdentity` (lib/slug.ts), which
 * is JavaScript, not SQL: so this runs in the migration runner, after the
 * migration that adds the column and before the one that makes it NOT NULL.
 * Only rows still without an identity are read, so a run that was cut short
 * resumes where it stopped, and a database with none left costs one query.
 *
 * Two stored rows whose headlines normalise alike are one article stored twice
 * (only an older slug rule could have made that). The identity is unique, so the
 * first stored keeps it, and re-imports update that one; each later one gets
 * `<identity> #<id>`, which no headline normalises to (identities hold only
 * letters, digits and single spaces), and stays at its URL, untouched by imports.
 * Returns a line per row set aside, for whoever runs the migration.
 */
export async function backfillArticleIdentity(client: pg.ClientBase): Promise<string[]> {
  const notes: string[] = [];
  for (let after = 0; ;) {
    const { rows } = await client.query<{ id: number; slug: string; headline: string }>(
      `SELECT id, slug, headline FROM articles WHERE id > $1 AND identity IS NULL ORDER BY id LIMIT $2`,
      [after, BATCH],
    );
    if (rows.length === 0) return notes;
    after = rows[rows.length - 1]!.id;
    const wanted = rows.map((row) => articleIdentity(row.headline));
    const held = await client.query<{ identity: string }>(
      `SELECT identity FROM articles WHERE identity = ANY($1::text[])`,
      [wanted],
    );
    const taken = new Set(held.rows.map((row) => row.identity));
    const identities = rows.map((row, index) => {
      const identity = wanted[index]!;
      if (!taken.has(identity)) {
        taken.add(identity);
        return identity;
      }
      notes.push(
        `article ${row.slug} has the headline of an earlier article ("${identity}"): re-imports update that one`,
      );
      return `${identity} #${row.id}`;
    });
    await client.query(
      `UPDATE articles a SET identity = v.identity
         FROM unnest($1::int[], $2::text[]) AS v(id, identity)
        WHERE a.id = v.id`,
      [rows.map((row) => row.id), identities],
    );
  }
}
