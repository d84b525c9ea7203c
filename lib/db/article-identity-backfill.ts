import type pg from 'pg';
import { articleIdentity } from '@/lib/slug';

/** Rows per batch: each batch is one read and one write of its own, so no statement holds many rows. */
export const BATCH = 1_000;

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
    const identities = setAside(rows, wanted, wanted, new Set(held.rows.map((row) => row.identity)), notes);
    await client.query(
      `UPDATE articles a SET identity = v.identity
         FROM unnest($1::int[], $2::text[]) AS v(id, identity)
        WHERE a.id = v.id`,
      [rows.map((row) => row.id), identities],
    );
  }
}

/**
 * The identities a batch of stored rows takes: each the identity `wanted` for it, unless its key
 * (its identity, with its day where the day is part of it) is `taken` by a row before it (in the
 * table or earlier in the batch); then `<identity> #<id>`, which no headline normalises to
 * (identities hold only letters, marks, digits and single spaces), with a line in `notes`
 * unless the row's stored `identity` was set aside so already.
 */
export function setAside(
  rows: ReadonlyArray<{ id: number; slug: string; identity?: string }>,
  wanted: readonly string[],
  keys: readonly string[],
  taken: Set<string>,
  notes: string[],
): string[] {
  return rows.map((row, index) => {
    const identity = wanted[index]!;
    if (identity === '') {
      notes.push(`article ${row.slug} has no letter or digit in its headline: no import updates it`);
      return `#${row.id}`;
    }
    if (!taken.has(keys[index]!)) {
      taken.add(keys[index]!);
      return identity;
    }
    const aside = `${identity} #${row.id}`;
    // Set aside already (by an earlier rule): said then.
    if (row.identity !== aside)
      notes.push(
        `article ${row.slug} has the headline of an earlier article ("${identity}"): re-imports update that one`,
      );
    return aside;
  });
}
