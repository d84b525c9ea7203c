import type { Metadata } from 'next';
import { pageParams } from '@/lib/route-params';
import { ROUTES } from '@/lib/routes';
import { SectionListing, sectionListingMetadata } from '../../section-listing';

interface Props {
  params: Promise<{ section: string; page: string }>;
}

// Pages 2 and later of a section (page 1 is /<section>); cached like every page.
export const revalidate = 60;
export const dynamicParams = true;
export const generateStaticParams = async (): Promise<Array<{ section: string; page: string }>> => [];

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { section, page } = await pageParams(ROUTES.sectionPage, params);
  return sectionListingMetadata(section, page);
}

export default async function LaterSectionPage({ params }: Props) {
  const { section, page } = await pageParams(ROUTES.sectionPage, params);
  return <SectionListing slug={section} page={page} />;
}
