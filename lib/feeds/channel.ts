import type { SectionRef } from '@/lib/queries/types';
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

export const feedPath = (format: FeedFormat, sectionSlug?: string) =>
  `${sectionSlug ? sectionPath(sectionSlug) : ''}/${FEED_FILES[format]}`;

/** What a feed is about: the whole site, or one section. */
export interface FeedChannel {
  title: string;
  description: string;
  homeUrl: string;
  selfUrl: Record<FeedFormat, string>;
}

export function feedChannel(section: SectionRef | null): FeedChannel {
  const slug = section?.slug;
  return {
    title: section ? `${SITE_NAME}: ${section.name}` : SITE_NAME,
    description: section ? `The latest ${section.name} news from ${SITE_NAME}.` : SITE_DESCRIPTION,
    homeUrl: absoluteUrl(slug ? sectionPath(slug) : '/'),
    selfUrl: {
      rss: absoluteUrl(feedPath('rss', slug)),
      atom: absoluteUrl(feedPath('atom', slug)),
      json: absoluteUrl(feedPath('json', slug)),
    },
  };
}

/** `<link rel="alternate">` entries for a page's metadata: each feed of the section (if any), then the site's. */
export function feedAlternates(section: SectionRef | null): Record<string, Array<{ url: string; title: string }>> {
  const scopes = section ? [section, null] : [null];
  const types: Record<string, Array<{ url: string; title: string }>> = {};
  for (const format of ['rss', 'atom', 'json'] as const) {
    types[FEED_MEDIA_TYPES[format]] = scopes.map((scope) => ({
      url: feedPath(format, scope?.slug),
      title: `${scope ? `${SITE_NAME}: ${scope.name}` : `${SITE_NAME}: all articles`} (${FORMAT_NAMES[format]})`,
    }));
  }
  return types;
}
