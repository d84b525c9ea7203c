import { cacheableResponse } from '@/lib/http/cacheable-response';
import { getSitemapOverview } from '@/lib/queries';
import { SITEMAP_URL_LIMIT, buildSitemapIndex, sitemapFiles } from '@/lib/seo/sitemap';

// Read per request from the cached query layer: there is no database at build time.
export const dynamic = 'force-dynamic';

/** The sitemap index: one file of sections, then files of at most 50,000 articles each. */
export async function GET(request: Request) {
  const overview = await getSitemapOverview(SITEMAP_URL_LIMIT);
  return cacheableResponse(request, {
    body: buildSitemapIndex(sitemapFiles(overview)),
    contentType: 'application/xml; charset=utf-8',
    lastModified: overview.lastModified ? new Date(overview.lastModified) : null,
  });
}
