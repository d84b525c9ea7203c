import { FEED_SIZE, buildRssFeed } from '@/lib/feeds/rss';
import { getLatestArticles } from '@/lib/queries';

export async function GET() {
  const xml = buildRssFeed(await getLatestArticles(FEED_SIZE), null);
  return new Response(xml, {
    headers: {
      'content-type': 'application/rss+xml; charset=utf-8',
      'cache-control': 'public, max-age=60, s-maxage=60, stale-while-revalidate=600',
    },
  });
}
