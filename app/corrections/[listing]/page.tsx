import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CORRECTIONS_LISTING } from '@/lib/routes';
import { CorrectionsListing, correctionsMetadata } from '../corrections-listing';

// /corrections (the server's front door serves it from /corrections/<CORRECTIONS_LISTING>, as it
// does / from the front page's route): a dynamic segment rendered on its first request, so that
// the build needs no database, then served from Next's cache until an import or a withdrawal
// expires it (or 60 s pass: REVALIDATE_SECONDS in lib/cache-tags.ts).
export const revalidate = 60;
export const dynamicParams = true;
export const generateStaticParams = async (): Promise<Array<{ listing: string }>> => [];

interface Props {
  params: Promise<{ listing: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  if ((await params).listing !== CORRECTIONS_LISTING) notFound();
  return correctionsMetadata(1);
}

export default async function CorrectionsPage({ params }: Props) {
  if ((await params).listing !== CORRECTIONS_LISTING) notFound();
  return <CorrectionsListing page={1} />;
}
