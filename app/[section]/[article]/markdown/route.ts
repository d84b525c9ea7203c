import { articleMarkdown, markdownLanguage } from '@/lib/feeds/markdown';
import { articleForRoute } from '@/lib/http/article-route';
import { cacheableResponse } from '@/lib/http/cacheable-response';
import { ROUTES } from '@/lib/routes';
import { absoluteUrl } from '@/lib/site';

// Read per request from the cached query layer: there is no database at build time.
export const dynamic = 'force-dynamic';

/**
 * The Markdown copy of an article. Readers ask for `/<section>/<article>.md`; the server's
 * front door rewrites that here because the article page owns `/<section>/<article>` (slugs have no dots).
 */
export async function GET(request: Request, { params }: { params: Promise<{ section: string; article: string }> }) {
  // A moved article's old address, like its page's, leads to where it is now.
  const found = await articleForRoute(ROUTES.markdown, params);
  if (found instanceof Response) return found;
  const { article, path } = found;
  const language = markdownLanguage(article);
  return cacheableResponse(request, {
    body: articleMarkdown(article),
    contentType: 'text/markdown; charset=utf-8',
    lastModified: new Date(article.updatedAt),
    headers: {
      link: `<${absoluteUrl(path)}>; rel="canonical"`,
      ...(language ? { 'content-language': language } : {}),
    },
  });
}
