import { articleMarkdown } from '@/lib/feeds/markdown';
import { cacheableResponse, notFoundResponse } from '@/lib/http/cacheable-response';
import { getArticleIn } from '@/lib/queries';
import { absoluteUrl, articlePath } from '@/lib/site';
import { slugParam } from '@/lib/url-params';

// Read per request from the cached query layer: there is no database at build time.
export const dynamic = 'force-dynamic';

/**
 * The Markdown copy of an article. Readers ask for `/<section>/<article>.md`; the server's
 * front door rewrites that here because the article page owns `/<section>/<article>` (slugs have no dots).
 */
export async function GET(request: Request, { params }: { params: Promise<{ section: string; article: string }> }) {
  const { section, article: slug } = await params;
  const article = slugParam.safeParse(slug).success ? await getArticleIn(section, slug) : null;
  if (!article) return notFoundResponse(`No article "${slug}".`);
  const path = articlePath(article.section.slug, article.slug);
  // A moved article's old address, like its page's, leads to where it is now.
  if (article.section.slug !== section) return Response.redirect(absoluteUrl(`${path}.md`), 308);
  return cacheableResponse(request, {
    body: articleMarkdown(article),
    contentType: 'text/markdown; charset=utf-8',
    lastModified: new Date(article.updatedAt),
    headers: { link: `<${absoluteUrl(path)}>; rel="canonical"` },
  });
}
