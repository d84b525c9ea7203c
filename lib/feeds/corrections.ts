import { createHash } from 'node:crypto';
import type { CorrectionEntry } from '@/lib/queries/corrections';
import { CORRECTIONS_PATH, SITE_NAME, absoluteUrl, articlePath, sectionPath, siteUrl } from '@/lib/site';
import { words } from '@/lib/i18n';
import { formatPublishedDate } from '@/lib/time-zone';
import { historyLinks, subscriptionPage, type FeedPage } from './archive';
import { escapeHtml } from './article-html';
import { writeAtomFeed } from './atom';
import type { FeedParts } from './builder';
import { FEED_MEDIA_TYPES, feedPath, type FeedChannel, type FeedFormat } from './channel';
import type { FeedEntry } from './entries';
import { writeJsonFeed } from './json-feed';
import { writeRssFeed } from './rss';

/**
 * The corrections feed (docs/corrections.md): the entries of /corrections, newest first, in every
 * format the site's feeds have, with archives as theirs (RFC 5005). Each entry is one correction
 * or clarification note, one withdrawal or one legal removal; its link is the article's (a
 * withdrawn one answers 410 there), a legal removal's the corrections page, having no article.
 */

export const CORRECTIONS_HEADING = words().corrections.heading;
export const CORRECTIONS_DESCRIPTION = words().corrections.description(SITE_NAME);
/** What a legal removal says, in every copy: nothing of the article remains to name it. */
export const LEGAL_REMOVAL_LINE = words().corrections.legalLine;

const SCOPE = { path: CORRECTIONS_PATH };

export function correctionsChannel(): FeedChannel {
  return {
    title: `${SITE_NAME}: ${CORRECTIONS_HEADING}`,
    description: CORRECTIONS_DESCRIPTION,
    homeUrl: absoluteUrl(CORRECTIONS_PATH),
    selfUrl: {
      rss: absoluteUrl(feedPath('rss', SCOPE)),
      atom: absoluteUrl(feedPath('atom', SCOPE)),
      json: absoluteUrl(feedPath('json', SCOPE)),
    },
  };
}

export const correctionsFeedPath = (format: FeedFormat) => feedPath(format, SCOPE);

// Any fixed date works for a tag URI (RFC 4151); it must simply never change (as lib/feeds/ids.ts).
const entryId = (kind: string, key: string) => `tag:${new URL(siteUrl()).hostname},2026:${kind}:${key}`;
const digest = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

/** One entry as every feed format describes it. */
export function correctionFeedEntry(entry: CorrectionEntry): FeedEntry {
  const at = new Date(entry.at);
  const day = formatPublishedDate(at);
  const text = words().corrections;
  if (entry.kind === 'legal-removal') {
    const lifted = entry.liftedAt ? new Date(entry.liftedAt) : null;
    const said = text.removedSaid(day, entry.reason, lifted ? formatPublishedDate(lifted) : null);
    return {
      id: entryId('legal-removal', String(entry.id)),
      url: absoluteUrl(CORRECTIONS_PATH),
      title: LEGAL_REMOVAL_LINE,
      summary: said,
      contentHtml: `<p>${escapeHtml(said)}</p>`,
      published: at,
      updated: lifted ?? at,
      section: { name: text.legalSection, url: absoluteUrl(CORRECTIONS_PATH) },
      authors: [],
      tags: [],
      source: null,
      language: null,
    };
  }
  const { article } = entry;
  const url = absoluteUrl(articlePath(article.section.slug, article.slug));
  const section = { name: article.section.name, url: absoluteUrl(sectionPath(article.section.slug)) };
  const on = `<p>${escapeHtml(entry.kind === 'note' ? text.on : `${words().gone.withdrawn}: `)}<a href="${escapeHtml(url)}">${escapeHtml(article.headline)}</a></p>`;
  if (entry.kind === 'withdrawal') {
    const said = text.withdrawnSaid(day, entry.reason);
    return {
      id: entryId('withdrawal', `${article.slug}:${at.getTime()}`),
      url,
      title: words().gone.withdrawnTitle(article.headline),
      summary: said,
      contentHtml: `${on}<p>${escapeHtml(said)}</p>`,
      published: at,
      updated: at,
      section,
      authors: [],
      tags: [],
      source: null,
      language: null,
    };
  }
  return {
    id: entryId('correction', `${article.slug}:${digest(`${entry.label}\n${entry.text}`)}`),
    url,
    title: `${entry.label}: ${article.headline}`,
    summary: entry.text,
    contentHtml: `<p><strong>${escapeHtml(`${entry.label}, ${day}:`)}</strong> ${escapeHtml(entry.text)}</p>${on}`,
    published: at,
    updated: at,
    section,
    authors: [],
    tags: [],
    source: null,
    language: null,
  };
}

const WRITERS: Record<FeedFormat, (parts: FeedParts) => string> = {
  rss: writeRssFeed,
  atom: writeAtomFeed,
  json: writeJsonFeed,
};

/** A document of the corrections feed's history: its subscription feed unless given. */
export function buildCorrectionsFeed(
  format: FeedFormat,
  entries: readonly CorrectionEntry[],
  page: FeedPage = subscriptionPage(0),
): string {
  return WRITERS[format]({
    channel: correctionsChannel(),
    entries: entries.map(correctionFeedEntry),
    history: historyLinks(format, page, SCOPE),
  });
}

/** `<link rel="alternate">` of the corrections page: its own feeds, then the site's. */
export function correctionsFeedAlternates(
  site: Record<string, Array<{ url: string; title: string }>>,
): Record<string, Array<{ url: string; title: string }>> {
  const names: Record<FeedFormat, string> = { rss: 'RSS', atom: 'Atom', json: 'JSON Feed' };
  const types: Record<string, Array<{ url: string; title: string }>> = {};
  for (const format of ['rss', 'atom', 'json'] as const) {
    const own = { url: correctionsFeedPath(format), title: `${SITE_NAME}: ${CORRECTIONS_HEADING} (${names[format]})` };
    types[FEED_MEDIA_TYPES[format]] = [own, ...(site[FEED_MEDIA_TYPES[format]] ?? [])];
  }
  return types;
}
