import { cacheableResponse } from '@/lib/http/cacheable-response';
import { absoluteUrl } from '@/lib/site';

/**
 * A lite page as a cacheable answer: ETag, 304s and the shared cache header. Its data
 * came from the tagged query layer, so an import's notice reaches it like the full page.
 */
export function liteResponse(request: Request, body: string, fullPath: string, lastModified: Date | null): Response {
  return cacheableResponse(request, {
    body,
    contentType: 'text/html; charset=utf-8',
    lastModified,
    // As the full pages.
    cachePolicy: 'page',
    headers: { link: `<${absoluteUrl(fullPath)}>; rel="canonical"` },
  });
}

/** The newest change among what a page lists. */
export const newest = (isoTimes: readonly string[]) =>
  isoTimes.length === 0 ? null : new Date(Math.max(...isoTimes.map((iso) => Date.parse(iso))));
