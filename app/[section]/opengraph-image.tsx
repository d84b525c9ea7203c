import { notFoundResponse } from '@/lib/http/cacheable-response';
import { getSection } from '@/lib/queries';
import { SHARE_IMAGE_SIZE, SHARE_IMAGE_TYPE, shareImage } from '@/lib/seo/share-image';
import { SITE_NAME } from '@/lib/site';
import { slugParam } from '@/lib/url-params';

export const alt = `A section of ${SITE_NAME}`;
export const size = SHARE_IMAGE_SIZE;
export const contentType = SHARE_IMAGE_TYPE;
// Drawn per request from the cached query layer: there is no database at build time.
export const dynamic = 'force-dynamic';

export default async function Image({ params }: { params: Promise<{ section: string }> }) {
  const { section: slug } = await params;
  const section = slugParam.safeParse(slug).success ? await getSection(slug) : null;
  if (!section) return notFoundResponse(`No section "${slug}".`);
  return shareImage({ kicker: SITE_NAME, title: `${section.name}: the latest news` });
}
