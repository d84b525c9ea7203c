import { LOGO } from '@/lib/seo/logo';
import { SITE_LANGUAGE, SITE_NAME, absoluteUrl, siteUrl } from '@/lib/site';
import { FEED_HISTORY_NS } from './archive';
import { feedBuilder, type FeedParts } from './builder';
import { newestChange } from './entries';
import { xmlDocument } from './xml';

/** Atom (RFC 4287) of the given articles: text constructs typed, so a headline is never read as markup. */
export const writeAtomFeed = ({ channel, entries, history }: FeedParts): string => {
  const link = (rel: string, href: string | null) =>
    href === null ? [] : [{ '@_rel': rel, '@_type': 'application/atom+xml', '@_href': href }];
  return xmlDocument({
    feed: {
      '@_xmlns': 'http://www.w3.org/2005/Atom',
      '@_xmlns:fh': FEED_HISTORY_NS,
      '@_xml:lang': SITE_LANGUAGE,
      id: channel.homeUrl,
      title: { '@_type': 'text', '#text': channel.title },
      subtitle: { '@_type': 'text', '#text': channel.description },
      updated: (newestChange(entries) ?? new Date(0)).toISOString(),
      ...(history.isArchive ? { 'fh:archive': '' } : {}),
      link: [
        ...link('self', history.self),
        { '@_rel': 'alternate', '@_type': 'text/html', '@_href': channel.homeUrl },
        ...link('current', history.current),
        ...link('prev-archive', history.prevArchive),
        ...link('next-archive', history.nextArchive),
      ],
      // RFC 4287 §4.1.1: a feed names an author unless every entry does.
      author: { name: SITE_NAME, uri: siteUrl() },
      generator: { '@_uri': siteUrl(), '#text': SITE_NAME },
      logo: absoluteUrl(LOGO.path),
      rights: { '@_type': 'text', '#text': `© ${SITE_NAME}` },
      entry: entries.map((entry) => ({
        ...(entry.language ? { '@_xml:lang': entry.language } : {}),
        id: entry.id,
        title: { '@_type': 'text', '#text': entry.title },
        link: { '@_rel': 'alternate', '@_type': 'text/html', '@_href': entry.url },
        published: entry.published.toISOString(),
        updated: entry.updated.toISOString(),
        ...(entry.authors.length > 0
          ? { author: entry.authors.map((author) => ({ name: author.name, uri: author.url })) }
          : {}),
        category: [
          { '@_term': entry.section.name, '@_scheme': entry.section.url, '@_label': entry.section.name },
          ...entry.tags.map((tag) => ({ '@_term': tag.name, '@_scheme': tag.url, '@_label': tag.name })),
        ],
        summary: { '@_type': 'text', '#text': entry.summary },
        content: { '@_type': 'html', '#text': entry.contentHtml },
        ...(entry.source ? { source: { title: { '@_type': 'text', '#text': entry.source } } } : {}),
      })),
    },
  });
};

/** The document of the given articles (the writer's parts from them). */
export const buildAtomFeed = feedBuilder('atom', writeAtomFeed);
