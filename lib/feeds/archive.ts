import { absoluteUrl } from '@/lib/site';
import { FEED_FILES, FEED_SIZE, feedBase, feedPath, type FeedFormat, type FeedScope } from './channel';

/**
 * The whole feed history (RFC 5005 archived feeds). The subscription feed holds the
 * newest FEED_SIZE articles; every older one is in exactly one archive. Archives are
 * numbered from the oldest: archive 1 holds the ARCHIVE_SIZE oldest articles, archive 2
 * the next, and so on; only the newest archive may be short, and it fills up as articles
 * leave the subscription feed. A full archive never changes again, except when an
 * article in it is corrected or moves section (its entry shows the change), or an article in
 * it or before it is withdrawn, restored or removed (the archives after it shift).
 */
export const ARCHIVE_SIZE = 50;

/** Which document of a feed's history: the subscription feed, or archive `number` (1 is the oldest). */
export type FeedPage = { archive: null; archives: number } | { archive: number; archives: number };

export const subscriptionPage = (archives: number): FeedPage => ({ archive: null, archives });

/** How many archives a feed of `total` articles has. */
export const archiveCount = (total: number) => Math.ceil(Math.max(0, total - FEED_SIZE) / ARCHIVE_SIZE);

/** Where archive `number` lies among `total` articles counted from the oldest; null when there is none. */
export function archiveRange(
  total: number,
  number: number,
): { skipOldest: number; take: number; full: boolean } | null {
  if (!Number.isInteger(number) || number < 1 || number > archiveCount(total)) return null;
  const skipOldest = (number - 1) * ARCHIVE_SIZE;
  const take = Math.min(ARCHIVE_SIZE, total - FEED_SIZE - skipOldest);
  return { skipOldest, take, full: take === ARCHIVE_SIZE };
}

export const archivePath = (format: FeedFormat, number: number, scope?: FeedScope) =>
  `${feedBase(scope)}/archive/${number}/${FEED_FILES[format]}`;

/** The RFC 5005 links of one document of a feed's history, as absolute URLs. */
export interface HistoryLinks {
  /** This document is an archive (fh:archive). */
  isArchive: boolean;
  self: string;
  /** The subscription feed (rel="current"), on archives. */
  current: string | null;
  /** The next older archive (rel="prev-archive"; JSON Feed's next_url). */
  prevArchive: string | null;
  /** The next newer archive (rel="next-archive"). */
  nextArchive: string | null;
}

export function historyLinks(format: FeedFormat, page: FeedPage, scope?: FeedScope): HistoryLinks {
  const archive = (number: number) => absoluteUrl(archivePath(format, number, scope));
  const subscription = absoluteUrl(feedPath(format, scope));
  if (page.archive === null) {
    return {
      isArchive: false,
      self: subscription,
      current: null,
      prevArchive: page.archives > 0 ? archive(page.archives) : null,
      nextArchive: null,
    };
  }
  return {
    isArchive: true,
    self: archive(page.archive),
    current: subscription,
    prevArchive: page.archive > 1 ? archive(page.archive - 1) : null,
    nextArchive: page.archive < page.archives ? archive(page.archive + 1) : null,
  };
}

/** RFC 5005's namespace, for `fh:archive`. */
export const FEED_HISTORY_NS = 'http://purl.org/syndication/history/1.0';
