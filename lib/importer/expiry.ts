import type pg from 'pg';
import {
  ALL_ARTICLES_TAG,
  ARTICLES_PER_NOTICE,
  CORRECTIONS_TAG,
  FRONT_TAG,
  LATEST_TAG,
  SECTIONS_TAG,
  articleTag,
  listingTagsOf,
  pageTagsOf,
  sectionTag,
} from '@/lib/cache-tags';
import { poolReader, type SqlReader } from '@/lib/db/sql-reader';
import { loadNeighbourSlugs } from '@/lib/queries/loaders';
import type { ImportReport } from './report';

/**
 * The cache tags of every page an import changed: each changed article's page and every
 * page listing its headline, its section's pages (old and new), the front page, feeds
 * and sitemaps, the navigation when the set of sections changed, and the pages of the
 * articles next to a new, moved or re-dated one (their "previous/next" now points at it), and
 * the pages of its authors and tags, old and new, and the corrections listing for an article that
 * had or has a correction note. Past ARTICLES_PER_NOTICE changed articles,
 * every article page at once. An article that is not public after the import (scheduled) is on
 * no page the site shows, so nothing is expired for it: an import that only schedules articles
 * expires nothing (the site is still told: `releaseDue`). Asked by the import (its pool) and by
 * the release clock (lib/release.ts: the site's client, its released articles `created`).
 */
export async function tagsToExpire(
  db: pg.Pool | SqlReader,
  report: Pick<ImportReport, 'changed' | 'sectionsChanged'>,
): Promise<string[]> {
  const changed = report.changed.filter((article) => !article.scheduledFor);
  if (changed.length === 0) return [];
  const tags = new Set([FRONT_TAG, LATEST_TAG]);
  if (report.sectionsChanged) tags.add(SECTIONS_TAG);
  // The corrections listing names the articles with a correction note: one that had or has one.
  if (changed.some((article) => article.corrections)) tags.add(CORRECTIONS_TAG);
  for (const article of changed) {
    for (const tag of listingTagsOf(article)) tags.add(tag);
    if (article.previousSectionSlug) tags.add(sectionTag(article.previousSectionSlug));
  }
  if (changed.length > ARTICLES_PER_NOTICE) return [...tags, ALL_ARTICLES_TAG];
  for (const article of changed) for (const tag of pageTagsOf(article.slug)) tags.add(tag);
  const placed = changed
    .filter((article) => article.created || article.previousSectionSlug || article.redated)
    .map((a) => a.slug);
  // The neighbours their pages show, asked as the pages ask (lib/queries), through the import's own pool.
  const reader = '$queryRaw' in db ? db : poolReader(db);
  for (const slug of await loadNeighbourSlugs(reader, placed)) tags.add(articleTag(slug));
  return [...tags];
}

/**
 * Whether the import changed when an article is to be published (scheduled one, moved one's
 * time): the site's release clock must hear of it, even when nothing it shows changed.
 */
export function releaseDue(report: Pick<ImportReport, 'changed'>): boolean {
  return report.changed.some((article) => article.scheduledFor !== undefined);
}
