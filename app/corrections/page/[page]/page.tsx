import type { Metadata } from 'next';
import { pageParams } from '@/lib/route-params';
import { ROUTES } from '@/lib/routes';
import { CorrectionsListing, correctionsMetadata } from '../../corrections-listing';

interface Props {
  params: Promise<{ page: string }>;
}

// Pages 2 and later of the corrections listing (page 1 is /corrections); cached like every page.
export const revalidate = 60;
export const dynamicParams = true;
export const generateStaticParams = async (): Promise<Array<{ page: string }>> => [];

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return correctionsMetadata((await pageParams(ROUTES.correctionsPage, params)).page);
}

export default async function LaterCorrectionsPage({ params }: Props) {
  return <CorrectionsListing page={(await pageParams(ROUTES.correctionsPage, params)).page} />;
}
