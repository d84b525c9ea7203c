import { cacheableResponse } from '@/lib/http/cacheable-response';
import { getLatestArticles, getSections } from '@/lib/queries';
import { LLMS_TXT_ARTICLES, llmsTxt } from '@/lib/seo/llms-txt';

// Read per request from the cached query layer: there is no database at build time.
export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const [sections, latest] = await Promise.all([getSections(), getLatestArticles(LLMS_TXT_ARTICLES)]);
  const newest = latest.reduce<string | null>((max, a) => (!max || a.updatedAt > max ? a.updatedAt : max), null);
  return cacheableResponse(request, {
    body: llmsTxt(sections, latest),
    contentType: 'text/plain; charset=utf-8',
    lastModified: newest ? new Date(newest) : null,
  });
}
