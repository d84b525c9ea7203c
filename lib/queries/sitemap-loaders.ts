import type { PrismaClient } from '@/lib/db/client';
import type { SectionRef } from './types';
import { published } from './visibility';

/** Uncached reads for sitemaps and crawler files; dates as ISO strings so they pass through the data cache. */

export interface SitemapSection {
  slug: string;
  /** The newest change to an article of the section; null for a section without articles. */
  lastModified: string | null;
}

export interface SitemapOverview {
  sections: SitemapSection[];
  articleCount: number;
  /** For each run of `chunkSize` articles in sitemap order (oldest id first): its newest change. */
  articleChunks: string[];
  /** The newest change to any article. */
  lastModified: string | null;
}

export interface SitemapArticle {
  slug: string;
  sectionSlug: string;
  lastModified: string;
}

export interface RecentArticle {
  slug: string;
  headline: string;
  section: SectionRef;
  publishedAt: string;
  /** Its tags' names, in order (the news sitemap's keywords). */
  tags: string[];
  /** Its language, a BCP 47 tag, `und` when undetermined. */
  language: string;
}

export async function loadSitemapOverview(prisma: PrismaClient, chunkSize: number): Promise<SitemapOverview> {
  const [sections, newestPerSection, chunks] = await Promise.all([
    prisma.section.findMany({ select: { id: true, slug: true }, orderBy: { id: 'asc' } }),
    // Of the public articles only (lib/queries/visibility.ts): a scheduled one is not listed before its time.
    prisma.$queryRaw<Array<{ section_id: number; updated_at: Date }>>`
      SELECT a.section_id, max(a.updated_at) AS updated_at FROM articles a WHERE ${published('a')} GROUP BY a.section_id`,
    // Sitemap files hold articles in id order, so a file's lastmod is the newest change among its ids.
    prisma.$queryRaw<Array<{ chunk: bigint | number; last_modified: Date; articles: bigint | number }>>`
      SELECT chunk, max(updated_at) AS last_modified, count(*) AS articles
      FROM (SELECT (row_number() OVER (ORDER BY id) - 1) / ${chunkSize} AS chunk, updated_at
              FROM articles a WHERE ${published('a')}) numbered
      GROUP BY chunk ORDER BY chunk`,
  ]);
  const newest = new Map(newestPerSection.map((row) => [row.section_id, row.updated_at]));
  const all = newestPerSection.map((row) => row.updated_at);
  return {
    // A section shows once it has a public article (one whose only articles are scheduled does not exist yet).
    sections: sections
      .filter((section) => newest.has(section.id))
      .map((section) => ({
        slug: section.slug,
        lastModified: newest.get(section.id)?.toISOString() ?? null,
      })),
    articleCount: chunks.reduce((total, chunk) => total + Number(chunk.articles), 0),
    articleChunks: chunks.map((chunk) => new Date(chunk.last_modified).toISOString()),
    lastModified: all.length > 0 ? new Date(Math.max(...all.map(Number))).toISOString() : null,
  };
}

/** One sitemap file's articles: oldest id first, so a new article never moves another to a different file. */
export async function loadSitemapArticles(prisma: PrismaClient, skip: number, take: number): Promise<SitemapArticle[]> {
  const rows = await prisma.$queryRaw<Array<{ slug: string; section_slug: string; updated_at: Date }>>`
    SELECT a.slug, s.slug AS section_slug, a.updated_at
      FROM articles a JOIN sections s ON s.id = a.section_id
     WHERE ${published('a')}
     ORDER BY a.id OFFSET ${skip} LIMIT ${take}`;
  return rows.map((row) => ({
    slug: row.slug,
    sectionSlug: row.section_slug,
    lastModified: row.updated_at.toISOString(),
  }));
}

/** Articles published at or after `since`, newest first: the news sitemap's window. */
export async function loadRecentArticles(prisma: PrismaClient, since: Date, limit: number): Promise<RecentArticle[]> {
  const rows = await prisma.$queryRaw<
    Array<{
      slug: string;
      headline: string;
      section_slug: string;
      section_name: string;
      published_at: Date;
      tags: string[];
      language: string;
    }>
  >`
    SELECT a.slug, a.headline, s.slug AS section_slug, s.name AS section_name, a.published_at, a.language,
           ARRAY(SELECT t.name FROM article_tags l JOIN tags t ON t.id = l.tag_id
                  WHERE l.article_id = a.id ORDER BY l.position) AS tags
      FROM articles a JOIN sections s ON s.id = a.section_id
     WHERE a.published_at >= ${since} AND ${published('a')}
     ORDER BY a.published_at DESC, a.id DESC LIMIT ${limit}`;
  return rows.map((row) => ({
    slug: row.slug,
    headline: row.headline,
    section: { slug: row.section_slug, name: row.section_name },
    publishedAt: row.published_at.toISOString(),
    tags: row.tags,
    language: row.language,
  }));
}
