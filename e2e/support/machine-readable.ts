import { expect, type APIRequestContext } from '@playwright/test';
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import { parse as parseHtml } from 'node-html-parser';

export type FeedFormat = 'rss' | 'atom' | 'json';

export const FEED_FILES: Record<FeedFormat, string> = { rss: 'feed.xml', atom: 'atom.xml', json: 'feed.json' };
export const FEED_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml',
  atom: 'application/atom+xml',
  json: 'application/feed+json',
};

/** One item of any feed format, as an independent parser (feedsmith) reads it. */
export interface ReadItem {
  id: string | undefined;
  link: string | undefined;
  title: string | undefined;
  /** The body HTML. */
  content: string | undefined;
  /** The summary as a reader shows it (RSS carries it as escaped HTML). */
  summary: string | undefined;
}

export interface ReadFeed {
  self: string | undefined;
  items: ReadItem[];
  /** The next older document of the feed's history (RFC 5005 prev-archive; JSON Feed's next_url). */
  older: string | undefined;
}

/** Fetches a feed, checks its media type, and reads it with feedsmith. */
export async function readFeed(request: APIRequestContext, path: string, format: FeedFormat): Promise<ReadFeed> {
  const response = await request.get(path);
  expect(response.status(), `status of ${path}`).toBe(200);
  expect(response.headers()['content-type']).toBe(`${FEED_TYPES[format]}; charset=utf-8`);
  const body = await response.text();
  if (format === 'rss') {
    const feed = parseRssFeed(body);
    return {
      self: feed.atom?.links?.find((link) => link.rel === 'self')?.href,
      older: feed.atom?.links?.find((link) => link.rel === 'prev-archive')?.href,
      items: (feed.items ?? []).map((item) => ({
        id: item.guid?.value,
        link: item.link,
        title: item.title,
        content: item.content?.encoded,
        summary: parseHtml(item.description ?? '').textContent,
      })),
    };
  }
  if (format === 'atom') {
    const feed = parseAtomFeed(body);
    return {
      self: feed.links?.find((link) => link.rel === 'self')?.href,
      older: feed.links?.find((link) => link.rel === 'prev-archive')?.href,
      items: (feed.entries ?? []).map((entry) => ({
        id: entry.id,
        link: entry.links?.find((link) => link.rel === 'alternate')?.href,
        title: entry.title?.value,
        content: entry.content?.value,
        summary: entry.summary?.value,
      })),
    };
  }
  const feed = parseJsonFeed(JSON.parse(body));
  return {
    self: feed.feed_url,
    older: feed.next_url,
    items: (feed.items ?? []).map((item) => ({
      id: item.id,
      link: item.url,
      title: item.title,
      content: item.content_html,
      summary: item.summary,
    })),
  };
}

/** The JSON-LD blocks of a page's HTML, parsed. */
export function jsonLdBlocks(html: string): unknown[] {
  return parseHtml(html)
    .querySelectorAll('script[type="application/ld+json"]')
    .flatMap((script) => {
      const data = JSON.parse(script.textContent) as unknown;
      return Array.isArray(data) ? data : [data];
    });
}
