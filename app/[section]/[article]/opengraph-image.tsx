import { words } from '@/lib/i18n';
import { notFoundResponse } from '@/lib/http/cacheable-response';
import { getArticle } from '@/lib/queries';
import { ROUTES, readParams } from '@/lib/routes';
import { SHARE_IMAGE_SIZE, SHARE_IMAGE_TYPE, shareImage } from '@/lib/seo/share-image';
import { SITE_NAME } from '@/lib/site';

export const alt = words().shareImage.articleAlt(SITE_NAME);
export const size = SHARE_IMAGE_SIZE;
export const contentType = SHARE_IMAGE_TYPE;
// Drawn per request from the cached query layer: there is no database at build time.
export const dynamic = 'force-dynamic';

export default async function Image({ params }: { params: Promise<{ section: string; article: string }> }) {
  const raw = await params;
  // An article under another section has been sent to its own by the front door (lib/routes.ts).
  const where = readParams(ROUTES.articleImage, raw);
  const article = where && (await getArticle(where.article));
  if (!article) return notFoundResponse(`No article "${raw.article}".`);
  return shareImage({ kicker: article.section.name, title: article.headline, language: article.language });
}
