import { cacheableResponse, notFoundResponse } from '@/lib/http/cacheable-response';
import { getSitemapArticles, getSitemapOverview } from '@/lib/queries';
import { ROUTES, readParams } from '@/lib/routes';
import {
  SITEMAP_URL_LIMIT,
  articleUrl,
  buildUrlset,
  newestLastmod,
  sectionUrls,
  sitemapWindow,
} from '@/lib/seo/sitemap';

// Read per request from the cached query layer: there is no database at build time.
export const dynamic = 'force-dynamic';

/** One sitemap file of the index: `/sitemaps/sections-<n>.xml` or `/sitemaps/articles-<n>.xml`. */
export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file: name } = await params;
  const file = readParams(ROUTES.sitemapFile, { file: name })?.file;
  if (!file) return notFoundResponse(`No sitemap "${name}": sitemaps are named sections-<n>.xml or articles-<n>.xml.`);
  const { skip, take } = sitemapWindow(file.page);
  // Past the last file, a 404 from the cached overview: no query reads its way to a far offset.
  const overview = await getSitemapOverview(SITEMAP_URL_LIMIT);
  const rows = file.kind === 'sections' ? sectionUrls(overview).length : overview.articleCount;
  if (file.page > 1 && skip >= rows) return notFoundResponse(`No sitemap "${name}": past the last file.`);
  const urls =
    file.kind === 'sections'
      ? sectionUrls(overview).slice(skip, skip + take)
      : (await getSitemapArticles(skip, take)).map(articleUrl);
  if (urls.length === 0 && file.page > 1) return notFoundResponse(`No sitemap "${name}": past the last file.`);
  const newest = newestLastmod(urls);
  return cacheableResponse(request, {
    body: buildUrlset(urls),
    contentType: 'application/xml; charset=utf-8',
    lastModified: newest ? new Date(newest) : null,
  });
}
