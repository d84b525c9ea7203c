import { cacheableResponse } from '@/lib/http/cacheable-response';
import { robotsTxt } from '@/lib/seo/robots-txt';

// SITE_URL is read when the server runs, not when it is built.
export const dynamic = 'force-dynamic';

export function GET(request: Request) {
  return cacheableResponse(request, {
    body: robotsTxt(),
    contentType: 'text/plain; charset=utf-8',
    lastModified: null,
  });
}
