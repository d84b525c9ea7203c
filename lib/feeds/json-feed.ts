import type { Article, SectionRef } from '@/lib/queries/types';
import { LOGO } from '@/lib/seo/logo';
import { SITE_LANGUAGE, SITE_NAME, absoluteUrl, siteUrl } from '@/lib/site';
import { historyLinks, subscriptionPage, type FeedPage } from './archive';
import { feedChannel } from './channel';
import { feedEntry } from './entries';

export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

/**
 * JSON Feed 1.1 of the given articles (the subscription feed, or one of its archives). The `feed` package writes version 1 (a single
 * `author`, no `language`), so the object is built here against the 1.1 spec.
 * `_source` is a custom extension (JSON Feed §"Extensions") naming the dateline's agency.
 */
export function buildJsonFeed(
  articles: readonly Article[],
  section: SectionRef | null,
  page: FeedPage = subscriptionPage(0),
): string {
  const channel = feedChannel(section);
  // JSON Feed pages by `next_url`: the subscription feed to its newest archive, each archive to the one before.
  const { prevArchive } = historyLinks('json', page, section?.slug);
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
    items: articles.map(feedEntry).map((entry) => ({
      id: entry.id,
      url: entry.url,
      title: entry.title,
      content_html: entry.contentHtml,
      summary: entry.summary,
      date_published: entry.published.toISOString(),
      date_modified: entry.updated.toISOString(),
      tags: [entry.section.name],
      ...(entry.source ? { _source: { name: entry.source } } : {}),
    })),
  };
  return JSON.stringify(feed, null, 2);
}
