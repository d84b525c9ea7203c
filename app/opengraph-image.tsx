import { words } from '@/lib/i18n';
import { SHARE_IMAGE_SIZE, SHARE_IMAGE_TYPE, shareImage } from '@/lib/seo/share-image';
import { SITE_DESCRIPTION, SITE_NAME } from '@/lib/site';

export const alt = `${SITE_NAME}: ${SITE_DESCRIPTION}`;
export const size = SHARE_IMAGE_SIZE;
export const contentType = SHARE_IMAGE_TYPE;

export default function Image() {
  return shareImage({ kicker: words().shareImage.kicker, title: SITE_DESCRIPTION });
}
