import type { SqlReader } from '@/lib/db/sql-reader';

/**
 * What the release clock (lib/release-clock.ts) asks of the database: its clock, the next
 * scheduled article's time, and the articles whose time came since the clock last looked.
 * The database's `now()` is the one clock every instance and every read agrees on
 * (lib/queries/visibility.ts), so the app's own clock plays no part.
 */

/** An article that became public, with what its pages are tagged by (lib/importer/expiry.ts). */
export interface ReleasedArticle {
  slug: string;
  sectionSlug: string;
  authorSlugs: string[];
  tagSlugs: string[];
  /** Its section had no public article before: the navigation gains it. */
  firstInSection: boolean;
  /** It has a correction note: the corrections listing gains it. */
  corrections?: boolean;
}

export interface ReleaseLook {
  /** The database's now(), exactly (its text, microseconds and offset): the next look's `since`. */
  now: string;
  /** The same instant in milliseconds since the epoch. */
  nowMs: number;
  /** The next scheduled article's time (ms since the epoch), or null when none waits. */
  nextMs: number | null;
  /** The articles public now that were not at `since` (none on a first look). */
  released: ReleasedArticle[];
}

/**
 * One look: now and the next release (one probe of the public_at index), and, when `since`
 * is given, the articles released in (since, now]: a short range of the same index. A withdrawn
 * article (public_at 'infinity', lib/withdrawal/) is never a release.
 */
export async function loadReleaseLook(db: SqlReader, since: string | null): Promise<ReleaseLook> {
  const [clock] = await db.$queryRaw<Array<{ now: string; now_ms: number; next_ms: number | null }>>`
    SELECT t.now::text AS now, (extract(epoch FROM t.now) * 1000)::float8 AS now_ms,
           (SELECT (extract(epoch FROM min(a.public_at)) * 1000)::float8 FROM articles a
             WHERE a.public_at > t.now AND a.public_at < 'infinity') AS next_ms
      FROM (SELECT now() AS now) t`;
  if (!clock) throw new Error('the database did not say what time it is');
  const released =
    since === null
      ? []
      : await db.$queryRaw<
          Array<{
            slug: string;
            section_slug: string;
            author_slugs: string[];
            tag_slugs: string[];
            first_in_section: boolean;
            corrections: boolean;
          }>
        >`
          SELECT a.slug, s.slug AS section_slug,
                 array(SELECT au.slug FROM article_authors aa JOIN authors au ON au.id = aa.author_id
                        WHERE aa.article_id = a.id ORDER BY aa.position) AS author_slugs,
                 array(SELECT t.slug FROM article_tags at JOIN tags t ON t.id = at.tag_id
                        WHERE at.article_id = a.id ORDER BY at.position) AS tag_slugs,
                 NOT EXISTS (SELECT FROM articles o WHERE o.section_id = a.section_id
                              AND o.public_at <= ${since}::timestamptz) AS first_in_section,
                 a.notes @> '[{"kind":"correction"}]'::jsonb AS corrections
            FROM articles a JOIN sections s ON s.id = a.section_id
           WHERE a.public_at > ${since}::timestamptz AND a.public_at <= ${clock.now}::timestamptz
             -- Scheduled ones only: an article an import made public at once has the import's
             -- time as its first import and its public_at, and that import expired what shows it
             -- (an import of 100,000 articles is not released a second time by every instance).
             AND a.public_at > a.first_imported_at
           ORDER BY a.public_at, a.id`;
  return {
    now: clock.now,
    nowMs: Number(clock.now_ms),
    nextMs: clock.next_ms === null ? null : Number(clock.next_ms),
    released: released.map((row) => ({
      slug: row.slug,
      sectionSlug: row.section_slug,
      authorSlugs: row.author_slugs,
      tagSlugs: row.tag_slugs,
      firstInSection: row.first_in_section,
      corrections: row.corrections,
    })),
  };
}
