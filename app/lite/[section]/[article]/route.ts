import { notFoundResponse } from '@/lib/http/cacheable-response';
import { liteArticlePage } from '@/lib/lite/pages';
import { liteResponse } from '@/lib/lite/respond';
import { getArticleIn, getSections } from '@/lib/queries';
import { absoluteUrl, articlePath, litePath } from '@/lib/site';
import { slugParam } from '@/lib/url-params';

// Read per request from the cached, tagged query layer (see app/lite/route.ts).
export const dynamic = 'force-dynamic';

/** An article's lite page: its text, with the same cached read (and tags) as its full page. */
export async function GET(request: Request, { params }: { params: Promise<{ section: string; article: string }> }) {
  const { section, article: slug } = await params;
  const article = slugParam.safeParse(slug).success ? await getArticleIn(section, slug) : null;
  if (!article) return notFoundResponse(`No article "${slug}".`);
  const fullPath = articlePath(article.section.slug, article.slug);
  if (article.section.slug !== section) return Response.redirect(absoluteUrl(litePath(fullPath)), 308);
  const sections = await getSections();
  return liteResponse(request, liteArticlePage(article, sections), fullPath, new Date(article.updatedAt));
}
