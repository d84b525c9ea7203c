import { notFoundResponse } from '@/lib/http/cacheable-response';
import type { BylineKind } from '@/lib/listing';
import { listingPath } from '@/lib/listing';
import { getBylinePage, getCorrectionsPage, getSectionPage, getSections } from '@/lib/queries';
import { correctionsPagePath, sectionPagePath } from '@/lib/site';
import { liteCorrectionsPage } from './corrections';
import { liteBylinePage, liteSectionPage } from './pages';
import { liteResponse, newest } from './respond';

/**
 * A page of a section's lite listing, as its route's entry of the route table parsed it (null: the
 * address names none). The front door has checked it exists; this is the fallback.
 */
export async function liteSectionResponse(
  request: Request,
  where: { section: string; page: number } | null,
  address: string,
): Promise<Response> {
  const listing = where && (await getSectionPage(where.section, where.page));
  if (!listing) return notFoundResponse(`No section page "${address}".`);
  const sections = await getSections();
  const times = listing.articles.map((article) => article.updatedAt);
  return liteResponse(
    request,
    liteSectionPage(listing, sections),
    sectionPagePath(listing.section.slug, listing.page),
    newest(times),
  );
}

/** A page of an author's or tag's lite listing, as its route's entry parsed it (null: the address names none). */
export async function liteBylineResponse(
  request: Request,
  kind: BylineKind,
  where: { slug: string; page: number } | null,
  address: string,
): Promise<Response> {
  const listing = where && (await getBylinePage(kind, where.slug, where.page));
  if (!listing) return notFoundResponse(`No ${kind} page "${address}".`);
  const sections = await getSections();
  const times = listing.articles.map((article) => article.updatedAt);
  return liteResponse(
    request,
    liteBylinePage(listing, sections),
    listingPath(listing.byline, listing.page),
    newest(times),
  );
}

/** A page of the lite corrections listing, as its route's entry parsed it (null: the address names none). */
export async function liteCorrectionsResponse(
  request: Request,
  page: number | null,
  address: string,
): Promise<Response> {
  const listing = page === null ? null : await getCorrectionsPage(page);
  if (!listing) return notFoundResponse(`No corrections page "${address}".`);
  const sections = await getSections();
  return liteResponse(
    request,
    liteCorrectionsPage(listing, sections),
    correctionsPagePath(listing.page),
    newest(listing.entries.map((item) => item.at)),
  );
}
