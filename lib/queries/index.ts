import 'server-only';
import { unstable_cache } from 'next/cache';
import { cache } from 'react';
import { LISTINGS_TAG, REVALIDATE_SECONDS, articleTag } from '@/lib/cache-tags';
import { getPrisma } from '@/lib/db/client';
import { loadArticle, loadFrontPage, loadLatestArticles, loadSection, loadSectionPage, loadSections } from './loaders';

export type * from './types';
export { SECTION_PAGE_SIZE } from './loaders';

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
