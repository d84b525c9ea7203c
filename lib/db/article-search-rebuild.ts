import type pg from 'pg';
import type { BodyBlock } from '@/lib/documents/types';
import { SPACELESS_BLOCKS, hasSpacelessScript, segmentArticle } from '@/lib/search/segment';

/** Rows per batch: each batch is one read and one write of its own, so no statement holds many rows. */
const BATCH = 1_000;
/**
 * Makes again, from their text split into words (lib/search/segment.ts, JavaScript: SQL cannot
 * split Chinese, Japanese or Thai), the search vectors of the stored articles that hold a script
 * written without spaces; migration 20261208000000_article_search_languages rebuilt every vector
 * from the text as it is, and this runs after it, before 20261208000100_article_search_segmented.
 * In batches in id order; running it again computes the same vectors. Only the vector changes.
 */
export async function rebuildSegmentedSearch(client: pg.ClientBase): Promise<string[]> {
  let rebuilt = 0;
  for (let after = 0; ;) {
    const { rows } = await client.query<{
      id: number;
      headline: string;
      body: BodyBlock[];
      dateline_place: string | null;
    }>(
      `SELECT id, headline, body, dateline_place FROM articles
        WHERE id > $1 AND (headline ~ $2 OR body::text ~ $2 OR dateline_place ~ $2)
        ORDER BY id LIMIT $3`,
      [after, SPACELESS_BLOCKS, BATCH],
    );
    if (rows.length === 0) break;
    after = rows[rows.length - 1]!.id;
    const split = rows.flatMap((row) => {
      const text = [row.headline, row.dateline_place ?? '', ...row.body.map((block) => block.text)].join('\n');
      if (!hasSpacelessScript(text)) return [];
      const segmented = segmentArticle(row.headline, row.body, row.dateline_place);
      return [
        {
          id: row.id,
          headline: segmented.headline ?? row.headline,
          body: JSON.stringify(segmented.body ?? row.body),
          place: segmented.place ?? row.dateline_place,
        },
      ];
    });
    if (split.length === 0) continue;
    await client.query(
      `UPDATE articles a SET search = article_search_vector(v.headline, v.body, v.place, a.language)
         FROM unnest($1::int[], $2::text[], $3::jsonb[], $4::text[]) AS v(id, headline, body, place)
        WHERE a.id = v.id`,
      [
        split.map((row) => row.id),
        split.map((row) => row.headline),
        split.map((row) => row.body),
        split.map((row) => row.place),
      ],
    );
    rebuilt += split.length;
  }
  return rebuilt === 0
    ? []
    : [`split into words the search text of ${rebuilt} stored article${rebuilt === 1 ? '' : 's'}`];
}
