import 'server-only';
import { unstable_cache } from 'next/cache';
import { cache } from 'react';
import { ALL_ARTICLES_TAG, LISTINGS_TAG, REVALIDATE_SECONDS, articleTag } from '@/lib/cache-tags';
import { getPrisma, type PrismaClient } from '@/lib/db/client';
import {
  loadArticle,
  loadArticleNeighbours,
  loadFrontPage,
  loadLatestArticles,
  loadRelatedArticles,
  loadSection,
  loadSectionPage,
  loadSections,
} from './loaders';
import { loadRecentArticles, loadSitemapArticles, loadSitemapOverview } from './sitemap-loaders';

export type * from './types';
export type * from './sitemap-loaders';
export { RELATED_LIMIT, SECTION_PAGE_SIZE } from './loaders';

/**
 * Public reads. Each is cached in Next's data cache under tags (an import
 * expires them through /api/revalidate, or time does within 60 s) and
 * deduplicated per request with React's cache(), so a page view normally costs
 * no database round trip.
 */

/** A read that changes whenever any article does: cached under the listings tag. */
function listingRead<Args extends unknown[], Result>(
  key: string,
  load: (prisma: PrismaClient, ...args: Args) => Promise<Result>,
): (...args: Args) => Promise<Result> {
  return cache(
    unstable_cache(async (...args: Args) => load(await getPrisma(), ...args), [key], {
      tags: [LISTINGS_TAG],
      revalidate: REVALIDATE_SECONDS,
    }),
  );
}

export const getSections = listingRead('sections', loadSections);
export const getFrontPage = listingRead('front-page', loadFrontPage);
export const getSection = listingRead('section', loadSection);
export const getSectionPage = listingRead('section-page', loadSectionPage);
export const getLatestArticles = listingRead('latest-articles', loadLatestArticles);
// Both change whenever any article of the section (or any headline) does, so they expire with the listings.
export const getArticleNeighbours = listingRead('article-neighbours', loadArticleNeighbours);
export const getRelatedArticles = listingRead('related-articles', loadRelatedArticles);
export const getSitemapOverview = listingRead('sitemap-overview', loadSitemapOverview);
/** The cut-off moves with the clock; the cache keeps it at most REVALIDATE_SECONDS behind. */
export const getRecentArticles = listingRead('recent-articles', (prisma, hours: number, limit: number) =>
  loadRecentArticles(prisma, new Date(Date.now() - hours * 3_600_000), limit),
);

/** One article, under its own tag: an import that changes it expires just this entry (and the listings). */
export const getArticle = cache((slug: string) =>
  unstable_cache(async () => loadArticle(await getPrisma(), slug), ['article', slug], {
    tags: [articleTag(slug), ALL_ARTICLES_TAG],
    revalidate: REVALIDATE_SECONDS,
  })(),
);

// The data cache refuses entries over 2 MB; 5,000 sitemap rows stay well under it.
const SITEMAP_BATCH = 5_000;
const getSitemapArticleBatch = listingRead('sitemap-articles', loadSitemapArticles);

export const getSitemapArticles = cache(async (skip: number, take: number) => {
  const batches = [];
  for (let offset = skip; offset < skip + take; offset += SITEMAP_BATCH) {
    batches.push(getSitemapArticleBatch(offset, Math.min(SITEMAP_BATCH, skip + take - offset)));
  }
  return (await Promise.all(batches)).flat();
});
