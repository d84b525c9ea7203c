import type pg from 'pg';
import type { BodyBlock } from '@/lib/documents/types';
import { detectLanguage } from '@/lib/language';

/** Rows per batch: each batch is one read and one write of its own, so no statement holds many rows. */
const BATCH = 1_000;

/**
 * Finds the language of the articles stored before articles had one (migration
 * 20261206000000_article_language), in batches in id order, from their headline and body as the
 * import does (lib/language.ts `detectLanguage`, JavaScript, not SQL): so this runs in the
 * migration runner, after the migration that adds the column and before the one that makes it
 * NOT NULL. Only rows still without a language are read, so a run cut short resumes where it
 * stopped. A found language is not content: nothing else of the row changes (no new version, no
 * new `updated_at`).
 */
export async function backfillArticleLanguage(client: pg.ClientBase): Promise<string[]> {
  let found = 0;
  for (let after = 0; ;) {
    const { rows } = await client.query<{ id: number; headline: string; body: BodyBlock[] }>(
      `SELECT id, headline, body FROM articles WHERE id > $1 AND language IS NULL ORDER BY id LIMIT $2`,
      [after, BATCH],
    );
    if (rows.length === 0) break;
    after = rows[rows.length - 1]!.id;
    const languages = rows.map((row) => detectLanguage([row.headline, ...row.body.map((block) => block.text)]));
    await client.query(
      `UPDATE articles a SET language = v.language
         FROM unnest($1::int[], $2::text[]) AS v(id, language)
        WHERE a.id = v.id`,
      [rows.map((row) => row.id), languages],
    );
    found += rows.length;
  }
  return found === 0 ? [] : [`found the language of ${found} stored article${found === 1 ? '' : 's'}`];
}
