import type { Article, SectionRef } from '@/lib/queries/types';
import { historyLinks, subscriptionPage, type FeedPage, type HistoryLinks } from './archive';
import { feedChannel, type FeedChannel, type FeedFormat } from './channel';
import { feedEntry, type FeedEntry } from './entries';

/** What every format writes its document from: the channel, the entries, and the feed's place in its history. */
export interface FeedParts {
  channel: FeedChannel;
  entries: FeedEntry[];
  history: HistoryLinks;
}

/** A feed document of the given articles: the site's feed (no section) or a section's, its subscription page unless given. */
export type FeedBuilder = (articles: readonly Article[], section: SectionRef | null, page?: FeedPage) => string;

/** A format's builder, from how it writes the parts every format shares. */
export const feedBuilder =
  (format: FeedFormat, write: (parts: FeedParts) => string): FeedBuilder =>
  (articles, section, page = subscriptionPage(0)) =>
    write({
      channel: feedChannel(section),
      entries: articles.map(feedEntry),
      history: historyLinks(format, page, section?.slug),
    });
