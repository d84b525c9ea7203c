import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import type { BylineKind } from '@/lib/listing';
import { listingDescription, listingHeading, listingPath } from '@/lib/listing';
import { getByline, getBylinePage } from '@/lib/queries';
import { bylineBreadcrumbJsonLd, bylinePageJsonLd } from '@/lib/seo/json-ld';
import { pageMetadata } from '@/lib/seo/metadata';
import { Listing } from './[section]/section-listing';

/**
 * One page of an author's or a tag's listing, shared by `/authors/<slug>` (page 1) and
 * `/authors/<slug>/page/<n>`, and the same under `/tags/`: a section's listing, about the
 * byline. The server's front door answers 404 for those that do not exist, or have no public
 * article, before a request gets here; notFound() is the fallback.
 */
export async function bylineListingMetadata(kind: BylineKind, slug: string, page: number): Promise<Metadata> {
  const byline = await getByline(kind, slug);
  if (!byline) return {};
  const heading = listingHeading(byline);
  return pageMetadata({
    title: page > 1 ? `${heading}, page ${page}` : heading,
    description: listingDescription(byline),
    path: listingPath(byline, page),
    section: byline,
    // Later pages live below the listing's image route (app/<kind>s/[<kind>]/opengraph-image.tsx).
    ...(page > 1 && { image: `${listingPath(byline)}/opengraph-image` }),
  });
}

export async function BylineListing({ kind, slug, page }: { kind: BylineKind; slug: string; page: number }) {
  const listing = await getBylinePage(kind, slug, page);
  if (!listing) notFound();
  const { byline, articles, pageCount } = listing;
  return (
    <Listing
      listing={byline}
      articles={articles}
      page={listing.page}
      pageCount={pageCount}
      showSection
      jsonLd={[bylinePageJsonLd(byline, articles, listingPath(byline, listing.page)), bylineBreadcrumbJsonLd(byline)]}
    />
  );
}
