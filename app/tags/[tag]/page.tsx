import type { Metadata } from 'next';
import { pageParams } from '@/lib/route-params';
import { ROUTES } from '@/lib/routes';
import { BylineListing, bylineListingMetadata } from '../../byline-listing';

interface Props {
  params: Promise<{ tag: string }>;
}

// Rendered on its first request, then served from Next's cache until an import expires
// it (or 60 s pass: REVALIDATE_SECONDS in lib/cache-tags.ts). Nothing is built ahead.
export const revalidate = 60;
export const dynamicParams = true;
export const generateStaticParams = async (): Promise<Array<{ tag: string }>> => [];

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return bylineListingMetadata('tag', (await pageParams(ROUTES.tag, params)).tag, 1);
}

export default async function TagPage({ params }: Props) {
  return <BylineListing kind="tag" slug={(await pageParams(ROUTES.tag, params)).tag} page={1} />;
}
