import type { ListingRef } from '@/lib/listing';
import type { Article } from '@/lib/queries/types';
import { historyLinks, subscriptionPage, type FeedPage, type HistoryLinks } from './archive';
import { feedChannel, type FeedChannel, type FeedFormat } from './channel';
import { feedEntry, type FeedEntry } from './entries';

/** What every format writes its document from: the channel, the entries, and the feed's place in its history. */
export interface FeedParts {
  channel: FeedChannel;
  entries: FeedEntry[];
  history: HistoryLinks;
}

/**
 * A feed document of the given articles: the site's feed (no listing) or a listing's (a section's,
 * an author's, a tag's), its subscription page unless given.
 */
export type FeedBuilder = (articles: readonly Article[], listing: ListingRef | null, page?: FeedPage) => string;

/** A format's builder, from how it writes the parts every format shares. */
export const feedBuilder =
  (format: FeedFormat, write: (parts: FeedParts) => string): FeedBuilder =>
  (articles, listing, page = subscriptionPage(0)) =>
    write({
      channel: feedChannel(listing),
      entries: articles.map(feedEntry),
      history: historyLinks(format, page, listing),
    });
