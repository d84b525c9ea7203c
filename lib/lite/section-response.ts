import { notFoundResponse } from '@/lib/http/cacheable-response';
import { getSectionPage, getSections } from '@/lib/queries';
import { sectionPagePath } from '@/lib/site';
import { slugParam } from '@/lib/url-params';
import { liteSectionPage } from './pages';
import { liteResponse, newest } from './respond';

/** A page of a section's lite listing (the front door has checked it exists; this is the fallback). */
export async function liteSectionResponse(request: Request, slug: string, page: number): Promise<Response> {
  const listing = slugParam.safeParse(slug).success && page >= 1 ? await getSectionPage(slug, page) : null;
  if (!listing) return notFoundResponse(`No section page "${slug}" ${page}.`);
  const sections = await getSections();
  const times = listing.articles.map((article) => article.updatedAt);
  return liteResponse(
    request,
    liteSectionPage(listing, sections),
    sectionPagePath(listing.section.slug, listing.page),
    newest(times),
  );
}
