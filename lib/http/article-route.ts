import { getArticleIn } from '@/lib/queries';
import { placement, readParams, type Shape } from '@/lib/routes';
import { absoluteUrl, articlePath } from '@/lib/site';
import { notFoundResponse } from './cacheable-response';

type StoredArticle = NonNullable<Awaited<ReturnType<typeof getArticleIn>>>;
type ArticleParams = { section: string; article: string };

/**
 * The article a `[section]/[article]` route handler's address names (its entry of the route
 * table, lib/routes.ts, parses it), and its page's path; or the answer to send instead: a 404
 * when there is none, and when it has moved to another section, a 308 to the entry's address
 * there (the same copy, lite page or Markdown, at its new place).
 */
export async function articleForRoute(
  entry: Pick<Shape<ArticleParams>, 'params' | 'exists' | 'address'>,
  params: Promise<ArticleParams>,
): Promise<{ article: StoredArticle; path: string } | Response> {
  const raw = await params;
  const where = readParams(entry, raw);
  const article = where && (await getArticleIn(where.section, where.article));
  const place = where && article ? placement(entry, where, article.section.slug) : false;
  // A withdrawn or removed article is the front door's to answer (410, 451); none is read here.
  if (!article || place === false || typeof place === 'object') return notFoundResponse(`No article "${raw.article}".`);
  if (typeof place === 'string') return Response.redirect(absoluteUrl(place), 308);
  return { article, path: articlePath(article.section.slug, article.slug) };
}
