import 'server-only';
import { cacheableResponse, notFoundResponse } from '@/lib/http/cacheable-response';
import { getLatestArticles, getSection } from '@/lib/queries';
import { slugParam } from '@/lib/url-params';
import { buildAtomFeed } from './atom';
import { FEED_MEDIA_TYPES, FEED_SIZE, type FeedFormat } from './channel';
import { feedEntry, newestChange } from './entries';
import { buildJsonFeed } from './json-feed';
import { buildRssFeed } from './rss';

const BUILDERS = { rss: buildRssFeed, atom: buildAtomFeed, json: buildJsonFeed } as const;

/** The answer of every feed route: the site's feed (no section) or a section's, in one format. */
export async function feedResponse(request: Request, format: FeedFormat, sectionSlug?: string): Promise<Response> {
  let section = null;
  if (sectionSlug !== undefined) {
    section = slugParam.safeParse(sectionSlug).success ? await getSection(sectionSlug) : null;
    if (!section) return notFoundResponse(`No section "${sectionSlug}".`);
  }
  const articles = await getLatestArticles(FEED_SIZE, section?.slug);
  return cacheableResponse(request, {
    body: BUILDERS[format](articles, section),
    contentType: `${FEED_MEDIA_TYPES[format]}; charset=utf-8`,
    lastModified: newestChange(articles.map(feedEntry)),
  });
}
