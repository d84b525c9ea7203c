import { LOGO } from '@/lib/seo/logo';
import { SITE_LANGUAGE, SITE_NAME, absoluteUrl, siteUrl } from '@/lib/site';
import { isoInZone } from '@/lib/time-zone';
import { feedBuilder, type FeedParts } from './builder';

export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

/**
 * JSON Feed 1.1 of the given articles (the subscription feed, or one of its archives). The `feed` package writes version 1 (a single
 * `author`, no `language`), so the object is built here against the 1.1 spec.
 * `_source` is a custom extension (JSON Feed §"Extensions") naming the dateline's agency.
 */
export const writeJsonFeed = ({ channel, entries, history }: FeedParts): string => {
  // JSON Feed pages by `next_url`: the subscription feed to its newest archive, each archive to the one before.
  const { prevArchive } = history;
  const feed = {
    version: JSON_FEED_VERSION,
    title: channel.title,
    home_page_url: channel.homeUrl,
    feed_url: channel.selfUrl.json,
    description: channel.description,
    icon: absoluteUrl(LOGO.path),
    language: SITE_LANGUAGE,
    authors: [{ name: SITE_NAME, url: siteUrl() }],
    ...(prevArchive ? { next_url: prevArchive } : {}),
    items: entries.map((entry) => ({
      id: entry.id,
      url: entry.url,
      title: entry.title,
      content_html: entry.contentHtml,
      summary: entry.summary,
      // RFC 3339 in the site's time zone, as the article page's <time> elements write them.
      date_published: isoInZone(entry.published),
      date_modified: isoInZone(entry.updated),
      ...(entry.authors.length > 0 ? { authors: entry.authors } : {}),
      tags: [entry.section.name, ...entry.tags.map((tag) => tag.name)],
      ...(entry.source ? { _source: { name: entry.source } } : {}),
      // JSON Feed 1.1 §"Items": an item's own language, where it is not the feed's.
      ...(entry.language ? { language: entry.language } : {}),
    })),
  };
  return JSON.stringify(feed, null, 2);
};

/** The document of the given articles (the writer's parts from them). */
export const buildJsonFeed = feedBuilder('json', writeJsonFeed);
