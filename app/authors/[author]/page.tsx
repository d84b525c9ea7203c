import type { Metadata } from 'next';
import { pageParams } from '@/lib/route-params';
import { ROUTES } from '@/lib/routes';
import { BylineListing, bylineListingMetadata } from '../../byline-listing';

interface Props {
  params: Promise<{ author: string }>;
}

// Rendered on its first request, then served from Next's cache until an import expires
// it (or 60 s pass: REVALIDATE_SECONDS in lib/cache-tags.ts). Nothing is built ahead.
export const revalidate = 60;
export const dynamicParams = true;
export const generateStaticParams = async (): Promise<Array<{ author: string }>> => [];

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return bylineListingMetadata('author', (await pageParams(ROUTES.author, params)).author, 1);
}

export default async function AuthorPage({ params }: Props) {
  return <BylineListing kind="author" slug={(await pageParams(ROUTES.author, params)).author} page={1} />;
}
