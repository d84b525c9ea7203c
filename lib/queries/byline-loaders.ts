import type { SqlReader } from '@/lib/db/sql-reader';
import { archiveCount, archiveRange } from '@/lib/feeds/archive';
import { Prisma } from '@/lib/generated/prisma/client';
import type { BylineKind, BylineRef } from '@/lib/listing';
import {
  ARTICLE_COLUMNS,
  SECTION_PAGE_SIZE,
  SUMMARY_COLUMNS,
  articleFromSql,
  sectionPageCount,
  summaryFromSql,
  type ArticleSqlRow,
  type FeedArchive,
  type SummaryRow,
} from './loaders';
import type { Article, ArticleSummary } from './types';
import { published } from './visibility';

/**
 * Uncached reads of authors' and tags' listings (their pages, feeds, archives, sitemaps) and of
 * the sections an author or tag address moved (section_redirects). Only public articles count
 * (lib/queries/visibility.ts): an author or tag whose articles are all scheduled has no page yet.
 *
 * A listing is one range of the link table's (author_id | tag_id, published_at DESC,
 * article_id DESC) index, newest first, with the article's own public_at checked on the way:
 * the link's published_at is the article's, kept by the import, so the order is the section
 * listings' (published_at, id).
 */

/** The tables of each kind of byline (fixed names: never from a request). */
const TABLES: Record<BylineKind, { names: Prisma.Sql; links: Prisma.Sql; id: Prisma.Sql }> = {
  author: { names: Prisma.raw('authors'), links: Prisma.raw('article_authors'), id: Prisma.raw('author_id') },
  tag: { names: Prisma.raw('tags'), links: Prisma.raw('article_tags'), id: Prisma.raw('tag_id') },
};

export interface BylinePage {
  byline: BylineRef;
  articles: ArticleSummary[];
  page: number;
  pageCount: number;
  total: number;
}

interface ShownByline {
  id: number;
  slug: string;
  name: string;
  /** Its public articles. */
  total: number;
}

/** An author or tag with public articles, and how many (null: none by that slug, or none public yet). */
async function shownByline(db: SqlReader, kind: BylineKind, slug: string): Promise<ShownByline | null> {
  const { names, links, id } = TABLES[kind];
  const [row] = await db.$queryRaw<ShownByline[]>`
    SELECT n.id, n.slug, n.name,
           (SELECT count(*)::int FROM ${links} x JOIN articles a ON a.id = x.article_id
             WHERE x.${id} = n.id AND ${published()}) AS total
      FROM ${names} n WHERE n.slug = ${slug}`;
  return row && row.total > 0 ? row : null;
}

/** How many public articles an author or tag has (null: none, or no such one): its pages and feed archives follow. */
export async function loadBylineTotal(db: SqlReader, kind: BylineKind, slug: string): Promise<number | null> {
  return (await shownByline(db, kind, slug))?.total ?? null;
}

/** An author or tag with public articles (null: none by that slug, or none public yet). */
export async function loadByline(db: SqlReader, kind: BylineKind, slug: string): Promise<BylineRef | null> {
  const found = await shownByline(db, kind, slug);
  return found && { kind, slug: found.slug, name: found.name };
}

/**
 * `take` of the byline's public articles after skipping `skip`, from the newer end, or from the
 * older end (`fromOldest`, given newest first all the same): an offset walks the index from its
 * start, so a page in the older half is read from the other end, and the last pages cost what
 * the first ones do.
 */
async function bylineRange<Row>(
  db: SqlReader,
  kind: BylineKind,
  bylineId: number,
  columns: Prisma.Sql,
  range: { skip: number; take: number; fromOldest: boolean },
): Promise<Row[]> {
  const { links, id } = TABLES[kind];
  const direction = Prisma.raw(range.fromOldest ? 'ASC' : 'DESC');
  // The columns (bylines and tags are subqueries) are read for the range's own rows, after the
  // offset: in the inner select list they would be read for every row skipped too.
  const rows = await db.$queryRaw<Row[]>`
    SELECT ${columns} FROM (
      SELECT x.article_id, x.published_at FROM ${links} x JOIN articles a ON a.id = x.article_id
       WHERE x.${id} = ${bylineId} AND ${published()}
       ORDER BY x.published_at ${direction}, x.article_id ${direction} OFFSET ${range.skip} LIMIT ${range.take}) p
      JOIN articles a ON a.id = p.article_id
      JOIN sections s ON s.id = a.section_id
     ORDER BY p.published_at ${direction}, p.article_id ${direction}`;
  return range.fromOldest ? rows.reverse() : rows;
}

/** Page `page` of an author's or tag's listing, newest first, paginated as a section's (null: no such page). */
export async function loadBylinePage(
  db: SqlReader,
  kind: BylineKind,
  slug: string,
  page: number,
): Promise<BylinePage | null> {
  const byline = await shownByline(db, kind, slug);
  if (!byline) return null;
  const { total } = byline;
  const pageCount = sectionPageCount(total);
  if (page < 1 || page > pageCount) return null;
  const skip = (page - 1) * SECTION_PAGE_SIZE;
  const take = Math.min(SECTION_PAGE_SIZE, total - skip);
  const afterThisPage = total - skip - take;
  const rows = await bylineRange<SummaryRow>(
    db,
    kind,
    byline.id,
    SUMMARY_COLUMNS,
    afterThisPage < skip ? { skip: afterThisPage, take, fromOldest: true } : { skip, take, fromOldest: false },
  );
  return {
    byline: { kind, slug: byline.slug, name: byline.name },
    articles: rows.map(summaryFromSql),
    page,
    pageCount,
    total,
  };
}

/** The newest public articles of an author or tag, whole, for its feeds (empty: none). */
export async function loadBylineLatest(
  db: SqlReader,
  kind: BylineKind,
  slug: string,
  limit: number,
): Promise<{ byline: BylineRef; articles: Article[]; total: number } | null> {
  const byline = await shownByline(db, kind, slug);
  if (!byline) return null;
  const rows = await bylineRange<ArticleSqlRow>(db, kind, byline.id, ARTICLE_COLUMNS, {
    skip: 0,
    take: limit,
    fromOldest: false,
  });
  return {
    byline: { kind, slug: byline.slug, name: byline.name },
    articles: rows.map(articleFromSql),
    total: byline.total,
  };
}

/** Archive `number` of an author's or tag's feed (lib/feeds/archive.ts), or null when there is none. */
export async function loadBylineFeedArchive(
  db: SqlReader,
  kind: BylineKind,
  slug: string,
  number: number,
): Promise<(FeedArchive & { byline: BylineRef }) | null> {
  const byline = await shownByline(db, kind, slug);
  const range = byline && archiveRange(byline.total, number);
  if (!byline || !range) return null;
  const newer = byline.total - range.skipOldest - range.take;
  const rows = await bylineRange<ArticleSqlRow>(
    db,
    kind,
    byline.id,
    ARTICLE_COLUMNS,
    newer < range.skipOldest
      ? { skip: newer, take: range.take, fromOldest: false }
      : { skip: range.skipOldest, take: range.take, fromOldest: true },
  );
  return {
    byline: { kind, slug: byline.slug, name: byline.name },
    articles: rows.map(articleFromSql),
    archives: archiveCount(byline.total),
    full: range.full,
  };
}

/** An author's or tag's sitemap entry: its page, and the newest change to one of its public articles. */
export interface SitemapByline {
  slug: string;
  lastModified: string;
}

/** Every author or tag with public articles, in the order they were first seen (a new one never moves another to a different file). */
export async function loadSitemapBylines(db: SqlReader, kind: BylineKind): Promise<SitemapByline[]> {
  const { names, links, id } = TABLES[kind];
  const rows = await db.$queryRaw<Array<{ slug: string; last_modified: Date }>>`
    SELECT n.slug, max(a.updated_at) AS last_modified
      FROM ${names} n JOIN ${links} x ON x.${id} = n.id JOIN articles a ON a.id = x.article_id
     WHERE ${published()}
     GROUP BY n.id, n.slug ORDER BY n.id`;
  return rows.map((row) => ({ slug: row.slug, lastModified: new Date(row.last_modified).toISOString() }));
}

/**
 * The slug a section moved to when a route of the site took its old one (`tags` → `tags-section`,
 * prisma/migrations/20261203000000_newsroom_lines), or null when no section had that slug.
 */
export async function loadMovedSection(db: SqlReader, oldSlug: string): Promise<string | null> {
  const [row] = await db.$queryRaw<Array<{ slug: string }>>`
    SELECT s.slug FROM section_redirects r JOIN sections s ON s.id = r.section_id WHERE r.old_slug = ${oldSlug}`;
  return row?.slug ?? null;
}
