import 'server-only';
import { unstable_cache } from 'next/cache';
import { cache } from 'react';
import {
  ALL_ARTICLES_TAG,
  CORRECTIONS_TAG,
  FRONT_TAG,
  LATEST_TAG,
  REVALIDATE_SECONDS,
  SECTIONS_TAG,
  articleTag,
  authorTag,
  sectionTag,
  showsTag,
  tagTag,
  versionsTag,
} from '@/lib/cache-tags';
import { getPrisma, type PrismaClient } from '@/lib/db/client';
import {
  loadArticle,
  loadArticleNeighbours,
  loadFeedArchive,
  loadFeedTotal,
  loadFrontPage,
  loadLatestArticles,
  loadRelatedArticles,
  loadSection,
  loadSectionPage,
  loadSections,
} from './loaders';
import type { BylineKind } from '@/lib/listing';
import {
  loadByline,
  loadBylineFeedArchive,
  loadBylineLatest,
  loadBylinePage,
  loadSitemapBylines,
} from './byline-loaders';
import {
  loadCorrectionsArchive,
  loadCorrectionsPage,
  loadCorrectionsTotal,
  loadLatestCorrections,
} from './corrections';
import { loadSearchResults } from './search';
import { loadArticleChain, loadArticleHistory } from './versions';
import { rememberSearch } from './search-cache';
import { loadRecentArticles, loadSitemapArticles, loadSitemapOverview } from './sitemap-loaders';
import type { ArticleSummary } from './types';
import { searchCacheKey } from '@/lib/search/query';

export type * from './types';
export type * from './sitemap-loaders';
export type { BylinePage, SitemapByline } from './byline-loaders';
export type { CorrectionEntry, CorrectedArticle, CorrectionsArchive, CorrectionsPage } from './corrections';
export { RELATED_LIMIT, SECTION_PAGE_SIZE } from './loaders';

/**
 * Public reads. Each is cached in Next's data cache under the tags of what it shows
 * (lib/cache-tags.ts), and deduplicated per request with React's cache(). A page
 * rendered from them carries their tags, so an import's notice expires the page too.
 * Nothing is cached for an address that names nothing: a miss costs one indexed query
 * and leaves no entry behind.
 */
function cachedRead<Args extends unknown[], Result>(
  key: string,
  tags: (...args: Args) => string[],
  load: (prisma: PrismaClient, ...args: Args) => Promise<Result>,
): (...args: Args) => Promise<Result> {
  return cache(async (...args: Args) => {
    const read = unstable_cache(
      async () => {
        const result = await load(await getPrisma(), ...args);
        // Thrown, not returned: the data cache keeps no entry for what does not exist.
        if (result === null) throw new NothingThere();
        return result;
      },
      [key, ...args.map(String)],
      { tags: tags(...args), revalidate: REVALIDATE_SECONDS },
    );
    try {
      return await read();
    } catch (error) {
      if (error instanceof NothingThere) return null as Result;
      throw error;
    }
  });
}

class NothingThere extends Error {}

/**
 * Adds tags to the page being rendered, for what it shows but read without the data
 * cache (its neighbours and related articles): unstable_cache collects a call's tags
 * into the page's whether or not it finds an entry.
 */
async function tagPage(tags: string[]): Promise<void> {
  if (tags.length > 0) await unstable_cache(async () => true, ['page-tags'], { tags })();
}

export const getSections = cachedRead('sections', () => [SECTIONS_TAG], loadSections);
export const getFrontPage = cachedRead('front-page', () => [FRONT_TAG], loadFrontPage);
export const getSection = cachedRead('section', (slug: string) => [sectionTag(slug)], loadSection);
export const getSectionPage = cachedRead(
  'section-page',
  (slug: string, _page: number) => [sectionTag(slug)],
  loadSectionPage,
);
export const getLatestArticles = cachedRead(
  'latest-articles',
  (_limit: number, sectionSlug?: string) => [sectionSlug ? sectionTag(sectionSlug) : LATEST_TAG],
  loadLatestArticles,
);
const feedTags = (sectionSlug?: string) => [sectionSlug ? sectionTag(sectionSlug) : LATEST_TAG];
/** How many articles a feed covers (its archives follow from it). */
export const getFeedTotal = cachedRead('feed-total', (sectionSlug?: string) => feedTags(sectionSlug), loadFeedTotal);
/**
 * An archive of a feed's history. Expired with the feed (every import that touches it), but
 * re-read only to the same text unless one of its articles changed: its ETag stays the same.
 */
export const getFeedArchive = cachedRead(
  'feed-archive',
  (_number: number, sectionSlug?: string) => feedTags(sectionSlug),
  loadFeedArchive,
);
export const getSitemapOverview = cachedRead(
  'sitemap-overview',
  (_chunkSize: number) => [LATEST_TAG],
  loadSitemapOverview,
);
/** The cut-off moves with the clock; the cache keeps it at most REVALIDATE_SECONDS behind. */
export const getRecentArticles = cachedRead(
  'recent-articles',
  (_hours: number, _limit: number) => [LATEST_TAG],
  (prisma, hours: number, limit: number) => loadRecentArticles(prisma, new Date(Date.now() - hours * 3_600_000), limit),
);

/** An author's listings carry `author:<slug>`, a tag's `tag:<slug>`: an import expires those its articles name. */
const bylineTag = (kind: BylineKind, slug: string) => (kind === 'author' ? authorTag(slug) : tagTag(slug));
export const getByline = cachedRead('byline', (kind: BylineKind, slug: string) => [bylineTag(kind, slug)], loadByline);
export const getBylinePage = cachedRead(
  'byline-page',
  (kind: BylineKind, slug: string, _page: number) => [bylineTag(kind, slug)],
  loadBylinePage,
);
export const getBylineLatest = cachedRead(
  'byline-latest',
  (kind: BylineKind, slug: string, _limit: number) => [bylineTag(kind, slug)],
  loadBylineLatest,
);
/** An archive of an author's or tag's feed: expired with the feed, re-read to the same text unless one of its articles changed. */
export const getBylineFeedArchive = cachedRead(
  'byline-feed-archive',
  (kind: BylineKind, slug: string, _number: number) => [bylineTag(kind, slug)],
  loadBylineFeedArchive,
);
/** The authors' or tags' sitemap: any import may add one, as it may add an article. */
export const getSitemapBylines = cachedRead('sitemap-bylines', (_kind: BylineKind) => [LATEST_TAG], loadSitemapBylines);

/**
 * The corrections listing (docs/corrections.md): expired by an import that adds, changes or drops
 * a correction note (or changes what an entry shows of its article), and by a withdrawal.
 */
export const getCorrectionsPage = cachedRead(
  'corrections-page',
  (_page: number) => [CORRECTIONS_TAG],
  loadCorrectionsPage,
);
export const getCorrectionsTotal = cachedRead('corrections-total', () => [CORRECTIONS_TAG], loadCorrectionsTotal);
export const getLatestCorrections = cachedRead(
  'corrections-latest',
  (_limit: number) => [CORRECTIONS_TAG],
  loadLatestCorrections,
);
export const getCorrectionsArchive = cachedRead(
  'corrections-archive',
  (_number: number) => [CORRECTIONS_TAG],
  loadCorrectionsArchive,
);

export const getArticle = cachedRead('article', (slug: string) => [articleTag(slug), ALL_ARTICLES_TAG], loadArticle);
/** Every version of the article, whole (docs/versions.md): what changed since one of them. */
export const getArticleHistory = cachedRead(
  'article-history',
  (slug: string) => [articleTag(slug)],
  (prisma, slug: string) => loadArticleHistory(prisma, slug),
);
/**
 * Version n of the article. Kept as it was under `versions:<slug>`: an import stores a new version and changes no old one, so it
 * does not expire this; a withdrawal or legal removal does (and the front door answers first).
 */
export const getArticleVersion = cachedRead(
  'article-version',
  (slug: string, _n: number) => [versionsTag(slug)],
  async (prisma, slug: string, n: number) => (await loadArticleHistory(prisma, slug))?.versions[n - 1] ?? null,
);
/** The article's published hash chain (lib/versions/chain.ts), or what a withdrawal or legal removal leaves of it. */
export const getArticleChain = cachedRead('article-chain', (slug: string) => [articleTag(slug)], loadArticleChain);
export type { ArticleChain, ArticleHistory, StoredVersion } from './versions';

/** The article as stored now, past the data cache: for when the cached copy may predate a move. */
export const getArticleNow = cache(async (slug: string) => loadArticle(await getPrisma(), slug));

/**
 * The article asked for under `section`: the cached copy, unless that places it in another
 * section, when the database is asked before anyone is sent elsewhere (the copy may predate a
 * move the site was not told about). A result in another section is where it lives now.
 */
export async function getArticleIn(section: string, slug: string) {
  const article = await getArticle(slug);
  return article && article.section.slug !== section ? getArticleNow(slug) : article;
}

/**
 * The article's neighbours and related articles, read when its page renders (not
 * cached apart: they change with other articles), and the page tagged with each
 * article it shows, so that a change to one of their headlines expires it.
 */
export async function getArticleLists(slug: string, relatedLimit: number) {
  const prisma = await getPrisma();
  const [neighbours, related] = await Promise.all([
    loadArticleNeighbours(prisma, slug),
    loadRelatedArticles(prisma, slug, relatedLimit),
  ]);
  const shown: ArticleSummary[] = [...related];
  if (neighbours.previous) shown.push(neighbours.previous);
  if (neighbours.next) shown.push(neighbours.next);
  await tagPage([...new Set(shown.map((article) => showsTag(article.slug)))]);
  return { neighbours, related };
}

/**
 * A page of search results for a normalised query (lib/search/query.ts), from the bounded
 * search cache (./search-cache.ts): the search page is rendered per request, its results are not.
 */
export const getSearchResults = cache(async (query: string, page: number) =>
  rememberSearch(searchCacheKey(query, page), async () => loadSearchResults(await getPrisma(), query, page)),
);

// The data cache refuses entries over 2 MB; 5,000 sitemap rows stay well under it.
const SITEMAP_BATCH = 5_000;
const getSitemapArticleBatch = cachedRead(
  'sitemap-articles',
  (_skip: number, _take: number) => [LATEST_TAG],
  loadSitemapArticles,
);

export const getSitemapArticles = cache(async (skip: number, take: number) => {
  const batches = [];
  for (let offset = skip; offset < skip + take; offset += SITEMAP_BATCH) {
    batches.push(getSitemapArticleBatch(offset, Math.min(SITEMAP_BATCH, skip + take - offset)));
  }
  return (await Promise.all(batches)).flat();
});
