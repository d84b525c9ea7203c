import type pg from 'pg';
import {
  ALL_ARTICLES_TAG,
  ARTICLES_PER_NOTICE,
  FRONT_TAG,
  LATEST_TAG,
  SECTIONS_TAG,
  articleTag,
  sectionTag,
  showsTag,
} from '@/lib/cache-tags';
import type { ImportReport } from './report';

/**
 * The cache tags of every page an import changed: each changed article's page and every
 * page listing its headline, its section's pages (old and new), the front page, feeds
 * and sitemaps, the navigation when the set of sections changed, and the pages of the
 * articles next to a new or moved one (their "previous/next" now points at it).
 * Past ARTICLES_PER_NOTICE changed articles, every article page at once.
 */
export async function tagsToExpire(
  db: pg.Pool,
  report: Pick<ImportReport, 'changed' | 'sectionsChanged'>,
): Promise<string[]> {
  const { changed } = report;
  if (changed.length === 0) return [];
  const tags = new Set([FRONT_TAG, LATEST_TAG]);
  if (report.sectionsChanged) tags.add(SECTIONS_TAG);
  for (const article of changed) {
    tags.add(sectionTag(article.sectionSlug));
    if (article.previousSectionSlug) tags.add(sectionTag(article.previousSectionSlug));
  }
  if (changed.length > ARTICLES_PER_NOTICE) return [...tags, ALL_ARTICLES_TAG];
  for (const article of changed) {
    tags.add(articleTag(article.slug));
    tags.add(showsTag(article.slug));
  }
  const placed = changed.filter((article) => article.created || article.previousSectionSlug).map((a) => a.slug);
  for (const slug of await loadNeighbourSlugs(db, placed)) tags.add(articleTag(slug));
  return [...tags];
}

/** The articles just newer and just older than each of these in its section. */
async function loadNeighbourSlugs(db: pg.Pool, slugs: string[]): Promise<string[]> {
  if (slugs.length === 0) return [];
  const { rows } = await db.query<{ slug: string }>(
    `SELECT n.slug FROM articles a CROSS JOIN LATERAL (
       (SELECT b.slug FROM articles b
         WHERE b.section_id = a.section_id AND (b.published_at, b.id) > (a.published_at, a.id)
         ORDER BY b.published_at, b.id LIMIT 1)
       UNION ALL
       (SELECT b.slug FROM articles b
         WHERE b.section_id = a.section_id AND (b.published_at, b.id) < (a.published_at, a.id)
         ORDER BY b.published_at DESC, b.id DESC LIMIT 1)
     ) n
     WHERE a.slug = ANY($1::text[])`,
    [slugs],
  );
  return rows.map((row) => row.slug);
}
