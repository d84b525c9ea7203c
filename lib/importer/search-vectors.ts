import type pg from 'pg';
import type { ArticleDraft, DocumentProblem } from '@/lib/documents/types';
import { segmentArticle } from '@/lib/search/segment';

/**
 * Articles longer than this (in UTF-16 units of headline, body and dateline) have their search
 * vector made once while the import plans, so that one the database refuses is a problem at the
 * article's line before anything of the run is written; shorter ones cannot be refused.
 *
 * PostgreSQL refuses a tsvector whose lexemes and positions take more than 1,048,575 bytes
 * ("string is too long for tsvector"). Bound, per character of text: a character is at most 4
 * bytes of UTF-8; lower-casing makes it at most 1.5 times longer and unaccent at most twice
 * (`½` becomes ` 1/2`, the longest rule by bytes): 12 bytes. A token is indexed at most twice
 * (a compound word or an address whole and by its parts): 24 bytes. Each token also costs at
 * most 9 bytes (a 4-byte entry, a byte of alignment, a 2-byte position count and one position)
 * and there are at most 2 tokens a character: 18. So at most 42 bytes a character, and an
 * article of 20,000 characters makes at most 840,000 bytes. Real text makes far less (about
 * 2 bytes a character); the worst real case found, hyphenated pairs of 4-byte ideographs,
 * makes about 9 (test/import-limits.int.test.ts), so that an article within MAX_ARTICLE_CHARS can be
 * refused, and is checked.
 */
export const VECTOR_CHECKED_ABOVE = 20_000;

/** PostgreSQL's code for a value over one of its limits (program_limit_exceeded). */
const PROGRAM_LIMIT_EXCEEDED = '54000';

function textLength(draft: ArticleDraft): number {
  let units = draft.headline.length;
  for (const block of draft.body) units += block.text.length;
  if (draft.dateline)
    units += draft.dateline.place.length + draft.dateline.dateText.length + draft.dateline.source.length;
  return units;
}

/**
 * The long articles (over VECTOR_CHECKED_ABOVE) whose search vector the database refuses, each
 * as a problem at its line. One statement per long article, on a connection outside the import's
 * transaction (or, with no connection to spare, in it: a refusal aborts it, and the document's
 * problem rolls it back anyway). Any other database error is thrown.
 */
export async function refusedSearchVectors(
  connection: pg.ClientBase,
  drafts: readonly ArticleDraft[],
): Promise<DocumentProblem[]> {
  const problems: DocumentProblem[] = [];
  for (const draft of drafts) {
    if (textLength(draft) <= VECTOR_CHECKED_ABOVE) continue;
    try {
      const place = draft.dateline?.place ?? null;
      const segmented = segmentArticle(draft.headline, draft.body, place);
      await connection.query('SELECT length(article_search_vector($1, $2::jsonb, $3, $4)) AS lexemes', [
        segmented.headline ?? draft.headline,
        JSON.stringify(segmented.body ?? draft.body),
        segmented.place ?? place,
        draft.language,
      ]);
    } catch (error) {
      if ((error as { code?: string }).code !== PROGRAM_LIMIT_EXCEEDED) throw error;
      problems.push({
        line: draft.line,
        message: `article has too many different words for the search index (PostgreSQL: ${(error as Error).message})`,
      });
    }
  }
  return problems;
}
