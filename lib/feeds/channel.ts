import { listingDescription, listingHeading, listingPath, type ListingRef } from '@/lib/listing';
import { words } from '@/lib/i18n';
import { SITE_DESCRIPTION, SITE_NAME, absoluteUrl, sectionPath } from '@/lib/site';

export const FEED_SIZE = 50;

export type FeedFormat = 'rss' | 'atom' | 'json';

export const FEED_FILES: Record<FeedFormat, string> = { rss: 'feed.xml', atom: 'atom.xml', json: 'feed.json' };

export const FEED_MEDIA_TYPES = {
  rss: 'application/rss+xml',
  atom: 'application/atom+xml',
  json: 'application/feed+json',
} as const satisfies Record<FeedFormat, string>;

const FORMAT_NAMES: Record<FeedFormat, string> = { rss: 'RSS', atom: 'Atom', json: 'JSON Feed' };

/**
 * What a feed is about, as its addresses name it: the site's (none), a section's by its slug, or
 * a listing's (a section, an author, a tag), or a page's of its own (`{ path }`: /corrections). Its
 * files sit under the listing's page 1.
 */
export type FeedScope = string | ListingRef | { path: string } | null | undefined;
export const feedBase = (scope: FeedScope) =>
  !scope ? '' : typeof scope === 'string' ? sectionPath(scope) : 'path' in scope ? scope.path : listingPath(scope);

export const feedPath = (format: FeedFormat, scope?: FeedScope) => `${feedBase(scope)}/${FEED_FILES[format]}`;

/** What a feed is about: the whole site, or one listing (a section, an author, a tag). */
export interface FeedChannel {
  title: string;
  description: string;
  homeUrl: string;
  selfUrl: Record<FeedFormat, string>;
}

export function feedChannel(listing: ListingRef | null): FeedChannel {
  return {
    title: listing ? `${SITE_NAME}: ${listingHeading(listing)}` : SITE_NAME,
    description: listing ? listingDescription(listing) : SITE_DESCRIPTION,
    homeUrl: absoluteUrl(listing ? listingPath(listing) : '/'),
    selfUrl: {
      rss: absoluteUrl(feedPath('rss', listing)),
      atom: absoluteUrl(feedPath('atom', listing)),
      json: absoluteUrl(feedPath('json', listing)),
    },
  };
}

/** `<link rel="alternate">` entries for a page's metadata: each feed of the listing (if any), then the site's. */
export function feedAlternates(listing: ListingRef | null): Record<string, Array<{ url: string; title: string }>> {
  const scopes = listing ? [listing, null] : [null];
  const types: Record<string, Array<{ url: string; title: string }>> = {};
  for (const format of ['rss', 'atom', 'json'] as const) {
    types[FEED_MEDIA_TYPES[format]] = scopes.map((scope) => ({
      url: feedPath(format, scope),
      title: `${scope ? `${SITE_NAME}: ${listingHeading(scope)}` : `${SITE_NAME}: ${words().feeds.all}`} (${FORMAT_NAMES[format]})`,
    }));
  }
  return types;
}
