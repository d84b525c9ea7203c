import { words } from './i18n';
import type { SectionRef } from '@/lib/queries/types';
import { SITE_NAME, authorPagePath, sectionPagePath, tagPagePath } from '@/lib/site';

/**
 * What a listing of articles (its pages, feeds and archives, its lite twin) is about: a section,
 * an author, or a tag. A SectionRef is a listing of a section as it is (no kind); an author's or
 * a tag's names its kind.
 */
/** Articles on one page of a listing: a section's, an author's, a tag's. */
export const SECTION_PAGE_SIZE = 20;
/** How many pages a listing of `articles` articles has. */
export const sectionPageCount = (articles: number) => Math.ceil(articles / SECTION_PAGE_SIZE);

export type BylineKind = 'author' | 'tag';
export interface BylineRef {
  kind: BylineKind;
  slug: string;
  name: string;
}
export type ListingRef = SectionRef | BylineRef;

const kindOf = (listing: ListingRef) => ('kind' in listing ? listing.kind : 'section');

/** Page `page` of the listing (page 1 is its own address). */
export function listingPath(listing: ListingRef, page = 1): string {
  switch (kindOf(listing)) {
    case 'author':
      return authorPagePath(listing.slug, page);
    case 'tag':
      return tagPagePath(listing.slug, page);
    default:
      return sectionPagePath(listing.slug, page);
  }
}

/** The listing's heading, as its page and its feeds title it. */
export function listingHeading(listing: ListingRef): string {
  switch (kindOf(listing)) {
    case 'author':
      return listing.name;
    case 'tag':
      return words().listing.tagged(listing.name);
    default:
      return listing.name;
  }
}

/** One sentence of what the listing holds: its page's description and its feeds'. */
export function listingDescription(listing: ListingRef): string {
  switch (kindOf(listing)) {
    case 'author':
      return words().listing.authorDescription(listing.name, SITE_NAME);
    case 'tag':
      return words().listing.tagDescription(listing.name, SITE_NAME);
    default:
      return words().listing.sectionDescription(listing.name, SITE_NAME);
  }
}

export const isByline = (listing: ListingRef | null): listing is BylineRef => listing !== null && 'kind' in listing;
