import { FEED_SIZE, buildRssFeed } from '@/lib/feeds/rss';
import { getLatestArticles, getSection } from '@/lib/queries';
import { slugParam } from '@/lib/url-params';

export async function GET(_request: Request, { params }: { params: Promise<{ section: string }> }) {
  const { section: slug } = await params;
  const section = slugParam.safeParse(slug).success ? await getSection(slug) : null;
  if (!section) {
    return new Response('No such section.\n', {
      status: 404,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  }
  const xml = buildRssFeed(await getLatestArticles(FEED_SIZE, section.slug), section);
  return new Response(xml, {
    headers: {
      'content-type': 'application/rss+xml; charset=utf-8',
      'cache-control': 'public, max-age=60, s-maxage=60, stale-while-revalidate=600',
    },
  });
}
