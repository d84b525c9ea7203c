import { getArticleIn } from '@/lib/queries';
import { absoluteUrl, articlePath } from '@/lib/site';
import { slugParam } from '@/lib/url-params';
import { notFoundResponse } from './cacheable-response';

type StoredArticle = NonNullable<Awaited<ReturnType<typeof getArticleIn>>>;

/**
 * The article a `[section]/[article]` route handler's address names, and its page's path; or the
 * answer to send instead: a 404 when there is none, and when it has moved to another section, a
 * 308 to `copyAt(path)`, the same copy (lite page, Markdown) at its new place.
 */
export async function articleForRoute(
  params: Promise<{ section: string; article: string }>,
  copyAt: (path: string) => string,
): Promise<{ article: StoredArticle; path: string } | Response> {
  const { section, article: slug } = await params;
  const article = slugParam.safeParse(slug).success ? await getArticleIn(section, slug) : null;
  if (!article) return notFoundResponse(`No article "${slug}".`);
  const path = articlePath(article.section.slug, article.slug);
  if (article.section.slug !== section) return Response.redirect(absoluteUrl(copyAt(path)), 308);
  return { article, path };
}
