import { cacheableResponse } from '@/lib/http/cacheable-response';
import { getRecentArticles } from '@/lib/queries';
import { NEWS_SITEMAP_LIMIT, NEWS_WINDOW_HOURS, buildNewsSitemap } from '@/lib/seo/news-sitemap';

// Read per request from the cached query layer: there is no database at build time.
export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const articles = await getRecentArticles(NEWS_WINDOW_HOURS, NEWS_SITEMAP_LIMIT);
  const newest = articles.reduce<string | null>((max, a) => (!max || a.publishedAt > max ? a.publishedAt : max), null);
  return cacheableResponse(request, {
    body: buildNewsSitemap(articles),
    contentType: 'application/xml; charset=utf-8',
    lastModified: newest ? new Date(newest) : null,
  });
}
