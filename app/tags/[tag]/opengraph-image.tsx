import { words } from '@/lib/i18n';
import { notFoundResponse } from '@/lib/http/cacheable-response';
import { getByline } from '@/lib/queries';
import { ROUTES, readParams } from '@/lib/routes';
import { SHARE_IMAGE_SIZE, SHARE_IMAGE_TYPE, shareImage } from '@/lib/seo/share-image';
import { SITE_NAME } from '@/lib/site';

export const alt = words().shareImage.tagAlt(SITE_NAME);
export const size = SHARE_IMAGE_SIZE;
export const contentType = SHARE_IMAGE_TYPE;
// Drawn per request from the cached query layer: there is no database at build time.
export const dynamic = 'force-dynamic';

export default async function Image({ params }: { params: Promise<{ tag: string }> }) {
  const raw = await params;
  const where = readParams(ROUTES.tagImage, raw);
  const byline = where && (await getByline('tag', where.tag));
  if (!byline) return notFoundResponse(`No tag "${raw.tag}".`);
  return shareImage({ kicker: SITE_NAME, title: words().listing.tagged(byline.name) });
}
