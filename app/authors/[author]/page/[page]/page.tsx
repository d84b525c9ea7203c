import type { Metadata } from 'next';
import { pageParams } from '@/lib/route-params';
import { ROUTES } from '@/lib/routes';
import { BylineListing, bylineListingMetadata } from '../../../../byline-listing';

interface Props {
  params: Promise<{ author: string; page: string }>;
}

// Pages 2 and later of the listing (page 1 is its own address); cached like every page.
export const revalidate = 60;
export const dynamicParams = true;
export const generateStaticParams = async (): Promise<Array<{ author: string; page: string }>> => [];

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { author, page } = await pageParams(ROUTES.authorPage, params);
  return bylineListingMetadata('author', author, page);
}

export default async function LaterAuthorPage({ params }: Props) {
  const { author, page } = await pageParams(ROUTES.authorPage, params);
  return <BylineListing kind="author" slug={author} page={page} />;
}
