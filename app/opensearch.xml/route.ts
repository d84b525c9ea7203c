import { cacheableResponse } from '@/lib/http/cacheable-response';
import { OPENSEARCH_TYPE, openSearchDescription } from '@/lib/seo/opensearch';

// SITE_URL is read when the server runs, not when it is built.
export const dynamic = 'force-dynamic';

export function GET(request: Request) {
  return cacheableResponse(request, {
    body: openSearchDescription(),
    contentType: `${OPENSEARCH_TYPE}; charset=utf-8`,
    lastModified: null,
  });
}
