import { cacheableResponse, notFoundResponse } from '@/lib/http/cacheable-response';
import { getSitemapArticles, getSitemapBylines, getSitemapOverview } from '@/lib/queries';
import { ROUTES, readParams } from '@/lib/routes';
import {
  SITEMAP_URL_LIMIT,
  articleUrl,
  bylineUrls,
  buildUrlset,
  newestLastmod,
  sectionUrls,
  sitemapWindow,
  type SitemapKind,
  type SitemapUrl,
} from '@/lib/seo/sitemap';

// Read per request from the cached query layer: there is no database at build time.
export const dynamic = 'force-dynamic';

/** One sitemap file of the index: `/sitemaps/<sections|articles|authors|tags>-<n>.xml`. */
export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file: name } = await params;
  const file = readParams(ROUTES.sitemapFile, { file: name })?.file;
  if (!file)
    return notFoundResponse(
      `No sitemap "${name}": sitemaps are named sections-<n>.xml, articles-<n>.xml, authors-<n>.xml or tags-<n>.xml.`,
    );
  const { skip, take } = sitemapWindow(file.page);
  const urls = await sitemapUrls(file.kind, skip, take);
  if (urls === null || (urls.length === 0 && file.page > 1))
    return notFoundResponse(`No sitemap "${name}": past the last file.`);
  const newest = newestLastmod(urls);
  return cacheableResponse(request, {
    body: buildUrlset(urls),
    contentType: 'application/xml; charset=utf-8',
    lastModified: newest ? new Date(newest) : null,
  });
}

/** One file's URLs; null past the last file, known from the cached overview (no query reads its way to a far offset). */
async function sitemapUrls(kind: SitemapKind, skip: number, take: number): Promise<SitemapUrl[] | null> {
  if (kind === 'authors' || kind === 'tags') {
    const byline = kind === 'authors' ? 'author' : 'tag';
    return bylineUrls(byline, await getSitemapBylines(byline)).slice(skip, skip + take);
  }
  const overview = await getSitemapOverview(SITEMAP_URL_LIMIT);
  const rows = kind === 'sections' ? sectionUrls(overview).length : overview.articleCount;
  if (skip > 0 && skip >= rows) return null;
  return kind === 'sections'
    ? sectionUrls(overview).slice(skip, skip + take)
    : (await getSitemapArticles(skip, take)).map(articleUrl);
}
