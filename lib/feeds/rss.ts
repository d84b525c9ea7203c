import { LOGO } from '@/lib/seo/logo';
import { SITE_LANGUAGE, SITE_NAME, absoluteUrl } from '@/lib/site';
import { escapeHtml } from './article-html';
import { FEED_HISTORY_NS } from './archive';
import { feedBuilder, type FeedParts } from './builder';
import { newestChange } from './entries';
import { xmlDocument } from './xml';

export { FEED_SIZE } from './channel';

/**
 * RSS 2.0 of the given articles, full text, absolute links: the site's feed or one
 * section's. RSS readers may treat a description as HTML, so the plain-text summary
 * goes in as escaped HTML; the title is plain text.
 */
export const writeRssFeed = ({ channel, entries, history }: FeedParts): string => {
  const updated = newestChange(entries);
  const link = (rel: string, href: string | null) =>
    href === null ? [] : [{ '@_href': href, '@_rel': rel, '@_type': 'application/rss+xml' }];
  return xmlDocument({
    rss: {
      '@_version': '2.0',
      '@_xmlns:atom': 'http://www.w3.org/2005/Atom',
      '@_xmlns:content': 'http://purl.org/rss/1.0/modules/content/',
      '@_xmlns:dc': 'http://purl.org/dc/elements/1.1/',
      '@_xmlns:fh': FEED_HISTORY_NS,
      channel: {
        title: channel.title,
        link: channel.homeUrl,
        description: channel.description,
        // RFC 5005 links, in the Atom namespace as RSS 2.0 has none of its own.
        'atom:link': [
          ...link('self', history.self),
          ...link('current', history.current),
          ...link('prev-archive', history.prevArchive),
          ...link('next-archive', history.nextArchive),
        ],
        ...(history.isArchive ? { 'fh:archive': '' } : {}),
        language: SITE_LANGUAGE,
        copyright: `© ${SITE_NAME}`,
        ...(updated ? { lastBuildDate: updated.toUTCString() } : {}),
        docs: 'https://www.rssboard.org/rss-specification',
        generator: SITE_NAME,
        image: { url: absoluteUrl(LOGO.path), title: channel.title, link: channel.homeUrl },
        item: entries.map((entry) => ({
          title: entry.title,
          link: entry.url,
          description: escapeHtml(entry.summary),
          'content:encoded': entry.contentHtml,
          // RSS's <author> must be an e-mail address: the names go in Dublin Core's creator, one each.
          ...(entry.authors.length > 0 ? { 'dc:creator': entry.authors.map((author) => author.name) } : {}),
          category: [
            { '@_domain': entry.section.url, '#text': entry.section.name },
            ...entry.tags.map((tag) => ({ '@_domain': tag.url, '#text': tag.name })),
          ],
          guid: { '@_isPermaLink': 'false', '#text': entry.id },
          pubDate: entry.published.toUTCString(),
          // RSS has no date of change of its own: Atom's, as feed readers read it in RSS.
          'atom:updated': entry.updated.toISOString(),
          // RSS's own <source> must name the agency's feed URL, which the documents never give.
          ...(entry.source ? { 'dc:source': entry.source } : {}),
          // RSS 2.0 has a language for the channel only: an item's own is Dublin Core's (RFC 5646 tag).
          ...(entry.language ? { 'dc:language': entry.language } : {}),
        })),
      },
    },
  });
};

/** The document of the given articles (the writer's parts from them). */
export const buildRssFeed = feedBuilder('rss', writeRssFeed);
