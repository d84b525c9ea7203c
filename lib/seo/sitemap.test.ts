import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import type { SitemapArticle, SitemapOverview } from '@/lib/queries/sitemap-loaders';
import { absoluteUrl } from '@/lib/site';
import {
  SITEMAP_NAMESPACE,
  SITEMAP_URL_LIMIT,
  articleUrl,
  buildSitemapIndex,
  bylineUrls,
  buildUrlset,
  parseSitemapFileName,
  sectionUrls,
  sitemapFilePath,
  sitemapFiles,
  sitemapWindow,
} from './sitemap';

// The rules of sitemaps.org's sitemap.xsd and siteindex.xsd, and its protocol's limits.
const W3C_DATETIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/u;
const MAX_FILE_BYTES = 50 * 1024 * 1024;
const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'url' || name === 'sitemap' });

interface Entry {
  loc: string;
  lastmod?: string;
}

function readSitemap(xml: string, root: 'urlset' | 'sitemapindex'): Entry[] {
  expect(XMLValidator.validate(xml)).toBe(true);
  expect(Buffer.byteLength(xml)).toBeLessThanOrEqual(MAX_FILE_BYTES);
  const document = parser.parse(xml) as Record<string, Record<string, unknown>>;
  const element = document[root];
  expect(element?.['@_xmlns']).toBe(SITEMAP_NAMESPACE);
  const entries = (element?.[root === 'urlset' ? 'url' : 'sitemap'] ?? []) as Entry[];
  for (const entry of entries) {
    expect(new URL(entry.loc).href).toBe(entry.loc);
    expect(entry.loc.length).toBeLessThan(2048);
    if (entry.lastmod !== undefined) expect(entry.lastmod).toMatch(W3C_DATETIME);
  }
  return entries;
}

/** A corpus of `count` articles in `sections` sections, as the loaders would return them. */
function corpus(count: number, sections: number) {
  const articles: SitemapArticle[] = Array.from({ length: count }, (_, index) => ({
    slug: `article-${index}`,
    sectionSlug: `section-${index % sections}`,
    lastModified: new Date(Date.UTC(2026, 0, 1) + index * 60_000).toISOString(),
  }));
  const chunks: string[] = [];
  for (let start = 0; start < count; start += SITEMAP_URL_LIMIT) {
    chunks.push(articles[Math.min(start + SITEMAP_URL_LIMIT, count) - 1]?.lastModified ?? '');
  }
  const overview: SitemapOverview = {
    sections: Array.from({ length: sections }, (_, index) => ({
      slug: `section-${index}`,
      lastModified: articles.findLast((article) => article.sectionSlug === `section-${index}`)?.lastModified ?? null,
    })),
    articleCount: count,
    articleChunks: chunks,
    lastModified: articles.at(-1)?.lastModified ?? null,
  };
  return { articles, overview };
}

/** What /sitemaps/<file> serves, with the corpus standing in for the database. */
function serve(name: string, { articles, overview }: ReturnType<typeof corpus>): string {
  const file = parseSitemapFileName(name);
  if (!file) throw new Error(`no sitemap ${name}`);
  const { skip, take } = sitemapWindow(file.page);
  const urls =
    file.kind === 'sections'
      ? sectionUrls(overview).slice(skip, skip + take)
      : articles.slice(skip, skip + take).map(articleUrl);
  return buildUrlset(urls);
}

// Building 120,001 URLs takes seconds on a busy 2-core machine: past Vitest's 5 s default.
describe('the sitemap index over a corpus of 120,001 articles', { timeout: 30_000 }, () => {
  const site = corpus(120_001, 7);
  const index = readSitemap(buildSitemapIndex(sitemapFiles(site.overview)), 'sitemapindex');

  test('lists one file of sections and three files of articles, by absolute URLs', () => {
    expect(index.map((entry) => entry.loc)).toEqual(
      ['sections-1.xml', 'articles-1.xml', 'articles-2.xml', 'articles-3.xml'].map((name) =>
        absoluteUrl(`/sitemaps/${name}`),
      ),
    );
  });

  test('files that each hold at most 50,000 URLs and together every page exactly once', () => {
    const locs: string[] = [];
    for (const { loc } of index) {
      const urls = readSitemap(serve(loc.split('/').at(-1) ?? '', site), 'urlset');
      expect(urls.length).toBeLessThanOrEqual(SITEMAP_URL_LIMIT);
      locs.push(...urls.map((url) => url.loc));
    }
    // The front page, the corrections page, 7 sections, every article.
    expect(locs).toHaveLength(2 + 7 + 120_001);
    expect(new Set(locs).size).toBe(locs.length);
    expect(locs).toContain(absoluteUrl(`/section-${120_000 % 7}/article-120000`));
    // Parsing and checking 120,001 URLs takes over 5 s (Vitest's default) on a 2-core machine.
  }, 30_000);

  test('dates each file by the newest change among its URLs', () => {
    const lastFile = readSitemap(serve('articles-3.xml', site), 'urlset');
    const newest = lastFile
      .map((url) => url.lastmod ?? '')
      .sort()
      .at(-1);
    expect(index.at(-1)?.lastmod).toBe(newest);
  });
});

test('a site of fewer than 50,000 pages needs one file of sections and one of articles', () => {
  const { overview } = corpus(3, 1);
  expect(sitemapFiles(overview).map(sitemapFilePath)).toEqual(['/sitemaps/sections-1.xml', '/sitemaps/articles-1.xml']);
});

test('authors’ and tags’ pages have files of their own, after the articles', () => {
  const { overview } = corpus(3, 1);
  const authors = bylineUrls('author', [
    { slug: 'ada-byline', lastModified: '2026-12-01T10:00:00.000Z' },
    { slug: 'ben-second', lastModified: '2026-12-02T10:00:00.000Z' },
  ]);
  const tags = bylineUrls('tag', [{ slug: 'harbour-works', lastModified: '2026-11-30T10:00:00.000Z' }]);
  expect(authors.map((url) => url.loc)).toEqual([
    absoluteUrl('/authors/ada-byline'),
    absoluteUrl('/authors/ben-second'),
  ]);
  expect(tags).toEqual([{ loc: absoluteUrl('/tags/harbour-works'), lastmod: '2026-11-30T10:00:00.000Z' }]);
  const files = sitemapFiles(overview, SITEMAP_URL_LIMIT, { authors, tags });
  expect(files.map(sitemapFilePath)).toEqual([
    '/sitemaps/sections-1.xml',
    '/sitemaps/articles-1.xml',
    '/sitemaps/authors-1.xml',
    '/sitemaps/tags-1.xml',
  ]);
  expect(files.find((file) => file.kind === 'authors')?.lastmod).toBe('2026-12-02T10:00:00.000Z');
  expect(sitemapFiles(overview, SITEMAP_URL_LIMIT, { authors: [], tags }).map(sitemapFilePath)).not.toContain(
    '/sitemaps/authors-1.xml',
  );
  expect(parseSitemapFileName('authors-2.xml')).toEqual({ kind: 'authors', page: 2 });
  expect(parseSitemapFileName('tags-1.xml')).toEqual({ kind: 'tags', page: 1 });
});

test('a site without articles still lists its front page', () => {
  const { overview } = corpus(0, 0);
  const index = readSitemap(buildSitemapIndex(sitemapFiles(overview)), 'sitemapindex');
  expect(index.map((entry) => entry.loc)).toEqual([absoluteUrl('/sitemaps/sections-1.xml')]);
  expect(readSitemap(buildUrlset(sectionUrls(overview)), 'urlset')).toEqual([
    { loc: absoluteUrl('/') },
    { loc: absoluteUrl('/corrections') },
  ]);
});

test('one file refuses more than 50,000 URLs', () => {
  const urls = Array.from({ length: SITEMAP_URL_LIMIT + 1 }, (_, index) => ({
    loc: absoluteUrl(`/a/${index}`),
    lastmod: null,
  }));
  expect(() => buildUrlset(urls)).toThrow(/50,000/u);
});

test.each(['sections-0.xml', 'articles-1.xml.gz', 'pages-1.xml', 'articles-01.xml', '../articles-1.xml'])(
  'a sitemap file name other than sections-<n>.xml or articles-<n>.xml names no file: %s',
  (name) => {
    expect(parseSitemapFileName(name)).toBeNull();
  },
);
