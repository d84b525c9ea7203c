import 'server-only';
import type { CachePolicy } from '@/lib/http/conditional';
import { cacheableResponse, notFoundResponse } from '@/lib/http/cacheable-response';
import type { BylineKind, ListingRef } from '@/lib/listing';
import {
  getBylineFeedArchive,
  getCorrectionsArchive,
  getCorrectionsTotal,
  getLatestCorrections,
  getBylineLatest,
  getFeedArchive,
  getFeedTotal,
  getLatestArticles,
  getSection,
} from '@/lib/queries';
import type { Article, SectionRef } from '@/lib/queries/types';
import { ROUTES, readParams, type Shape } from '@/lib/routes';
import { archiveCount, type FeedPage } from './archive';
import { buildAtomFeed } from './atom';
import { buildCorrectionsFeed, correctionFeedEntry } from './corrections';
import { FEED_MEDIA_TYPES, FEED_SIZE, type FeedFormat } from './channel';
import { feedEntry, newestChange } from './entries';
import { buildJsonFeed } from './json-feed';
import { buildRssFeed } from './rss';

const BUILDERS = { rss: buildRssFeed, atom: buildAtomFeed, json: buildJsonFeed } as const;

/** The section a feed is about (undefined: the site's), or a 404 answer. Addresses parse by the route table. */
async function feedSection(sectionSlug: string | undefined): Promise<SectionRef | null | Response> {
  if (sectionSlug === undefined) return null;
  const where = readParams(ROUTES.sectionFeed, { section: sectionSlug });
  const section = where && (await getSection(where.section));
  return section ?? notFoundResponse(`No section "${sectionSlug}".`);
}

function feedDocument(
  request: Request,
  format: FeedFormat,
  articles: readonly Article[],
  section: ListingRef | null,
  page: FeedPage,
  cachePolicy?: CachePolicy,
): Response {
  return cacheableResponse(request, {
    body: BUILDERS[format](articles, section, page),
    contentType: `${FEED_MEDIA_TYPES[format]}; charset=utf-8`,
    lastModified: newestChange(articles.map(feedEntry)),
    ...(cachePolicy ? { cachePolicy } : {}),
  });
}

/** The answer of every feed route: the site's feed (no section) or a section's, in one format. */
export async function feedResponse(request: Request, format: FeedFormat, sectionSlug?: string): Promise<Response> {
  const section = await feedSection(sectionSlug);
  if (section instanceof Response) return section;
  const [articles, total] = await Promise.all([
    getLatestArticles(FEED_SIZE, section?.slug),
    getFeedTotal(section?.slug),
  ]);
  return feedDocument(request, format, articles, section, { archive: null, archives: archiveCount(total ?? 0) });
}

/**
 * An archive of a feed's history (RFC 5005): a full one is kept long by browsers and feed
 * readers; the newest, still filling, like the subscription feed.
 */
export async function feedArchiveResponse(
  request: Request,
  format: FeedFormat,
  number: string,
  sectionSlug?: string,
): Promise<Response> {
  const section = await feedSection(sectionSlug);
  if (section instanceof Response) return section;
  const wanted = readParams(ROUTES.siteFeedArchive, { number })?.number;
  const archive = wanted === undefined ? null : await getFeedArchive(wanted, section?.slug);
  if (!archive || wanted === undefined) return notFoundResponse(`No archive ${number} of this feed.`);
  const page = { archive: wanted, archives: archive.archives };
  return feedDocument(request, format, archive.articles, section, page, archive.full ? 'archive' : undefined);
}

/** The route table's entry of each kind's feeds: their addresses parse by it. */
const BYLINE_FEEDS = {
  author: { feed: ROUTES.authorFeed, param: 'author', noun: 'author' },
  tag: { feed: ROUTES.tagFeed, param: 'tag', noun: 'tag' },
} as const;

/** The slug of an author's or tag's feed address, parsed by its entry (null: it names none). */
function bylineSlug(kind: BylineKind, slug: string): string | null {
  const { feed, param } = BYLINE_FEEDS[kind];
  const entry: Pick<Shape<Record<string, string>>, 'params'> = feed;
  return readParams(entry, { [param]: slug })?.[param] ?? null;
}

/** An author's or tag's subscription feed, in one format: its newest public articles. */
export async function bylineFeedResponse(
  request: Request,
  format: FeedFormat,
  kind: BylineKind,
  slug: string,
): Promise<Response> {
  const wanted = bylineSlug(kind, slug);
  const latest = wanted === null ? null : await getBylineLatest(kind, wanted, FEED_SIZE);
  if (!latest) return notFoundResponse(`No ${BYLINE_FEEDS[kind].noun} "${slug}".`);
  const page = { archive: null, archives: archiveCount(latest.total) };
  return feedDocument(request, format, latest.articles, latest.byline, page);
}

/** An archive of an author's or tag's feed (RFC 5005), as a section's. */
export async function bylineFeedArchiveResponse(
  request: Request,
  format: FeedFormat,
  kind: BylineKind,
  slug: string,
  number: string,
): Promise<Response> {
  const wanted = readParams(ROUTES.siteFeedArchive, { number })?.number;
  const archive =
    wanted === undefined || bylineSlug(kind, slug) === null ? null : await getBylineFeedArchive(kind, slug, wanted);
  if (!archive || wanted === undefined) return notFoundResponse(`No archive ${number} of this feed.`);
  const page = { archive: wanted, archives: archive.archives };
  return feedDocument(request, format, archive.articles, archive.byline, page, archive.full ? 'archive' : undefined);
}

/** A document of the corrections feed (docs/corrections.md), its Last-Modified its newest entry's. */
function correctionsDocument(
  request: Request,
  format: FeedFormat,
  entries: Parameters<typeof buildCorrectionsFeed>[1],
  page: FeedPage,
  cachePolicy?: CachePolicy,
): Response {
  return cacheableResponse(request, {
    body: buildCorrectionsFeed(format, entries, page),
    contentType: `${FEED_MEDIA_TYPES[format]}; charset=utf-8`,
    lastModified: newestChange(entries.map(correctionFeedEntry)),
    ...(cachePolicy ? { cachePolicy } : {}),
  });
}

/** The corrections feed, in one format: its newest entries (a feed with none yet is still one). */
export async function correctionsFeedResponse(request: Request, format: FeedFormat): Promise<Response> {
  const [entries, total] = await Promise.all([getLatestCorrections(FEED_SIZE), getCorrectionsTotal()]);
  return correctionsDocument(request, format, entries ?? [], { archive: null, archives: archiveCount(total ?? 0) });
}

/** An archive of the corrections feed (RFC 5005), as every feed's. */
export async function correctionsFeedArchiveResponse(
  request: Request,
  format: FeedFormat,
  number: string,
): Promise<Response> {
  const wanted = readParams(ROUTES.correctionsFeedArchive, { number })?.number;
  const archive = wanted === undefined ? null : await getCorrectionsArchive(wanted);
  if (!archive || wanted === undefined) return notFoundResponse(`No archive ${number} of this feed.`);
  const page = { archive: wanted, archives: archive.archives };
  return correctionsDocument(request, format, archive.entries, page, archive.full ? 'archive' : undefined);
}
