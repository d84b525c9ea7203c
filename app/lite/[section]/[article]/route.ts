import { articleForRoute } from '@/lib/http/article-route';
import { liteArticlePage } from '@/lib/lite/pages';
import { liteResponse } from '@/lib/lite/respond';
import { getSections } from '@/lib/queries';
import { ROUTES } from '@/lib/routes';

// Read per request from the cached, tagged query layer (see app/lite/route.ts).
export const dynamic = 'force-dynamic';

/** An article's lite page: its text, with the same cached read (and tags) as its full page. */
export async function GET(request: Request, { params }: { params: Promise<{ section: string; article: string }> }) {
  const found = await articleForRoute(ROUTES.liteArticle, params);
  if (found instanceof Response) return found;
  const { article, path: fullPath } = found;
  const sections = await getSections();
  return liteResponse(request, liteArticlePage(article, sections), fullPath, new Date(article.updatedAt));
}
