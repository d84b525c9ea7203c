import { cacheableResponse } from '@/lib/http/cacheable-response';
import { absoluteUrl } from '@/lib/site';

/**
 * As the full pages: a shared cache may keep it a minute and serve it stale a few more while it
 * refetches; a browser asks again each time (with its ETag), so an import shows at once.
 */
const PAGE_CACHE_CONTROL = 's-maxage=60, stale-while-revalidate=240';

/**
 * A lite page as a cacheable answer: ETag, 304s and the shared cache header. Its data
 * came from the tagged query layer, so an import's notice reaches it like the full page.
 */
export function liteResponse(request: Request, body: string, fullPath: string, lastModified: Date | null): Response {
  return cacheableResponse(request, {
    body,
    contentType: 'text/html; charset=utf-8',
    lastModified,
    headers: { link: `<${absoluteUrl(fullPath)}>; rel="canonical"`, 'cache-control': PAGE_CACHE_CONTROL },
  });
}

/** The newest change among what a page lists. */
export const newest = (isoTimes: readonly string[]) =>
  isoTimes.length === 0 ? null : new Date(Math.max(...isoTimes.map((iso) => Date.parse(iso))));
