import type { SqlReader } from '@/lib/db/sql-reader';
import { addressHash } from '@/lib/withdrawal/hashes';
import { published } from './visibility';

/**
 * What is at an article's slug, as the front door needs to know it: a public article (its
 * section's slug), an editorially withdrawn one (what its 410 page shows), a legal removal in
 * force that holds the slug's hash (451, nothing of the article), or nothing (404).
 */
export type ArticleAt = string | WithdrawnAt | RemovedAt;

export interface WithdrawnAt {
  gone: 410;
  section: string;
  headline: string;
  /** ISO times: when it was published, and when it was withdrawn. */
  publishedAt: string;
  withdrawnAt: string;
  reason: string;
}

export interface RemovedAt {
  gone: 451;
}

interface Row {
  rank: number;
  section: string | null;
  headline: string | null;
  published_at: Date | null;
  withdrawn_at: Date | null;
  reason: string | null;
}

/**
 * One statement, each branch an index look-up (articles.slug, the withdrawal's key, the GIN
 * index on address_hashes), the first that holds winning: a public article at the slug, else a
 * withdrawn one, else a legal removal in force, else nothing, so a made-up slug costs what it
 * did before. A scheduled article withdrawn before its time was never public: its slug names
 * nothing, and its 410 page would show a headline readers never saw.
 */
export async function loadArticleAt(db: SqlReader, slug: string): Promise<ArticleAt | null> {
  const [row] = await db.$queryRaw<Row[]>`
    (SELECT 1 AS rank, s.slug AS section, NULL AS headline, NULL::timestamptz AS published_at,
            NULL::timestamptz AS withdrawn_at, NULL AS reason
       FROM articles a JOIN sections s ON s.id = a.section_id WHERE a.slug = ${slug} AND ${published('a')})
    UNION ALL
    (SELECT 2, s.slug, a.headline, a.published_at, w.withdrawn_at, w.reason
       FROM articles a JOIN sections s ON s.id = a.section_id JOIN withdrawals w ON w.article_id = a.id
      WHERE a.slug = ${slug} AND w.public_at <= w.withdrawn_at)
    UNION ALL
    (SELECT 3, NULL, NULL, NULL, NULL, NULL FROM legal_removals
      WHERE address_hashes @> ARRAY[${addressHash(slug)}]::text[] AND lifted_at IS NULL LIMIT 1)
    ORDER BY rank LIMIT 1`;
  if (!row) return null;
  if (row.rank === 1) return row.section;
  if (row.rank === 3) return { gone: 451 };
  return {
    gone: 410,
    section: row.section ?? '',
    headline: row.headline ?? '',
    publishedAt: (row.published_at ?? new Date(0)).toISOString(),
    withdrawnAt: (row.withdrawn_at ?? new Date(0)).toISOString(),
    reason: row.reason ?? '',
  };
}
