import { getArticle, getSectionPage } from '@/lib/queries';
import { RESERVED_ARTICLE_SLUGS, RESERVED_SLUGS } from '@/lib/routes';
import { parsePageParam, slugParam } from '@/lib/url-params';

/**
 * Whether a section or article address names something that exists, answered from the
 * cached query layer. null: not a section or article address (other routes decide).
 *
 * Why: Next.js 16 sends a 404 raised by notFound() in a dynamic page as an empty
 * shell that only JavaScript fills in (vercel/next.js#62228), so readers without
 * JavaScript and crawlers would see a blank page. The proxy asks this first and
 * sends what does not exist to a route-less address, which Next renders in full.
 */
export async function pageExists(pathname: string, search: URLSearchParams): Promise<boolean | null> {
  const segments = pathname.split('/').slice(1);
  if (segments.some((segment) => segment.includes('.'))) return null;
  const [section, article, ...rest] = segments;
  if (!section || rest.length > 0 || RESERVED_SLUGS.has(section)) return null;
  if (!slugParam.safeParse(section).success) return false;
  if (article === undefined) {
    const pages = search.getAll('page');
    const page = parsePageParam(pages.length > 1 ? pages : pages[0]);
    return page !== null && (await getSectionPage(section, page)) !== null;
  }
  if (RESERVED_ARTICLE_SLUGS.has(article)) return null;
  if (!slugParam.safeParse(article).success) return false;
  return (await getArticle(article)) !== null;
}
