import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { SectionListing, sectionListingMetadata } from '../../section-listing';

interface Props {
  params: Promise<{ section: string; page: string }>;
}

// Pages 2 and later of a section (page 1 is /<section>); cached like every page.
export const revalidate = 60;
export const dynamicParams = true;
export const generateStaticParams = async (): Promise<Array<{ section: string; page: string }>> => [];

async function pageNumber(params: Props['params']): Promise<{ section: string; page: number }> {
  const { section, page } = await params;
  if (!/^[1-9][0-9]{0,5}$/u.test(page) || page === '1') notFound();
  return { section, page: Number(page) };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { section, page } = await pageNumber(params);
  return sectionListingMetadata(section, page);
}

export default async function LaterSectionPage({ params }: Props) {
  const { section, page } = await pageNumber(params);
  return <SectionListing slug={section} page={page} />;
}
