import { notFoundResponse } from '@/lib/http/cacheable-response';
import { getArticle } from '@/lib/queries';
import { SHARE_IMAGE_SIZE, SHARE_IMAGE_TYPE, shareImage } from '@/lib/seo/share-image';
import { SITE_NAME } from '@/lib/site';
import { slugParam } from '@/lib/url-params';

export const alt = `An article of ${SITE_NAME}: its headline and section`;
export const size = SHARE_IMAGE_SIZE;
export const contentType = SHARE_IMAGE_TYPE;
// Drawn per request from the cached query layer: there is no database at build time.
export const dynamic = 'force-dynamic';

export default async function Image({ params }: { params: Promise<{ section: string; article: string }> }) {
  const { article: slug } = await params;
  const article = slugParam.safeParse(slug).success ? await getArticle(slug) : null;
  if (!article) return notFoundResponse(`No article "${slug}".`);
  return shareImage({ kicker: article.section.name, title: article.headline });
}
