import 'server-only';
import { unstable_cache } from 'next/cache';
import { cache } from 'react';
import { LISTINGS_TAG, REVALIDATE_SECONDS, articleTag } from '@/lib/cache-tags';
import { getPrisma } from '@/lib/db/client';
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

export const getSections = cache(
  unstable_cache(async () => loadSections(await getPrisma()), ['sections'], {
    tags: [LISTINGS_TAG],
    revalidate: REVALIDATE_SECONDS,
  }),
);

export const getFrontPage = cache(
  unstable_cache(async () => loadFrontPage(await getPrisma()), ['front-page'], {
    tags: [LISTINGS_TAG],
    revalidate: REVALIDATE_SECONDS,
  }),
);

export const getSection = cache(
  unstable_cache(async (slug: string) => loadSection(await getPrisma(), slug), ['section'], {
    tags: [LISTINGS_TAG],
    revalidate: REVALIDATE_SECONDS,
  }),
);

export const getSectionPage = cache(
  unstable_cache(
    async (slug: string, page: number) => loadSectionPage(await getPrisma(), slug, page),
    ['section-page'],
    {
      tags: [LISTINGS_TAG],
      revalidate: REVALIDATE_SECONDS,
    },
  ),
);

export const getArticle = cache((slug: string) =>
  unstable_cache(async () => loadArticle(await getPrisma(), slug), ['article', slug], {
    tags: [articleTag(slug)],
    revalidate: REVALIDATE_SECONDS,
  })(),
);

export const getLatestArticles = cache(
  unstable_cache(
    async (limit: number, sectionSlug?: string) => loadLatestArticles(await getPrisma(), limit, sectionSlug),
    ['latest-articles'],
    { tags: [LISTINGS_TAG], revalidate: REVALIDATE_SECONDS },
  ),
);

// Both change whenever any article of the section (or any headline) does, so they expire with the listings.
export const getArticleNeighbours = cache(
  unstable_cache(async (slug: string) => loadArticleNeighbours(await getPrisma(), slug), ['article-neighbours'], {
    tags: [LISTINGS_TAG],
    revalidate: REVALIDATE_SECONDS,
  }),
);

export const getRelatedArticles = cache(
  unstable_cache(
    async (slug: string, limit: number) => loadRelatedArticles(await getPrisma(), slug, limit),
    ['related-articles'],
    { tags: [LISTINGS_TAG], revalidate: REVALIDATE_SECONDS },
  ),
);

export const getSitemapOverview = cache(
  unstable_cache(async (chunkSize: number) => loadSitemapOverview(await getPrisma(), chunkSize), ['sitemap-overview'], {
    tags: [LISTINGS_TAG],
    revalidate: REVALIDATE_SECONDS,
  }),
);

// The data cache refuses entries over 2 MB; 5,000 sitemap rows stay well under it.
const SITEMAP_BATCH = 5_000;
const getSitemapArticleBatch = unstable_cache(
  async (skip: number, take: number) => loadSitemapArticles(await getPrisma(), skip, take),
  ['sitemap-articles'],
  { tags: [LISTINGS_TAG], revalidate: REVALIDATE_SECONDS },
);

export const getSitemapArticles = cache(async (skip: number, take: number) => {
  const batches = [];
  for (let offset = skip; offset < skip + take; offset += SITEMAP_BATCH) {
    batches.push(getSitemapArticleBatch(offset, Math.min(SITEMAP_BATCH, skip + take - offset)));
  }
  return (await Promise.all(batches)).flat();
});

/** The cut-off moves with the clock; the cache keeps it at most REVALIDATE_SECONDS behind. */
export const getRecentArticles = cache(
  unstable_cache(
    async (hours: number, limit: number) =>
      loadRecentArticles(await getPrisma(), new Date(Date.now() - hours * 3_600_000), limit),
    ['recent-articles'],
    { tags: [LISTINGS_TAG], revalidate: REVALIDATE_SECONDS },
  ),
);
