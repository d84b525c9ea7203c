import { cacheableResponse } from '@/lib/http/cacheable-response';
import { getSitemapBylines, getSitemapOverview } from '@/lib/queries';
import { SITEMAP_URL_LIMIT, buildSitemapIndex, bylineUrls, sitemapFiles } from '@/lib/seo/sitemap';

// Read per request from the cached query layer: there is no database at build time.
export const dynamic = 'force-dynamic';

/** The sitemap index: one file of sections, then files of at most 50,000 articles each, then authors' and tags' pages. */
export async function GET(request: Request) {
  const [overview, authors, tags] = await Promise.all([
    getSitemapOverview(SITEMAP_URL_LIMIT),
    getSitemapBylines('author'),
    getSitemapBylines('tag'),
  ]);
  const bylines = { authors: bylineUrls('author', authors), tags: bylineUrls('tag', tags) };
  return cacheableResponse(request, {
    body: buildSitemapIndex(sitemapFiles(overview, SITEMAP_URL_LIMIT, bylines)),
    contentType: 'application/xml; charset=utf-8',
    lastModified: overview.lastModified ? new Date(overview.lastModified) : null,
  });
}
