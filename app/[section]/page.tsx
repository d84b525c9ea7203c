import type { Metadata } from 'next';
import { pageParams } from '@/lib/route-params';
import { ROUTES } from '@/lib/routes';
import { SectionListing, sectionListingMetadata } from './section-listing';

interface Props {
  params: Promise<{ section: string }>;
}

// Rendered on its first request, then served from Next's cache until an import expires
// it (or 60 s pass: REVALIDATE_SECONDS in lib/cache-tags.ts). Nothing is built ahead.
export const revalidate = 60;
export const dynamicParams = true;
export const generateStaticParams = async (): Promise<Array<{ section: string }>> => [];

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return sectionListingMetadata((await pageParams(ROUTES.section, params)).section, 1);
}

export default async function SectionPage({ params }: Props) {
  return <SectionListing slug={(await pageParams(ROUTES.section, params)).section} page={1} />;
}
