import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { SavedArticles } from '@/components/SavedArticles';
import { SAVED_LIST } from '@/lib/routes';

// /saved (the server's front door rewrites it here, as it does / to the front page): a
// dynamic segment rendered on its first request, so its navigation comes from the database
// like every page's, and then cached. The list itself is drawn in the browser, from this
// device's memory: the server never learns what a reader saved.
export const revalidate = 60;
export const dynamicParams = true;
export const generateStaticParams = async (): Promise<Array<{ list: string }>> => [];

export const metadata: Metadata = {
  title: 'Saved articles',
  description: 'The articles saved on this device for reading without a connection.',
  robots: { index: false, follow: true },
  alternates: { canonical: '/saved' },
};

export default async function SavedPage({ params }: { params: Promise<{ list: string }> }) {
  if ((await params).list !== SAVED_LIST) notFound();
  return (
    <div className="mx-auto max-w-3xl pt-8">
      <h1 className="border-b-2 border-strong-rule pb-3 font-serif text-4xl leading-none font-bold tracking-tight sm:text-5xl">
        Saved articles
      </h1>
      <p className="mt-3 text-sm text-muted">Kept on this device only, to read without a connection.</p>
      <p className="mt-6 font-serif text-xl js:hidden">Saving articles for offline reading needs JavaScript.</p>
      <SavedArticles />
    </div>
  );
}
