import { xmlDocument } from '@/lib/feeds/xml';
import type { BylineKind } from '@/lib/listing';
import type { SitemapByline } from '@/lib/queries/byline-loaders';
import type { SitemapArticle, SitemapOverview } from '@/lib/queries/sitemap-loaders';
import { CORRECTIONS_PATH, absoluteUrl, articlePath, authorPagePath, sectionPath, tagPagePath } from '@/lib/site';

/** sitemaps.org: at most 50,000 URLs in one sitemap file, and 50,000 files in one index. */
export const SITEMAP_URL_LIMIT = 50_000;
export const SITEMAP_NAMESPACE = 'http://www.sitemaps.org/schemas/sitemap/0.9';

export interface SitemapUrl {
  loc: string;
  lastmod: string | null;
}

export type SitemapKind = 'sections' | 'articles' | 'authors' | 'tags';

export interface SitemapFile {
  kind: SitemapKind;
  /** 1-based. */
  page: number;
}

export const sitemapFilePath = ({ kind, page }: SitemapFile) => `/sitemaps/${kind}-${page}.xml`;

/** `sections-1.xml` → { kind: 'sections', page: 1 }; null for any other name. */
export function parseSitemapFileName(name: string): SitemapFile | null {
  const match = /^(sections|articles|authors|tags)-([1-9][0-9]{0,5})\.xml$/u.exec(name);
  if (!match?.[1] || !match[2]) return null;
  return { kind: match[1] as SitemapKind, page: Number(match[2]) };
}

/** The rows of one sitemap file among all rows of its kind. */
export const sitemapWindow = (page: number, limit = SITEMAP_URL_LIMIT) => ({ skip: (page - 1) * limit, take: limit });

const pageCount = (total: number, limit: number) => Math.ceil(total / limit);

const newest = (dates: ReadonlyArray<string | null>): string | null =>
  dates.reduce<string | null>((max, date) => (date && (!max || date > max) ? date : max), null);

/**
 * The front page, the corrections page (no lastmod: the sitemaps are expired with the articles,
 * not with the corrections) and every section page, in the order of first sight.
 */
export function sectionUrls(overview: Pick<SitemapOverview, 'sections' | 'lastModified'>): SitemapUrl[] {
  return [
    { loc: absoluteUrl('/'), lastmod: overview.lastModified },
    { loc: absoluteUrl(CORRECTIONS_PATH), lastmod: null },
    ...overview.sections.map((section) => ({
      loc: absoluteUrl(sectionPath(section.slug)),
      lastmod: section.lastModified,
    })),
  ];
}

/** The sitemap file kind of each byline's pages. */
export const BYLINE_SITEMAPS = { author: 'authors', tag: 'tags' } as const satisfies Record<BylineKind, SitemapKind>;

/** Each author's (or tag's) page with public articles, its lastmod the newest change among them. */
export const bylineUrls = (kind: BylineKind, bylines: readonly SitemapByline[]): SitemapUrl[] =>
  bylines.map((byline) => ({
    loc: absoluteUrl(kind === 'author' ? authorPagePath(byline.slug) : tagPagePath(byline.slug)),
    lastmod: byline.lastModified,
  }));

/** The pages of authors and of tags, as bylineUrls lists them (none: the site has neither). */
export interface BylineSitemaps {
  authors: readonly SitemapUrl[];
  tags: readonly SitemapUrl[];
}
const NO_BYLINES: BylineSitemaps = { authors: [], tags: [] };

export const articleUrl = (article: SitemapArticle): SitemapUrl => ({
  loc: absoluteUrl(articlePath(article.sectionSlug, article.slug)),
  lastmod: article.lastModified,
});

/** Every file the index lists, each with its newest change. */
export function sitemapFiles(
  overview: SitemapOverview,
  limit = SITEMAP_URL_LIMIT,
  bylines: BylineSitemaps = NO_BYLINES,
): Array<SitemapFile & { lastmod: string | null }> {
  const files: Array<SitemapFile & { lastmod: string | null }> = [];
  const listed = (kind: SitemapKind, urls: readonly SitemapUrl[]) => {
    for (let page = 1; page <= pageCount(urls.length, limit); page += 1) {
      const { skip, take } = sitemapWindow(page, limit);
      files.push({ kind, page, lastmod: newest(urls.slice(skip, skip + take).map((url) => url.lastmod)) });
    }
  };
  listed('sections', sectionUrls(overview));
  for (let page = 1; page <= pageCount(overview.articleCount, limit); page += 1) {
    files.push({ kind: 'articles', page, lastmod: overview.articleChunks[page - 1] ?? null });
  }
  listed('authors', bylines.authors);
  listed('tags', bylines.tags);
  if (files.length > SITEMAP_URL_LIMIT) throw new Error(`${files.length} sitemap files exceed one index's 50,000`);
  return files;
}

export const newestLastmod = (urls: readonly SitemapUrl[]) => newest(urls.map((url) => url.lastmod));

/** A `<urlset>` file. More URLs than one file may hold is a programming error, not a smaller file. */
export function buildUrlset(urls: readonly SitemapUrl[]): string {
  if (urls.length > SITEMAP_URL_LIMIT) throw new Error(`${urls.length} URLs exceed a sitemap file's 50,000`);
  return xmlDocument({
    urlset: {
      '@_xmlns': SITEMAP_NAMESPACE,
      url: urls.map((url) => ({ loc: url.loc, ...(url.lastmod ? { lastmod: url.lastmod } : {}) })),
    },
  });
}

export function buildSitemapIndex(files: ReadonlyArray<SitemapFile & { lastmod: string | null }>): string {
  return xmlDocument({
    sitemapindex: {
      '@_xmlns': SITEMAP_NAMESPACE,
      sitemap: files.map((file) => ({
        loc: absoluteUrl(sitemapFilePath(file)),
        ...(file.lastmod ? { lastmod: file.lastmod } : {}),
      })),
    },
  });
}
