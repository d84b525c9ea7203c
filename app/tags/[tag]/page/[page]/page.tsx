import type { Metadata } from 'next';
import { pageParams } from '@/lib/route-params';
import { ROUTES } from '@/lib/routes';
import { BylineListing, bylineListingMetadata } from '../../../../byline-listing';

interface Props {
  params: Promise<{ tag: string; page: string }>;
}

// Pages 2 and later of the listing (page 1 is its own address); cached like every page.
export const revalidate = 60;
export const dynamicParams = true;
export const generateStaticParams = async (): Promise<Array<{ tag: string; page: string }>> => [];

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tag, page } = await pageParams(ROUTES.tagPage, params);
  return bylineListingMetadata('tag', tag, page);
}

export default async function LaterTagPage({ params }: Props) {
  const { tag, page } = await pageParams(ROUTES.tagPage, params);
  return <BylineListing kind="tag" slug={tag} page={page} />;
}
